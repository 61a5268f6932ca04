package org.mesosim.cli.papers;

import java.util.ArrayList;
import java.util.List;

/** Mesos (Hindman et al., NSDI 2011) §6 failover and DRF (NSDI 2011) §7 DRF against slots. */
final class SectionSixAndSeven {
  private SectionSixAndSeven() {}

  static final String MESOS = "Hindman et al., Mesos, NSDI 2011";

  /** Mesos §6: recovery from a leader failure against the ZooKeeper session timeout. */
  static final class MesosFailover extends Reproduction.Described {
    MesosFailover() {
      super(
        "mesos-failover",
        MESOS + ", §6 (failure recovery of the master: hot standbys elected through ZooKeeper)",
        "The leading master crashes; a standby takes over once ZooKeeper expires the dead leader's session. Recovery"
            + " time against the session timeout.",
        "Published (read in two sets of paper notes that quote the NSDI'11 text, https://www.anantjain.dev/posts/mesos,"
            + " \"Evaluation\", \"Failure recovery\", and a GitHub notes file quoting the same subsection; not in the"
            + " paper's own PDF): \"the MTTR was between 4 and 8 seconds, with 95% confidence intervals of up to 3s on"
            + " either side\". Compared with mesosim's crash → the last of the 50 agents and 2 frameworks re-registered"
            + " with the new leader (from the event stream; our reading of a recovery: the text read does not define"
            + " MTTR); the check passes within 1-11 s (the published 4-8 s widened by its 3 s confidence intervals)."
            + " The text read gives neither the session timeout nor the cluster of this experiment, so every swept"
            + " timeout is compared; a timeout above the range cannot recover within it, as Mesos waits for the dead"
            + " leader's session to expire. Also shown: leader lost → new leader recovered"
            + " (`leadership.recoverySeconds`: the session timeout plus the election's messages). The abstract's"
            + " claim that Mesos is resilient to failures is checked exactly (no task lost, every job finished).",
        true,
        "about 8 s",
        List.of("scenarios/papers/mesos-failover.yaml"));
    }

    static final String[] TIMEOUTS = {"2s", "5s", "10s", "20s"};
    static final double[] TIMEOUT_S = {2, 5, 10, 20};

    @Override
    public Result run(PaperRuns runs) throws Exception {
      List<Check> checks = new ArrayList<>();
      double[] rec = new double[TIMEOUTS.length];
      double[] all = new double[TIMEOUTS.length];
      for (int i = 0; i < TIMEOUTS.length; i++) {
        PaperRuns.Run r = runs.run("mesos-failover.yaml", List.of("fault", "framework-registered", "agent-registered"),
            "cluster.zookeeper.sessionTimeout=" + TIMEOUTS[i]);
        rec[i] = r.summary().at("/leadership/recoverySeconds/mean").asDouble();
        // Full recovery: from the crash until the last agent and framework re-registered with the new leader.
        double crash = Double.NaN;
        double last = Double.NaN;
        int back = 0;
        for (com.fasterxml.jackson.databind.JsonNode e : r.events()) {
          if (e.get("kind").asText().equals("fault") && e.get("action").asText().equals("crash")) {
            crash = e.get("t").asDouble();
          } else if (e.path("reregistered").asBoolean(false) && e.get("t").asDouble() >= crash) {
            last = e.get("t").asDouble();
            back++;
          }
        }
        all[i] = Math.round((last - crash) * 1000) / 1000.0;
        checks.add(Check.notFound("leader recovery (s), session timeout " + TIMEOUTS[i], Check.num(rec[i]),
            "timeout + " + Check.num(Math.round((rec[i] - TIMEOUT_S[i]) * 1000) / 1000.0) + " s"));
        checks.add(Check.range("crash → all re-registered (s), session timeout " + TIMEOUTS[i],
            "MTTR 4-8 s (95% CI up to ±3 s)", all[i], 1, 11, "1-11 s (4-8 ± 3)", all[i] <= 11
                ? back + " agents and frameworks re-registered"
                : "miss: " + back + " agents and frameworks re-registered, but the " + TIMEOUTS[i] + " session timeout"
                    + " alone (the dead leader's session must expire before a standby is elected) is at or past"
                    + " the range's end"));
        long lost = r.longAt("hadoop", "/tasks/lost") + r.longAt("spark", "/tasks/lost");
        long finished = r.longAt("hadoop", "/jobs/finished") + r.longAt("spark", "/jobs/finished");
        checks.add(Check.exact("tasks lost, session timeout " + TIMEOUTS[i], 0, lost, "\"resilient to failures\" (NSDI abstract)"));
        checks.add(Check.exact("jobs finished (of 90), session timeout " + TIMEOUTS[i], 90, finished, ""));
      }
      return new Result(checks, List.of(new Figure("Master failover: recovery time", "ZooKeeper session timeout (s)",
          "recovery (s)", List.of(new Figure.Series("leader recovered", false, TIMEOUT_S, rec),
              new Figure.Series("all re-registered", false, TIMEOUT_S, all)))));
    }
  }

  /** DRF §7: DRF against slot-based fair sharing. */
  static final class DrfVsSlots extends Reproduction.Described {
    DrfVsSlots() {
      super(
        "drf-vs-slots",
        DrfReproductions.DRF + ", §7 (DRF against slot-based fair sharing) and abstract",
        "The same CPU-heavy and memory-heavy workload under hierarchical DRF and under a slot-based fair scheduler:"
            + " throughput, utilization, completion times, fairness.",
        "The figures' values could not be found (not found); the abstract's claims (better throughput and fairness"
            + " than slot-based fair sharing) are checked as directions. 48 agents of ⟨8 CPUs, 16 GB⟩, a CPU-heavy"
            + " framework (⟨2 CPUs, 1 GB⟩ tasks) and a memory-heavy one (⟨0.5 CPU, 4 GB⟩), 10-task jobs of 1-minute"
            + " tasks arriving faster than the cluster drains them, 20 minutes; slots of ⟨1 CPU, 2 GB⟩ (8 per agent,"
            + " 2 per task). Fairness is Jain's index over the frameworks' dominant shares (time-weighted mean).",
        true,
        "about 8 s",
        List.of("scenarios/papers/drf-vs-slots.yaml"));
    }

    @Override
    public Result run(PaperRuns runs) throws Exception {
      PaperRuns.Run drf = runs.run("drf-vs-slots.yaml");
      PaperRuns.Run slots = runs.run("drf-vs-slots.yaml", "allocator.policy=slots");
      long jd = drf.longAt("cpu-heavy", "/jobs/finished") + drf.longAt("mem-heavy", "/jobs/finished");
      long js = slots.longAt("cpu-heavy", "/jobs/finished") + slots.longAt("mem-heavy", "/jobs/finished");
      double ud = drf.summary().at("/cluster/utilization/cpus/mean").asDouble();
      double us = slots.summary().at("/cluster/utilization/cpus/mean").asDouble();
      double umd = drf.summary().at("/cluster/utilization/mem/mean").asDouble();
      double ums = slots.summary().at("/cluster/utilization/mem/mean").asDouble();
      double fd = drf.summary().at("/fairness/jainIndex/mean").asDouble();
      double fs = slots.summary().at("/fairness/jainIndex/mean").asDouble();
      List<Check> checks = new ArrayList<>();
      checks.add(Check.claim("throughput: jobs finished in 20 min", "DRF > slots (\"better throughput\")",
          jd + " vs " + js, jd > js, ""));
      checks.add(Check.claim("fairness: Jain's index of dominant shares", "DRF > slots (\"better fairness\")",
          Check.num(round4(fd)) + " vs " + Check.num(round4(fs)), fd > fs,
          "miss: both frameworks' tasks take 2 slots each, so slots give each framework half the slots and a dominant"
              + " share of 0.5: equal dominant shares, as fair as DRF by this index; slot unfairness shows with tasks"
              + " of unequal slot counts, which this workload does not have"));
      for (String f : List.of("cpu-heavy", "mem-heavy")) {
        checks.add(Check.notFound("mean job completion (s), " + f + ", DRF / slots",
            Check.num(round4(drf.doubleAt(f, "/jobs/completionSeconds/mean"))) + " / "
                + Check.num(round4(slots.doubleAt(f, "/jobs/completionSeconds/mean"))), ""));
      }
      checks.add(Check.notFound("mean utilization cpus, DRF / slots", Check.num(round4(ud)) + " / "
          + Check.num(round4(us)), ""));
      checks.add(Check.notFound("mean utilization mem, DRF / slots", Check.num(round4(umd)) + " / "
          + Check.num(round4(ums)), ""));
      double[] t = drf.column("time_s");
      Figure util = new Figure("CPU utilization over time", "time (s)", "cpu utilization",
          List.of(new Figure.Series("DRF", false, t, drf.column("util_cpus")),
              new Figure.Series("slots", false, slots.column("time_s"), slots.column("util_cpus"))));
      Figure mem = new Figure("Memory utilization over time", "time (s)", "mem utilization",
          List.of(new Figure.Series("DRF", false, t, drf.column("util_mem")),
              new Figure.Series("slots", false, slots.column("time_s"), slots.column("util_mem"))));
      return new Result(checks, List.of(util, mem));
    }
  }

  static double round4(double v) {
    return Math.round(v * 10000) / 10000.0;
  }
}
