package org.mesosim.cli.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Pattern;
import org.mesosim.engine.SimTime;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.RoleConfig;

/**
 * Reads and validates a scenario file (docs/scenario-format.md) into a {@link Scenario}, applying
 * {@code --set} overrides to the YAML tree first. Validation goes on after the first error so that
 * every problem of a file is reported at once, each with file:line:column and its YAML path.
 *
 * <p>The sections are read by their own classes ({@link ClusterSection}, {@link AllocatorSection},
 * {@link FrameworkSection} with {@link WorkloadSection} and {@link TraceSection}, {@link FaultSection}),
 * values by {@link Scalars} and {@link DistributionReader}, the file-wide checks by
 * {@link ScenarioChecks}; every problem goes to the one {@link LoadContext} of the load. A loader
 * keeps no state between loads (it is as thread-safe as its catalog).
 */
public final class ScenarioLoader {
  private static final Pattern SCENARIO_NAME = Pattern.compile("[a-z0-9-]+");

  /**
   * The longest scenario (or sweep) name: it names the output folder, and file systems allow 255
   * bytes per name ({@code compare} adds {@code -compare}).
   */
  public static final int MAX_NAME_LENGTH = 200;

  /** The finest {@code metrics.sampleInterval} accepted (docs/reliability.md). */
  public static final long MIN_SAMPLE_INTERVAL = org.mesosim.engine.SimTime.SECOND / 1000;

  private final ScenarioCatalog catalog;

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
    List<Problem> problems = new ArrayList<>();
    Path abs = file.toAbsolutePath().normalize();
    Path baseDir = abs.getParent() == null ? Path.of(".").toAbsolutePath() : abs.getParent();
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
    LoadContext ctx = new LoadContext(catalog, source, baseDir, problems);
    Scenario s = scenario(root, abs, ctx);
    if (!problems.isEmpty() || s == null) {
      throw new ScenarioException(withOverrides(problems, overrides));
    }
    // a declared key that no section reads would be accepted and silently ignored (tests run with -ea)
    assert ctx.unread().isEmpty() : "keys read by no section: " + ctx.unread();
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

  /** The problem of a name longer than {@link #MAX_NAME_LENGTH}. */
  public static String nameTooLong(String name) {
    return "is " + name.length() + " characters long; it names the output folder, so at most " + MAX_NAME_LENGTH;
  }

  // ---------------------------------------------------------------- the scenario

  private static Scenario scenario(YNode root, Path file, LoadContext ctx) {
    Scalars in = new Scalars(ctx);
    DistributionReader dists = new DistributionReader(in);
    Fields m = ctx.object(root, "", "scenario");
    if (m == null) {
      return null;
    }
    YNode nameNode = m.get("name");
    String name = in.string(nameNode, "name", null);
    if (nameNode == null || nameNode.isNull()) {
      ctx.error(root, "name", "is required (lowercase letters, digits and '-'; it names the output folder)");
    } else if (name != null && !SCENARIO_NAME.matcher(name).matches()) { // null: string() said why
      ctx.error(nameNode, "name", "must match [a-z0-9-]+ (it names the output folder), not '" + name + "'");
    } else if (name != null && name.length() > MAX_NAME_LENGTH) {
      ctx.error(nameNode, "name", nameTooLong(name));
    }
    String description = in.string(m.get("description"), "description", "");
    long seed = in.integer(m.get("seed"), "seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
    long until = SimTime.NEVER;
    YNode untilNode = m.get("until");
    if (untilNode != null && !untilNode.isNull() && !"drained".equals(untilNode.value())) {
      until = in.duration(untilNode, "until", SimTime.NEVER, false);
      if (until == 0) {
        ctx.error(untilNode, "until", "must be > 0 (or drained)");
      }
    }
    int beforeCluster = ctx.count();
    Scenario.Cluster cluster = new ClusterSection(in, dists).read(m.get("cluster"), root);
    boolean clusterOk = ctx.count() == beforeCluster;
    AllocatorSection allocatorSection = new AllocatorSection(in);
    SortedMap<String, RoleConfig> roles = allocatorSection.roles(m.get("roles"));
    Scenario.Allocator allocator = allocatorSection.allocator(m.get("allocator"));
    FrameworkSection frameworkSection = new FrameworkSection(in, dists);
    List<FrameworkEntry> entries = new ArrayList<>(); // every entry, with or without errors
    int beforeFrameworks = ctx.count();
    List<Scenario.Framework> frameworks = frameworks(m.get("frameworks"), root, frameworkSection, entries, ctx);
    // A framework with an error may be missing or carry a wrong role: checking the roles against
    // such a list would report entries as unused that are not.
    boolean frameworksOk = ctx.count() == beforeFrameworks;
    List<Scenario.Expanded> expanded = frameworkSection.expand(entries);
    Fields metrics = ctx.object(m.get("metrics"), "metrics", "metrics");
    long sampleInterval = sampleInterval(metrics, in);
    org.mesosim.reports.AgentHeatmap.Options heatmap = heatmap(metrics, in);
    List<String> charts = ScenarioKeys.CHARTS;
    List<String> formats = ScenarioKeys.FORMATS;
    Fields report = ctx.object(m.get("report"), "report", "report");
    if (report != null) {
      charts = in.names(report.get("charts"), "report.charts", ScenarioKeys.CHARTS, ScenarioKeys.CHARTS);
      formats = in.names(report.get("formats"), "report.formats", ScenarioKeys.FORMATS, ScenarioKeys.FORMATS);
    }
    List<Scenario.Fault> faults = new FaultSection(in, dists, entries).read(m.get("faults"), cluster, expanded, until);
    org.mesosim.model.config.MaintenanceConfig maintenance =
        new MaintenanceSection(in).read(m.get("maintenance"), clusterOk ? cluster : null, until);

    // cross-checks, over every entry as far as its own keys are valid (a file's problems come at once)
    ScenarioChecks checks = new ScenarioChecks(ctx);
    if (until == SimTime.NEVER) {
      checks.checkDrains(untilNode, entries);
    }
    checks.checkOperations(allocator, entries);
    if (cluster != null && clusterOk) { // an agent with a bad resource would make every task look too large
      checks.checkTasksFit(cluster, entries);
    }
    if (cluster != null && allocator != null && !"hierarchical-drf".equals(allocator.policy())) {
      // Only hierarchical-drf models Mesos' updateSlave and revocable offers (docs/oversubscription.md).
      YNode list = m.get("cluster") == null || !m.get("cluster").isMap() ? null : m.get("cluster").get("agents");
      for (int i = 0; list != null && list.isList() && i < list.items().size(); i++) {
        YNode g = list.items().get(i);
        YNode est = g.isMap() ? g.get("resourceEstimator") : null;
        if (est != null && !est.isNull()) {
          ctx.error(est, "cluster.agents[" + i + "].resourceEstimator", "oversubscription needs allocator policy"
              + " hierarchical-drf (policy '" + allocator.policy() + "' offers no revocable resources)");
        }
      }
    }
    if (frameworksOk && !expanded.isEmpty()) {
      allocatorSection.checkRolesUsed(m.get("roles"), roles, expanded);
      allocatorSection.checkRoleOptions(m.get("allocator"), allocator, expanded);
    }
    if (ctx.hasProblems()) {
      return null;
    }
    return new Scenario(file, name, description, seed, until, cluster, roles, allocator, frameworks, faults,
        sampleInterval, heatmap, charts, formats, expanded, maintenance);
  }

  /** The {@code frameworks} list: each entry read (and added to {@code entries}); those without an error returned. */
  private static List<Scenario.Framework> frameworks(YNode fwList, YNode root, FrameworkSection section,
      List<FrameworkEntry> entries, LoadContext ctx) {
    List<Scenario.Framework> frameworks = new ArrayList<>();
    if (fwList == null || fwList.isNull()) {
      ctx.error(root, "frameworks", "is required: at least one framework");
    } else if (!fwList.isList()) {
      ctx.error(fwList, "frameworks", "expected a list of frameworks, not " + fwList.describe());
    } else {
      if (fwList.items().isEmpty()) {
        ctx.error(fwList, "frameworks", "needs at least one framework");
      }
      for (int i = 0; i < fwList.items().size(); i++) {
        FrameworkEntry entry = new FrameworkEntry(i, fwList.items().get(i));
        entries.add(entry);
        Scenario.Framework f = section.read(fwList.items().get(i), "frameworks[" + i + "]", entry);
        entry.complete = f;
        if (f != null) {
          frameworks.add(f);
        }
      }
    }
    return frameworks;
  }

  /** {@code metrics.sampleInterval}: > 0 and at least {@link #MIN_SAMPLE_INTERVAL}. */
  private static long sampleInterval(Fields metrics, Scalars in) {
    LoadContext ctx = in.ctx;
    long sampleInterval = Defaults.SAMPLE_INTERVAL;
    if (metrics != null) {
      YNode si = metrics.get("sampleInterval");
      sampleInterval = in.duration(si, "metrics.sampleInterval", Defaults.SAMPLE_INTERVAL, false);
      if (si != null && sampleInterval == 0) {
        ctx.error(si, "metrics.sampleInterval", "must be > 0");
        sampleInterval = Defaults.SAMPLE_INTERVAL;
      } else if (si != null && sampleInterval < MIN_SAMPLE_INTERVAL) {
        // each sample is one row of timeseries.csv (tens of columns): 1us wrote 479 MB per simulated 10 s
        ctx.error(si, "metrics.sampleInterval", "must be at least 1ms (one timeseries.csv row per sample: finer"
            + " intervals write gigabytes per simulated minute)");
        sampleInterval = Defaults.SAMPLE_INTERVAL;
      }
    }
    return sampleInterval;
  }

  /** {@code metrics.agentHeatmap}: rows, columns (even), interval; defaults for what is missing. */
  private static org.mesosim.reports.AgentHeatmap.Options heatmap(Fields metrics, Scalars in) {
    LoadContext ctx = in.ctx;
    org.mesosim.reports.AgentHeatmap.Options d = org.mesosim.reports.AgentHeatmap.Options.DEFAULT;
    if (metrics == null) {
      return d;
    }
    String p = "metrics.agentHeatmap";
    Fields h = ctx.object(metrics.get("agentHeatmap"), p, "agentHeatmap");
    if (h == null) {
      return d;
    }
    int rows = (int) in.integer(h.get("rows"), p + ".rows", d.rows(), 0, 4096);
    YNode colsNode = h.get("columns");
    int cols = (int) in.integer(colsNode, p + ".columns", d.columns(), 2, 8192);
    if (cols % 2 != 0) {
      // two columns merge into one as the run grows
      ctx.error(colsNode, p + ".columns", "must be even, not " + cols);
      cols = d.columns();
    }
    YNode iv = h.get("interval");
    long interval = in.duration(iv, p + ".interval", d.interval(), false);
    if (iv != null && interval <= 0) {
      ctx.error(iv, p + ".interval", "must be > 0");
      interval = d.interval();
    }
    return new org.mesosim.reports.AgentHeatmap.Options(rows, cols, interval);
  }
}
