package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mesosim.cli.ChartOptions;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Parallel;
import org.mesosim.cli.RunsProgress;
import org.mesosim.cli.scenario.Loc;
import org.mesosim.cli.scenario.Problem;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.sweep.Shard;
import org.mesosim.cli.sweep.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mesosim sweep SWEEP.yaml}: every combination of a grid of overrides, times seeds, run in
 * parallel; one row per run in {@code sweep.csv}. Each finished run leaves {@code runs/NNNN/row.json};
 * running the sweep again skips those (an interrupted sweep resumes). The file's format and the
 * expansion into runs are {@link SweepPlan}'s.
 *
 * <p>{@code --shard I/N} runs only the runs of shard I (run NNNN belongs to shard (NNNN-1) mod N) and
 * writes {@code shard-I-of-N.json} instead of {@code sweep.csv}; {@code mesosim sweep merge} joins the
 * shards into the sweep.csv one unsharded sweep writes.
 *
 * <p>Once every run has finished, an unsharded sweep (and {@code sweep merge}, and the Spark driver)
 * writes the aggregate over seeds as {@code compare} does: {@link SweepPlan#writeAggregate}.
 */
@Command(name = "sweep", description = "Run a grid of overrides x seeds (a small YAML file) in parallel; one row per"
    + " run in DIR/sweep.csv (default runs/<sweep file name>/), means and intervals per combination on stdout and in"
    + " comparison_summary.csv/json/html as compare writes them. Re-running resumes, skipping finished runs.",
    subcommands = SweepMergeCommand.class)
public final class SweepCommand implements Callable<Integer> {
  /** The most runs one sweep may make (a typo such as seeds: 100000000 must not fill the heap with plans). */
  static final int MAX_RUNS = SweepPlan.MAX_RUNS;

  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ChartOptions charts;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP", description = "The sweep YAML file.")
  Path sweepFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<sweep name>/).")
  Path out;

  @Option(names = "--parallel", paramLabel = "N", description = "Runs at once (overrides the file's).")
  Integer parallel;

  @Option(names = "--metric", split = ",", paramLabel = "KEY", description = "Metrics of the results table on stdout"
      + " (default: the headline metrics); as compare's --metric.")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (0 <= I < N): the runs whose"
      + " number NNNN has (NNNN-1) mod N = I. Shards may share DIR; join them with `mesosim sweep merge`.")
  String shard;

  @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local", description = "local (default): a"
      + " thread pool; spark: one Spark task per run (needs Spark on the class path, see docs/spark.md).")
  String engine;

  @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master (local[N],"
      + " spark://HOST:7077, k8s://...).")
  String master;

  /** The Spark application's entry point (module spark), found at run time: cli does not depend on Spark. */
  static final String SPARK_APP = "org.mesosim.spark.SparkSweep";

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sweepFile == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'SWEEP'");
    }
    if (!engine.equals("local")) {
      return spark(o, err);
    }
    if (master != null) {
      throw new org.mesosim.engine.BadInputException("--master: only with --engine spark");
    }
    Shard sh = shard == null ? null : Shard.parse(shard);
    List<Problem> usage = new ArrayList<>(); // reported with the file's problems
    if (parallel != null && parallel < 1) {
      usage.add(new Problem(Loc.of("--parallel"), "", "must be >= 1, not " + parallel));
    }
    SweepPlan plan = SweepPlan.load(sweepFile, parent.services().catalog(), usage);
    metrics = CompareCommand.checkMetrics(parent.services().comparison(), metrics);
    int threads = parallel != null ? parallel : plan.parallel() != null ? plan.parallel() : Parallel.defaultThreads();
    List<SweepPlan.Point> points = plan.points();
    // validate every point before running any, and report every distinct problem of the grid at once
    List<Scenario> scenarios = plan.scenarios();
    List<String> runKeys = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      runKeys.add(plan.runKey(i, scenarios.get(i)));
    }
    Path dir = out != null ? out : Path.of("runs", plan.name());
    org.mesosim.cli.OutputPaths.checkFolder("--out", dir);
    Files.createDirectories(dir.resolve("runs"));
    // a previous sweep.csv (another grid, or runs that have since gone stale) must not pass for this
    // sweep's while it runs or if it is killed; the new one is written whole and renamed at the end
    // (after a shard's run, `sweep merge` writes it)
    Files.deleteIfExists(dir.resolve("sweep.csv"));
    if (sh != null) {
      sh.writeManifest(dir, plan, runKeys);
    }
    List<Callable<Map<String, Object>>> tasks = new ArrayList<>();
    List<Integer> todo = new ArrayList<>();
    Map<Integer, Map<String, Object>> rows = new java.util.TreeMap<>();
    int mine = 0;
    for (int i = 0; i < points.size(); i++) {
      if (sh != null && !sh.owns(i)) {
        continue;
      }
      mine++;
      SweepPlan.Point p = points.get(i);
      String key = runKeys.get(i);
      Path runDir = dir.resolve("runs").resolve(p.id());
      Map<String, Object> row = SweepPlan.readRow(runDir.resolve("row.json"), "sweep", err);
      if (row != null && key.equals(row.get("key"))) {
        rows.put(i, row);
        continue;
      }
      todo.add(i);
      Scenario s = scenarios.get(i);
      int at = i;
      tasks.add(() -> {
        Map<String, Object> r = plan.run(parent.services().runner(), at, s, key, runDir, err, charts.noCharts);
        SweepPlan.writeRow(runDir, r);
        return r;
      });
    }
    if (!rows.isEmpty()) {
      err.println("sweep: resuming; " + rows.size() + " of " + mine + " runs already finished");
      err.flush();
    }
    // a sweep whose runs do not all finish writes no comparison: an earlier one must not pass for it
    // (a shard writes none: `sweep merge` does)
    parent.services().comparison().removeOutputs(dir);
    List<Parallel.Outcome<Map<String, Object>>> outcomes;
    try (RunsProgress progress = new RunsProgress(err, "sweep", tasks.size(),
        !common.quiet && parent.services().terminal().getAsBoolean())) {
      outcomes = Parallel.runAll(tasks.stream().map(progress::wrap).toList(), threads);
    }
    List<Exception> failed = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Parallel.Outcome<Map<String, Object>> oc = outcomes.get(i);
      if (oc.error() != null) {
        failed.add(oc.error());
        err.println("sweep: run " + points.get(todo.get(i)).id() + " failed: " + MesosimCommand.describe(oc.error()));
      } else {
        rows.put(todo.get(i), oc.value());
      }
    }
    if (sh == null) {
      SweepPlan.writeCsv(dir.resolve("sweep.csv"), plan.keys(), new ArrayList<>(rows.values()));
      o.println("sweep: " + rows.size() + " of " + points.size() + " runs done; " + dir.resolve("sweep.csv"));
    } else {
      o.println("sweep: shard " + sh + ": " + rows.size() + " of " + mine + " runs done in " + dir.resolve("runs")
          + "; join the shards with: mesosim sweep merge --out DIR SHARD_DIR...");
    }
    o.flush();
    if (!failed.isEmpty()) { // each failed run is named above
      err.flush();
      throw Parallel.failedRuns(failed, todo.size(), "; run the sweep again to resume");
    }
    if (sh == null) {
      // the aggregate over seeds, as compare's: one group per combination of grid values
      String stats = SweepPlan.writeAggregate(parent.services().comparison(), dir, plan.keys(),
          new ArrayList<>(rows.values()), metrics, !charts.noCharts);
      if (stats != null && !stats.isBlank()) {
        o.println();
        o.print(stats);
      }
      o.println("results: " + dir);
      o.flush();
    }
    long violations = rows.values().stream().mapToLong(r -> ((Number) r.get("invariant_violations")).longValue()).sum();
    return violations > 0 ? ExitCodes.INVARIANT_VIOLATED : ExitCodes.OK;
  }

  /** {@code --engine spark}: hands the sweep to the Spark application when Spark and it are on the class path. */
  private int spark(PrintWriter o, PrintWriter err) throws Exception {
    if (!engine.equals("spark")) {
      throw new org.mesosim.engine.BadInputException("--engine: expected local or spark, not '" + engine + "'");
    }
    if (shard != null || parallel != null) {
      throw new org.mesosim.engine.BadInputException("--engine spark: " + (shard != null ? "--shard" : "--parallel")
          + " is for the local engine (Spark makes one task per run; give executors cores instead)");
    }
    Class<?> app;
    try {
      Class.forName("org.apache.spark.SparkContext", false, getClass().getClassLoader());
      app = Class.forName(SPARK_APP, true, getClass().getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new org.mesosim.engine.BadInputException("--engine spark: Spark and mesosim-spark.jar are not on the class"
          + " path of this mesosim; submit the sweep to Spark instead: spark-submit --master " + (master != null
          ? master : "URL") + " --class " + SPARK_APP + " spark/target/mesosim-spark.jar " + sweepFile + " --out "
          + (out != null ? out : "DIR") + " (docs/spark.md)");
    }
    List<String> args = new ArrayList<>(List.of(sweepFile.toString(), "--out",
        (out != null ? out : Path.of("runs", SweepPlan.load(sweepFile, parent.services().catalog()).name())).toString()));
    if (master != null) {
      args.addAll(List.of("--master", master));
    }
    if (charts.noCharts) {
      args.add("--no-charts");
    }
    for (String m : CompareCommand.checkMetrics(parent.services().comparison(), metrics)) {
      args.addAll(List.of("--metric", m));
    }
    return (Integer) app.getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class)
        .invoke(null, o, err, (Object) args.toArray(String[]::new));
  }
}
