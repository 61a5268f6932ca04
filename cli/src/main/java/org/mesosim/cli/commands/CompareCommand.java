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
import org.mesosim.cli.Services;
import org.mesosim.cli.sweep.Batch;
import org.mesosim.cli.sweep.Shard;
import org.mesosim.cli.sweep.SweepPlan;
import org.mesosim.engine.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mesosim compare SCENARIO --allocators a,b [--seeds N]}: the same scenario under several
 * policies and seeds, as independent runs in parallel; one table in the user's order. The runs are a
 * {@link SweepPlan#compare comparison plan}, run as a sweep's are ({@link Batch}): {@code --shard I/N}
 * runs a part of them (and resumes), {@code compare merge} joins the parts, {@code --engine spark}
 * runs them on Spark; each writes the same aggregate.
 */
@Command(name = "compare", description = "Run a scenario under several allocator policies (and seeds) in parallel;"
    + " the runs, then per metric the mean and 95% interval per policy and the paired difference with the first"
    + " policy on stdout; comparison_summary.csv, comparison_runs.csv, comparison.json/html and charts in DIR"
    + " (default runs/<name>-compare/). See docs/comparing.md.", subcommands = MergeCommand.class)
public final class CompareCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ChartOptions charts;
  @Mixin EngineOptions engine;

  // not required by picocli, which would then ask for them before `compare merge` too: checked in call()
  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenario;

  @Option(names = "--allocators", split = ",", paramLabel = "POLICY",
      description = "Policies to compare, comma-separated, in table order (see `mesosim list allocators`); required.")
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

  @Option(names = "--metric", split = ",", paramLabel = "KEY", description = "Metrics of the results table on stdout,"
      + " comma-separated or repeated (default: the headline metrics): e.g. wait_p95_s, util_cpus_mean,"
      + " 'wait_p95_s[role=big]', 'share_mean[framework=A]'. Every metric is in comparison_summary.csv.")
  List<String> metrics = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (scenario == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'SCENARIO'");
    }
    if (allocators == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "Missing required option: '--allocators=POLICY'");
    }
    boolean spark = engine.spark(parallel != null);
    Shard sh = engine.shard();
    if (seeds < 1) {
      throw new BadInputException("--seeds: must be >= 1");
    }
    if (parallel != null && parallel < 1) {
      throw new BadInputException("--parallel: must be >= 1, not " + parallel);
    }
    metrics = checkMetrics(parent.services().comparison(), metrics);
    SweepPlan plan = SweepPlan.compare(scenario, sets, allocators, seeds, checkInvariants, parent.services().catalog());
    Path dir = out != null ? out : Path.of("runs", plan.name() + "-compare");
    if (spark) {
      List<String> args = new ArrayList<>(List.of(scenario.toString(), "--allocators", String.join(",", allocators),
          "--seeds", String.valueOf(seeds)));
      for (String s : sets) {
        args.addAll(List.of("--set", s));
      }
      if (checkInvariants) {
        args.add("--check-invariants");
      }
      args.addAll(List.of("--out", EngineOptions.out(spec, dir))); // a path or a Hadoop URI (hdfs://...)
      return engine.runSpark(SweepCommand.sparkOptions(args, charts, metrics), o, err);
    }
    org.mesosim.cli.OutputPaths.checkFolder("--out", dir);
    // a whole comparison runs every run again (an edited model must not be compared from old runs);
    // a shard resumes, as a sweep's: a batch system re-runs a failed shard
    Batch.Outcome done = Batch.runLocal(plan, parent.services(), dir, sh, sh != null,
        parallel == null ? Parallel.defaultThreads() : parallel, charts.noCharts,
        !common.quiet && parent.services().terminal().getAsBoolean(), err);
    return Batch.finishLocal(plan, parent.services(), dir, sh, sh != null, done, metrics, !charts.noCharts, o, err);
  }

  /** The metric keys, stripped; an empty or unknown one is bad input (exit code 2) before anything runs. */
  public static List<String> checkMetrics(Services.ComparisonWriter w, List<String> keys) {
    List<String> out = new ArrayList<>();
    for (String k : keys) {
      String key = k.strip();
      String problem = key.isEmpty() ? "an empty metric name" : w.checkMetric(key);
      if (problem != null) {
        throw new BadInputException("--metric: " + problem);
      }
      if (!out.contains(key)) {
        out.add(key);
      }
    }
    return out;
  }
}
