package org.mesosim.cli.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.mesosim.cli.ChartOptions;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import org.mesosim.cli.OutputPaths;
import org.mesosim.cli.sweep.Batch;
import org.mesosim.cli.sweep.SweepPlan;
import org.mesosim.engine.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mesosim sweep merge} and {@code mesosim compare merge} ({@code --out DIR SHARD_DIR...}): join
 * the shards of one sweep or comparison ({@code --shard I/N}) into what the unsharded command writes:
 * a sweep's {@code sweep.csv} (the same bytes apart from the wall-time column) or a comparison's table
 * of runs, copying each run's folder into DIR unless it is there already. Shards of different sweeps
 * or comparisons (another file, grid, policies, seeds or scenario), of the other command, of different
 * N, a shard given twice or a missing shard are refused with exit code 2 before anything is written.
 * Once every run is in, it writes the aggregate over seeds the unsharded command writes
 * ({@link SweepPlan#writeAggregate}): the same bytes.
 */
@Command(name = "merge", description = "Join the output folders of `sweep --shard I/N` (or `compare --shard I/N`) runs"
    + " into DIR (sweep.csv, the runs' folders) and the aggregate over seeds (comparison_*), as the unsharded command"
    + " writes them.")
public final class MergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ChartOptions charts;

  @Option(names = "--metric", split = ",", paramLabel = "KEY", description = "Metrics of the results table on stdout"
      + " (default: the headline metrics); as sweep's --metric.")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (may be a shard's).")
  Path out;

  @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Output folders of the shards (one folder may"
      + " hold several shards).")
  List<Path> shardDirs;

  private record Manifest(Path dir, Path file, SweepPlan.Kind kind, String sweep, String plan, int shard, int of,
      int runs, List<String> keys, Map<String, String> runKeys) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SweepPlan.Kind kind = SweepPlan.Kind.of(spec.parent().name());
    String who = kind.command + " merge";
    Services services = ((MesosimCommand) spec.root().userObject()).services();
    metrics = CompareCommand.checkMetrics(services.comparison(), metrics);
    List<Manifest> manifests = new ArrayList<>();
    for (Path d : shardDirs) {
      if (!Files.isDirectory(d)) {
        throw new BadInputException(d + ": no such folder (expected the --out folder of a `" + kind.command
            + " --shard I/N` run)");
      }
      List<Path> found;
      try (Stream<Path> s = Files.list(d)) {
        found = s.filter(p -> p.getFileName().toString().matches("shard-\\d+-of-\\d+\\.json")).sorted().toList();
      }
      if (found.isEmpty()) {
        throw new BadInputException(d + ": no shard-I-of-N.json (is it the --out folder of a `" + kind.command
            + " --shard I/N` run?)");
      }
      for (Path f : found) {
        manifests.add(read(d, f));
      }
    }
    Manifest first = manifests.get(0);
    Map<Integer, Manifest> byShard = new TreeMap<>();
    for (Manifest m : manifests) {
      if (m.kind() != kind) {
        throw new BadInputException(m.file() + ": a shard of `" + m.kind().command + " --shard`; join it with `mesosim "
            + m.kind().command + " merge`");
      }
      if (!m.plan().equals(first.plan()) || m.runs() != first.runs() || !m.keys().equals(first.keys())) {
        throw new BadInputException(m.file() + ": a shard of another " + kind.command + " than " + first.file()
            + " (plan " + m.plan() + ", not " + first.plan() + "): " + (kind == SweepPlan.Kind.SWEEP
            ? "the sweep file, its grid, seeds or scenario differ" : "the scenario, --set, policies or seeds differ"));
      }
      if (m.of() != first.of()) {
        throw new BadInputException(m.file() + ": shard " + m.shard() + "/" + m.of() + " does not fit with shard "
            + first.shard() + "/" + first.of() + " (" + first.file() + "): their runs overlap; shard with one N");
      }
      Manifest before = byShard.putIfAbsent(m.shard(), m);
      if (before != null && !sameFile(before.file(), m.file())) {
        throw new BadInputException(m.file() + ": shard " + m.shard() + "/" + m.of() + " is given twice (also "
            + before.file() + ")");
      }
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < first.of(); i++) {
      if (!byShard.containsKey(i)) {
        missing.add(i + "/" + first.of());
      }
    }
    if (!missing.isEmpty()) {
      throw new BadInputException(who + ": shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
          + " of " + kind.command + " " + first.sweep() + " not given (run `" + kind.command + " --shard` for "
          + (missing.size() == 1 ? "it" : "them")
          + ", or name the folder that holds " + (missing.size() == 1 ? "it" : "them") + ")");
    }
    OutputPaths.checkFolder("--out", out);
    Files.createDirectories(kind == SweepPlan.Kind.SWEEP ? out.resolve("runs") : out);
    // a merge that lacks runs writes no comparison: an earlier one must not pass for it
    services.comparison().removeOutputs(out);
    // shard I holds the runs at positions I, I+N, ... in its manifest's order: the rows in run order
    Map<Integer, Map<String, Object>> rows = new TreeMap<>();
    List<String> unfinished = new ArrayList<>();
    for (Manifest m : byShard.values()) {
      int k = m.shard();
      for (Map.Entry<String, String> e : m.runKeys().entrySet()) {
        int at = k;
        k += m.of();
        Path runDir = kind.runDir(m.dir(), e.getKey());
        Map<String, Object> row = SweepPlan.readRow(runDir.resolve("row.json"), who, err);
        if (row == null || !e.getValue().equals(row.get("key"))) {
          unfinished.add(e.getKey() + " (shard " + m.shard() + "/" + m.of() + ", " + m.dir() + ")");
          continue;
        }
        Path target = kind.runDir(out, e.getKey());
        if (!sameFile(runDir, target)) {
          copyTree(runDir, target);
        }
        rows.put(at, row);
      }
    }
    int code = Batch.report(services.comparison(), kind, out, out.toString(), first.keys(), new ArrayList<>(rows.values()),
        who + ": " + rows.size() + " of " + first.runs() + " runs from " + first.of() + " shard" + (first.of() == 1 ? ""
        : "s") + (kind == SweepPlan.Kind.SWEEP ? "; " + out.resolve("sweep.csv") : ""), unfinished.isEmpty(), metrics,
        !charts.noCharts, o);
    if (!unfinished.isEmpty()) {
      for (String u : unfinished) {
        err.println(who + ": run " + u + " is not finished");
      }
      err.flush();
      throw new IllegalStateException(unfinished.size() + " of " + first.runs() + " runs are not finished; run their"
          + " shards again (they resume), then merge again");
    }
    return code;
  }

  @SuppressWarnings("unchecked")
  private static Manifest read(Path dir, Path f) {
    try {
      Map<String, Object> m = new ObjectMapper().readValue(f.toFile(), Map.class);
      return new Manifest(dir, f, SweepPlan.Kind.of((String) m.get("command")), (String) m.get("sweep"), (String) m.get("plan"), ((Number) m.get("shard")).intValue(),
          ((Number) m.get("of")).intValue(), ((Number) m.get("runs")).intValue(), (List<String>) m.get("keys"),
          (Map<String, String>) m.get("run_keys"));
    } catch (IOException | RuntimeException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
          : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new BadInputException(f + ": not a shard manifest (" + why.lines().findFirst().orElse("") + ")");
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** Copies a run's folder (its files; row.json last, so an interrupted copy is not a finished run). */
  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    Files.deleteIfExists(to.resolve("row.json"));
    List<Path> files;
    try (Stream<Path> s = Files.walk(from)) {
      files = s.sorted().toList();
    }
    for (Path f : files) {
      Path t = to.resolve(from.relativize(f).toString());
      if (Files.isDirectory(f)) {
        Files.createDirectories(t);
      } else if (!f.getFileName().toString().equals("row.json")) {
        Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.copy(from.resolve("row.json"), to.resolve("row.json"), StandardCopyOption.REPLACE_EXISTING);
  }
}
