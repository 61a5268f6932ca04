package org.mesosim.cli.sweep;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Parallel;
import org.mesosim.cli.RunsProgress;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Scenario;

/**
 * Running a {@link SweepPlan} on this machine and writing what its runs give: the one implementation
 * behind {@code mesosim sweep} and {@code mesosim compare} (whole or {@code --shard I/N}), their
 * {@code merge}, and the Spark driver's results ({@link #report}).
 */
public final class Batch {
  private Batch() {}

  /**
   * What the local runs gave: the rows of the finished runs by 0-based position (run order), the
   * failures (in run order) and how many runs were started; {@code mine} is the runs of this shard
   * (every run without one).
   */
  public record Outcome(SortedMap<Integer, Map<String, Object>> rows, List<Exception> failed, int started, int mine) {
    /** The rows in run order. */
    public List<Map<String, Object>> rowList() {
      return new ArrayList<>(rows.values());
    }
  }

  /**
   * Runs {@code plan}'s runs (only {@code shard}'s, if not null) on {@code threads} threads into
   * {@code dir}, each leaving {@link SweepPlan#writeRow row.json} in its folder. Every run's scenario is
   * checked first (bad input: nothing runs). With {@code resume}, runs whose {@code row.json} has the
   * expected key are skipped (said on {@code err}). A shard writes its manifest. An earlier aggregate in
   * {@code dir} (and a sweep's {@code sweep.csv}) is removed before anything runs, so that runs that fail
   * leave none that could pass for theirs. A failed run is named on {@code err}; the others go on.
   */
  public static Outcome runLocal(SweepPlan plan, Services services, Path dir, Shard shard, boolean resume,
      int threads, boolean noCharts, boolean showProgress, PrintWriter err) throws Exception {
    SweepPlan.Kind kind = plan.kind();
    List<SweepPlan.Point> points = plan.points();
    // validate every point before running any, and report every distinct problem of the grid at once
    List<Scenario> scenarios = plan.scenarios();
    List<String> runKeys = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      runKeys.add(plan.runKey(i, scenarios.get(i)));
    }
    Files.createDirectories(kind == SweepPlan.Kind.SWEEP ? dir.resolve("runs") : dir);
    // a previous sweep.csv (another grid, or runs that have since gone stale) must not pass for this
    // sweep's while it runs or if it is killed; the new one is written whole and renamed at the end
    // (after a shard's run, `merge` writes it)
    if (kind == SweepPlan.Kind.SWEEP) {
      Files.deleteIfExists(dir.resolve("sweep.csv"));
    }
    if (shard != null) {
      shard.writeManifest(dir, plan, runKeys);
    }
    List<Callable<Map<String, Object>>> tasks = new ArrayList<>();
    List<Integer> todo = new ArrayList<>();
    SortedMap<Integer, Map<String, Object>> rows = new TreeMap<>();
    int mine = 0;
    for (int i = 0; i < points.size(); i++) {
      if (shard != null && !shard.owns(i)) {
        continue;
      }
      mine++;
      String key = runKeys.get(i);
      Path runDir = plan.runDir(dir, i);
      Map<String, Object> row = resume ? SweepPlan.readRow(runDir.resolve("row.json"), kind.command, err) : null;
      if (row != null && key.equals(row.get("key"))) {
        rows.put(i, row);
        continue;
      }
      todo.add(i);
      Scenario s = scenarios.get(i);
      int at = i;
      tasks.add(() -> {
        // from here until the new row is written the run is not finished (a whole compare re-runs runs whose
        // row has the same key: if this run fails, the old row must not make its folder pass for finished)
        Files.deleteIfExists(runDir.resolve("row.json"));
        Map<String, Object> r = plan.run(services.runner(), at, s, key, runDir, err, noCharts);
        SweepPlan.writeRow(runDir, r);
        return r;
      });
    }
    if (!rows.isEmpty()) {
      err.println(kind.command + ": resuming; " + rows.size() + " of " + mine + " runs already finished");
      err.flush();
    }
    // runs that do not all finish write no comparison: an earlier one must not pass for theirs
    // (a shard writes none: `merge` does)
    services.comparison().removeOutputs(dir);
    List<Parallel.Outcome<Map<String, Object>>> outcomes;
    try (RunsProgress progress = new RunsProgress(err, kind.command, tasks.size(), showProgress)) {
      outcomes = Parallel.runAll(tasks.stream().map(progress::wrap).toList(), threads);
    }
    List<Exception> failed = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      Parallel.Outcome<Map<String, Object>> oc = outcomes.get(i);
      if (oc.error() != null) {
        failed.add(oc.error());
        err.println(failure(plan, todo.get(i), dir, MesosimCommand.describe(oc.error())));
      } else {
        rows.put(todo.get(i), oc.value());
      }
    }
    return new Outcome(rows, failed, todo.size(), mine);
  }

  /**
   * After {@link #runLocal}: a shard says what it did (its rows are joined by {@code merge}); a whole
   * sweep or comparison {@link #report reports} (the aggregate only when every run finished). Failed
   * runs (named already) end it with their count, the first failure's class deciding the exit code.
   */
  public static int finishLocal(SweepPlan plan, Services services, Path dir, Shard shard, boolean resume,
      Outcome done, List<String> metrics, boolean charts, PrintWriter o, PrintWriter err) throws Exception {
    String command = plan.kind().command;
    Exception failed = done.failed().isEmpty() ? null : Parallel.failedRuns(done.failed(), done.started(),
        resume ? "; run the " + command + " again to resume" : "");
    int code;
    if (shard != null) {
      o.println(command + ": shard " + shard + ": " + done.rows().size() + " of " + done.mine() + " runs done in "
          + (plan.kind() == SweepPlan.Kind.SWEEP ? dir.resolve("runs") : dir) + "; join the shards with: mesosim "
          + command + " merge --out DIR SHARD_DIR...");
      o.flush();
      code = exitCode(done.rowList());
    } else {
      code = report(services.comparison(), plan.kind(), dir, dir.toString(), plan.keys(), done.rowList(),
          plan.kind() == SweepPlan.Kind.SWEEP ? "sweep: " + done.rows().size() + " of " + plan.points().size()
          + " runs done; " + dir.resolve("sweep.csv") : null, failed == null, metrics, charts, o);
    }
    if (failed != null) { // each failed run is named above
      err.flush();
      throw failed;
    }
    return code;
  }

  /**
   * The line that names a failed run (position {@code i}): a sweep's {@code sweep: run NNNN failed: ...},
   * a comparison's {@code run POLICY seed S (DIR) failed: ...}, as each command has always said it.
   */
  public static String failure(SweepPlan plan, int i, Path dir, String why) {
    SweepPlan.Point p = plan.points().get(i);
    return plan.kind() == SweepPlan.Kind.SWEEP ? "sweep: run " + p.id() + " failed: " + why
        : "run " + p.values().get(0) + " seed " + p.seed() + " (" + plan.runDir(dir, i) + ") failed: " + why;
  }

  /**
   * Writes what the finished runs give into {@code dir}, in run order: a sweep's {@code sweep.csv}
   * (always, also when runs are missing); {@code header} (if not null); a comparison's table of runs;
   * then, if {@code complete}, the aggregate over seeds ({@link SweepPlan#writeAggregate}), its results
   * table and {@code results: SHOWN}. Returns the exit code of the finished runs: 3 if one broke an
   * invariant, else 0.
   */
  public static int report(Services.ComparisonWriter writer, SweepPlan.Kind kind, Path dir, String shown,
      List<String> keys, List<Map<String, Object>> rows, String header, boolean complete, List<String> metrics,
      boolean charts, PrintWriter o) throws Exception {
    if (kind == SweepPlan.Kind.SWEEP) {
      SweepPlan.writeCsv(dir.resolve("sweep.csv"), keys, rows);
    }
    if (header != null) {
      o.println(header);
    }
    if (kind == SweepPlan.Kind.COMPARE) {
      o.println(SweepPlan.table(rows));
    }
    o.flush();
    if (complete) {
      String stats = SweepPlan.writeAggregate(writer, kind, dir, keys, rows, metrics, charts);
      if (stats != null && !stats.isBlank()) {
        o.println();
        o.print(stats);
      }
      o.println("results: " + shown);
      o.flush();
    }
    return exitCode(rows);
  }

  /** The exit code of finished runs: 3 if one of them broke an invariant, else 0. */
  public static int exitCode(List<Map<String, Object>> rows) {
    long violations = rows.stream().mapToLong(r -> ((Number) r.get("invariant_violations")).longValue()).sum();
    return violations > 0 ? ExitCodes.INVARIANT_VIOLATED : ExitCodes.OK;
  }
}
