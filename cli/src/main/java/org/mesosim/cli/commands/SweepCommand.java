package org.mesosim.cli.commands;

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
import java.util.concurrent.Callable;
import org.mesosim.cli.ChartOptions;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Parallel;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.scenario.Loc;
import org.mesosim.cli.scenario.Problem;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioException;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.cli.scenario.ScenarioWriter;
import org.mesosim.cli.scenario.YNode;
import org.mesosim.cli.scenario.YamlTree;
import org.mesosim.engine.SimTime;
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
 * running the sweep again skips those (an interrupted sweep resumes).
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
@Command(name = "sweep", description = "Run a grid of overrides x seeds (a small YAML file) in parallel; one row per"
    + " run in DIR/sweep.csv (default runs/<sweep file name>/). Re-running resumes, skipping finished runs.")
public final class SweepCommand implements Callable<Integer> {
  private static final List<String> KEYS = List.of("name", "scenario", "seeds", "grid", "parallel");
  /** The most runs one sweep may make (a typo such as seeds: 100000000 must not fill the heap with plans). */
  static final int MAX_RUNS = 100_000;

  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ChartOptions charts;

  @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep YAML file.")
  Path sweepFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<sweep name>/).")
  Path out;

  @Option(names = "--parallel", paramLabel = "N", description = "Runs at once (overrides the file's).")
  Integer parallel;

  /** One run of the grid. */
  record Point(int index, List<String> keys, List<String> values, long seed) {
    String id() {
      return String.format(Locale.ROOT, "%04d", index);
    }

    String key() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < keys.size(); i++) {
        sb.append(keys.get(i)).append('=').append(values.get(i)).append(';');
      }
      return sb.append("seed=").append(seed).toString();
    }

    List<String> overrides() {
      List<String> o = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        o.add(keys.get(i) + "=" + values.get(i));
      }
      return o;
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Problem> problems = new ArrayList<>();
    String source = sweepFile.toString();
    String text = YamlTree.readFile(sweepFile, "sweep file", problems);
    if (text == null) {
      throw new ScenarioException(problems);
    }
    YNode root = YamlTree.parse(text, source, problems);
    if (root == null) {
      throw new ScenarioException(problems);
    }
    if (!root.isMap()) {
      throw new ScenarioException(List.of(new Problem(root.loc(), "", "expected a mapping with scenario, seeds, grid")));
    }
    root.entries().forEach((k, v) -> {
      if (!KEYS.contains(k)) {
        problems.add(new Problem(v.keyLoc(), k, "unknown key" + org.mesosim.cli.scenario.DidYouMean.hint(k, KEYS)
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
          String.format(java.util.Locale.ROOT, "the sweep would make %.0f runs (grid combinations x seeds); at most %,d",
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
    if (parallel != null && parallel < 1) {
      problems.add(new Problem(Loc.of("--parallel"), "", "must be >= 1, not " + parallel));
    }
    int threads = parallel != null ? parallel : Parallel.defaultThreads();
    YNode par = root.get("parallel");
    if (parallel == null && par != null) {
      if (par.value() instanceof Long l && l >= 1) {
        threads = l.intValue();
      } else {
        problems.add(new Problem(par.loc(), "parallel", "must be a whole number >= 1"));
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    ScenarioLoader loader = new ScenarioLoader(parent.services().catalog());
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
      for (long seed : seedList) {
        points.add(new Point(points.size() + 1, keys, vals, seed));
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
    // validate every point before running any, and report every distinct problem of the grid at once
    List<Scenario> scenarios = new ArrayList<>();
    java.util.LinkedHashMap<String, Problem> gridProblems = new java.util.LinkedHashMap<>();
    for (Point p : points) {
      try {
        scenarios.add(loader.load(scenarioFile, p.overrides()).withSeed(p.seed()));
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
    Path dir = out != null ? out : Path.of("runs", name);
    org.mesosim.cli.OutputPaths.checkFolder("--out", dir);
    Files.createDirectories(dir.resolve("runs"));
    // a previous sweep.csv (another grid, or runs that have since gone stale) must not pass for this
    // sweep's while it runs or if it is killed; the new one is written whole and renamed at the end
    Files.deleteIfExists(dir.resolve("sweep.csv"));
    ObjectMapper json = new ObjectMapper();
    List<Callable<Map<String, Object>>> tasks = new ArrayList<>();
    List<Integer> todo = new ArrayList<>();
    Map<Integer, Map<String, Object>> rows = new java.util.TreeMap<>();
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      // the resolved scenario is part of the key: after an edit of the scenario file, a finished
      // run of the same overrides and seed is stale and runs again
      String key = p.key() + ";scenario=" + fingerprint(scenarios.get(i));
      Path rowFile = dir.resolve("runs").resolve(p.id()).resolve("row.json");
      if (Files.isRegularFile(rowFile)) {
        Map<String, Object> row = readRow(json, rowFile, err);
        if (row != null && key.equals(row.get("key"))) {
          rows.put(i, row);
          continue;
        }
      }
      todo.add(i);
      // after the key: charts do not change a run's results, so --no-charts does not make finished runs stale
      Scenario s = charts.noCharts ? scenarios.get(i).withCharts(List.of()) : scenarios.get(i);
      tasks.add(() -> {
        RunResult r = parent.services().runner().run(new RunRequest(s, charts.apply(p.overrides()),
            dir.resolve("runs").resolve(p.id()), false, false), err);
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
        Path rf = dir.resolve("runs").resolve(p.id()).resolve("row.json");
        Files.createDirectories(rf.getParent());
        Path tmp = rf.resolveSibling("row.json.partial");
        json.writeValue(tmp.toFile(), row);
        Files.move(tmp, rf, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return row;
      });
    }
    if (!rows.isEmpty()) {
      err.println("sweep: resuming; " + rows.size() + " of " + points.size() + " runs already finished");
      err.flush();
    }
    List<Parallel.Outcome<Map<String, Object>>> outcomes = Parallel.runAll(tasks, threads);
    List<Exception> failed = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Parallel.Outcome<Map<String, Object>> oc = outcomes.get(i);
      if (oc.error() != null) {
        failed.add(oc.error());
        err.println("sweep: run " + points.get(todo.get(i)).id() + " failed: " + MesosimCommand.describe(oc.error()));
      } else {
        rows.put(todo.get(i), oc.value());
      }
    }
    writeCsv(dir.resolve("sweep.csv"), keys, new ArrayList<>(rows.values()));
    o.println("sweep: " + rows.size() + " of " + points.size() + " runs done; " + dir.resolve("sweep.csv"));
    o.flush();
    if (!failed.isEmpty()) { // each failed run is named above
      err.flush();
      throw Parallel.failedRuns(failed, todo.size(), "; run the sweep again to resume");
    }
    long violations = rows.values().stream().mapToLong(r -> ((Number) r.get("invariant_violations")).longValue()).sum();
    return violations > 0 ? ExitCodes.INVARIANT_VIOLATED : ExitCodes.OK;
  }

  /**
   * A finished run's row, or null if the file is not one (e.g. truncated by a crash or a full disk
   * outside this program's atomic write): that run is not finished and runs again, overwriting it.
   */
  private static Map<String, Object> readRow(ObjectMapper json, Path rowFile, PrintWriter err) {
    try {
      Object row = json.readValue(rowFile.toFile(), Object.class);
      if (row instanceof Map<?, ?> m) {
        @SuppressWarnings("unchecked")
        Map<String, Object> r = (Map<String, Object>) m;
        return r;
      }
      err.println("sweep: " + rowFile + ": not a row (expected a JSON object); running it again");
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
          : MesosimCommand.describe(e);
      err.println("sweep: " + rowFile + ": unreadable (" + why.lines().findFirst().orElse("") + "); running it again");
    }
    return null;
  }

  /** A digest of the scenario as it would run (every default and override applied). */
  static String fingerprint(Scenario s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(
          ScenarioWriter.write(s, List.of()).getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeCsv(Path file, List<String> keys, List<Map<String, Object>> rows) throws IOException {
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
    sb.append(String.join(",", cols.stream().map(SweepCommand::csv).toList())).append('\n');
    for (Map<String, Object> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String c : cols) {
        Object v = r.get(c);
        cells.add(v == null ? "" : csv(String.valueOf(v)));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    org.mesosim.reports.AtomicFiles.write(file, sb.toString());
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
