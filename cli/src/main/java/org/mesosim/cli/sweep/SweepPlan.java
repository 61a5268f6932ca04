package org.mesosim.cli.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Runner;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.DidYouMean;
import org.mesosim.cli.scenario.Loc;
import org.mesosim.cli.scenario.Problem;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioCatalog;
import org.mesosim.cli.scenario.ScenarioException;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.cli.scenario.ScenarioWriter;
import org.mesosim.cli.scenario.YNode;
import org.mesosim.cli.scenario.YamlTree;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;

/**
 * A sweep file, or a comparison of policies ({@link #compare}), expanded into its ordered runs: the
 * seam that {@code mesosim sweep} and {@code mesosim compare} (local thread pool, {@code --shard}),
 * their {@code merge} and the Spark application share, so that every engine runs the same points with
 * the same seeds and overrides, through the same code path as {@code mesosim run}, and writes the same
 * rows, the same {@code sweep.csv} and the same aggregate over seeds ({@link #writeAggregate}).
 *
 * <pre>
 * scenario: ../scenarios/offer-starvation.yaml   # relative to the sweep file
 * seeds: 3                 # a count (the scenario's seed, +1, ...) or a list [1, 7, 42]
 * grid:                    # every combination, in this order (the last key varies fastest)
 *   allocator.policy: [hierarchical-drf, fifo]
 *   frameworks[0].scheduler.refuseSeconds: [0, 5]
 * parallel: 2              # optional: runs at once (default: processors)
 * </pre>
 */
public final class SweepPlan {
  private static final List<String> KEYS = List.of("name", "scenario", "seeds", "grid", "parallel");
  /** The most runs one sweep may make (a typo such as seeds: 100000000 must not fill the heap with plans). */
  public static final int MAX_RUNS = 100_000;

  /**
   * What the runs are: a sweep's (grouped by grid values, folders {@code runs/NNNN}) or a comparison's
   * (grouped by policy, folders {@code <policy>-seed<seed>}, as {@code mesosim compare} has always
   * written them). Shard manifests record it, so a merge knows what it joins.
   */
  public enum Kind {
    SWEEP("sweep", "config"), COMPARE("compare", "policy");

    /** The command ({@code sweep}, {@code compare}): names the kind in manifests and messages. */
    public final String command;
    /** What a group is called in the aggregate's files. */
    public final String groupColumn;

    Kind(String command, String groupColumn) {
      this.command = command;
      this.groupColumn = groupColumn;
    }

    /** The kind a manifest or command names. */
    public static Kind of(String command) {
      return command == null || command.equals("sweep") ? SWEEP : COMPARE;
    }

    /** Where the run {@code id} goes, relative to the output folder, with {@code /} (a Hadoop path too). */
    public String runPath(String id) {
      return this == SWEEP ? "runs/" + id : id;
    }

    /** The folder of run {@code id} in {@code out}. */
    public Path runDir(Path out, String id) {
      return out.resolve(runPath(id));
    }

    /** The group of a run with these values of the plan's keys. */
    String label(List<String> keys, List<String> values) {
      return this == SWEEP ? SweepPlan.label(keys, values) : values.get(0);
    }
  }

  /**
   * One run; {@code index} counts from 1. Its {@code id} names its folder ({@link Kind#runPath}): a
   * sweep's {@code NNNN}, a comparison's {@code <policy>-seed<seed>}. {@code keys} and {@code values}
   * are what its row records (a sweep's grid values; a comparison's {@code policy}); {@code overrides}
   * are the {@code --set} assignments it runs with.
   */
  public record Point(int index, String id, List<String> keys, List<String> values, long seed,
      List<String> overrides) {
    public Point {
      keys = List.copyOf(keys);
      values = List.copyOf(values);
      overrides = List.copyOf(overrides);
    }

    /** Its overrides and seed, as a text (part of the row's resume key). */
    public String key() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        sb.append(keys.get(i)).append('=').append(values.get(i)).append(';');
      }
      return sb.append("seed=").append(seed).toString();
    }

  }

  private final Kind kind;
  private final String name;
  private final Path scenarioFile;
  private final List<String> keys;
  private final List<Point> points;
  private final Integer parallel;
  private final Map<String, Loc> valueLocs;
  private final ScenarioLoader loader;
  private final boolean checkInvariants;

  private SweepPlan(Kind kind, String name, Path scenarioFile, List<String> keys, List<Point> points, Integer parallel,
      Map<String, Loc> valueLocs, ScenarioLoader loader, boolean checkInvariants) {
    this.kind = kind;
    this.name = name;
    this.scenarioFile = scenarioFile;
    this.keys = List.copyOf(keys);
    this.points = List.copyOf(points);
    this.parallel = parallel;
    this.valueLocs = valueLocs;
    this.loader = loader;
    this.checkInvariants = checkInvariants;
  }

  /** A sweep's or a comparison's runs. */
  public Kind kind() {
    return kind;
  }

  /** The sweep's name (names the default output folder); a comparison's: its scenario's. */
  public String name() {
    return name;
  }

  /** The scenario file the sweep varies (absolute). */
  public Path scenarioFile() {
    return scenarioFile;
  }

  /** The grid's keys, in the file's order (the sweep.csv columns after run and seed); a comparison's: {@code policy}. */
  public List<String> keys() {
    return keys;
  }

  /** Every run, in order (the last grid key varies fastest, then the seed). */
  public List<Point> points() {
    return points;
  }

  /** The file's {@code parallel:}, or null. */
  public Integer parallel() {
    return parallel;
  }

  /**
   * Reads and checks a sweep file and expands it into its runs; every problem of the file at once
   * (file, line and column), as a {@link ScenarioException}. The runs' scenarios are not loaded yet
   * (see {@link #scenarios()} and {@link #scenario(int)}).
   */
  public static SweepPlan load(Path sweepFile, ScenarioCatalog catalog) throws IOException {
    return load(sweepFile, catalog, List.of());
  }

  /** As {@link #load(Path, ScenarioCatalog)}, reporting {@code usage} (problems of the command line) with the file's. */
  public static SweepPlan load(Path sweepFile, ScenarioCatalog catalog, List<Problem> usage) throws IOException {
    List<Problem> problems = new ArrayList<>();
    String source = sweepFile.toString();
    String text = YamlTree.readFile(sweepFile, "sweep file", problems);
    if (text == null) {
      problems.addAll(usage);
      throw new ScenarioException(problems);
    }
    YNode root = YamlTree.parse(text, source, problems);
    if (root == null) {
      problems.addAll(usage);
      throw new ScenarioException(problems);
    }
    if (!root.isMap()) {
      throw new ScenarioException(List.of(new Problem(root.loc(), "", "expected a mapping with scenario, seeds, grid")));
    }
    root.entries().forEach((k, v) -> {
      if (!KEYS.contains(k)) {
        problems.add(new Problem(v.keyLoc(), k, "unknown key" + DidYouMean.hint(k, KEYS)
            + "; allowed: " + String.join(", ", KEYS)));
      }
    });
    YNode sc = root.get("scenario");
    boolean scenarioGiven = sc != null && sc.isScalar() && !sc.isNull();
    if (!scenarioGiven) {
      problems.add(new Problem(sc == null ? root.loc() : sc.loc(), "scenario", "is required: the scenario file,"
          + " relative to the sweep file"));
    }
    Path base = sweepFile.toAbsolutePath().getParent();
    Path scenarioFile = scenarioGiven ? base.resolve(sc.text()).normalize() : null; // used once problems is empty
    if (scenarioFile != null && !Files.isRegularFile(scenarioFile)) {
      problems.add(new Problem(sc.loc(), "scenario", (Files.isDirectory(scenarioFile) ? "is a folder: "
          : "no such file: ") + scenarioFile + " (relative to the sweep file)"));
    }
    String name = root.get("name") != null && root.get("name").isScalar() ? root.get("name").text()
        : sweepFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    List<String> keys = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    Map<String, Loc> valueLocs = new LinkedHashMap<>(); // "--set KEY=VALUE" -> where the value is in this file
    YNode grid = root.get("grid");
    if (grid != null && !grid.isNull()) {
      if (!grid.isMap()) {
        problems.add(new Problem(grid.loc(), "grid", "expected a mapping of PATH: [values]"));
      } else {
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, YNode> e : grid.entries().entrySet()) {
          YNode v = e.getValue();
          // the seed column and the row's values must say what ran: each run's seed comes from seeds:,
          // and of two overlapping paths the longer one's value is overwritten by (or overwrites) the other
          if (e.getKey().equals("seed")) {
            problems.add(new Problem(v.keyLoc(), "grid.seed", "the sweep sets each run's seed; use seeds: (a count"
                + " or a list) instead"));
            continue;
          }
          String overlapping = keys.stream().filter(k -> YamlTree.pathsOverlap(k, e.getKey())).findFirst().orElse(null);
          if (overlapping != null) {
            problems.add(new Problem(v.keyLoc(), "grid." + e.getKey(), "overlaps grid key " + overlapping
                + " (one is part of the other); keep one of them"));
            continue;
          }
          List<YNode> items = v.isList() ? v.items() : List.of(v);
          if (items.isEmpty()) {
            problems.add(new Problem(v.loc(), "grid." + e.getKey(), "needs at least one value"));
            continue;
          }
          List<String> vals = new ArrayList<>();
          for (YNode it : items) {
            String shown = it.isScalar() ? (it.isNull() ? "null" : it.text()) : json.writeValueAsString(it.toPlain());
            if (vals.contains(shown)) { // its runs would repeat others (compare refuses a repeated policy too)
              problems.add(new Problem(it.loc(), "grid." + e.getKey(), "value " + shown + " is listed twice"));
              continue;
            }
            vals.add(shown);
            valueLocs.putIfAbsent("--set " + e.getKey() + "=" + shown, it.loc());
          }
          keys.add(e.getKey());
          values.add(vals);
        }
      }
    }
    List<Long> seedList = new ArrayList<>();
    YNode seedsNode = root.get("seeds");
    if (seedsNode != null && !seedsNode.isNull()) {
      if (seedsNode.isList()) {
        if (seedsNode.items().isEmpty()) {
          problems.add(new Problem(seedsNode.loc(), "seeds", "expected a count >= 1 or a list of seeds"));
        }
        for (YNode s : seedsNode.items()) {
          if (s.value() instanceof Long l && seedList.contains(l)) {
            problems.add(new Problem(s.loc(), "seeds", "seed " + l + " is listed twice"));
          } else if (s.value() instanceof Long l) {
            seedList.add(l);
          } else {
            problems.add(new Problem(s.loc(), "seeds", "expected whole numbers"));
          }
        }
      } else if (!(seedsNode.value() instanceof Long l && l >= 1)) {
        problems.add(new Problem(seedsNode.loc(), "seeds", "expected a count >= 1 or a list of seeds"));
      }
    }
    double runs = seedsNode != null && seedsNode.value() instanceof Long l ? l : Math.max(1, seedList.size());
    for (List<String> v : values) {
      runs *= v.size();
    }
    if (runs > MAX_RUNS) {
      problems.add(new Problem(seedsNode != null ? seedsNode.loc() : root.loc(), seedsNode != null ? "seeds" : "",
          String.format(Locale.ROOT, "the sweep would make %.0f runs (grid combinations x seeds); at most %,d",
          runs, MAX_RUNS)));
    }
    YNode nameNode = root.get("name");
    if (nameNode != null && !(nameNode.isScalar() && !nameNode.isNull()
        && nameNode.text().matches("[a-z0-9-]+"))) {
      problems.add(new Problem(nameNode.loc(), "name", "must match [a-z0-9-]+ (it names the output folder), not "
          + nameNode.describe()));
    } else if (nameNode != null && nameNode.text().length() > ScenarioLoader.MAX_NAME_LENGTH) {
      problems.add(new Problem(nameNode.loc(), "name", ScenarioLoader.nameTooLong(nameNode.text())));
    }
    Integer parallel = null;
    YNode par = root.get("parallel");
    if (par != null) {
      if (par.value() instanceof Long l && l >= 1) {
        parallel = l.intValue();
      } else {
        problems.add(new Problem(par.loc(), "parallel", "must be a whole number >= 1"));
      }
    }
    problems.addAll(usage);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    ScenarioLoader loader = new ScenarioLoader(catalog);
    Scenario baseScenario = loader.load(scenarioFile);
    if (seedsNode == null || seedsNode.isNull()) {
      seedList.add(baseScenario.seed());
    } else if (seedsNode.value() instanceof Long l) {
      for (long k = 0; k < l; k++) {
        seedList.add(baseScenario.seed() + k);
      }
    }

    List<Point> points = new ArrayList<>();
    int[] idx = new int[keys.size()];
    while (true) {
      List<String> vals = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        vals.add(values.get(i).get(idx[i]));
      }
      List<String> overrides = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        overrides.add(keys.get(i) + "=" + vals.get(i));
      }
      for (long seed : seedList) {
        points.add(new Point(points.size() + 1, String.format(Locale.ROOT, "%04d", points.size() + 1), keys, vals,
            seed, overrides));
      }
      int k = keys.size() - 1;
      while (k >= 0 && ++idx[k] == values.get(k).size()) {
        idx[k] = 0;
        k--;
      }
      if (k < 0) {
        break;
      }
    }
    return new SweepPlan(Kind.SWEEP, name, scenarioFile, keys, points, parallel, valueLocs, loader, false);
  }

  /**
   * {@code mesosim compare}'s runs: {@code scenarioFile} with {@code sets} under each policy (in the
   * order given), each with {@code seeds} seeds (the scenario's seed, +1, ...). A policy other than the
   * scenario's runs with {@code allocator.options} reset ({@code {}}): the scenario's options are its
   * own policy's. Bad input (an empty, unknown or repeated policy, too many runs, a bad scenario) is a
   * {@link BadInputException} or {@link ScenarioException}, before anything runs.
   */
  public static SweepPlan compare(Path scenarioFile, List<String> sets, List<String> policies, int seeds,
      boolean checkInvariants, ScenarioCatalog catalog) {
    if (seeds < 1) {
      throw new BadInputException("--seeds: must be >= 1");
    }
    if ((long) seeds * policies.size() > MAX_RUNS) { // as a sweep: run plans must not fill the heap
      throw new BadInputException(String.format(Locale.ROOT, "--seeds: %d seeds x %d policies would make"
          + " %d runs; at most %,d", seeds, policies.size(), (long) seeds * policies.size(), MAX_RUNS));
    }
    // picocli splits at commas only: "fifo, drf" gives " drf", and "," or "" give nothing or empty names
    List<String> names = policies.stream().map(String::strip).toList();
    if (names.isEmpty() || names.contains("")) {
      throw new BadInputException("--allocators: " + (names.stream().allMatch(String::isEmpty) ? "no policy given"
          : "an empty policy name in '" + String.join(",", policies) + "'") + "; expected comma-separated"
          + " policies, known: " + String.join(", ", catalog.allocatorNames()));
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.subList(0, i).contains(names.get(i))) {
        // the runs would share an output folder (DIR/<policy>-seed<s>/)
        throw new BadInputException("--allocators: " + names.get(i) + " is listed twice");
      }
    }
    ScenarioLoader loader = new ScenarioLoader(catalog);
    Scenario base = loader.load(scenarioFile, sets);
    List<String> unknown = names.stream().filter(a -> catalog.policy(a).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      throw new BadInputException("--allocators: unknown polic" + (unknown.size() == 1 ? "y " : "ies ")
          + String.join(", ", unknown) + "; known: " + String.join(", ", catalog.allocatorNames()));
    }
    List<Point> points = new ArrayList<>();
    for (String a : names) {
      List<String> overrides = new ArrayList<>(sets);
      if (!a.equals(base.allocator().policy())) {
        overrides.add("allocator.policy=" + a);
        overrides.add("allocator.options={}");
      }
      for (int k = 0; k < seeds; k++) {
        long seed = base.seed() + k;
        points.add(new Point(points.size() + 1, a + "-seed" + seed, List.of("policy"), List.of(a), seed, overrides));
      }
    }
    return new SweepPlan(Kind.COMPARE, base.name(), scenarioFile, List.of("policy"),
        points, null, Map.of(), loader, checkInvariants);
  }

  /** The folder of run {@code i} (0-based) in {@code out}. */
  public Path runDir(Path out, int i) {
    return kind.runDir(out, points.get(i).id());
  }

  /** The scenario of run {@code i} (0-based position in {@link #points()}), overrides and seed applied. */
  public Scenario scenario(int i) {
    Point p = points.get(i);
    return loader.load(scenarioFile, p.overrides()).withSeed(p.seed());
  }

  /**
   * Every run's scenario, checked before any runs: every distinct problem of the grid at once, each
   * reported at the grid value in the sweep file that caused it.
   */
  public List<Scenario> scenarios() {
    List<Scenario> scenarios = new ArrayList<>();
    LinkedHashMap<String, Problem> gridProblems = new LinkedHashMap<>();
    for (int i = 0; i < points.size(); i++) {
      try {
        scenarios.add(scenario(i));
      } catch (ScenarioException e) {
        for (Problem q : e.problems()) {
          // a problem of a grid value is reported at that value in the sweep file
          Loc at = valueLocs.get(q.loc().source());
          // a problem of the override itself (its path) has no YAML path of its own
          Problem shown = at == null ? q : new Problem(at, "grid." + q.loc().source().substring("--set ".length()),
              q.path().isEmpty() ? q.message() : q.path() + ": " + q.message());
          gridProblems.putIfAbsent(shown.toString(), shown);
        }
      }
    }
    if (!gridProblems.isEmpty()) {
      throw new ScenarioException(new ArrayList<>(gridProblems.values()));
    }
    return scenarios;
  }

  /**
   * The resume key of run {@code i} whose scenario is {@code s}: its overrides, seed and the resolved
   * scenario. After an edit of the scenario file, a finished run of the same overrides and seed is
   * stale and runs again.
   */
  public String runKey(int i, Scenario s) {
    // a run checked for invariants is not the same as one that was not (compare --check-invariants)
    return points.get(i).key() + ";scenario=" + fingerprint(s) + (checkInvariants ? ";check-invariants" : "");
  }

  /**
   * Identifies the whole plan (every run's key, in order): shards of one sweep carry the same value,
   * so {@code sweep merge} can refuse shards of different sweep files or grids.
   */
  public static String planDigest(List<String> runKeys) {
    return sha256(String.join("\n", runKeys), 16);
  }

  /** A digest of the scenario as it would run (every default and override applied). */
  public static String fingerprint(Scenario s) {
    return sha256(ScenarioWriter.write(s, List.of()), 8);
  }

  private static String sha256(String text, int bytes) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs point {@code i} through {@code runner} (the code path of {@code mesosim run}) into
   * {@code runDir} and returns its row (what {@code row.json} and {@code sweep.csv} hold). Writes
   * nothing else; see {@link #writeRow}. {@code noCharts}: as {@code --no-charts} (the same results).
   */
  public Map<String, Object> run(Runner runner, int i, Scenario s, String key, Path runDir, PrintWriter err,
      boolean noCharts) throws Exception {
    Point p = points.get(i);
    // after the key: charts do not change a run's results, so --no-charts does not make finished runs stale
    List<String> overrides = new ArrayList<>(p.overrides());
    if (noCharts) {
      s = s.withCharts(List.of());
      overrides.add(org.mesosim.cli.ChartOptions.OVERRIDE);
    }
    RunResult r = runner.run(new RunRequest(s, overrides, runDir, checkInvariants, false), err);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("key", key);
    row.put("run", p.id());
    row.put("seed", p.seed());
    for (int k = 0; k < p.keys().size(); k++) {
      row.put(p.keys().get(k), p.values().get(k));
    }
    row.put("digest", r.digest());
    row.put("events", r.events());
    row.put("simulated_s", r.simulatedMicros() / (double) SimTime.SECOND);
    row.put("wall_s", r.wallSeconds());
    row.put("invariant_violations", r.invariantViolations());
    // counts are whole numbers in sweep.csv (jobs_finished 161, not 161.0), as in comparison.csv
    r.headline().forEach((k, v) -> row.put(k, k.equals("jobs_finished") ? (Object) v.longValue() : v));
    return row;
  }

  /** The JSON text of a row (as {@code row.json} holds it). */
  public static String rowJson(Map<String, Object> row) throws IOException {
    return new ObjectMapper().writeValueAsString(row);
  }

  /** Writes {@code runDir/row.json} atomically (a temporary name, then a rename): a run is finished once it exists. */
  public static void writeRow(Path runDir, Map<String, Object> row) throws IOException {
    Path rf = runDir.resolve("row.json");
    Files.createDirectories(runDir);
    Path tmp = rf.resolveSibling("row.json.partial");
    new ObjectMapper().writeValue(tmp.toFile(), row);
    Files.move(tmp, rf, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A finished run's row from {@code rowFile}, or null if the file is missing or not one (e.g.
   * truncated by a crash or a full disk outside this program's atomic write): that run is not
   * finished and runs again, overwriting it. Why is said on {@code err} (prefixed with {@code who}).
   */
  public static Map<String, Object> readRow(Path rowFile, String who, PrintWriter err) {
    if (!Files.isRegularFile(rowFile)) {
      return null;
    }
    try {
      return parseRow(Files.readString(rowFile, StandardCharsets.UTF_8), rowFile.toString(), who, err);
    } catch (IOException e) {
      err.println(who + ": " + rowFile + ": unreadable (" + MesosimCommand.describe(e).lines().findFirst().orElse("")
          + "); running it again");
      return null;
    }
  }

  /** A row from its JSON text (see {@link #readRow}); {@code where} names it in messages. */
  public static Map<String, Object> parseRow(String text, String where, String who, PrintWriter err) {
    try {
      Object row = new ObjectMapper().readValue(text, Object.class);
      if (row instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) m;
        return r;
      }
      err.println(who + ": " + where + ": not a row (expected a JSON object); running it again");
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
          : MesosimCommand.describe(e);
      err.println(who + ": " + where + ": unreadable (" + why.lines().findFirst().orElse("") + "); running it again");
    }
    return null;
  }

  /** A run's group in the aggregate over seeds: {@code key=value, ...} of its grid values, {@code base} without a grid. */
  public static String label(List<String> keys, List<String> values) {
    if (keys.isEmpty()) {
      return "base";
    }
    List<String> kv = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      kv.add(keys.get(i) + "=" + values.get(i));
    }
    return String.join(", ", kv);
  }

  /**
   * The aggregate over seeds of finished runs (comparison.csv, comparison_runs.csv,
   * comparison_summary.csv, comparison.json/html, the charts): for a sweep one group per combination
   * of grid values (and the dimension charts), for a comparison one per policy. The local commands,
   * their {@code merge} and the Spark driver call it with the rows of every run (in run order, each
   * run's folder at {@link Kind#runDir}), so each writes the same files. Everything it needs is in the
   * rows (run, digest, grid values or policy) and the runs' folders. Returns the results table for stdout.
   */
  public static String writeAggregate(Services.ComparisonWriter writer, Kind kind, Path dir, List<String> keys,
      List<Map<String, Object>> rows, List<String> metrics, boolean charts) throws Exception {
    List<RunResult> all = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Map<String, String>> dims = new LinkedHashMap<>();
    for (Map<String, Object> row : rows) {
      all.add(new RunResult(String.valueOf(row.get("digest")), 0, 0, 0, 0,
          kind.runDir(dir, String.valueOf(row.get("run"))), "", null, null));
      List<String> values = new ArrayList<>();
      Map<String, String> d = new LinkedHashMap<>();
      for (String k : keys) {
        String v = String.valueOf(row.get(k));
        values.add(v);
        d.put(k, v);
      }
      String label = kind.label(keys, values);
      labels.add(label);
      if (kind == Kind.SWEEP) { // a comparison has no grid to chart along
        dims.putIfAbsent(label, d);
      }
    }
    return writer.write(new Services.Comparison(dir, all, labels, kind.groupColumn, dims, metrics, charts));
  }

  /**
   * The table of runs {@code compare} prints: policy, seed, events, simulated and wall time, digest,
   * one line per row (in run order).
   */
  public static String table(List<Map<String, Object>> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-24s %6s %12s %12s %9s  %s%n", "allocator", "seed", "events",
        "simulated_s", "wall_s", "digest"));
    for (Map<String, Object> r : rows) {
      sb.append(String.format(Locale.ROOT, "%-24s %6d %12d %12.1f %9.2f  %s%n", r.get("policy"),
          ((Number) r.get("seed")).longValue(), ((Number) r.get("events")).longValue(),
          ((Number) r.get("simulated_s")).doubleValue(), ((Number) r.get("wall_s")).doubleValue(), r.get("digest")));
    }
    return sb.toString().stripTrailing();
  }

  /** The text of {@code sweep.csv}: one row per run in run order; the grid's keys after run and seed. */
  public static String csv(List<String> keys, List<Map<String, Object>> rows) {
    List<String> cols = new ArrayList<>(List.of("run", "seed"));
    cols.addAll(keys);
    cols.addAll(List.of("digest", "events", "simulated_s", "wall_s", "invariant_violations"));
    TreeSet<String> extra = new TreeSet<>();
    for (Map<String, Object> r : rows) {
      extra.addAll(r.keySet());
    }
    extra.removeAll(cols);
    extra.remove("key");
    cols.addAll(extra);
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", cols.stream().map(SweepPlan::csvCell).toList())).append('\n');
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : cols) {
        Object v = r.get(c);
        cells.add(v == null ? "" : csvCell(String.valueOf(v)));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  /** Writes {@link #csv} to {@code file}. */
  public static void writeCsv(Path file, List<String> keys, List<Map<String, Object>> rows) throws IOException {
    org.mesosim.reports.AtomicFiles.write(file, csv(keys, rows));
  }

  private static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
