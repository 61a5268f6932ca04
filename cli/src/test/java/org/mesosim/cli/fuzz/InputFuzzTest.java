package org.mesosim.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Runner;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.cli.scenario.ScenarioWriter;
import org.mesosim.engine.BadInputException;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.TraceSpec;
import org.mesosim.workloads.Workloads;

/**
 * Fuzz targets (Jazzer's JUnit integration) for every input mesosim reads: the scenario loader, the
 * sweep loader, each trace reader and {@code --set}. The contract: a valid result, or a
 * {@link BadInputException} (exit 2) whose every line is located (it names the file, or the
 * option), within a bounded time; never another exception (a finding). The sweep target goes
 * through the command line (its loader lives there): exit 0 or 2, never 1, never a stack trace.
 *
 * <p>{@code mvn verify} runs the committed corpus ({@code InputFuzzTestInputs/<target>/}, with the
 * cases of issue 24) in regression mode; {@code -Pfuzz} fuzzes one target (see cli/pom.xml).
 * Scenarios and sweeps are only validated or planned (the sweep's runner is a stub), so no
 * simulation runs: a valid input costs milliseconds.
 */
class InputFuzzTest {
  /**
   * The most wall time one input may take: far above what any input needs (milliseconds), and above
   * the first input's warm-up while Jazzer instruments classes (12 s seen on a busy machine).
   */
  static final long MAX_MILLIS = 30_000;
  /** Inputs are cut to this many bytes: the readers' limits are tested elsewhere, here their parsing. */
  static final int MAX_BYTES = 64 * 1024;

  private static Path dir;

  private static synchronized Path dir() throws IOException {
    if (dir == null) {
      dir = Files.createTempDirectory("mesosim-fuzz-");
      dir.toFile().deleteOnExit();
    }
    return dir;
  }

  /** A runner that runs nothing (the sweep target plans runs, it does not simulate them). */
  static final Runner STUB = (req, progress) -> new RunResult(Integer.toHexString(
      ScenarioWriter.tree(req.scenario()).toString().hashCode()), 1, 1, 0, 0, req.outDir(), "stub", null,
      new TreeMap<>(java.util.Map.of("jain_mean", 1.0)));

  /** Runs the CLI and checks the contract; returns stderr. */
  static String check(Services services, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    long t0 = System.nanoTime();
    int code = MesosimCommand.commandLine(services, new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    String err = e.toString();
    assertTrue(code == ExitCodes.OK || code == ExitCodes.BAD_INPUT, "exit " + code + " for " + List.of(args) + ":\n"
        + err);
    assertTrue(!err.contains("Exception") && !err.contains("\tat "), "a stack trace:\n" + err);
    assertTrue(ms < MAX_MILLIS, ms + " ms for one input");
    return err;
  }

  private static Path file(String name, byte[] data) throws IOException {
    Path f = dir().resolve(name);
    Files.write(f, data.length > MAX_BYTES ? java.util.Arrays.copyOf(data, MAX_BYTES) : data);
    return f;
  }

  private static final Services SERVICES = Services.standard();

  /** Loads a scenario as validate does: a scenario, or a BadInputException whose every line is located. */
  private static void load(Path f, List<String> sets, String... prefixes) {
    long t0 = System.nanoTime();
    try {
      new ScenarioLoader(SERVICES.catalog()).load(f, sets);
    } catch (BadInputException e) {
      for (String line : e.getMessage().split("\n")) {
        boolean ok = false;
        for (String p : prefixes) {
          ok |= line.startsWith(p);
        }
        assertTrue(ok, "not located: " + line);
      }
    }
    assertTrue((System.nanoTime() - t0) / 1_000_000 < MAX_MILLIS, "too slow");
  }

  @FuzzTest(maxDuration = "2m")
  void scenarioFile(byte[] data) throws IOException {
    Path f = file("scenario.yaml", data);
    load(f, List.of(), f.toString());
  }

  @FuzzTest(maxDuration = "2m")
  void sweepFile(byte[] data) throws IOException {
    Path scenario = dir().resolve("base.yaml");
    if (!Files.exists(scenario)) {
      Files.writeString(scenario, BASE);
    }
    Path f = file("sweep.yaml", data);
    Path out = dir().resolve("sweep-out");
    // the stub's runs leave no summary.json, so the sweep's aggregate over seeds (tested with real runs in
    // NoChartsTest, RealRunsTest) is a stub too: this target is about reading and planning sweep files
    Services stubbed = new Services(SERVICES.catalog(), STUB, c -> "", SERVICES.traces(), SERVICES.terminal());
    String err = check(stubbed, "sweep", f.toString(), "--out", out.toString());
    for (String line : err.strip().split("\n")) {
      if (!line.isEmpty() && !line.startsWith("sweep: ")) {
        assertTrue(line.startsWith(f.toString()) || line.startsWith(scenario.toString()) || line.startsWith("--out"),
            "not located: " + line);
      }
    }
  }

  @FuzzTest(maxDuration = "2m")
  void setOverride(byte[] data) throws IOException {
    Path scenario = dir().resolve("base.yaml");
    if (!Files.exists(scenario)) {
      Files.writeString(scenario, BASE);
    }
    String set = new String(data, StandardCharsets.UTF_8);
    load(scenario, List.of(set), scenario.toString(), "--set");
  }

  @FuzzTest(maxDuration = "2m")
  void csvTrace(byte[] data) throws IOException {
    trace("csv", "t.csv", data);
  }

  @FuzzTest(maxDuration = "2m")
  void swfTrace(byte[] data) throws IOException {
    trace("swf", "t.swf", data);
  }

  @FuzzTest(maxDuration = "2m")
  void googleTrace(byte[] data) throws IOException {
    trace("google-2011", "task_events.csv", data);
  }

  @FuzzTest(maxDuration = "2m")
  void alibabaTrace(byte[] data) throws IOException {
    trace("alibaba-2018", "batch_task.csv", data);
  }

  /** Reads every job (at most 100,000 tasks): the jobs, or a BadInputException naming the file (file:line). */
  private static void trace(String format, String name, byte[] data) throws IOException {
    Path f = file(name, data);
    for (boolean skip : new boolean[] {false, true}) {
      long t0 = System.nanoTime();
      try (Workload w = Workloads.trace(TraceSpec.of(format, List.of(f)).withSkipMalformed(skip))) {
        long tasks = 0;
        JobSpec j;
        while (tasks < 100_000 && (j = w.next()) != null) {
          tasks += j.tasks().size();
        }
      } catch (BadInputException e) {
        assertTrue(e.getMessage().startsWith(f.toString()), "not located: " + e.getMessage());
      }
      assertTrue((System.nanoTime() - t0) / 1_000_000 < MAX_MILLIS, "too slow");
    }
  }

  static final String BASE = """
      name: base
      until: 1m
      cluster:
        agents: [{name: a, count: 2, resources: {cpus: 4, mem: 8GB}}]
      frameworks:
        - name: f
          workload: {synthetic: {jobs: 2, task: {resources: {cpus: 1, mem: 1GB}, duration: 10s}}}
      """;
}
