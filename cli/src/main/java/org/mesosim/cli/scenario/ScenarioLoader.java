package org.mesosim.cli.scenario;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mesosim.engine.DurationFormatException;
import org.mesosim.engine.Durations;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;
import org.mesosim.model.config.AgentFlags;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.NetworkConfig;
import org.mesosim.model.config.RoleConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.config.ZooKeeperConfig;

/**
 * Reads and validates a scenario file (docs/scenario-format.md) into a {@link Scenario}, applying
 * {@code --set} overrides to the YAML tree first. Validation goes on after the first error so that
 * every problem of a file is reported at once, each with file:line:column and its YAML path.
 *
 * <p>Not thread-safe: one loader per thread (cheap to create).
 */
public final class ScenarioLoader {
  /** The most tasks one job may have (SyntheticWorkload's limit). */
  private static final long MAX_TASKS_PER_JOB = 10_000_000;
  private static final Pattern SCENARIO_NAME = Pattern.compile("[a-z0-9-]+");

  /**
   * The longest scenario (or sweep) name: it names the output folder, and file systems allow 255
   * bytes per name ({@code compare} adds {@code -compare}).
   */
  public static final int MAX_NAME_LENGTH = 200;
  private static final Pattern FRAMEWORK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._]*");
  private static final Pattern MEM = Pattern.compile("(?i)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|MB|GB|TB|K|M|G|T)?\\s*");

  /** Upper bound of {@code trace.loadScale}: every job at most this many times. */
  static final double MAX_LOAD_SCALE = 1000;

  private final ScenarioCatalog catalog;
  private List<Problem> problems;
  /** Framework names of {@code frameworks} entries with an error (not expanded): a fault may name them. */
  private TreeSet<String> namesWithErrors = new TreeSet<>();
  /** Some entry with an error has names that cannot be told (splitBy, a bad name or count). */
  private boolean namesUnknown;
  private Path baseDir;
  private String source = "?";

  public ScenarioLoader(ScenarioCatalog catalog) {
    this.catalog = catalog;
  }

  /** Loads {@code file} with no overrides. */
  public Scenario load(Path file) {
    return load(file, List.of());
  }

  /**
   * Loads {@code file}, applying {@code overrides} ({@code PATH=VALUE}) to its tree before validation.
   *
   * @throws ScenarioException with every problem found
   */
  public Scenario load(Path file, List<String> overrides) {
    List<Problem> unread = new ArrayList<>();
    String text = YamlTree.readFile(file, "scenario", unread);
    if (text == null) {
      throw new ScenarioException(unread);
    }
    return parse(text, file.toString(), file, overrides);
  }

  /** Validates scenario text; {@code file} locates relative trace paths. */
  public Scenario parse(String text, String source, Path file, List<String> overrides) {
    problems = new ArrayList<>();
    this.source = source;
    Path abs = file.toAbsolutePath().normalize();
    baseDir = abs.getParent() == null ? Path.of(".").toAbsolutePath() : abs.getParent();
    YNode root = YamlTree.parse(text, source, problems);
    if (root == null) {
      throw new ScenarioException(problems);
    }
    for (String o : overrides) {
      try {
        YamlTree.set(root, o);
      } catch (IllegalArgumentException e) {
        String prefix = "--set " + o + ": "; // the whole override: its value may hold ": " itself
        String msg = e.getMessage();
        problems.add(new Problem(Loc.of("--set " + o), "", msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg));
      }
    }
    // problems so far (duplicate keys, a second document, a bad --set) leave a usable tree: go on, so
    // that every problem of the file is reported at once
    Scenario s = scenario(root, abs);
    if (!problems.isEmpty() || s == null) {
      throw new ScenarioException(withOverrides(problems, overrides));
    }
    return s;
  }

  /**
   * A problem located in the file but at a path an override changed (the path itself, a parent or a
   * child of it) names the override too: the file's line alone would blame text that may be fine.
   */
  private static List<Problem> withOverrides(List<Problem> problems, List<String> overrides) {
    if (overrides.isEmpty()) {
      return problems;
    }
    List<Problem> out = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      List<String> related = new ArrayList<>();
      if (p.loc().line() > 0 && p.path() != null && !p.path().isEmpty()) {
        for (String o : overrides) {
          int eq = o.indexOf('=');
          if (eq > 0 && YamlTree.pathsOverlap(o.substring(0, eq).trim(), p.path())) {
            related.add("--set " + o);
          }
        }
      }
      out.add(related.isEmpty() ? p
          : new Problem(p.loc(), p.path(), p.message() + " (with " + String.join(", ", related) + ")"));
    }
    return out;
  }

  // ---------------------------------------------------------------- reporting

  private void error(YNode at, String path, String message) {
    problems.add(new Problem(at == null ? Loc.of(source) : at.loc(), path, message));
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A mapping node's entries, with unknown keys reported; null (and reported) if not a mapping. */
  private Map<String, YNode> object(YNode n, String path, String shape) {
    if (n == null || n.isNull()) {
      return new LinkedHashMap<>();
    }
    if (!n.isMap()) {
      error(n, path, "expected a mapping (" + String.join(", ", ScenarioKeys.SHAPES.get(shape)) + "), not "
          + n.describe());
      return null;
    }
    List<String> keys = ScenarioKeys.SHAPES.get(shape);
    for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
      if (!keys.contains(e.getKey())) {
        problems.add(new Problem(e.getValue().keyLoc(), join(path, e.getKey()),
            "unknown key" + DidYouMean.hint(e.getKey(), keys) + "; allowed here: " + String.join(", ", keys)));
      }
    }
    return n.entries();
  }

  // ---------------------------------------------------------------- scalars

  private String string(YNode n, String path, String dflt) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isScalar()) {
      error(n, path, "expected a string, not " + n.describe());
      return dflt;
    }
    return n.text();
  }

  private boolean bool(YNode n, String path, boolean dflt) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (n.value() instanceof Boolean b) {
      return b;
    }
    error(n, path, "expected true or false, not " + n.describe());
    return dflt;
  }

  /** A finite number (YAML int or float, or a numeric string; not {@code .inf}, {@code .nan}). NaN after an error. */
  private double number(YNode n, String path) {
    double v = Double.NaN;
    if (n.isScalar() && n.value() instanceof Number num) {
      v = num.doubleValue();
    } else if (n.isScalar() && n.value() instanceof String s) {
      try {
        v = new BigDecimal(s.trim()).doubleValue();
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    if (Double.isFinite(v)) {
      return v;
    }
    error(n, path, n.value() instanceof Double ? "expected a finite number, not " + n.describe() // .inf, .nan
        : Double.isInfinite(v) ? "is too large" : "expected a number, not " + n.describe());
    return Double.NaN;
  }

  private double number(YNode n, String path, double dflt, double min, boolean minExclusive, double max) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    double v = number(n, path);
    if (Double.isNaN(v)) {
      return dflt;
    }
    if (minExclusive ? !(v > min) : !(v >= min)) {
      error(n, path, "must be " + (minExclusive ? "> " : ">= ") + fmt(min) + ", not " + n.text());
      return dflt;
    }
    if (v > max) {
      error(n, path, "must be <= " + fmt(max) + ", not " + n.text());
      return dflt;
    }
    return v;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }

  private long integer(YNode n, String path, long dflt, long min, long max) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (n.isScalar() && n.value() instanceof Long l) {
      if (l < min) {
        error(n, path, "must be >= " + min + ", not " + l);
        return dflt;
      }
      if (l > max) {
        error(n, path, "must be <= " + max + ", not " + l);
        return dflt;
      }
      return l;
    }
    if (n.isScalar() && n.value() instanceof BigInteger) {
      error(n, path, "is too large");
      return dflt;
    }
    error(n, path, "expected a whole number, not " + n.describe());
    return dflt;
  }

  /** A duration in µs: a string with a unit or a bare number of seconds; {@code none}/{@code never} when allowed. */
  private long duration(YNode n, String path, long dflt, boolean neverAllowed) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isScalar() || n.value() instanceof Boolean) {
      error(n, path, "expected a duration such as 250ms, 5s, 10m, not " + n.describe());
      return dflt;
    }
    String t = n.text().trim();
    if (neverAllowed && (t.equals("none") || t.equals("never"))) {
      return SimTime.NEVER;
    }
    try {
      return Durations.parse(t);
    } catch (DurationFormatException e) {
      error(n, path, e.getMessage() + (neverAllowed ? " (or none)" : ""));
      return dflt;
    }
  }

  /** A resource quantity: mem and disk in MB, also "4GB"/"512MB"; others plain numbers. */
  private double quantity(YNode n, String path, String resource) {
    if (n.isScalar() && n.value() instanceof String s && (resource.equals("mem") || resource.equals("disk"))) {
      java.util.regex.Matcher m = MEM.matcher(s);
      if (m.matches()) {
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "MB" : m.group(2).toUpperCase(Locale.ROOT);
        return switch (unit) {
          case "B" -> v / (1024.0 * 1024.0);
          case "KB", "K" -> v / 1024.0;
          case "MB", "M" -> v;
          case "GB", "G" -> v * 1024.0;
          default -> v * 1024.0 * 1024.0;
        };
      }
      error(n, path, "expected MB as a number (4096) or a size such as \"4GB\" or \"512MB\", not " + n.describe());
      return Double.NaN;
    }
    return number(n, path);
  }

  /**
   * A resource map {@code {cpus: 1, mem: 4GB}}.
   *
   * @param positive each amount must be > 0 (else >= 0)
   */
  private Resources resources(YNode n, String path, boolean positive, boolean required) {
    if (n == null || n.isNull()) {
      if (required && n != null) {
        error(n, path, "is required");
      }
      return Resources.EMPTY;
    }
    if (!n.isMap()) {
      error(n, path, "expected resources as a mapping such as {cpus: 1, mem: 4096}, not " + n.describe());
      return Resources.EMPTY;
    }
    Map<String, Double> amounts = new LinkedHashMap<>();
    for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
      String name = e.getKey();
      String p = join(path, name);
      if (ResourceNames.RESERVED_WORD.equals(name)) {
        problems.add(new Problem(e.getValue().keyLoc(), p, "'" + name + "' cannot name a resource: events.jsonl"
            + " lists reserved amounts under that key; reserve resources with the agents' reservations key"));
        continue;
      }
      if (!ResourceNames.valid(name)) {
        problems.add(new Problem(e.getValue().keyLoc(), p, "'" + name
            + "' is not a valid resource name (use [a-z][a-z0-9_.-]*)"));
        continue;
      }
      double v = quantity(e.getValue(), p, name);
      if (Double.isNaN(v)) {
        continue;
      }
      if (positive ? !(v > 0) : !(v >= 0)) {
        error(e.getValue(), p, "must be " + (positive ? "> 0" : ">= 0") + ", not " + e.getValue().text());
        continue;
      }
      if (Double.isInfinite(v) || v > 1e15) {
        error(e.getValue(), p, "is too large");
        continue;
      }
      if (v > 0 && Resources.toMilli(name, v) == 0) {
        // Mesos keeps scalars in fixed point with three decimal digits (src/common/values.cpp),
        // so such an amount would silently vanish.
        error(e.getValue(), p, "must be at least 0.001 (scalar resources are kept to three decimals, as in"
            + " Mesos), not " + e.getValue().text());
        continue;
      }
      amounts.put(name, v);
    }
    if (required && amounts.isEmpty() && n.entries().isEmpty()) {
      error(n, path, "must name at least one resource, e.g. {cpus: 1, mem: 1024}");
    }
    return Resources.of(amounts);
  }

  /**
   * A distribution: {@code {kind: params}}; a plain scalar is a constant. Values are durations in
   * µs when {@code duration}, else plain numbers.
   */
  private Scenario.Dist dist(YNode n, String path, boolean duration) {
    if (n.isScalar()) {
      if (n.isNull()) {
        error(n, path, "expected a " + (duration ? "duration" : "number") + " or a distribution");
        return null;
      }
      double v = value(n, path, duration);
      return Double.isNaN(v) ? null : new Scenario.Dist(new Distribution.Constant(v), duration);
    }
    if (!n.isMap() || n.entries().size() != 1) {
      error(n, path, "expected a distribution: one of {constant: X}, {exponential: {mean: X}}, "
          + "{uniform: {min: X, max: Y}}, {normal: {mean: X, sd: Y}}, {lognormal: {median: X, sigma: S}}, "
          + "{pareto: {scale: X, shape: A}}, {weibull: {scale: X, shape: K}}, {empirical: [x1, x2, ...]}");
      return null;
    }
    Map.Entry<String, YNode> e = n.entries().entrySet().iterator().next();
    String kind = e.getKey();
    String p = join(path, kind);
    YNode body = e.getValue();
    List<String> params = ScenarioKeys.DISTRIBUTIONS.get(kind);
    if (params == null) {
      problems.add(new Problem(body.keyLoc(), p, "unknown distribution" + DidYouMean.hint(kind,
          ScenarioKeys.DISTRIBUTIONS.keySet()) + "; known: " + String.join(", ", ScenarioKeys.DISTRIBUTIONS.keySet())));
      return null;
    }
    try {
      switch (kind) {
        case "constant": {
          double v = value(body, p, duration);
          return Double.isNaN(v) ? null : new Scenario.Dist(new Distribution.Constant(v), duration);
        }
        case "empirical": {
          if (!body.isList() || body.items().isEmpty()) {
            error(body, p, "expected a non-empty list of values");
            return null;
          }
          List<Double> vals = new ArrayList<>();
          for (int i = 0; i < body.items().size(); i++) {
            double v = value(body.items().get(i), p + "[" + i + "]", duration);
            if (Double.isNaN(v)) {
              return null;
            }
            vals.add(v);
          }
          return new Scenario.Dist(new Distribution.Empirical(vals), duration);
        }
        default: {
          if (!body.isMap()) {
            error(body, p, "expected a mapping of " + String.join(", ", params) + ", not " + body.describe());
            return null;
          }
          double[] v = new double[params.size()];
          boolean ok = true;
          for (Map.Entry<String, YNode> pe : body.entries().entrySet()) {
            if (!params.contains(pe.getKey())) {
              problems.add(new Problem(pe.getValue().keyLoc(), join(p, pe.getKey()), "unknown parameter"
                  + DidYouMean.hint(pe.getKey(), params) + "; " + kind + " takes " + String.join(", ", params)));
              ok = false;
            }
          }
          for (int i = 0; i < params.size(); i++) {
            YNode pn = body.get(params.get(i));
            String pp = join(p, params.get(i));
            if (pn == null || pn.isNull()) {
              error(body, pp, "is required");
              ok = false;
              continue;
            }
            // shape and sigma are dimensionless even in a duration distribution
            boolean dim = duration && !params.get(i).equals("shape") && !params.get(i).equals("sigma");
            v[i] = value(pn, pp, dim);
            if (Double.isNaN(v[i])) {
              ok = false;
            }
          }
          if (!ok) {
            return null;
          }
          if (kind.equals("uniform") && v[1] < v[0]) { // in the units as written, not microseconds
            error(body.get("max"), join(p, "max"), "must be >= min (" + body.get("min").text() + "), not "
                + body.get("max").text());
            return null;
          }
          Distribution d = switch (kind) {
            case "exponential" -> new Distribution.Exponential(v[0]);
            case "uniform" -> new Distribution.Uniform(v[0], v[1]);
            case "normal" -> new Distribution.Normal(v[0], v[1]);
            case "lognormal" -> new Distribution.LogNormal(v[0], v[1]);
            case "pareto" -> new Distribution.Pareto(v[0], v[1]);
            default -> new Distribution.Weibull(v[0], v[1]);
          };
          return new Scenario.Dist(d, duration);
        }
      }
    } catch (IllegalArgumentException ex) {
      String msg = ex.getMessage();
      String param = msg.contains(":") ? msg.substring(0, msg.indexOf(':')) : "";
      String where = param.startsWith(kind + ".") ? join(path, param) : p;
      error(body, where, msg.contains(":") ? msg.substring(msg.indexOf(':') + 1).trim() : msg);
      return null;
    }
  }

  private double value(YNode n, String path, boolean duration) {
    if (duration) {
      long d = duration(n, path, -1, false);
      return d < 0 ? Double.NaN : (double) d;
    }
    double v = number(n, path);
    if (!Double.isNaN(v) && v < 0) {
      error(n, path, "must be >= 0, not " + n.text());
      return Double.NaN;
    }
    return v;
  }

  // ---------------------------------------------------------------- the scenario

  private Scenario scenario(YNode root, Path file) {
    Map<String, YNode> m = object(root, "", "scenario");
    if (m == null) {
      return null;
    }
    YNode nameNode = m.get("name");
    String name = string(nameNode, "name", null);
    if (nameNode == null || nameNode.isNull()) {
      error(root, "name", "is required (lowercase letters, digits and '-'; it names the output folder)");
    } else if (name != null && !SCENARIO_NAME.matcher(name).matches()) { // null: string() said why
      error(nameNode, "name", "must match [a-z0-9-]+ (it names the output folder), not '" + name + "'");
    } else if (name != null && name.length() > MAX_NAME_LENGTH) {
      error(nameNode, "name", nameTooLong(name));
    }
    String description = string(m.get("description"), "description", "");
    long seed = integer(m.get("seed"), "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    long until = SimTime.NEVER;
    YNode untilNode = m.get("until");
    if (untilNode != null && !untilNode.isNull() && !"drained".equals(untilNode.value())) {
      until = duration(untilNode, "until", SimTime.NEVER, false);
      if (until == 0) {
        error(untilNode, "until", "must be > 0 (or drained)");
      }
    }
    int beforeCluster = problems.size();
    Scenario.Cluster cluster = cluster(m.get("cluster"), root);
    boolean clusterOk = problems.size() == beforeCluster;
    SortedMap<String, RoleConfig> roles = roles(m.get("roles"));
    Scenario.Allocator allocator = allocator(m.get("allocator"));
    List<Scenario.Framework> frameworks = new ArrayList<>();
    List<EntryFacts> entries = new ArrayList<>(); // every entry, with or without errors
    YNode fwList = m.get("frameworks");
    int beforeFrameworks = problems.size();
    if (fwList == null || fwList.isNull()) {
      error(root, "frameworks", "is required: at least one framework");
    } else if (!fwList.isList()) {
      error(fwList, "frameworks", "expected a list of frameworks, not " + fwList.describe());
    } else {
      if (fwList.items().isEmpty()) {
        error(fwList, "frameworks", "needs at least one framework");
      }
      for (int i = 0; i < fwList.items().size(); i++) {
        EntryFacts facts = new EntryFacts(i, fwList.items().get(i));
        entries.add(facts);
        Scenario.Framework f = framework(fwList.items().get(i), "frameworks[" + i + "]", facts);
        facts.complete = f;
        if (f != null) {
          frameworks.add(f);
        }
      }
    }
    // A framework with an error may be missing or carry a wrong role: checking the roles against
    // such a list would report entries as unused that are not.
    boolean frameworksOk = problems.size() == beforeFrameworks;
    List<Scenario.Expanded> expanded = expand(entries);
    namesWithErrors = new TreeSet<>();
    namesUnknown = false;
    for (EntryFacts e : entries) {
      if (e.complete == null && e.name != null && e.count != null && !e.splitBy) {
        namesWithErrors.addAll(countNames(e.name, e.count));
      } else if (e.complete == null) {
        namesUnknown = true;
      }
    }
    long sampleInterval = Defaults.SAMPLE_INTERVAL;
    Map<String, YNode> metrics = object(m.get("metrics"), "metrics", "metrics");
    if (metrics != null) {
      YNode si = metrics.get("sampleInterval");
      sampleInterval = duration(si, "metrics.sampleInterval", Defaults.SAMPLE_INTERVAL, false);
      if (si != null && sampleInterval == 0) {
        error(si, "metrics.sampleInterval", "must be > 0");
        sampleInterval = Defaults.SAMPLE_INTERVAL;
      } else if (si != null && sampleInterval < MIN_SAMPLE_INTERVAL) {
        // each sample is one row of timeseries.csv (tens of columns): 1us wrote 479 MB per simulated 10 s
        error(si, "metrics.sampleInterval", "must be at least 1ms (one timeseries.csv row per sample: finer"
            + " intervals write gigabytes per simulated minute)");
        sampleInterval = Defaults.SAMPLE_INTERVAL;
      }
    }
    org.mesosim.reports.AgentHeatmap.Options heatmap = heatmap(metrics);
    List<String> charts = ScenarioKeys.CHARTS;
    List<String> formats = ScenarioKeys.FORMATS;
    Map<String, YNode> report = object(m.get("report"), "report", "report");
    if (report != null) {
      charts = names(report.get("charts"), "report.charts", ScenarioKeys.CHARTS, ScenarioKeys.CHARTS);
      formats = names(report.get("formats"), "report.formats", ScenarioKeys.FORMATS, ScenarioKeys.FORMATS);
    }
    List<Scenario.Fault> faults = faults(m.get("faults"), cluster, expanded, until);

    // cross-checks, over every entry as far as its own keys are valid (a file's problems come at once)
    if (until == SimTime.NEVER) {
      boolean readTraces = problems.isEmpty(); // reading a trace is slow: only for an otherwise good file
      for (EntryFacts e : entries) {
        String why = e.endless();
        if (why == null && readTraces && e.complete != null && e.complete.workload() instanceof Scenario.Trace t) {
          why = foreverTasks(t, e.node, e.index);
        }
        if (why != null) {
          error(untilNode != null ? untilNode : e.node, "until", "is 'drained' but "
              + (e.name != null ? "framework " + e.name : "frameworks[" + e.index + "]") + " " + why
              + "; set until to a duration, e.g. until: 1h");
        }
      }
    }
    if (cluster != null && clusterOk) { // an agent with a bad resource would make every task look too large
      checkTasksFit(cluster, entries);
    }
    if (frameworksOk && !expanded.isEmpty()) {
      checkRolesUsed(m.get("roles"), roles, expanded);
      checkRoleOptions(m.get("allocator"), allocator, expanded);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    return new Scenario(file, name, description, seed, until, cluster, roles, allocator, frameworks, faults,
        sampleInterval, heatmap, charts, formats, expanded);
  }

  /** {@code metrics.agentHeatmap}: rows, columns (even), interval; defaults for what is missing. */
  private org.mesosim.reports.AgentHeatmap.Options heatmap(Map<String, YNode> metrics) {
    org.mesosim.reports.AgentHeatmap.Options d = org.mesosim.reports.AgentHeatmap.Options.DEFAULT;
    if (metrics == null) {
      return d;
    }
    String p = "metrics.agentHeatmap";
    Map<String, YNode> h = object(metrics.get("agentHeatmap"), p, "agentHeatmap");
    if (h == null) {
      return d;
    }
    int rows = (int) integer(h.get("rows"), p + ".rows", d.rows(), 0, 4096);
    YNode colsNode = h.get("columns");
    int cols = (int) integer(colsNode, p + ".columns", d.columns(), 2, 8192);
    if (cols % 2 != 0) {
      // two columns merge into one as the run grows
      error(colsNode, p + ".columns", "must be even, not " + cols);
      cols = d.columns();
    }
    YNode iv = h.get("interval");
    long interval = duration(iv, p + ".interval", d.interval(), false);
    if (iv != null && interval <= 0) {
      error(iv, p + ".interval", "must be > 0");
      interval = d.interval();
    }
    return new org.mesosim.reports.AgentHeatmap.Options(rows, cols, interval);
  }

  /**
   * Why a trace never drains: tasks alive at the end of its input run forever (google-2011,
   * alibaba-2018, csv). Reads the trace (filter and window applied), so only asked with
   * {@code until: drained}; null when every task ends or the trace cannot be read (the run says why).
   */
  private String foreverTasks(Scenario.Trace t, YNode node, int i) {
    long n;
    try {
      n = catalog.foreverTasks(t);
    } catch (RuntimeException e) {
      error(node, "frameworks[" + i + "].workload.trace", "cannot read the trace: " + e.getMessage());
      return null;
    }
    return n <= 0 ? null : "replays a trace with " + n + (n == 1 ? " task that never ends" : " tasks that never end")
        + " (alive at the end of the input, a task runs until `until`)";
  }

  /**
   * What the file-wide checks (drained, a task larger than every agent, duplicate names) need of
   * one {@code frameworks} entry, filled as far as the entry's own keys are valid: an entry with an
   * error elsewhere is still checked, so every problem of a file is reported at once.
   */
  private static final class EntryFacts {
    final int index;
    final YNode node;
    /** The entry as loaded; null when it has an error. */
    Scenario.Framework complete;
    /** Null when missing or invalid. */
    String name;
    /** Null when invalid. */
    Integer count = 1;
    boolean splitBy;
    /** Why the workload never runs out of jobs or tasks; null when it does or cannot be told. */
    String endlessWorkload;
    boolean service;
    /** A synthetic task's resources; null when not synthetic or invalid. */
    Resources task;
    /** {@code gpuResources}: agents with GPUs are offered to this framework. */
    boolean gpuResources;
    /** The framework's role; null when invalid or set per split value ({@code {value}}). */
    String role;

    EntryFacts(int index, YNode node) {
      this.index = index;
      this.node = node;
    }

    /** Why this entry never drains (a trace's tasks aside), or null. */
    String endless() {
      if (endlessWorkload != null) {
        return endlessWorkload;
      }
      return service ? "is a service scheduler (it keeps its tasks running forever)" : null;
    }
  }


  private List<String> names(YNode n, String path, List<String> known, List<String> dflt) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    List<YNode> items = n.isList() ? n.items() : List.of(n);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YNode it = items.get(i);
      String p = n.isList() ? path + "[" + i + "]" : path;
      String v = string(it, p, null);
      if (v == null) {
        continue;
      }
      if (!known.contains(v)) {
        error(it, p, "unknown '" + v + "'" + DidYouMean.hint(v, known) + "; known: " + String.join(", ", known));
      } else if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- cluster

  private Scenario.Cluster cluster(YNode n, YNode root) {
    Map<String, YNode> m = object(n, "cluster", "cluster");
    if (m == null) {
      return null;
    }
    Map<String, YNode> zk = object(m.get("zookeeper"), "cluster.zookeeper", "zookeeper");
    int servers = Defaults.ZOOKEEPER.servers();
    long session = Defaults.ZOOKEEPER.sessionTimeout();
    if (zk != null) {
      servers = (int) integer(zk.get("servers"), "cluster.zookeeper.servers", servers, 1, 99);
      session = duration(zk.get("sessionTimeout"), "cluster.zookeeper.sessionTimeout", session, false);
      if (session == 0) {
        error(zk.get("sessionTimeout"), "cluster.zookeeper.sessionTimeout", "must be > 0");
        session = Defaults.ZOOKEEPER.sessionTimeout();
      }
    }
    int masters = (int) integer(m.get("masters"), "cluster.masters", 1, 1, 99);
    MasterFlags d = Defaults.MASTER;
    MasterFlags master = d;
    Map<String, YNode> mf = object(m.get("master"), "cluster.master", "masterFlags");
    if (mf != null) {
      String p = "cluster.master.";
      master = new MasterFlags(
          positive(mf.get("agentPingTimeout"), p + "agentPingTimeout", d.agentPingTimeout()),
          (int) integer(mf.get("maxAgentPingTimeouts"), p + "maxAgentPingTimeouts", d.maxAgentPingTimeouts(), 1,
              Integer.MAX_VALUE),
          duration(mf.get("offerTimeout"), p + "offerTimeout", d.offerTimeout(), true),
          positive(mf.get("agentReregisterTimeout"), p + "agentReregisterTimeout", d.agentReregisterTimeout()),
          duration(mf.get("registryWriteLatency"), p + "registryWriteLatency", d.registryWriteLatency(), false),
          duration(mf.get("restartDelay"), p + "restartDelay", d.restartDelay(), true));
    }
    AgentFlags da = Defaults.AGENT;
    AgentFlags agent = da;
    Map<String, YNode> af = object(m.get("agent"), "cluster.agent", "agentFlags");
    if (af != null) {
      String p = "cluster.agent.";
      agent = new AgentFlags(
          // > 0: with no backoff an unregistered agent re-sends its registration in the same instant, forever
          positive(af.get("registrationBackoffFactor"), p + "registrationBackoffFactor", da.registrationBackoffFactor()),
          positive(af.get("executorRegistrationTimeout"), p + "executorRegistrationTimeout",
              da.executorRegistrationTimeout()),
          duration(af.get("executorShutdownGracePeriod"), p + "executorShutdownGracePeriod",
              da.executorShutdownGracePeriod(), false));
    }
    Scenario.Dist latency = new Scenario.Dist(Defaults.NETWORK.latency(), true);
    double loss = Defaults.NETWORK.loss();
    NetworkConfig.LossModel lossModel = Defaults.NETWORK.lossModel();
    Map<String, YNode> net = object(m.get("network"), "cluster.network", "network");
    if (net != null) {
      YNode l = net.get("latency");
      if (l != null && !l.isNull()) {
        Scenario.Dist dl = dist(l, "cluster.network.latency", true);
        latency = dl == null ? latency : dl;
      }
      loss = number(net.get("loss"), "cluster.network.loss", loss, 0, false, 1);
      YNode lm = net.get("lossModel");
      String lms = string(lm, "cluster.network.lossModel", null);
      if (lms != null) {
        if (ScenarioKeys.LOSS_MODELS.contains(lms)) {
          lossModel = NetworkConfig.LossModel.valueOf(lms.toUpperCase(Locale.ROOT));
        } else {
          error(lm, "cluster.network.lossModel", "unknown loss model '" + lms + "'" + DidYouMean.hint(lms, ScenarioKeys.LOSS_MODELS)
              + "; known: " + String.join(", ", ScenarioKeys.LOSS_MODELS));
        }
      }
    }
    List<Scenario.Agents> agents = new ArrayList<>();
    YNode list = m.get("agents");
    if (list == null || list.isNull()) {
      error(n == null ? root : n, "cluster.agents", "is required: at least one group of agents");
    } else if (!list.isList()) {
      error(list, "cluster.agents", "expected a list of agent groups, not " + list.describe());
    } else {
      if (list.items().isEmpty()) {
        error(list, "cluster.agents", "needs at least one group of agents");
      }
      TreeSet<String> seen = new TreeSet<>();
      for (int i = 0; i < list.items().size(); i++) {
        Scenario.Agents g = agentGroup(list.items().get(i), "cluster.agents[" + i + "]");
        if (g != null) {
          for (String gn : groupNames(g)) {
            if (!seen.add(gn)) {
              error(list.items().get(i), "cluster.agents[" + i + "].name", "duplicate agent group '" + gn + "'");
            }
          }
          agents.add(g);
        }
      }
    }
    return new Scenario.Cluster(new ZooKeeperConfig(servers, session), masters, master, agent, latency, loss,
        lossModel, agents);
  }

  private long positive(YNode n, String path, long dflt) {
    long v = duration(n, path, dflt, false);
    if (v == 0) {
      error(n, path, "must be > 0");
      return dflt;
    }
    return v;
  }

  private List<String> groupNames(Scenario.Agents g) {
    if (g.preset() == null) {
      return g.name() == null ? List.of() : List.of(g.name()); // a group without a name is reported
    }
    return catalog.googleCell(g.scale()).stream().map(AgentGroup::name).toList();
  }

  private Scenario.Agents agentGroup(YNode n, String path) {
    Map<String, YNode> m = object(n, path, "agentGroup");
    if (m == null) {
      return null;
    }
    YNode presetNode = m.get("preset");
    if (presetNode != null && !presetNode.isNull()) {
      String preset = string(presetNode, path + ".preset", null);
      if (preset != null && !ScenarioKeys.AGENT_PRESETS.contains(preset)) {
        error(presetNode, path + ".preset", "unknown preset '" + preset + "'"
            + DidYouMean.hint(preset, ScenarioKeys.AGENT_PRESETS) + "; known: "
            + String.join(", ", ScenarioKeys.AGENT_PRESETS));
        return null;
      }
      for (String k : List.of("name", "count", "resources", "reservations", "attributes")) {
        if (m.containsKey(k)) {
          error(m.get(k), join(path, k), "cannot be combined with preset (the preset defines the machines)");
        }
      }
      double scale = number(m.get("scale"), path + ".scale", 1.0, 0, true, 1e6);
      return new Scenario.Agents(null, 0, Resources.EMPTY, new TreeMap<>(), new TreeMap<>(), preset, scale);
    }
    if (m.containsKey("scale")) {
      error(m.get("scale"), path + ".scale", "only applies with preset");
    }
    String name = string(m.get("name"), path + ".name", null);
    if (name == null) {
      error(n, path + ".name", "is required");
    } else if (!GROUP_NAME.matcher(name).matches()) {
      error(m.get("name"), path + ".name", "must be letters, digits, '.' or '_' (agents are named <name>-1, <name>-2, ...)");
    }
    int count = (int) integer(m.get("count"), path + ".count", 1, 1, 10_000_000);
    Resources res = resources(m.get("resources"), path + ".resources", true, true);
    if (m.get("resources") == null) {
      error(n, path + ".resources", "is required, e.g. {cpus: 4, mem: 8192, disk: 100000}");
    }
    SortedMap<String, String> attributes = new TreeMap<>();
    YNode attrs = m.get("attributes");
    if (attrs != null && !attrs.isNull()) {
      if (!attrs.isMap()) {
        error(attrs, path + ".attributes", "expected a mapping of name: value");
      } else {
        attrs.entries().forEach((k, v) -> {
          if (!v.isScalar() || v.isNull()) {
            error(v, path + ".attributes." + k, "expected a text or number value");
          } else {
            attributes.put(k, v.text());
          }
        });
      }
    }
    SortedMap<String, Resources> reservations = new TreeMap<>();
    YNode resv = m.get("reservations");
    if (resv != null && !resv.isNull()) {
      if (!resv.isMap()) {
        error(resv, path + ".reservations", "expected a mapping of role: resources");
      } else {
        Resources total = Resources.EMPTY;
        for (Map.Entry<String, YNode> e : resv.entries().entrySet()) {
          String rp = path + ".reservations." + e.getKey();
          if (e.getKey().equals("*")) {
            // Mesos: '*' is the default role, so cpus(*):4 means unreserved; nothing can be reserved to it
            error(e.getValue(), rp, "'*' is the default role: resources not reserved to another role are"
                + " unreserved; list them under resources only");
            continue;
          }
          checkRole(e.getKey(), e.getValue(), rp);
          Resources r = resources(e.getValue(), rp, false, true);
          reservations.put(e.getKey(), r);
          total = total.plus(r);
        }
        if (!res.contains(total)) {
          error(resv, path + ".reservations", "reserve more (" + total + ") than each agent has (" + res + ")");
        }
      }
    }
    return new Scenario.Agents(name, count, res, attributes, reservations, null, 1.0);
  }

  private void checkRole(String role, YNode at, String path) {
    if (!validRole(role)) {
      problems.add(new Problem(at.keyLoc(), path, "'" + role + "' is not a valid role name (no spaces, no leading"
          + " '-', path parts must not be '.' or '..'; '*' is the default role)"));
    }
  }

  static boolean validRole(String role) {
    if (role.equals("*")) {
      return true;
    }
    if (role.isEmpty() || role.startsWith("/") || role.endsWith("/")) {
      return false;
    }
    for (String part : role.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith("-") || part.equals("*")) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (Character.isWhitespace(c) || c == '\\' || Character.isISOControl(c)) {
          return false;
        }
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- roles and allocator

  private SortedMap<String, RoleConfig> roles(YNode n) {
    SortedMap<String, RoleConfig> out = new TreeMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isMap()) {
      error(n, "roles", "expected a mapping of role name: {weight, quota}");
      return out;
    }
    for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
      String p = "roles." + e.getKey();
      checkRole(e.getKey(), e.getValue(), p);
      Map<String, YNode> m = object(e.getValue(), p, "role");
      if (m == null) {
        continue;
      }
      double weight = number(m.get("weight"), p + ".weight", 1.0, 0, true, 1e9);
      Resources quota = resources(m.get("quota"), p + ".quota", false, false);
      out.put(e.getKey(), new RoleConfig(weight, quota));
    }
    return out;
  }

  /**
   * A {@code roles} entry that only sets a weight must name the role of some framework or an
   * ancestor of one (hierarchical roles): otherwise it changes nothing and is almost surely a typo.
   * An entry with a quota is accepted without frameworks: Mesos holds back headroom for the
   * guarantee of a role that has none (the allocator's quota headroom), which is worth modelling.
   */
  /** The frameworks' roles and every parent of one ({@code a/b} gives {@code a} and {@code a/b}). */
  private static TreeSet<String> usedRoles(List<Scenario.Expanded> expanded) {
    TreeSet<String> used = new TreeSet<>();
    for (Scenario.Expanded e : expanded) {
      String r = e.role();
      used.add(r);
      for (int i = r.indexOf('/'); i >= 0; i = r.indexOf('/', i + 1)) {
        used.add(r.substring(0, i));
      }
    }
    return used;
  }

  /** A {@code roleMap} option (e.g. capacity's {@code shares}) may only name the frameworks' roles. */
  private void checkRoleOptions(YNode allocatorNode, Scenario.Allocator allocator, List<Scenario.Expanded> expanded) {
    Optional<AllocatorPolicy> policy = catalog.policy(allocator.policy());
    if (policy.isEmpty()) {
      return;
    }
    TreeSet<String> used = usedRoles(expanded);
    YNode options = allocatorNode == null || !allocatorNode.isMap() ? null : allocatorNode.get("options");
    for (PolicyOption o : policy.get().options()) {
      if (!"roleMap".equals(o.type()) || !(allocator.typedOptions().get(o.name()) instanceof Map<?, ?> map)) {
        continue;
      }
      YNode at = options == null || !options.isMap() ? null : options.get(o.name());
      for (Object k : map.keySet()) {
        String role = String.valueOf(k);
        if (!used.contains(role)) {
          YNode keyAt = at != null && at.isMap() && at.get(role) != null ? at.get(role) : at;
          error(keyAt != null ? keyAt : allocatorNode, "allocator.options." + o.name() + "." + role,
              "unknown role '" + role + "'" + DidYouMean.hint(role, used) + "; the frameworks' roles: "
              + String.join(", ", used));
        }
      }
    }
  }

  private void checkRolesUsed(YNode rolesNode, SortedMap<String, RoleConfig> roles, List<Scenario.Expanded> expanded) {
    TreeSet<String> used = usedRoles(expanded);
    for (Map.Entry<String, RoleConfig> e : roles.entrySet()) {
      RoleConfig rc = e.getValue();
      String path = "roles." + e.getKey();
      if (used.contains(e.getKey()) || (rc.quota() != null && !rc.quota().isEmpty())
          || problems.stream().anyMatch(pr -> pr.path() != null && pr.path().startsWith(path))) {
        continue; // used, or holds a guarantee, or already reported
      }
      YNode at = rolesNode == null ? null : rolesNode.get(e.getKey());
      error(at != null ? at : rolesNode, path, "no framework has this role or a role under it, so"
          + " its weight changes nothing" + DidYouMean.hint(e.getKey(), used) + "; the frameworks' roles: "
          + String.join(", ", used));
    }
  }

  private Scenario.Allocator allocator(YNode n) {
    Map<String, YNode> m = object(n, "allocator", "allocator");
    String policyName = "hierarchical-drf";
    long interval = Defaults.ALLOCATION_INTERVAL;
    YNode optionsNode = null;
    YNode policyNode = null;
    if (m != null) {
      policyNode = m.get("policy");
      policyName = string(policyNode, "allocator.policy", policyName);
      interval = positive(m.get("interval"), "allocator.interval", interval);
      optionsNode = m.get("options");
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    if (optionsNode != null && !optionsNode.isNull()) {
      if (!optionsNode.isMap()) {
        error(optionsNode, "allocator.options", "expected a mapping of option: value");
      } else {
        optionsNode.entries().forEach((k, v) -> raw.put(k, v.toPlain()));
      }
    }
    Optional<AllocatorPolicy> policy = catalog.policy(policyName);
    if (policy.isEmpty()) {
      List<String> names = catalog.allocatorNames();
      error(policyNode != null ? policyNode : n, "allocator.policy", "unknown allocator policy '" + policyName + "'"
          + DidYouMean.hint(policyName, names) + "; known: " + (names.isEmpty() ? "(none installed)"
          : String.join(", ", names)) + " (mesosim list allocators)");
      return new Scenario.Allocator(policyName, interval, raw, Map.of());
    }
    Map<String, Object> typed = Map.of();
    try {
      typed = catalog.resolveOptions(policy.get(), raw);
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage() == null ? "bad option" : e.getMessage();
      int colon = msg.indexOf(':');
      String key = colon > 0 ? msg.substring(0, colon).trim() : "";
      YNode at = optionsNode != null && optionsNode.isMap() && optionsNode.get(key) != null
          ? optionsNode.get(key) : (optionsNode != null ? optionsNode : n);
      String where = key.isEmpty() || key.contains(" ") ? "allocator.options" : "allocator.options." + key;
      error(at, where, colon > 0 && !key.contains(" ") ? msg.substring(colon + 1).trim() : msg);
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (PolicyOption o : policy.get().options()) {
      if (raw.containsKey(o.name())) {
        resolved.put(o.name(), raw.get(o.name()));
      } else if (o.defaultValue() != null) {
        resolved.put(o.name(), defaultScalar(o));
      }
    }
    raw.forEach(resolved::putIfAbsent);
    return new Scenario.Allocator(policy.get().name(), interval, resolved, typed);
  }

  private static Object defaultScalar(PolicyOption o) {
    String v = o.defaultValue();
    switch (o.type()) {
      case "boolean":
        return Boolean.parseBoolean(v);
      case "integer":
        try {
          return Long.parseLong(v);
        } catch (NumberFormatException e) {
          return v;
        }
      case "number":
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          return v;
        }
      case "resources": {
        List<Problem> ignored = new ArrayList<>();
        YNode n = YamlTree.parse(v, "default", ignored);
        return n == null || !ignored.isEmpty() ? v : n.toPlain();
      }
      default:
        return v;
    }
  }

  // ---------------------------------------------------------------- frameworks

  private Scenario.Framework framework(YNode n, String path, EntryFacts facts) {
    Map<String, YNode> m = object(n, path, "framework");
    if (m == null) {
      return null;
    }
    int before = problems.size();
    String name = string(m.get("name"), path + ".name", null);
    if (name == null) {
      error(n, path + ".name", "is required");
      name = "?";
    } else if (!FRAMEWORK_NAME.matcher(name).matches()) {
      error(m.get("name"), path + ".name", "must be letters, digits, '.', '_' or '-', not '" + name + "'");
    } else {
      facts.name = name;
    }
    int beforeCount = problems.size();
    int count = (int) integer(m.get("count"), path + ".count", 1, 1, 100_000);
    facts.count = problems.size() == beforeCount ? count : null;
    String role = string(m.get("role"), path + ".role", "*");
    if (!role.contains("{value}")) {
      int beforeRole = problems.size();
      checkRoleValue(role, m.get("role"), path + ".role");
      facts.role = problems.size() == beforeRole ? role : null;
    }
    long failover = duration(m.get("failoverTimeout"), path + ".failoverTimeout", 0, false);
    boolean checkpoint = bool(m.get("checkpoint"), path + ".checkpoint", false);
    boolean partitionAware = bool(m.get("partitionAware"), path + ".partitionAware", false);
    boolean gpus = bool(m.get("gpuResources"), path + ".gpuResources", false);
    facts.gpuResources = gpus;
    SchedulerConfig scheduler = scheduler(m.get("scheduler"), path + ".scheduler");
    facts.service = scheduler.type() == SchedulerConfig.SchedulerType.SERVICE;
    Scenario.Workload workload = null;
    YNode wn = m.get("workload");
    if (wn == null || wn.isNull()) {
      error(n, path + ".workload", "is required: synthetic or trace");
    } else {
      workload = workload(wn, path + ".workload", facts);
    }
    String splitBy = null;
    YNode sb = m.get("splitBy");
    if (sb != null && !sb.isNull()) {
      facts.splitBy = true;
      splitBy = string(sb, path + ".splitBy", null);
      if (workload instanceof Scenario.GoogleLike && splitBy != null) {
        List<String> fields = ScenarioCatalog.PRESET_FIELDS;
        if (!fields.contains(splitBy)) {
          error(sb, path + ".splitBy", "unknown field '" + splitBy + "' of preset google-like"
              + DidYouMean.hint(splitBy, fields) + "; fields: " + String.join(", ", fields));
        }
      } else if (!(workload instanceof Scenario.Trace) && workload != null) {
        error(sb, path + ".splitBy", "only applies to a trace workload or the google-like preset");
      } else if (workload instanceof Scenario.Trace t && splitBy != null) {
        List<String> fields = catalog.traceFields(t.format());
        if (!fields.contains(splitBy)) {
          error(sb, path + ".splitBy", "unknown field '" + splitBy + "' of format " + t.format()
              + DidYouMean.hint(splitBy, fields) + "; fields: " + String.join(", ", fields));
        }
      }
      if (count != 1) {
        error(sb, path + ".splitBy", "cannot be combined with count");
      }
    } else if (role.contains("{value}")) {
      error(m.get("role"), path + ".role", "'{value}' only applies with splitBy");
    }
    if (problems.size() > before || workload == null) {
      return null;
    }
    return new Scenario.Framework(name, count, role, failover, checkpoint, partitionAware, gpus, scheduler, workload,
        splitBy);
  }

  private void checkRoleValue(String role, YNode at, String path) {
    if (!validRole(role)) {
      error(at, path, "'" + role + "' is not a valid role name (no spaces, no leading '-', path parts must not be"
          + " '.' or '..'; '*' is the default role)");
    }
  }

  private SchedulerConfig scheduler(YNode n, String path) {
    SchedulerConfig d = Defaults.SCHEDULER;
    Map<String, YNode> m = object(n, path, "scheduler");
    if (m == null) {
      return d;
    }
    SchedulerConfig.SchedulerType type = d.type();
    YNode tn = m.get("type");
    String t = string(tn, path + ".type", null);
    if (t != null) {
      if (ScenarioKeys.SCHEDULER_TYPES.contains(t)) {
        type = SchedulerConfig.SchedulerType.valueOf(t.toUpperCase(Locale.ROOT));
      } else {
        error(tn, path + ".type", "unknown scheduler type '" + t + "'" + DidYouMean.hint(t,
            ScenarioKeys.SCHEDULER_TYPES) + "; known: " + String.join(", ", ScenarioKeys.SCHEDULER_TYPES));
      }
    }
    int maxAttempts = (int) integer(m.get("maxAttempts"), path + ".maxAttempts", d.maxAttempts(), 1, 1_000_000);
    int perOffer = (int) integer(m.get("maxTasksPerOffer"), path + ".maxTasksPerOffer", d.maxTasksPerOffer(), 0,
        1_000_000);
    long refuse = duration(m.get("refuseSeconds"), path + ".refuseSeconds", d.refuseMicros(), false);
    boolean suppress = bool(m.get("suppressWhenIdle"), path + ".suppressWhenIdle", d.suppressWhenIdle());
    long perOfferTime = d.decisionPerOffer();
    long perTaskTime = d.decisionPerTask();
    Map<String, YNode> dt = object(m.get("decisionTime"), path + ".decisionTime", "decisionTime");
    if (dt != null) {
      perOfferTime = duration(dt.get("perOffer"), path + ".decisionTime.perOffer", perOfferTime, false);
      perTaskTime = duration(dt.get("perTask"), path + ".decisionTime.perTask", perTaskTime, false);
    }
    boolean serial = bool(m.get("serialDecisions"), path + ".serialDecisions", d.serialDecisions());
    int abandonAfter = (int) integer(m.get("abandonAfter"), path + ".abandonAfter", d.abandonAfter(), 0, 1_000_000_000);
    if (type == SchedulerConfig.SchedulerType.GANG && serial) {
      error(m.get("serialDecisions"), path + ".serialDecisions", "a gang scheduler holds its offers and decides them"
          + " together; serialDecisions applies to batch and service schedulers");
    }
    int replicas = d.localityReplicas();
    long localityWait = d.localityWait();
    YNode locNode = m.get("locality");
    Map<String, YNode> loc = locNode == null || locNode.isNull() ? null
        : object(locNode, path + ".locality", "locality");
    if (loc != null) {
      replicas = (int) integer(loc.get("replicas"), path + ".locality.replicas", 3, 1, 1_000_000);
      localityWait = duration(loc.get("wait"), path + ".locality.wait", 5 * org.mesosim.engine.SimTime.SECOND, false);
      if (type == SchedulerConfig.SchedulerType.GANG) {
        error(m.get("locality"), path + ".locality", "a gang scheduler launches whole jobs across held offers;"
            + " locality (delay scheduling) applies to batch and service schedulers");
      }
    }
    return new SchedulerConfig(type, maxAttempts, perOffer, refuse, suppress, perOfferTime, perTaskTime, serial,
        abandonAfter, replicas, localityWait);
  }

  private Scenario.Workload workload(YNode n, String path, EntryFacts facts) {
    Map<String, YNode> m = object(n, path, "workload");
    if (m == null) {
      return null;
    }
    YNode syn = m.get("synthetic");
    YNode tr = m.get("trace");
    boolean hasSyn = syn != null && !syn.isNull();
    boolean hasTr = tr != null && !tr.isNull();
    if (hasSyn == hasTr) {
      error(n, path, "needs exactly one of synthetic or trace");
      return null;
    }
    return hasSyn ? synthetic(syn, path + ".synthetic", facts) : trace(tr, path + ".trace");
  }

  private Scenario.Workload synthetic(YNode n, String path, EntryFacts facts) {
    Map<String, YNode> m = object(n, path, "synthetic");
    if (m == null) {
      return null;
    }
    int before = problems.size();
    YNode presetNode = m.get("preset");
    if (presetNode != null && !presetNode.isNull()) {
      String preset = string(presetNode, path + ".preset", null);
      if (preset != null && !ScenarioKeys.WORKLOAD_PRESETS.contains(preset)) {
        error(presetNode, path + ".preset", "unknown preset '" + preset + "'"
            + DidYouMean.hint(preset, ScenarioKeys.WORKLOAD_PRESETS) + "; known: "
            + String.join(", ", ScenarioKeys.WORKLOAD_PRESETS));
      } else if (preset != null) { // google-like, the only preset: endless (Scenario.GoogleLike)
        facts.endlessWorkload = "has an endless workload (preset: google-like: jobs keep arriving, its first services"
            + " run forever)";
      }
      for (String k : List.of("jobs", "arrival", "tasksPerJob", "task")) {
        if (m.containsKey(k)) {
          error(m.get(k), join(path, k), "cannot be combined with preset (the preset defines the workload)");
        }
      }
      double scale = number(m.get("scale"), path + ".scale", 1.0, 0, true, 1e6);
      return problems.size() > before ? null : new Scenario.GoogleLike(scale);
    }
    if (m.containsKey("scale")) {
      error(m.get("scale"), path + ".scale", "only applies with preset");
    }
    long jobs = 100;
    YNode jn = m.get("jobs");
    if (jn != null && "unbounded".equals(jn.value())) {
      jobs = -1;
      facts.endlessWorkload = "has an unbounded workload (jobs: unbounded)";
    } else if (jn != null && jn.isScalar() && jn.value() instanceof String) {
      error(jn, path + ".jobs", "expected a whole number or unbounded, not " + jn.describe());
    } else {
      jobs = integer(jn, path + ".jobs", 100, 1, Long.MAX_VALUE / 2);
    }
    Scenario.Dist arrival = null;
    long at = -1;
    YNode an = m.get("arrival");
    if (an == null || an.isNull()) {
      at = 0;
    } else if (an.isMap() && an.entries().size() == 1 && an.get("at") != null) {
      at = duration(an.get("at"), path + ".arrival.at", 0, false);
    } else {
      arrival = dist(an, path + ".arrival", true);
    }
    if (jobs < 0 && arrival == null && (an == null || an.isNull() || an.get("at") != null)) {
      // endless jobs at one instant: simulated time would never advance
      error(an == null || an.isNull() ? jn : an, path + ".arrival", "with jobs: unbounded, needs an inter-arrival"
          + " distribution such as {exponential: {mean: 30s}} (the default {at: 0s} would submit every job at once)");
    } else if (jobs < 0 && arrival != null && !(arrival.value().mean() > 0)) {
      error(an, path + ".arrival", "with jobs: unbounded, must have a mean > 0 (endless jobs at one instant)");
    }
    Scenario.Dist tasksPerJob = new Scenario.Dist(new Distribution.Constant(1), false);
    YNode tpj = m.get("tasksPerJob");
    if (tpj != null && !tpj.isNull()) {
      if (tpj.isScalar()) {
        long k = integer(tpj, path + ".tasksPerJob", 1, 1, MAX_TASKS_PER_JOB);
        tasksPerJob = new Scenario.Dist(new Distribution.Constant(k), false);
      } else {
        Scenario.Dist d = dist(tpj, path + ".tasksPerJob", false);
        double least = d == null ? 1 : d.value() instanceof Distribution.Constant k ? k.value()
            : d.value() instanceof Distribution.Empirical em ? java.util.Collections.min(em.values()) : 1;
        double most = d == null ? 1 : d.value() instanceof Distribution.Constant k ? k.value()
            : d.value() instanceof Distribution.Empirical em ? java.util.Collections.max(em.values()) : 1;
        if (least < 1) { // samples of the others are rounded, at least 1 (SyntheticSpec)
          error(tpj, path + ".tasksPerJob", "every value must be >= 1 (a job has at least one task), not "
              + fmt(least));
        } else if (Math.round(most) > MAX_TASKS_PER_JOB) { // as for a plain number; SyntheticWorkload stops there
          error(tpj, path + ".tasksPerJob", "every value must be <= " + MAX_TASKS_PER_JOB + ", not " + fmt(most));
        } else if (d != null) {
          tasksPerJob = d;
        }
      }
    }
    Map<String, YNode> task = object(m.get("task"), path + ".task", "task");
    Resources res = Resources.EMPTY;
    Scenario.Dist duration = null;
    double failure = 0;
    if (m.get("task") == null) {
      error(n, path + ".task", "is required: {resources: {cpus: 1, mem: 1024}, duration: 60s}");
    } else if (task != null) {
      YNode rn = task.get("resources");
      if (rn == null) {
        error(m.get("task"), path + ".task.resources", "is required, e.g. {cpus: 1, mem: 1024}");
      } else {
        int beforeRes = problems.size();
        res = resources(rn, path + ".task.resources", true, true);
        facts.task = problems.size() == beforeRes ? res : null;
      }
      YNode dn = task.get("duration");
      if (dn == null || dn.isNull()) {
        error(m.get("task"), path + ".task.duration", "is required: a duration, a distribution or forever");
      } else if (!"forever".equals(dn.value())) {
        duration = dist(dn, path + ".task.duration", true);
      } else if (facts.endlessWorkload == null) {
        facts.endlessWorkload = "runs tasks forever (duration: forever)";
      }
      failure = number(task.get("failureProbability"), path + ".task.failureProbability", 0, 0, false, 1);
    }
    if (problems.size() > before) {
      return null;
    }
    return new Scenario.Synthetic(jobs, arrival, at, tasksPerJob, res, duration, failure);
  }

  private Scenario.Trace trace(YNode n, String path) {
    Map<String, YNode> m = object(n, path, "trace");
    if (m == null) {
      return null;
    }
    int before = problems.size();
    YNode fn = m.get("format");
    String format = string(fn, path + ".format", null);
    List<String> formats = catalog.traceFormats();
    if (format == null) {
      error(n, path + ".format", "is required: one of " + String.join(", ", formats));
    } else if (!formats.contains(format)) {
      error(fn, path + ".format", "unknown trace format '" + format + "'" + DidYouMean.hint(format, formats)
          + "; known: " + String.join(", ", formats) + " (mesosim list formats)");
      format = null;
    }
    List<String> paths = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    YNode pn = m.get("path");
    if (pn == null || pn.isNull()) {
      error(n, path + ".path", "is required: a file, a glob or a list, relative to the scenario file");
    } else if (pn.isList() && pn.items().isEmpty()) {
      error(pn, path + ".path", "needs at least one file (an empty list)");
    } else {
      List<YNode> items = pn.isList() ? pn.items() : List.of(pn);
      for (int i = 0; i < items.size(); i++) {
        String pp = pn.isList() ? path + ".path[" + i + "]" : path + ".path";
        String p = string(items.get(i), pp, null);
        if (p == null) {
          continue;
        }
        paths.add(p);
        files.addAll(resolveFiles(p, items.get(i), pp));
      }
    }
    SortedMap<String, Scenario.Filter> filter = new TreeMap<>();
    YNode fl = m.get("filter");
    if (fl != null && !fl.isNull()) {
      if (!fl.isMap()) {
        error(fl, path + ".filter", "expected a mapping of field: value, [values] or {min, max}");
      } else {
        List<String> fields = format == null ? List.of() : catalog.traceFields(format);
        for (Map.Entry<String, YNode> e : fl.entries().entrySet()) {
          String fp = path + ".filter." + e.getKey();
          if (format != null && !fields.contains(e.getKey())) {
            problems.add(new Problem(e.getValue().keyLoc(), fp, "unknown field of format " + format
                + DidYouMean.hint(e.getKey(), fields) + "; fields: " + String.join(", ", fields)));
            continue;
          }
          Scenario.Filter f = filter(e.getValue(), fp);
          if (f != null) {
            filter.put(e.getKey(), f);
          }
        }
      }
    }
    long from = 0;
    long to = SimTime.NEVER;
    Map<String, YNode> w = object(m.get("window"), path + ".window", "window");
    if (w != null) {
      from = duration(w.get("from"), path + ".window.from", 0, false);
      to = duration(w.get("to"), path + ".window.to", SimTime.NEVER, true);
      if (to != SimTime.NEVER && to <= from) {
        error(w.get("to"), path + ".window.to", "must be after window.from");
      }
    }
    double timeScale = number(m.get("timeScale"), path + ".timeScale", 1.0, 0, true, 1e9);
    double loadScale = number(m.get("loadScale"), path + ".loadScale", 1.0, 0, true, MAX_LOAD_SCALE);
    boolean skip = bool(m.get("skipMalformed"), path + ".skipMalformed", false);
    SortedMap<String, Double> units = new TreeMap<>();
    YNode un = m.get("units");
    if (un != null && !un.isNull()) {
      if (!un.isMap()) {
        error(un, path + ".units", "expected a mapping of unit: number");
      } else {
        List<String> keys = format == null ? List.of() : catalog.traceUnitKeys(format);
        for (Map.Entry<String, YNode> e : un.entries().entrySet()) {
          String up = path + ".units." + e.getKey();
          if (format != null && !keys.contains(e.getKey())) {
            problems.add(new Problem(e.getValue().keyLoc(), up, "unknown unit of format " + format
                + DidYouMean.hint(e.getKey(), keys) + "; units: " + (keys.isEmpty() ? "(none)" : String.join(", ", keys))));
            continue;
          }
          double v = number(e.getValue(), up, Double.NaN, 0, false, 1e15);
          if (!Double.isNaN(v)) {
            units.put(e.getKey(), v);
          }
        }
      }
    }
    Path index = null;
    YNode in = m.get("index");
    if (in != null && !in.isNull()) {
      String ip = string(in, path + ".index", null);
      if (format != null && !format.equals("google-2011")) {
        error(in, path + ".index", "applies to format google-2011 only");
      } else if (ip != null) {
        index = baseDir.resolve(ip).normalize();
        if (!Files.isRegularFile(index)) {
          error(in, path + ".index", "no such file: " + index + " (build it with mesosim trace index)");
        }
      }
    }
    boolean dropUnended = false;
    YNode ue = m.get("unended");
    if (ue != null && !ue.isNull()) {
      String u = string(ue, path + ".unended", "run");
      if (format != null && !format.equals("google-2011")) {
        error(ue, path + ".unended", "applies to format google-2011 only");
      } else if ("drop".equals(u)) {
        dropUnended = true;
      } else if (u != null && !"run".equals(u)) {
        error(ue, path + ".unended", "must be run or drop, not '" + u + "'");
      }
    }
    if (problems.size() > before) {
      return null;
    }
    return new Scenario.Trace(format, paths, files, filter, from, to, timeScale, skip, units, loadScale, index,
        dropUnended);
  }

  private Scenario.Filter filter(YNode n, String path) {
    if (n.isList()) {
      List<String> vals = new ArrayList<>();
      for (int i = 0; i < n.items().size(); i++) {
        YNode it = n.items().get(i);
        if (!it.isScalar() || it.isNull()) {
          error(it, path + "[" + i + "]", "expected a value");
          return null;
        }
        vals.add(it.text());
      }
      return new Scenario.In(vals);
    }
    if (n.isMap()) {
      Map<String, YNode> m = object(n, path, "range");
      if (m == null) {
        return null;
      }
      double min = m.get("min") == null ? Double.NEGATIVE_INFINITY : number(m.get("min"), path + ".min");
      double max = m.get("max") == null ? Double.POSITIVE_INFINITY : number(m.get("max"), path + ".max");
      if (Double.isNaN(min) || Double.isNaN(max)) {
        return null;
      }
      if (max < min) {
        error(n, path + ".max", "must be >= min");
        return null;
      }
      return new Scenario.Range(min, max);
    }
    if (n.isNull()) {
      error(n, path, "expected a value, a list of values or {min, max}");
      return null;
    }
    return new Scenario.Equals(n.text());
  }

  private List<Path> resolveFiles(String p, YNode at, String path) {
    if (p.isBlank()) {
      error(at, path, "is empty: name a trace file, a folder's files or a glob such as traces/*.gz");
      return List.of();
    }
    String pattern = p.replace('\\', '/');
    boolean glob = pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
    if (!glob) {
      Path f = baseDir.resolve(p).normalize();
      if (Files.isDirectory(f)) {
        error(at, path, f + " is a folder; name its files or a glob such as " + p.replaceAll("/+$", "") + "/*.gz");
        return List.of();
      }
      if (!Files.isRegularFile(f)) {
        error(at, path, "trace file not found: " + f);
        return List.of();
      }
      return List.of(f);
    }
    int slash = pattern.lastIndexOf('/', firstGlobChar(pattern));
    Path dir = slash < 0 ? baseDir : baseDir.resolve(pattern.substring(0, slash)).normalize();
    String namePattern = slash < 0 ? pattern : pattern.substring(slash + 1);
    if (namePattern.contains("/")) {
      error(at, path, "a glob may only use wildcards in the file name, not in folders");
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      error(at, path, "no such folder: " + dir);
      return List.of();
    }
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + namePattern);
    } catch (java.util.regex.PatternSyntaxException e) { // an unbalanced [ or {
      error(at, path, "not a valid glob: " + namePattern + " (" + e.getDescription() + "; write \\[ for a"
          + " literal [)");
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(Files::isRegularFile).filter(f -> matcher.matches(f.getFileName()))
          .sorted(java.util.Comparator.comparing(f -> f.getFileName().toString())).toList();
      if (found.isEmpty()) {
        error(at, path, "no trace file matches " + dir.resolve(namePattern));
      }
      return found;
    } catch (IOException e) {
      error(at, path, "cannot list " + dir + ": " + e.getMessage());
      return List.of();
    }
  }

  /** The finest {@code metrics.sampleInterval} accepted (docs/reliability.md). */
  public static final long MIN_SAMPLE_INTERVAL = org.mesosim.engine.SimTime.SECOND / 1000;

  private static int firstGlobChar(String s) {
    int i = s.length();
    for (char c : new char[] {'*', '?', '['}) {
      int k = s.indexOf(c);
      if (k >= 0 && k < i) {
        i = k;
      }
    }
    return i;
  }

  /**
   * Expands {@code count: N} to A-1 … A-N and {@code splitBy} to one framework per value; checks names are
   * unique. An entry with an error is not expanded, but its names (when its name and count are valid and
   * it has no splitBy) still take part in the uniqueness check.
   */
  private List<Scenario.Expanded> expand(List<EntryFacts> entries) {
    List<Scenario.Expanded> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (EntryFacts entry : entries) {
      Scenario.Framework f = entry.complete;
      int i = entry.index;
      YNode node = entry.node;
      List<String> names = new ArrayList<>();
      if (f == null) {
        if (entry.name != null && entry.count != null && !entry.splitBy) {
          names.addAll(countNames(entry.name, entry.count));
        }
      } else if (f.splitBy() != null && f.workload() instanceof Scenario.Trace t) {
        List<String> values;
        try {
          values = catalog.distinctValues(t, f.splitBy());
        } catch (RuntimeException e) {
          error(node, "frameworks[" + i + "].splitBy", "cannot read the trace: " + e.getMessage());
          continue;
        }
        if (values.isEmpty()) {
          error(node, "frameworks[" + i + "].splitBy", "the trace has no value of field '" + f.splitBy()
              + "' (after filter and window)");
        }
        for (String v : values) {
          String role = f.role().replace("{value}", v);
          if (!validRole(role)) {
            error(node, "frameworks[" + i + "].role", "'" + role + "' (from value '" + v
                + "') is not a valid role name");
          }
          out.add(new Scenario.Expanded(f.name() + "-" + v, role, f, v));
          names.add(f.name() + "-" + v);
        }
      } else if (f.splitBy() != null && f.workload() instanceof Scenario.GoogleLike) {
        for (String v : catalog.presetValues(f.splitBy())) { // every value the preset generates
          String role = f.role().replace("{value}", v);
          if (!validRole(role)) {
            error(node, "frameworks[" + i + "].role", "'" + role + "' (from value '" + v
                + "') is not a valid role name");
          }
          out.add(new Scenario.Expanded(f.name() + "-" + v, role, f, v));
          names.add(f.name() + "-" + v);
        }
      } else {
        for (String name : countNames(f.name(), f.count())) {
          out.add(new Scenario.Expanded(name, f.role(), f, null));
          names.add(name);
        }
      }
      for (String name : names) {
        if (!seen.add(name)) {
          error(node, "frameworks[" + i + "].name", "duplicate framework name '" + name + "'");
        }
      }
    }
    return out;
  }

  /** {@code count: 1} keeps the name; more are A-1 … A-N. */
  private static List<String> countNames(String name, int count) {
    if (count == 1) {
      return List.of(name);
    }
    List<String> out = new ArrayList<>(count);
    for (int k = 1; k <= count; k++) {
      out.add(name + "-" + k);
    }
    return out;
  }

  private static boolean hasGpus(Resources agent) {
    return agent.get(ResourceNames.GPUS) > 0;
  }

  private void checkTasksFit(Scenario.Cluster cluster, List<EntryFacts> entries) {
    List<AgentGroup> machines = new ArrayList<>();
    for (Scenario.Agents a : cluster.agents()) {
      if (a.preset() != null) {
        machines.addAll(catalog.googleCell(a.scale()));
      } else {
        machines.add(new AgentGroup("", 1, a.resources(), new TreeMap<>(), a.reservations()));
      }
    }
    if (machines.isEmpty()) {
      return;
    }
    for (EntryFacts e : entries) {
      Resources task = e.task;
      if (task == null) {
        continue;
      }
      String problem = null;
      if (machines.stream().noneMatch(g -> g.resources().contains(task))) {
        problem = "a task (" + task + ") is larger than every agent; it could never run";
      } else if (!e.gpuResources && machines.stream().noneMatch(g -> !hasGpus(g.resources())
          && g.resources().contains(task))) {
        // Mesos offers an agent with GPUs only to GPU_RESOURCES frameworks (MESOS-5634), as every
        // built-in policy does (AbstractOfferAllocator, HierarchicalDrfAllocator)
        problem = "a task (" + task + ") fits only agents with gpus, which Mesos offers only to frameworks with"
            + " gpuResources: true; it could never run";
      } else if (e.role != null && machines.stream().noneMatch(g -> (e.gpuResources || !hasGpus(g.resources()))
          && offerable(g, e.role).contains(task))) {
        problem = "a task (" + task + ") fits no agent without resources reserved for roles other than '" + e.role
            + "' (a framework is offered unreserved resources and its role's reservations); it could never run";
      }
      if (problem != null) {
        YNode w = e.node.get("workload");
        YNode syn = w == null ? null : w.get("synthetic");
        YNode t = syn == null ? null : syn.get("task");
        YNode res = t == null ? null : t.get("resources");
        error(res != null ? res : e.node, "frameworks[" + e.index + "].workload.synthetic.task.resources", problem);
      }
    }
  }

  /**
   * The most of an agent a framework of {@code role} can be offered: its unreserved resources plus
   * what is reserved to the role or, as in Mesos 1.4+ (hierarchical roles), to an ancestor of it.
   * The most generous of the modelled versions, so that no version's valid scenario is refused.
   */
  private static Resources offerable(AgentGroup g, String role) {
    Resources out = g.resources();
    for (Map.Entry<String, Resources> r : g.reservations().entrySet()) {
      String owner = r.getKey();
      if (!(role.equals(owner) || role.startsWith(owner + "/"))) {
        out = out.minusFloored(r.getValue()); // floored: reservations larger than the agent are reported elsewhere
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- faults

  private static final String TARGET_FORMS =
      "leading-master, master-N, agent GROUP-N, agents GROUP, framework NAME, zookeeper-N";

  private List<Scenario.Fault> faults(YNode n, Scenario.Cluster cluster, List<Scenario.Expanded> frameworks,
      long until) {
    List<Scenario.Fault> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isList()) {
      error(n, "faults", "expected a list of faults");
      return out;
    }
    for (int i = 0; i < n.items().size(); i++) {
      String path = "faults[" + i + "]";
      YNode fn = n.items().get(i);
      Map<String, YNode> m = object(fn, path, "fault");
      if (m == null) {
        continue;
      }
      int before = problems.size();
      // a key with no value (`at:`, `crash: ~`) is missing: the fault has no time or no target
      YNode atN = present(m.get("at"));
      YNode everyN = present(m.get("every"));
      long at = -1;
      Scenario.Dist every = null;
      if ((atN == null) == (everyN == null)) {
        error(fn, path, "needs exactly one of at (a time) or every (a distribution)");
      } else if (atN != null) {
        at = duration(atN, path + ".at", -1, false);
        if (at >= 0 && until != SimTime.NEVER && at > until) {
          error(atN, path + ".at", Durations.format(at) + " is after until (" + Durations.format(until)
              + "): the fault would never happen");
        }
      } else {
        every = dist(everyN, path + ".every", true);
        if (every != null && !(every.value().mean() > 0)) {
          error(everyN, path + ".every", "must have a mean > 0 (faults every 0 s would stop simulated time)");
          every = null;
        }
      }
      YNode crash = present(m.get("crash"));
      YNode partition = present(m.get("partition"));
      FaultSpec.Action action = null;
      List<String> targets = new ArrayList<>();
      if ((crash == null) == (partition == null)) {
        error(fn, path, "needs exactly one of crash or partition");
      } else if (crash != null) {
        action = FaultSpec.Action.CRASH;
        String t = string(crash, path + ".crash", null);
        if (t != null && checkTarget(t, crash, path + ".crash", cluster, frameworks)) {
          targets.add(t);
        }
      } else {
        action = FaultSpec.Action.PARTITION;
        List<YNode> items = partition.isList() ? partition.items() : List.of(partition);
        if (items.isEmpty()) {
          error(partition, path + ".partition", "needs at least one target");
        }
        for (int k = 0; k < items.size(); k++) {
          String pp = partition.isList() ? path + ".partition[" + k + "]" : path + ".partition";
          if (items.get(k).isNull()) {
            error(items.get(k), pp, "expected a target: " + TARGET_FORMS);
            continue;
          }
          String t = string(items.get(k), pp, null);
          if (t != null && checkTarget(t, items.get(k), pp, cluster, frameworks)) {
            targets.add(t);
          }
        }
      }
      Scenario.Dist recover = null;
      YNode ra = m.get("restartAfter");
      YNode ha = m.get("healAfter");
      if (ra != null && action == FaultSpec.Action.PARTITION) {
        error(ra, path + ".restartAfter", "applies to crash; a partition takes healAfter");
      } else if (ha != null && action == FaultSpec.Action.CRASH) {
        error(ha, path + ".healAfter", "applies to partition; a crash takes restartAfter");
      } else if (ra != null && !ra.isNull()) {
        recover = dist(ra, path + ".restartAfter", true);
      } else if (ha != null && !ha.isNull()) {
        recover = dist(ha, path + ".healAfter", true);
      }
      if (problems.size() == before && action != null) {
        out.add(new Scenario.Fault(at, every, action, targets, recover));
      }
    }
    return out;
  }

  /** The problem of a name longer than {@link #MAX_NAME_LENGTH}. */
  public static String nameTooLong(String name) {
    return "is " + name.length() + " characters long; it names the output folder, so at most " + MAX_NAME_LENGTH;
  }

  private static YNode present(YNode n) {
    return n == null || n.isNull() ? null : n;
  }

  /** Checks a fault target names something that exists; reports and returns false otherwise. */
  private boolean checkTarget(String t, YNode at, String path, Scenario.Cluster cluster,
      List<Scenario.Expanded> frameworks) {
    if (t.equals("leading-master")) {
      return true;
    }
    if (t.startsWith("master-") || t.startsWith("zookeeper-")) {
      boolean master = t.startsWith("master-");
      int max = cluster == null ? Integer.MAX_VALUE : master ? cluster.masters() : cluster.zookeeper().servers();
      String num = t.substring(t.indexOf('-') + 1);
      try {
        int k = Integer.parseInt(num);
        if (k < 1 || k > max) {
          error(at, path, "no " + t + ": there " + (max == 1 ? "is 1 " : "are " + max + " ")
              + (master ? "master" : "zookeeper server") + (max == 1 ? "" : "s"));
          return false;
        }
        return true;
      } catch (NumberFormatException e) {
        error(at, path, "'" + t + "' is not a target; expected " + TARGET_FORMS);
        return false;
      }
    }
    int sp = t.indexOf(' ');
    String kind = sp < 0 ? t : t.substring(0, sp);
    String name = sp < 0 ? "" : t.substring(sp + 1).trim();
    switch (kind) {
      case "agent":
      case "agents": {
        if (cluster == null) {
          return true;
        }
        TreeMap<String, Integer> groups = new TreeMap<>();
        boolean unnamed = false; // a group without a name (reported) may be the one meant
        for (Scenario.Agents a : cluster.agents()) {
          if (a.preset() != null) {
            catalog.googleCell(a.scale()).forEach(g -> groups.put(g.name(), g.count()));
          } else if (a.name() == null) {
            unnamed = true;
          } else {
            groups.put(a.name(), a.count());
          }
        }
        if (kind.equals("agents")) {
          if (!groups.containsKey(name) && unnamed) {
            return true;
          }
          if (!groups.containsKey(name)) {
            error(at, path, "unknown agent group '" + name + "'" + DidYouMean.hint(name, groups.keySet())
                + "; groups: " + String.join(", ", groups.keySet()));
            return false;
          }
          return true;
        }
        int dash = name.lastIndexOf('-');
        String g = dash < 0 ? name : name.substring(0, dash);
        Integer count = groups.get(g);
        int k = -1;
        try {
          k = dash < 0 ? -1 : Integer.parseInt(name.substring(dash + 1));
        } catch (NumberFormatException e) {
          k = -1;
        }
        if (count == null && unnamed) {
          return true;
        }
        if (count == null || k < 1 || k > count) {
          List<String> examples = new ArrayList<>();
          groups.forEach((gn, c) -> examples.add(gn + "-1.." + gn + "-" + c));
          error(at, path, "unknown agent '" + name + "'" + (count == null && !groups.isEmpty()
              ? DidYouMean.hint(g, groups.keySet()) : "") + "; agents are " + String.join(", ", examples));
          return false;
        }
        return true;
      }
      case "framework": {
        List<String> names = new ArrayList<>(frameworks.stream().map(Scenario.Expanded::name).toList());
        // entries with errors of their own (reported) keep their names
        namesWithErrors.stream().filter(x -> !names.contains(x)).forEach(names::add);
        if (!names.contains(name) && namesUnknown) {
          return true; // an entry with an error of its own may have this name
        }
        if (!names.contains(name)) {
          error(at, path, "unknown framework '" + name + "'" + DidYouMean.hint(name, names) + "; frameworks: "
              + String.join(", ", names));
          return false;
        }
        return true;
      }
      default:
        error(at, path, "'" + t + "' is not a target; expected " + TARGET_FORMS);
        return false;
    }
  }
}
