package org.mesosim.cli.papers;

import java.util.ArrayList;
import java.util.List;

/**
 * Mesos (Hindman et al., NSDI 2011) §6, "Data Locality through Delay Scheduling": 16 Hadoop-like
 * instances under static partitioning and on Mesos with no delay, 1 s and 5 s delay scheduling.
 */
final class MesosLocality extends Reproduction.Described {
  static final int INSTANCES = 16;

  MesosLocality() {
    super(
      "mesos-locality",
      SectionSixAndSeven.MESOS + ", §6 (\"Data Locality through Delay Scheduling\": static partitioning vs Mesos"
          + " with no delay, 1 s and 5 s delay)",
      "16 Hadoop-like instances each scan a file spread over the whole cluster, under static partitioning (a"
          + " 5-6-agent partition each) and sharing the cluster through Mesos with delay scheduling waits of 0, 1 and"
          + " 5 s: the fraction of tasks run where their input is, and the jobs' speed-up.",
      "Published values read in two sets of paper notes that quote the NSDI'11 text (https://www.anantjain.dev/posts/mesos,"
          + " \"Evaluation\"; a GitHub notes file quoting the same section), not in the paper's own PDF: static"
          + " partitioning 18% local; Mesos better \"even without delay scheduling\"; 1 s delay \"above 90%\"; 5 s"
          + " delay 95%; jobs 1.7x faster with the 5 s delay than with static partitioning; 16 instances, 4 tasks per"
          + " node, averaged over 3 runs. Differences: 93 agents of ⟨4 CPUs, 15 GB⟩ (the node count is issue 19's;"
          + " not in the text read); the workload is not the paper's (2 scan jobs of 300 one-CPU tasks per instance,"
          + " 20 s tasks on average, one run); each task's block has 3 replicas on agents drawn uniformly from the"
          + " whole cluster (`locality: {per: task}`); static partitions are agents fully reserved to an instance's"
          + " role (13 of 6 agents, 3 of 5). Tolerances: ±5 percentage points on locality (whole percents, 3 runs"
          + " of real HDFS against one synthetic run); the speed-up ±0.35 (20%). mesosim charges nothing for a"
          + " non-local read, so the speed-up can only come from the shared cluster using partitions left idle.",
      false,
      "about 15 s",
      List.of("scenarios/papers/mesos-locality.yaml", "scenarios/papers/mesos-locality-static.yaml"));
  }

  static String[] waits(String wait) {
    String[] s = new String[INSTANCES];
    for (int i = 0; i < INSTANCES; i++) {
      s[i] = "frameworks[" + i + "].scheduler.locality.wait=" + wait;
    }
    return s;
  }

  @Override
  public Result run(PaperRuns runs) throws Exception {
    PaperRuns.Run stat = runs.run("mesos-locality-static.yaml");
    PaperRuns.Run none = runs.run("mesos-locality.yaml", waits("0s"));
    PaperRuns.Run one = runs.run("mesos-locality.yaml", waits("1s"));
    PaperRuns.Run five = runs.run("mesos-locality.yaml");
    double ls = local(stat);
    double l0 = local(none);
    double l1 = local(one);
    double l5 = local(five);
    List<Check> checks = new ArrayList<>();
    checks.add(Check.within("tasks local (%), static partitioning", 18, ls, 5, "\"very low data locality (18%)\""));
    checks.add(Check.claim("tasks local (%), Mesos, no delay", "above static (\"even without delay scheduling\")",
        Check.num(l0) + " vs " + Check.num(ls), l0 > ls, "a local task is picked first when the offered agent holds"
            + " one: each instance runs on every agent, not on its partition"));
    checks.add(Check.claim("tasks local (%), Mesos, 1 s delay", "\"above 90%\"", Check.num(l1), l1 > 90, ""));
    checks.add(Check.within("tasks local (%), Mesos, 5 s delay", 95, l5, 5, "\"a 5-second delay achieves 95%"
        + " locality\""));
    double cs = meanCompletion(stat);
    double c5 = meanCompletion(five);
    double speedup = Math.round(cs / c5 * 1000) / 1000.0;
    checks.add(Check.within("job speed-up, 5 s delay vs static (mean job time ratio)", 1.7, speedup, 0.35,
        speedup >= 1.35 ? "mean job " + Check.num(round1(cs)) + " s static, " + Check.num(round1(c5)) + " s with Mesos"
            : "miss: mesosim charges nothing for reading a block from another agent, so locality does not make a task"
                + " faster; the " + Check.num(speedup) + "x comes only from the shared cluster running tasks on"
                + " partitions other instances left idle (mean job " + Check.num(round1(cs)) + " s static, "
                + Check.num(round1(c5)) + " s with Mesos)"));
    double[] x = {0, 1, 2, 3};
    Figure fig = new Figure("Data locality (x: 0 static partitioning, 1 Mesos no delay, 2 Mesos 1 s delay, 3 Mesos"
        + " 5 s delay)", "scenario", "tasks local (%)", List.of(
            new Figure.Series("mesosim", false, x, new double[] {ls, l0, l1, l5}),
            new Figure.Series("paper (18%, 95%)", true, new double[] {0, 3}, new double[] {18, 95})));
    return new Result(checks, List.of(fig));
  }

  /** Percent of all tasks placed on an agent holding their input, over every instance, to 0.1. */
  static double local(PaperRuns.Run r) {
    long placed = 0;
    long local = 0;
    for (int i = 1; i <= INSTANCES; i++) {
      placed += r.longAt("hadoop-" + i, "/scheduler/placedWithLocality");
      local += r.longAt("hadoop-" + i, "/scheduler/placedLocal");
    }
    return Math.round(1000.0 * local / placed) / 10.0;
  }

  /** Mean completion time of every finished job, over every instance. */
  static double meanCompletion(PaperRuns.Run r) {
    double sum = 0;
    long n = 0;
    for (int i = 1; i <= INSTANCES; i++) {
      long f = r.longAt("hadoop-" + i, "/jobs/finished");
      sum += f * r.doubleAt("hadoop-" + i, "/jobs/completionSeconds/mean");
      n += f;
    }
    return sum / n;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
