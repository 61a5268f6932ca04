package org.mesosim.reports.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.mesosim.reports.Quantiles;
import org.mesosim.reports.RunSummary;

/**
 * The metrics of a comparison and their statistics over seeds: per group (a policy, or a sweep's
 * combination of overrides) the mean and 95% interval of every metric, and against the first group
 * (the baseline) the paired difference over common seeds with a paired t test and a Wilcoxon
 * signed-rank test, Holm–Bonferroni adjusted over the groups compared with the baseline (one
 * family per metric). See {@link Stats} for the definitions.
 */
public final class ComparisonStats {
  /** Most frameworks for which per-framework metrics are compared (beyond that: per role only). */
  public static final int MAX_FRAMEWORKS = 8;
  /** Most roles for which per-role metrics are compared. */
  public static final int MAX_ROLES = 12;

  /**
   * A finished run: its summary and its folder (for per-role job figures read from jobs.csv; null
   * when there is none).
   */
  public static final class RunData {
    private final RunSummary s;
    private final Path dir;
    private Map<String, Quantiles> waitByRole;

    public RunData(RunSummary s, Path dir) {
      this.s = s;
      this.dir = dir;
    }

    public RunSummary summary() {
      return s;
    }

    /** Job waits (submit → first launch) pooled over each role's frameworks, from jobs.csv. */
    synchronized Map<String, Quantiles> waitByRole() {
      if (waitByRole == null) {
        Map<String, String> roleOf = new LinkedHashMap<>();
        s.frameworks().forEach(f -> roleOf.put(f.name(), f.role()));
        try {
          waitByRole = dir == null ? Map.of() : RunSeries.waitsByRole(dir, roleOf);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return waitByRole;
    }
  }

  private ComparisonStats() {}

  private static double sum(RunSummary s, ToDoubleFunction<RunSummary.FrameworkSummary> f) {
    double t = 0;
    for (RunSummary.FrameworkSummary x : s.frameworks()) {
      t += f.applyAsDouble(x);
    }
    return t;
  }

  private static MetricDef cluster(String key, String label, String unit, Stats.Range range, int better,
      boolean headline, ToDoubleFunction<RunSummary> f) {
    return new MetricDef(key, key, "cluster", "cluster", label, unit, range, better, headline,
        r -> f.applyAsDouble(r.summary()));
  }

  /** The whole-cluster metrics (the columns of comparison.csv and sweep.csv), in column order. */
  public static List<MetricDef> clusterMetrics(List<RunSummary> runs) {
    Stats.Range unit = Stats.Range.UNIT;
    Stats.Range nn = Stats.Range.NON_NEGATIVE;
    List<MetricDef> m = new ArrayList<>();
    m.add(cluster("jain_mean", "Jain's index over weighted dominant shares (time mean)", "index", unit, 1, true,
        s -> s.fairness().jainIndex().mean()));
    m.add(cluster("jain_final", "Jain's index (at the end)", "index", unit, 1, false,
        s -> s.fairness().jainIndex().last()));
    m.add(cluster("jain_active_mean", "Jain's index, frameworks with demand (time mean)", "index", unit, 1, false,
        s -> s.fairness().jainIndexActive().mean()));
    m.add(cluster("gap_mean", "max − min weighted dominant share (time mean)", "fraction", nn, -1, false,
        s -> s.fairness().maxMinGap().mean()));
    List<String> res = runs.isEmpty() ? List.of() : new ArrayList<>(runs.get(0).cluster().utilization().keySet());
    for (String r : res) {
      m.add(cluster("util_" + r + "_mean", "utilization of " + r + ": allocated / capacity (time mean)", "fraction",
          unit, 1, r.equals("cpus") || r.equals("mem"), s -> {
            RunSummary.MeanFinal u = s.cluster().utilization().get(r);
            return u == null ? Double.NaN : u.mean();
          }));
    }
    m.add(cluster("completion_mean_s", "job completion, submit → end (mean)", "s", nn, -1, false,
        s -> s.jobs().completionSeconds().mean()));
    m.add(cluster("completion_p50_s", "job completion (p50)", "s", nn, -1, false,
        s -> s.jobs().completionSeconds().p50()));
    m.add(cluster("completion_p95_s", "job completion (p95)", "s", nn, -1, true,
        s -> s.jobs().completionSeconds().p95()));
    m.add(cluster("completion_p99_s", "job completion (p99)", "s", nn, -1, false,
        s -> s.jobs().completionSeconds().p99()));
    m.add(cluster("wait_mean_s", "job wait, submit → first launch (mean)", "s", nn, -1, false,
        s -> s.jobs().waitSeconds().mean()));
    m.add(cluster("wait_p95_s", "job wait (p95)", "s", nn, -1, true, s -> s.jobs().waitSeconds().p95()));
    m.add(cluster("slowdown_mean", "bounded slowdown of finished jobs (mean)", "ratio", nn, -1, false,
        s -> s.jobs().slowdown().mean()));
    m.add(cluster("jobs_submitted", "jobs submitted", "count", nn, 0, false, s -> s.jobs().submitted()));
    m.add(cluster("jobs_finished", "jobs finished", "count", nn, 1, true, s -> s.jobs().finished()));
    m.add(cluster("tasks_launched", "tasks launched", "count", nn, 0, false,
        s -> sum(s, f -> f.tasks().launched())));
    m.add(cluster("tasks_lost", "tasks lost", "count", nn, -1, false, s -> sum(s, f -> f.tasks().lost())));
    m.add(cluster("offers_declined", "offers declined", "count", nn, 0, false,
        s -> sum(s, f -> f.offers().declined())));
    m.add(cluster("starved_s", "time starved, summed over frameworks", "s", nn, -1, false,
        s -> sum(s, f -> f.starvation().seconds())));
    m.add(cluster("leader_changes", "leader changes", "count", nn, 0, false, s -> s.leadership().changes()));
    m.add(cluster("simulated_s", "simulated time", "s", nn, 0, false, s -> s.simulated().seconds()));
    return m;
  }

  /**
   * Per-role metrics (when the runs' frameworks have 2 to {@value #MAX_ROLES} roles) and
   * per-framework metrics (2 to {@value #MAX_FRAMEWORKS} frameworks), names from the first run.
   * The job wait p95 of each role and framework is a headline.
   */
  public static List<MetricDef> entityMetrics(List<RunSummary> runs) {
    List<MetricDef> m = new ArrayList<>();
    if (runs.isEmpty()) {
      return m;
    }
    RunSummary first = runs.get(0);
    LinkedHashSet<String> roles = new LinkedHashSet<>();
    first.frameworks().forEach(f -> roles.add(f.role()));
    Stats.Range nn = Stats.Range.NON_NEGATIVE;
    if (roles.size() >= 2 && roles.size() <= MAX_ROLES) {
      for (String role : roles) {
        String k = "role";
        m.add(new MetricDef(MetricDef.key("wait_p95_s", k, role), "wait_p95_s", k, role,
            "job wait p95, role " + role + " (its frameworks' jobs pooled)", "s", nn, -1, true,
            r -> p(r.waitByRole().get(role), 0.95)));
        m.add(new MetricDef(MetricDef.key("wait_mean_s", k, role), "wait_mean_s", k, role,
            "job wait mean, role " + role, "s", nn, -1, false, r -> mean(r.waitByRole().get(role))));
        m.add(new MetricDef(MetricDef.key("share_mean", k, role), "share_mean", k, role,
            "dominant share of role " + role + " (time mean)", "fraction", Stats.Range.UNIT, 0, false,
            r -> roleShare(r.summary(), role)));
        m.add(new MetricDef(MetricDef.key("jobs_finished", k, role), "jobs_finished", k, role,
            "jobs finished, role " + role, "count", nn, 1, false,
            r -> sumRole(r.summary(), role, f -> f.jobs().finished())));
      }
    }
    int nf = first.frameworks().size();
    if (nf >= 2 && nf <= MAX_FRAMEWORKS) {
      for (RunSummary.FrameworkSummary fw : first.frameworks()) {
        String k = "framework";
        String name = fw.name();
        m.add(new MetricDef(MetricDef.key("wait_p95_s", k, name), "wait_p95_s", k, name, "job wait p95, framework "
            + name, "s", nn, -1, true, r -> fwValue(r.summary(), name, f -> f.jobs().waitSeconds().p95())));
        m.add(new MetricDef(MetricDef.key("share_mean", k, name), "share_mean", k, name, "dominant share of framework "
            + name + " (time mean)", "fraction", Stats.Range.UNIT, 0, false,
            r -> fwValue(r.summary(), name, f -> f.dominantShare().mean())));
        m.add(new MetricDef(MetricDef.key("jobs_finished", k, name), "jobs_finished", k, name,
            "jobs finished, framework " + name, "count", nn, 1, false,
            r -> fwValue(r.summary(), name, f -> f.jobs().finished())));
        m.add(new MetricDef(MetricDef.key("starved_s", k, name), "starved_s", k, name, "time starved, framework "
            + name, "s", nn, -1, false, r -> fwValue(r.summary(), name, f -> f.starvation().seconds())));
      }
    }
    return m;
  }

  /** Every metric: the cluster's, then per role and per framework. */
  public static List<MetricDef> allMetrics(List<RunSummary> runs) {
    List<MetricDef> m = new ArrayList<>(clusterMetrics(runs));
    m.addAll(entityMetrics(runs));
    return m;
  }

  /** The base names {@code --metric} accepts (a resource's utilization as {@code util_<res>_mean}). */
  public static List<String> baseNames() {
    return List.of("jain_mean", "jain_final", "jain_active_mean", "gap_mean", "util_<res>_mean", "completion_mean_s",
        "completion_p50_s", "completion_p95_s", "completion_p99_s", "wait_mean_s", "wait_p95_s", "slowdown_mean",
        "jobs_submitted", "jobs_finished", "tasks_launched", "tasks_lost", "offers_declined", "starved_s",
        "leader_changes", "simulated_s", "share_mean");
  }

  /**
   * Null if {@code key} is a well-formed metric key ({@code base} or {@code base[role=R]} /
   * {@code base[framework=F]}) with a known base name; else what is wrong. Whether the role or
   * framework exists is known only from the runs.
   */
  public static String checkKey(String key) {
    String base = key;
    int b = key.indexOf('[');
    if (b >= 0) {
      if (!key.endsWith("]") || !(key.startsWith("role=", b + 1) || key.startsWith("framework=", b + 1))
          || key.indexOf('=', b) == key.length() - 2) {
        return "'" + key + "': expected METRIC, METRIC[role=NAME] or METRIC[framework=NAME]";
      }
      base = key.substring(0, b);
    }
    if (base.matches("util_[a-z][a-z0-9_.-]*_mean") || baseNames().contains(base)) {
      return null;
    }
    return "'" + base + "' is not a metric; known: " + String.join(", ", baseNames());
  }

  static double p(Quantiles q, double p) {
    return q == null || q.count() == 0 ? Double.NaN : q.percentile(p);
  }

  static double mean(Quantiles q) {
    return q == null || q.count() == 0 ? Double.NaN : q.mean();
  }

  private static double roleShare(RunSummary s, String role) {
    if (s.roles() != null) {
      for (RunSummary.RoleSummary r : s.roles()) {
        if (r.role().equals(role)) {
          return r.dominantShare().mean();
        }
      }
    }
    return Double.NaN;
  }

  private static double sumRole(RunSummary s, String role, ToDoubleFunction<RunSummary.FrameworkSummary> f) {
    double t = 0;
    boolean any = false;
    for (RunSummary.FrameworkSummary x : s.frameworks()) {
      if (x.role().equals(role)) {
        t += f.applyAsDouble(x);
        any = true;
      }
    }
    return any ? t : Double.NaN;
  }

  private static double fwValue(RunSummary s, String name, ToDoubleFunction<RunSummary.FrameworkSummary> f) {
    for (RunSummary.FrameworkSummary x : s.frameworks()) {
      if (x.name().equals(name)) {
        return f.applyAsDouble(x);
      }
    }
    return Double.NaN;
  }

  /** Formats a number for the terminal: 4 significant digits, no exponent for ordinary sizes. */
  public static String fmt(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    double a = Math.abs(v);
    if (a != 0 && (a < 1e-3 || a >= 1e7)) {
      return String.format(Locale.ROOT, "%.3e", v);
    }
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    String t = String.format(Locale.ROOT, "%.4g", v);
    if (t.contains(".") && !t.contains("e")) {
      t = t.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return t;
  }
}
