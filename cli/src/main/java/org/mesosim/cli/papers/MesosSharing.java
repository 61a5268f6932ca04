package org.mesosim.cli.papers;

import java.util.ArrayList;
import java.util.List;

/** Mesos (Hindman et al., NSDI 2011) §6: four frameworks sharing a cluster; delay scheduling. */
final class MesosSharing extends Reproduction.Described {
  MesosSharing() {
    super(
      "mesos-sharing",
      SectionSixAndSeven.MESOS + ", §6 (macrobenchmark: four frameworks sharing a cluster; data locality through"
          + " delay scheduling)",
      "Elastic Hadoop- and Spark-like frameworks (delay scheduling over data locality) and a rigid MPI/Torque-like"
          + " one share 50 agents: shares over time, ramp-up, locality with and without delay scheduling.",
      "The paper's values (shares over time, ramp-up times, locality percentages) could not be found, so every"
          + " row is not found and mesosim's values are shown. 50 agents of ⟨8 CPUs, 16 GB⟩, 20 minutes; the rigid"
          + " framework is a `gang` scheduler (a job starts only when all its tasks fit at once); the elastic ones are"
          + " `batch` schedulers with `locality: {replicas: 3, wait: 5s}`. Ramp-up: from the framework's first queued"
          + " task to the first sample where its dominant share reaches 90% of its peak. Locality: tasks launched on an"
          + " agent holding their job's input, with the 5 s wait and with none.",
      true,
      "about 12 s",
      List.of("scenarios/papers/mesos-sharing.yaml"));
  }

  static final List<String> FRAMEWORKS = List.of("hadoop-mix", "spark", "hadoop-large", "torque");

  @Override
  public Result run(PaperRuns runs) throws Exception {
    PaperRuns.Run r = runs.run("mesos-sharing.yaml");
    PaperRuns.Run noWait = runs.run("mesos-sharing.yaml", "frameworks[0].scheduler.locality.wait=0s",
        "frameworks[1].scheduler.locality.wait=0s", "frameworks[2].scheduler.locality.wait=0s");
    List<Check> checks = new ArrayList<>();
    double[] t = r.column("time_s");
    List<Figure.Series> shares = new ArrayList<>();
    for (String f : FRAMEWORKS) {
      double[] share = r.column("share_" + f);
      double[] pending = r.column("pending_" + f);
      shares.add(new Figure.Series(f, false, t, share));
      double peak = 0;
      for (double v : share) {
        peak = Math.max(peak, v);
      }
      int start = -1;
      for (int i = 0; i < t.length && start < 0; i++) {
        if (pending[i] > 0 || share[i] > 0) {
          start = i;
        }
      }
      int reached = -1;
      for (int i = Math.max(start, 0); i < t.length && reached < 0; i++) {
        if (share[i] >= 0.9 * peak && peak > 0) {
          reached = i;
        }
      }
      String ramp = start < 0 || reached < 0 ? "–" : Check.num(t[reached] - t[start]);
      checks.add(Check.notFound("ramp-up (s), " + f, ramp, "peak dominant share " + Check.num(round3(peak))
          + ", mean " + Check.num(round3(r.doubleAt(f, "/dominantShare/mean")))));
    }
    for (String f : List.of("hadoop-mix", "spark", "hadoop-large")) {
      checks.add(Check.notFound("tasks local, " + f + ", wait 5 s / no wait",
          pct(r, f) + " / " + pct(noWait, f), ""));
    }
    for (String f : FRAMEWORKS) {
      checks.add(Check.notFound("jobs finished, " + f, r.longAt(f, "/jobs/finished") + " of "
          + r.longAt(f, "/jobs/submitted"), "mean completion " + Check.num(round3(r.doubleAt(f,
              "/jobs/completionSeconds/mean"))) + " s"));
    }
    return new Result(checks, List.of(new Figure("Dominant shares over time", "time (s)", "dominant share", shares)));
  }

  private static String pct(PaperRuns.Run r, String f) {
    long placed = r.longAt(f, "/scheduler/placedWithLocality");
    long local = r.longAt(f, "/scheduler/placedLocal");
    return placed == 0 ? "–" : Check.num(Math.round(1000.0 * local / placed) / 10.0) + "%";
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
