package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mesosim.cli.ChartOptions;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Parallel;
import org.mesosim.cli.scenario.Loc;
import org.mesosim.cli.scenario.Problem;
import org.mesosim.cli.sweep.Batch;
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
 * writes the aggregate over seeds as {@code compare} does: {@link SweepPlan#writeAggregate}. The runs
 * are run, and reported, by {@link Batch}, as {@code compare}'s.
 */
@Command(name = "sweep", description = "Run a grid of overrides x seeds (a small YAML file) in parallel; one row per"
    + " run in DIR/sweep.csv (default runs/<sweep file name>/), means and intervals per combination on stdout and in"
    + " comparison_summary.csv/json/html as compare writes them. Re-running resumes, skipping finished runs.",
    subcommands = MergeCommand.class)
public final class SweepCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ChartOptions charts;
  @Mixin EngineOptions engine;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP", description = "The sweep YAML file.")
  Path sweepFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<sweep name>/).")
  Path out;

  @Option(names = "--parallel", paramLabel = "N", description = "Runs at once (overrides the file's).")
  Integer parallel;

  @Option(names = "--metric", split = ",", paramLabel = "KEY", description = "Metrics of the results table on stdout"
      + " (default: the headline metrics); as compare's --metric.")
  List<String> metrics = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (sweepFile == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'SWEEP'");
    }
    if (engine.spark(parallel != null)) {
      List<String> args = new ArrayList<>(List.of(sweepFile.toString(), "--out", EngineOptions.out(spec, out != null
          ? out : Path.of("runs", SweepPlan.load(sweepFile, parent.services().catalog()).name()))));
      return engine.runSpark(sparkOptions(args, charts, CompareCommand.checkMetrics(parent.services().comparison(),
          metrics)), o, err);
    }
    Shard sh = engine.shard();
    List<Problem> usage = new ArrayList<>(); // reported with the file's problems
    if (parallel != null && parallel < 1) {
      usage.add(new Problem(Loc.of("--parallel"), "", "must be >= 1, not " + parallel));
    }
    SweepPlan plan = SweepPlan.load(sweepFile, parent.services().catalog(), usage);
    metrics = CompareCommand.checkMetrics(parent.services().comparison(), metrics);
    int threads = parallel != null ? parallel : plan.parallel() != null ? plan.parallel() : Parallel.defaultThreads();
    Path dir = out != null ? out : Path.of("runs", plan.name());
    org.mesosim.cli.OutputPaths.checkFolder("--out", dir);
    Batch.Outcome done = Batch.runLocal(plan, parent.services(), dir, sh, true, threads, charts.noCharts,
        !common.quiet && parent.services().terminal().getAsBoolean(), err);
    return Batch.finishLocal(plan, parent.services(), dir, sh, true, done, metrics, !charts.noCharts, o, err);
  }

  /** {@code args} and the Spark application's options for {@code --no-charts} and {@code --metric}. */
  static List<String> sparkOptions(List<String> args, ChartOptions charts, List<String> metrics) {
    List<String> all = new ArrayList<>(args);
    if (charts.noCharts) {
      all.add("--no-charts");
    }
    for (String m : metrics) {
      all.addAll(List.of("--metric", m));
    }
    return all;
  }
}
