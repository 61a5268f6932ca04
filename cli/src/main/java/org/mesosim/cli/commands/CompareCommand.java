package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mesosim.cli.ChartOptions;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Parallel;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Runner;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mesosim compare SCENARIO --allocators a,b [--seeds N]}: the same scenario under several
 * policies and seeds, as independent runs in parallel; one table in the user's order.
 */
@Command(name = "compare", description = "Run a scenario under several allocator policies (and seeds) in parallel;"
    + " one table, comparison.csv/json and side-by-side charts in DIR (default runs/<name>-compare/).")
public final class CompareCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ChartOptions charts;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenario;

  @Option(names = "--allocators", required = true, split = ",", paramLabel = "POLICY",
      description = "Policies to compare, comma-separated, in table order (see `mesosim list allocators`).")
  List<String> allocators;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
      description = "Seeds per policy: the scenario's seed, +1, ... (default 1).")
  int seeds;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<name>-compare/).")
  Path out;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override any key (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--parallel", paramLabel = "N", description = "Runs at once (default: processors).")
  Integer parallel;

  @Option(names = "--check-invariants", description = "Check the model's invariants (exit 3 on a violation).")
  boolean checkInvariants;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (seeds < 1) {
      throw new BadInputException("--seeds: must be >= 1");
    }
    if ((long) seeds * allocators.size() > SweepCommand.MAX_RUNS) { // as a sweep: run plans must not fill the heap
      throw new BadInputException(String.format(java.util.Locale.ROOT, "--seeds: %d seeds x %d policies would make"
          + " %d runs; at most %,d", seeds, allocators.size(), (long) seeds * allocators.size(), SweepCommand.MAX_RUNS));
    }
    if (parallel != null && parallel < 1) {
      throw new BadInputException("--parallel: must be >= 1, not " + parallel);
    }
    // picocli splits at commas only: "fifo, drf" gives " drf", and "," or "" give nothing or empty names
    List<String> names = allocators.stream().map(String::strip).toList();
    if (names.isEmpty() || names.contains("")) {
      throw new BadInputException("--allocators: " + (names.stream().allMatch(String::isEmpty) ? "no policy given"
          : "an empty policy name in '" + String.join(",", allocators) + "'") + "; expected comma-separated"
          + " policies, known: " + String.join(", ", parent.services().catalog().allocatorNames()));
    }
    allocators = names;
    List<String> seen = new ArrayList<>();
    for (String a : allocators) {
      if (seen.contains(a)) {
        // the runs would share an output folder (DIR/<policy>-seed<s>/)
        throw new BadInputException("--allocators: " + a + " is listed twice");
      }
      seen.add(a);
    }
    sets = charts.apply(sets);
    ScenarioLoader loader = new ScenarioLoader(parent.services().catalog());
    Scenario base = loader.load(scenario, sets);
    List<String> unknown = new ArrayList<>();
    for (String a : allocators) {
      if (parent.services().catalog().policy(a).isEmpty()) {
        unknown.add(a);
      }
    }
    if (!unknown.isEmpty()) {
      throw new BadInputException("--allocators: unknown polic" + (unknown.size() == 1 ? "y " : "ies ")
          + String.join(", ", unknown) + "; known: " + String.join(", ", parent.services().catalog().allocatorNames()));
    }
    Path dir = out != null ? out : Path.of("runs", base.name() + "-compare");
    org.mesosim.cli.OutputPaths.checkFolder("--out", dir);
    List<RunRequest> requests = new ArrayList<>();
    for (String a : allocators) {
      List<String> overrides = new ArrayList<>(sets);
      if (!a.equals(base.allocator().policy())) {
        overrides.add("allocator.policy=" + a);
        overrides.add("allocator.options={}");
      }
      Scenario s = loader.load(scenario, overrides);
      for (int k = 0; k < seeds; k++) {
        long seed = base.seed() + k;
        requests.add(new RunRequest(s.withSeed(seed), overrides, dir.resolve(a + "-seed" + seed), checkInvariants,
            false));
      }
    }
    // A run that fails means no comparison is written: an earlier one in DIR must not pass for this one's
    // (as a run first removes a previous run's files)
    parent.services().comparison().removeOutputs(dir);
    List<RunResult> results = runAll(parent.services().runner(), requests, parallel == null
        ? Parallel.defaultThreads() : parallel, err);
    o.println(table(results, requests));
    List<String> labels = requests.stream().map(r -> r.scenario().allocator().policy()).toList();
    parent.services().comparison().write(dir, results, labels, !charts.noCharts);
    o.println("results: " + dir);
    o.flush();
    long violations = results.stream().mapToLong(RunResult::invariantViolations).sum();
    return violations > 0 ? ExitCodes.INVARIANT_VIOLATED : ExitCodes.OK;
  }

  /**
   * Runs every request (in parallel), results in request order. If runs fail, each is named on stderr
   * (in request order: policies as listed, then seeds), then a count is thrown; the first failed run
   * decides the exit code (bad input stays bad input: exit code 2).
   */
  static List<RunResult> runAll(Runner runner, List<RunRequest> requests, int threads, PrintWriter err)
      throws Exception {
    List<Callable<RunResult>> tasks = new ArrayList<>();
    for (RunRequest r : requests) {
      tasks.add(() -> runner.run(r, err));
    }
    List<RunResult> results = new ArrayList<>();
    List<Parallel.Outcome<RunResult>> outcomes = Parallel.runAll(tasks, threads);
    List<Exception> failed = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Exception e = outcomes.get(i).error();
      if (e != null) {
        RunRequest r = requests.get(i);
        err.println("run " + r.scenario().allocator().policy() + " seed " + r.scenario().seed()
            + (r.outDir() == null ? "" : " (" + r.outDir() + ")") + " failed: "
            + (e instanceof BadInputException ? e.getMessage() : MesosimCommand.describe(e)));
        failed.add(e);
      } else {
        results.add(outcomes.get(i).value());
      }
    }
    if (!failed.isEmpty()) {
      err.flush();
      throw Parallel.failedRuns(failed, requests.size(), "");
    }
    return results;
  }

  static String table(List<RunResult> results, List<RunRequest> requests) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-24s %6s %12s %12s %9s  %s%n", "allocator", "seed", "events",
        "simulated_s", "wall_s", "digest"));
    for (int i = 0; i < results.size(); i++) {
      RunResult r = results.get(i);
      Scenario s = requests.get(i).scenario();
      sb.append(String.format(Locale.ROOT, "%-24s %6d %12d %12.1f %9.2f  %s%n", s.allocator().policy(), s.seed(),
          r.events(), r.simulatedMicros() / (double) SimTime.SECOND, r.wallSeconds(), r.digest()));
    }
    return sb.toString().stripTrailing();
  }
}
