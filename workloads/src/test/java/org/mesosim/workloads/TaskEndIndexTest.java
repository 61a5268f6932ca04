package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.google2011.GoogleTaskEventsReader;
import org.mesosim.workloads.trace.google2011.TaskEndIndex;

/** Runtimes of tasks cut by a part boundary or a window's end, from an index over all parts. */
class TaskEndIndexTest {
  private static final long S = SimTime.SECOND;
  @TempDir Path dir;

  static String row(long seconds, long job, int idx, int type) {
    return (seconds * 1_000_000L) + ",," + job + "," + idx + ",m," + type + ",u,0,4,0.1,0.1,0,0\n";
  }

  /** Part A: 0-100 s; part B: 100-300 s. */
  List<Path> parts() throws Exception {
    Path a = dir.resolve("part-a.csv");
    Files.writeString(a, row(0, 1, 0, 0) + row(0, 1, 1, 0)
        + row(10, 1, 0, 1) // task 1/0 runs from 10 s ...
        + row(20, 1, 1, 1) // 1/1 runs from 20 s, never ends
        + row(50, 2, 0, 0) // 2/0 pending from 50 s ...
        + row(60, 3, 0, 0) // 3/0 pending from 60 s ...
        + row(90, 4, 0, 0) + row(90, 4, 0, 1) + row(95, 4, 0, 4)); // 4/0 ends inside part A
    Path b = dir.resolve("part-b.csv");
    Files.writeString(b, row(120, 3, 0, 5) // ... 3/0 killed before any SCHEDULE
        + row(150, 2, 0, 1) + row(200, 2, 0, 3) // ... 2/0 scheduled at 150 s, fails at 200 s
        + row(250, 1, 0, 4)); // ... 1/0 finishes at 250 s
    return List.of(a, b);
  }

  static Map<String, TaskSpec> tasks(Workload w) {
    Map<String, TaskSpec> out = new TreeMap<>();
    JobSpec j;
    while ((j = w.next()) != null) {
      for (TaskSpec t : j.tasks()) {
        out.put(j.fields().get("job") + "/" + t.name(), t);
      }
    }
    return out;
  }

  @Test
  void partBoundary_endsComeFromTheIndex_unendedRunForeverOrAreDropped() throws Exception {
    List<Path> parts = parts();
    Path idx = dir.resolve("g.idx");
    TaskEndIndex.Built built = TaskEndIndex.build(parts, idx);
    assertEquals(13, built.rows());
    assertEquals(8, built.indexed()); // SCHEDULE at 10, 20, 90, 150 s; ends at 95, 120, 200, 250 s
    assertEquals(250 * S, built.lastTime());
    TraceSpec partA = TraceSpec.of("google-2011", List.of(parts.get(0)));

    // without the index: what part A alone knows
    Map<String, TaskSpec> alone = tasks(Workloads.traceWithRuntimes(partA));
    assertEquals(SimTime.NEVER, alone.get("1/0").duration());
    assertEquals(5 * S, alone.get("4/0").duration());

    // with it: exact runtimes across the boundary
    Workload w = Workloads.traceWithRuntimes(partA.withIndex(idx, false));
    Map<String, TaskSpec> t = tasks(w);
    assertEquals(List.of("1/0", "1/1", "2/0", "4/0"), List.copyOf(t.keySet()), "3/0 ended without SCHEDULE: dropped");
    assertEquals(240 * S, t.get("1/0").duration());
    assertEquals(TaskOutcome.FINISHED, t.get("1/0").outcome());
    assertEquals(50 * S, t.get("2/0").duration(), "scheduled at 150 s, failed at 200 s");
    assertEquals(TaskOutcome.FAILED, t.get("2/0").outcome());
    assertEquals(SimTime.NEVER, t.get("1/1").duration(), "unended: run (the default)");
    assertEquals(5 * S, t.get("4/0").duration());
    assertEquals(3L, w.stats().skipped().get(GoogleTaskEventsReader.SKIP_END_FROM_INDEX));
    assertEquals(1L, w.stats().skipped().get(GoogleTaskEventsReader.SKIP_UNENDED_RUN));

    // unended: drop
    Workload d = Workloads.traceWithRuntimes(partA.withIndex(idx, true));
    Map<String, TaskSpec> dt = tasks(d);
    assertFalse(dt.containsKey("1/1"));
    assertEquals(240 * S, dt.get("1/0").duration());
    assertEquals(1L, d.stats().skipped().get(GoogleTaskEventsReader.SKIP_UNENDED_DROP));
  }

  @Test
  void windowEnd_andDeferredRuntimes_resolvedFromTheIndex() throws Exception {
    List<Path> parts = parts();
    Path idx = dir.resolve("g.idx");
    TaskEndIndex.build(parts, idx);
    // both parts, window [0, 100 s): the reader stops at 120 s; the index knows what comes after
    TraceSpec window = TraceSpec.of("google-2011", parts).withWindow(0, 100 * S).withIndex(idx, false);
    Map<String, TaskSpec> t = tasks(Workloads.traceWithRuntimes(window));
    assertEquals(240 * S, t.get("1/0").duration());
    assertEquals(50 * S, t.get("2/0").duration());
    // the replay's reader (lookahead 0: every task handed out before its end is read) resolves the
    // deferred runtimes from the index when the input stops
    TreeMap<String, Double> units = new TreeMap<>();
    units.put("lookahead", 0.0);
    Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(parts.get(0))).withUnits(units).withIndex(idx, true));
    List<TaskSpec> handed = new ArrayList<>();
    JobSpec j;
    while ((j = w.next()) != null) {
      handed.addAll(j.tasks());
    }
    Map<String, TaskSpec> byName = new TreeMap<>();
    // jobs come in submit order: 1/0, 1/1 (t = 0), 2/0 (50 s), 3/0 (60 s), 4/0 (90 s)
    assertEquals(5, handed.size());
    assertTrue(handed.get(0).isDeferred());
    assertEquals(240 * S, handed.get(0).knownDuration());
    assertEquals(TaskOutcome.KILLED, handed.get(1).knownOutcome(), "unended: drop kills a handed-out task at the input's end");
    assertEquals(75 * S, handed.get(1).knownDuration(), "from 20 s to the last time read, 95 s");
    assertEquals(50 * S, handed.get(2).knownDuration());
    assertEquals(0, handed.get(3).knownDuration(), "3/0 was handed out pending and ended without SCHEDULE");
    assertEquals(5 * S, handed.get(4).knownDuration());
  }

  @Test
  void aTruncatedOrForeignIndex_isRefused() throws Exception {
    List<Path> parts = parts();
    Path idx = dir.resolve("g.idx");
    TaskEndIndex.build(parts, idx);
    byte[] all = Files.readAllBytes(idx);
    Path cut = dir.resolve("cut.idx");
    Files.write(cut, java.util.Arrays.copyOf(all, all.length - 10));
    TraceSpec a = TraceSpec.of("google-2011", List.of(parts.get(0)));
    BadInputException e = assertThrows(BadInputException.class, () -> tasks(Workloads.traceWithRuntimes(a.withIndex(cut, false))));
    assertTrue(e.getMessage().contains("cut.idx: the index is incomplete"), e.getMessage());
    BadInputException f = assertThrows(BadInputException.class,
        () -> tasks(Workloads.traceWithRuntimes(a.withIndex(parts.get(1), false))));
    assertTrue(f.getMessage().contains("not a mesosim trace index"), f.getMessage());
    assertFalse(Files.exists(dir.resolve("g.idx.partial")));
  }
}
