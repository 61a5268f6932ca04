package org.mesosim.cli.scenario;

import java.util.List;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.Resources;

/** Reads a framework's {@code workload}: a synthetic one (or the google-like preset), or a trace ({@link TraceSection}). */
final class WorkloadSection extends Section {
  /** The most tasks one job may have (SyntheticWorkload's limit). */
  private static final long MAX_TASKS_PER_JOB = 10_000_000;

  private final DistributionReader dists;
  private final TraceSection traces;

  WorkloadSection(Scalars in, DistributionReader dists) {
    super(in);
    this.dists = dists;
    this.traces = new TraceSection(in);
  }

  Scenario.Workload read(YNode n, String path, FrameworkEntry facts) {
    Fields m = ctx.object(n, path, "workload");
    if (m == null) {
      return null;
    }
    YNode syn = m.get("synthetic");
    YNode tr = m.get("trace");
    boolean hasSyn = syn != null && !syn.isNull();
    boolean hasTr = tr != null && !tr.isNull();
    if (hasSyn == hasTr) {
      ctx.error(n, path, "needs exactly one of synthetic or trace");
      return null;
    }
    return hasSyn ? synthetic(syn, path + ".synthetic", facts) : traces.read(tr, path + ".trace");
  }

  private Scenario.Workload synthetic(YNode n, String path, FrameworkEntry facts) {
    Fields m = ctx.object(n, path, "synthetic");
    if (m == null) {
      return null;
    }
    int before = ctx.count();
    YNode presetNode = m.get("preset");
    if (presetNode != null && !presetNode.isNull()) {
      String preset = in.string(presetNode, path + ".preset", null);
      if (preset != null && in.oneOf(presetNode, path + ".preset", preset, "preset", ScenarioKeys.WORKLOAD_PRESETS)) { // google-like, the only preset: endless (Scenario.GoogleLike)
        facts.endlessWorkload = "has an endless workload (preset: google-like: jobs keep arriving, its first services"
            + " run forever)";
      }
      in.absent(m, path, List.of("jobs", "arrival", "tasksPerJob", "task"),
          "cannot be combined with preset (the preset defines the workload)");
      double scale = in.number(m.get("scale"), path + ".scale", 1.0, 0, true, 1e6);
      double amplitude = 0;
      double peakHour = 0;
      Fields d = ctx.object(m.get("diurnal"), path + ".diurnal", "diurnal");
      if (d != null) {
        amplitude = in.number(d.get("amplitude"), path + ".diurnal.amplitude", 0, 0, false, 1);
        if (amplitude >= 1) {
          ctx.error(d.get("amplitude"), path + ".diurnal.amplitude", "must be below 1 (the rate would reach 0)");
        }
        peakHour = in.number(d.get("peakHour"), path + ".diurnal.peakHour", 0, 0, false, 24);
        if (peakHour >= 24) {
          ctx.error(d.get("peakHour"), path + ".diurnal.peakHour", "must be below 24 (an hour of the day)");
        }
      }
      return ctx.count() > before ? null : new Scenario.GoogleLike(scale, amplitude, peakHour);
    }
    if (m.containsKey("scale")) {
      ctx.error(m.get("scale"), path + ".scale", "only applies with preset");
    }
    if (m.containsKey("diurnal")) {
      ctx.error(m.get("diurnal"), path + ".diurnal", "only applies with preset");
    }
    long jobs = 100;
    YNode jn = m.get("jobs");
    if (jn != null && "unbounded".equals(jn.value())) {
      jobs = -1;
      facts.endlessWorkload = "has an unbounded workload (jobs: unbounded)";
    } else if (jn != null && jn.isScalar() && jn.value() instanceof String) {
      ctx.error(jn, path + ".jobs", "expected a whole number or unbounded, not " + jn.describe());
    } else {
      jobs = in.integer(jn, path + ".jobs", 100, 1, Long.MAX_VALUE / 2);
    }
    Scenario.Dist arrival = null;
    long at = -1;
    YNode an = m.get("arrival");
    if (an == null || an.isNull()) {
      at = 0;
    } else if (an.isMap() && an.entries().size() == 1 && an.get("at") != null) {
      at = in.duration(an.get("at"), path + ".arrival.at", 0, false);
    } else {
      arrival = dists.dist(an, path + ".arrival", true);
    }
    if (jobs < 0 && arrival == null && (an == null || an.isNull() || an.get("at") != null)) {
      // endless jobs at one instant: simulated time would never advance
      ctx.error(an == null || an.isNull() ? jn : an, path + ".arrival", "with jobs: unbounded, needs an inter-arrival"
          + " distribution such as {exponential: {mean: 30s}} (the default {at: 0s} would submit every job at once)");
    } else if (jobs < 0 && arrival != null && !(arrival.value().mean() > 0)) {
      ctx.error(an, path + ".arrival", "with jobs: unbounded, must have a mean > 0 (endless jobs at one instant)");
    }
    Scenario.Dist tasksPerJob = new Scenario.Dist(new Distribution.Constant(1), false);
    YNode tpj = m.get("tasksPerJob");
    if (tpj != null && !tpj.isNull()) {
      if (tpj.isScalar()) {
        long k = in.integer(tpj, path + ".tasksPerJob", 1, 1, MAX_TASKS_PER_JOB);
        tasksPerJob = new Scenario.Dist(new Distribution.Constant(k), false);
      } else {
        Scenario.Dist d = dists.dist(tpj, path + ".tasksPerJob", false);
        double least = d == null ? 1 : d.value() instanceof Distribution.Constant k ? k.value()
            : d.value() instanceof Distribution.Empirical em ? java.util.Collections.min(em.values()) : 1;
        double most = d == null ? 1 : d.value() instanceof Distribution.Constant k ? k.value()
            : d.value() instanceof Distribution.Empirical em ? java.util.Collections.max(em.values()) : 1;
        if (least < 1) { // samples of the others are rounded, at least 1 (SyntheticSpec)
          ctx.error(tpj, path + ".tasksPerJob", "every value must be >= 1 (a job has at least one task), not "
              + Scalars.fmt(least));
        } else if (Math.round(most) > MAX_TASKS_PER_JOB) { // as for a plain number; SyntheticWorkload stops there
          ctx.error(tpj, path + ".tasksPerJob", "every value must be <= " + MAX_TASKS_PER_JOB + ", not " + Scalars.fmt(most));
        } else if (d != null) {
          tasksPerJob = d;
        }
      }
    }
    Fields task = ctx.object(m.get("task"), path + ".task", "task");
    Resources res = Resources.EMPTY;
    Scenario.Dist duration = null;
    double failure = 0;
    if (m.get("task") == null) {
      ctx.error(n, path + ".task", "is required: {resources: {cpus: 1, mem: 1024}, duration: 60s}");
    } else if (task != null) {
      YNode rn = task.get("resources");
      if (rn == null) {
        ctx.error(m.get("task"), path + ".task.resources", "is required, e.g. {cpus: 1, mem: 1024}");
      } else {
        int beforeRes = ctx.count();
        res = in.resources(rn, path + ".task.resources", true, true);
        facts.task = ctx.count() == beforeRes ? res : null;
      }
      YNode dn = task.get("duration");
      if (dn == null || dn.isNull()) {
        ctx.error(m.get("task"), path + ".task.duration", "is required: a duration, a distribution or forever");
      } else if (!"forever".equals(dn.value())) {
        duration = dists.dist(dn, path + ".task.duration", true);
      } else if (facts.endlessWorkload == null) {
        facts.endlessWorkload = "runs tasks forever (duration: forever)";
      }
      failure = in.number(task.get("failureProbability"), path + ".task.failureProbability", 0, 0, false, 1);
    }
    if (ctx.count() > before) {
      return null;
    }
    return new Scenario.Synthetic(jobs, arrival, at, tasksPerJob, res, duration, failure);
  }
}
