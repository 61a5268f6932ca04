package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.google2011.GoogleTaskEventsReader;

class GoogleTaskEventsReaderTest {
  @TempDir
  Path tmp;

  private static final String U = "u1";

  /** One task_events row: time, job, index, event type, cpu, mem (empty strings allowed). */
  private static String ev(long time, long job, int index, int type, String cpu, String mem) {
    return time + ",," + job + "," + index + ",77," + type + "," + U + ",2,9," + cpu + "," + mem + ",0.001,0\n";
  }

  private Path write(String text) throws IOException {
    Path p = tmp.resolve("task_events.csv");
    Files.writeString(p, text);
    return p;
  }

  private static Workload read(Path f) {
    return Workloads.trace(TraceSpec.of("google-2011", List.of(f)));
  }

  @Test
  void part0_totalsMatchIndependentAwkReplay() {
    Path f = TraceSamples.require(TraceSamples.GOOGLE);
    // zcat google-2011-task_events-part-00000-of-00500.csv.gz | awk -f google.awk, an independent
    // re-implementation of the episode rules (kept in docs/workloads.md ("google-2011")), prints:
    // starts 201491 ended 58585 dropped 76 orphan 0 forever 142830 (pending 11421) tasks 201415
    // cpuMilli 316471152 memMilli 530763360364 durUs 45115850215639
    TraceInspection i = TraceInspector.inspect(TraceSpec.of("google-2011", List.of(f)));
    assertEquals(450146, i.rows()); // zcat ... | wc -l
    assertEquals(0, i.malformed());
    assertEquals(201415, i.tasks());
    assertEquals(142830, i.foreverTasks());
    assertEquals(316471152L, i.totals().milli(0));
    assertEquals(530763360364L, i.totals().milli(1));
    assertEquals(45115850.215639, i.taskSeconds(), 1e-6);
    assertEquals(76L, i.skipped().get("google: episode ended without SCHEDULE (dropped)"));
    assertEquals(0, i.firstSubmit());
    // zcat ... | awk -F, '$6==0{t=$1} END{print t}' -> 5611086346 (the last SUBMIT)
    assertEquals(5611086346L, i.lastSubmit());
  }

  @Test
  void part0_jobsInSubmitOrderAndSnapshotJobsGrouped() {
    Path f = TraceSamples.require(TraceSamples.GOOGLE);
    try (Workload w = read(f)) {
      JobSpec first = w.next();
      // the first rows: job 3418309 tasks 0 and 1 SUBMITted at t = 0 with missing-info 2 and empty
      // requests, then SCHEDULEd at t = 0 with requests 0.125 CPU, 0.07446 memory
      assertEquals("3418309:0", first.id());
      assertEquals(0, first.submitTime());
      assertEquals(2, first.tasks().size());
      assertEquals(Resources.of(4, 4879.811), first.tasks().get(0).resources()); // 0.07446 * 65536 = 4879.81056
      // alive past the lookahead: handed out with a deferred runtime, resolved at the end of the input
      assertTrue(first.tasks().get(1).isDeferred());
      assertEquals(TaskSpec.DEFERRED, first.tasks().get(1).knownDuration());
      assertEquals("3418309", first.fields().get("job"));
      assertEquals("production", first.fields().get("band"));
      assertEquals("9", first.fields().get("priority"));
      assertEquals("3", first.fields().get("class"));
      long last = -1;
      long jobs = 1;
      JobSpec j;
      while ((j = w.next()) != null) {
        assertTrue(j.submitTime() >= last);
        last = j.submitTime();
        jobs++;
      }
      assertEquals(jobs, w.stats().jobs());
      assertEquals(SimTime.NEVER, first.tasks().get(1).knownDuration()); // alive at the end: forever
    }
  }

  @Test
  void episode_runsFromScheduleToEndAndEndsAsTraceSays() throws IOException {
    Path f = write(ev(1_000, 5, 0, 0, "0.5", "0.25")
        + ev(3_000, 5, 0, 1, "", "")
        + ev(10_000, 5, 0, 2, "", "") // EVICT
        + ev(11_000, 5, 0, 0, "0.25", "0.5") // submitted again: a new episode
        + ev(12_000, 5, 0, 1, "", "")
        + ev(20_000, 5, 0, 3, "", "")); // FAIL
    try (Workload w = read(f)) {
      JobSpec a = w.next();
      assertEquals(1_000, a.submitTime());
      assertEquals(Resources.of(16, 16384), a.tasks().get(0).resources());
      assertEquals(7_000, a.tasks().get(0).duration());
      assertEquals(TaskOutcome.KILLED, a.tasks().get(0).outcome());
      JobSpec b = w.next();
      assertEquals(11_000, b.submitTime());
      assertEquals(Resources.of(8, 32768), b.tasks().get(0).resources());
      assertEquals(8_000, b.tasks().get(0).duration());
      assertEquals(TaskOutcome.FAILED, b.tasks().get(0).outcome());
      assertEquals("5:0", a.id());
      assertEquals("5:1", b.id());
      assertNull(w.next());
    }
  }

  @Test
  void episodeWithoutSchedule_droppedAndCounted_aliveAtEnd_runsForever() throws IOException {
    Path f = write(ev(1_000, 7, 0, 0, "0.1", "0.1")
        + ev(1_500, 8, 0, 0, "0.1", "0.1")
        + ev(2_000, 7, 0, 5, "", "") // KILL before SCHEDULE: dropped
        + ev(3_000, 8, 0, 1, "", "")
        + ev(4_000, 9, 3, 4, "", "")); // FINISH of a task never seen
    try (Workload w = read(f)) {
      JobSpec j = w.next();
      assertEquals("8", j.fields().get("job"));
      assertEquals(SimTime.NEVER, j.tasks().get(0).duration());
      assertNull(w.next());
      assertEquals(1L, w.stats().skipped().get("google: episode ended without SCHEDULE (dropped)"));
      assertEquals(1L, w.stats().skipped().get("google: end event of a task not alive in the input (dropped)"));
    }
  }

  @Test
  void laterEndedTask_waitsForEarlierSubmittedOne_keepsSubmitOrder() throws IOException {
    Path f = write(ev(0, 1, 0, 1, "0.1", "0.1") // snapshot: running at t = 0
        + ev(0, 1, 1, 1, "0.1", "0.1")
        + ev(100, 2, 0, 0, "0.2", "0.2")
        + ev(200, 2, 0, 1, "", "")
        + ev(300, 2, 0, 4, "", "")
        + ev(400, 1, 1, 4, "", "")
        + ev(500, 1, 0, 4, "", ""));
    try (Workload w = read(f)) {
      JobSpec a = w.next();
      assertEquals("1:0", a.id());
      assertEquals(2, a.tasks().size()); // same job, same instant: one job of two tasks
      assertEquals(500, a.tasks().get(0).duration());
      assertEquals(400, a.tasks().get(1).duration());
      JobSpec b = w.next();
      assertEquals(100, b.submitTime());
      assertEquals(100, b.tasks().get(0).duration());
      assertNull(w.next());
    }
  }

  @Test
  void updatePendingRequests_takenUpToSchedule_zeroRequestsGetMinimumCpus() throws IOException {
    Path f = write(ev(10, 4, 0, 0, "", "")
        + ev(20, 4, 0, 7, "0.125", "") // UPDATE_PENDING
        + ev(30, 4, 0, 1, "", "")
        + ev(40, 4, 0, 8, "0.5", "0.5") // UPDATE_RUNNING: after scheduling, ignored
        + ev(50, 4, 0, 4, "", "")
        + ev(60, 6, 0, 0, "0", "0")
        + ev(70, 6, 0, 1, "", "")
        + ev(80, 6, 0, 4, "", ""));
    try (Workload w = read(f)) {
      assertEquals(Resources.of(4, 32), w.next().tasks().get(0).resources());
      assertEquals(Resources.of(0.01, 0), w.next().tasks().get(0).resources());
    }
  }

  @Test
  void windowEnd_stopsReadingAndLeavesTasksRunningForever() throws IOException {
    Path f = write(ev(10, 4, 0, 0, "0.1", "0.1")
        + ev(20, 4, 0, 1, "", "")
        + ev(30, 5, 0, 0, "0.1", "0.1")
        + ev(40, 5, 0, 1, "", "")
        + ev(50, 4, 0, 4, "", ""));
    try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(f)).withWindow(15, 45))) {
      JobSpec a = w.next(); // alive at the window start: submitted at it
      assertEquals("4", a.fields().get("job"));
      assertEquals(0, a.submitTime());
      assertEquals(SimTime.NEVER, a.tasks().get(0).duration()); // its FINISH at 50 is past the window
      JobSpec b = w.next();
      assertEquals("5", b.fields().get("job"));
      assertEquals(30 - 15, b.submitTime()); // the window start is time 0
      assertEquals(SimTime.NEVER, b.tasks().get(0).duration());
      assertNull(w.next());
    }
  }

  @Test
  void windowStart_tasksAliveAtItAreSubmittedAtIt_endedBeforeAreDropped() throws IOException {
    Path f = write(ev(0, 1, 0, 1, "0.1", "0.1") // running since before the window
        + ev(0, 1, 1, 1, "0.1", "0.1")
        + ev(10, 2, 0, 0, "0.1", "0.1") // pending at the window start, scheduled inside it
        + ev(20, 1, 1, 4, "", "") // ends before the window: dropped
        + ev(150, 2, 0, 1, "", "")
        + ev(200, 1, 0, 4, "", "")
        + ev(300, 2, 0, 4, "", ""));
    try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(f)).withWindow(100, SimTime.NEVER))) {
      JobSpec a = w.next();
      assertEquals(0, a.submitTime()); // the window start is time 0
      assertEquals(1, a.tasks().size());
      assertEquals(100, a.tasks().get(0).duration()); // from the window start (100) to FINISH (200)
      JobSpec b = w.next();
      assertEquals(0, b.submitTime());
      assertEquals(150, b.tasks().get(0).duration()); // SCHEDULE 150 to FINISH 300
      assertNull(w.next());
      assertEquals(1L, w.stats().skipped().get("google: episode ended before the window start (dropped)"));
    }
  }

  @Test
  void unitsScaleRequests_diskOnlyWhenAsked() throws IOException {
    Path f = write(ev(10, 4, 0, 0, "0.5", "0.5") + ev(20, 4, 0, 1, "", "") + ev(30, 4, 0, 4, "", ""));
    TreeMap<String, Double> units = new TreeMap<>();
    units.put("cpus", 8.0);
    units.put("mem", 1000.0);
    units.put("disk", 1000.0);
    try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(f)).withUnits(units))) {
      assertEquals(Resources.of(4, 500, 1), w.next().tasks().get(0).resources());
    }
  }

  @Test
  void requestBeyondWhatATaskCanAsk_malformedWithFileAndLine() throws IOException {
    // 1e308 × 32 cpus is infinite: it used to fail when the job was built (exit 1, no line);
    // 1e300 saturated Mesos' fixed point to 9.2e15 cpus
    Path f = write(ev(10, 4, 0, 0, "0.5", "0.5") + ev(20, 4, 0, 1, "1e308", "0.5") + ev(30, 4, 0, 4, "", "")
        + ev(40, 5, 0, 0, "1e300", "0.5"));
    BadInputException e = assertThrows(BadInputException.class, () -> {
      try (Workload w = read(f)) {
        w.next();
      }
    });
    assertEquals(f + ":2: CPU request 1.0E308 × units is out of range: Infinity cpus (at most 9223372036854775)",
        e.getMessage());
    try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(f)).withSkipMalformed(true))) {
      assertNull(w.next()); // without its SCHEDULE row, task 4/0 ended pending: dropped
      assertEquals(2, w.stats().malformed());
    }
  }

  @Test
  void blankLines_skippedNotMalformed() throws IOException {
    Path f = write(ev(10, 4, 0, 0, "0.5", "0.5") + "\n" + ev(20, 4, 0, 1, "", "") + ev(30, 4, 0, 4, "", "") + "\n \n");
    try (Workload w = read(f)) {
      assertEquals(10, w.next().tasks().get(0).duration()); // SCHEDULE at 20 µs to FINISH at 30 µs
      assertNull(w.next());
      assertEquals(3, w.stats().rows());
    }
  }

  @Test
  void eventTypeBeyondAnInt_malformedNotWrapped() throws IOException {
    // (int) 4294967297 is 1: the row used to be read as a SCHEDULE
    Path f = write(ev(10, 4, 0, 0, "0.5", "0.5") + "20,,4,0,77,4294967297,u1,2,9,,,,\n");
    BadInputException e = assertThrows(BadInputException.class, () -> {
      try (Workload w = read(f)) {
        w.next();
      }
    });
    assertEquals(f + ":2: event type must be 0-8, not 4294967297", e.getMessage());
  }

  @Test
  void jobIdOrTaskIndexBeyondTheKey_namedWithItsBounds() throws IOException {
    // both used to give "job ID or task index out of range", -1 (an unknown) included
    Path f = write(ev(10, 1L << 39, 0, 0, "0.5", "0.5"));
    BadInputException e = assertThrows(BadInputException.class, () -> read(f).next());
    assertEquals(f + ":1: job ID must be 0 to 549755813887, not 549755813888", e.getMessage());
    Path g = write(ev(10, 4, -1, 0, "0.5", "0.5"));
    e = assertThrows(BadInputException.class, () -> read(g).next());
    assertEquals(g + ":1: task index must be 0 to 16777215, not -1", e.getMessage());
  }

  @Test
  void malformedRow_stopsWithFileAndLine_orIsCounted() throws IOException {
    Path f = write(ev(10, 4, 0, 0, "0.5", "0.5") + "20,,4,0,77,1,u,2,9,,,\n" + ev(30, 4, 0, 9, "", ""));
    BadInputException e = assertThrows(BadInputException.class, () -> {
      try (Workload w = read(f)) {
        w.next();
      }
    });
    assertEquals(f + ":2: expected 13 comma-separated columns, found 12", e.getMessage());
    try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(f)).withSkipMalformed(true))) {
      JobSpec j = w.next(); // never scheduled, alive at the end: forever
      assertEquals(SimTime.NEVER, j.tasks().get(0).duration());
      assertEquals(2, w.stats().malformed()); // the short row and the event type 9
    }
  }

  @Test
  void liveTasksAndBuffer_reportedByTheReader() throws IOException {
    Path f = write(ev(0, 1, 0, 1, "0.1", "0.1") + ev(10, 2, 0, 0, "0.1", "0.1") + ev(20, 2, 0, 1, "", "")
        + ev(30, 2, 0, 4, "", ""));
    GoogleTaskEventsReader r = new GoogleTaskEventsReader(List.of(f), new TreeMap<>(), false, SimTime.NEVER);
    assertEquals("1:0", r.next().id());
    assertEquals("2:1", r.next().id());
    assertNull(r.next());
    assertEquals(0, r.liveTasks());
    assertEquals(2, r.maxBufferedEpisodes());
  }

  /** Every task of part 0 read with {@code lookahead}: "job/name resources duration outcome", in order. */
  private static List<String> part0Tasks(long lookahead, long[] stats) {
    Path f = TraceSamples.require(TraceSamples.GOOGLE);
    List<JobSpec> jobs = new java.util.ArrayList<>();
    GoogleTaskEventsReader r = new GoogleTaskEventsReader(List.of(f), new TreeMap<>(), false, 0, SimTime.NEVER, lookahead);
    try (r) {
      JobSpec j;
      while ((j = r.next()) != null) {
        jobs.add(j);
      }
      stats[0] = r.maxBufferedEpisodes();
      stats[1] = r.maxLiveTasks();
      stats[2] = r.deferredTotal();
      stats[3] = r.deferredLive();
      stats[4] = r.stats().skipped().getOrDefault(GoogleTaskEventsReader.SKIP_UNSCHEDULED_AFTER, 0L);
      stats[5] = r.stats().skipped().getOrDefault(GoogleTaskEventsReader.SKIP_REQUESTS_AFTER, 0L);
    }
    List<String> out = new java.util.ArrayList<>();
    for (JobSpec j : jobs) {
      for (TaskSpec t : j.tasks()) {
        out.add(j.id() + "/" + t.name() + " " + t.resources() + " " + t.knownDuration() + " " + t.knownOutcome());
      }
    }
    return out;
  }

  /** Removes from {@code bounded} what is not in {@code exact} (in order); returns the removed ones. */
  private static List<String> extras(List<String> bounded, List<String> exact) {
    List<String> extra = new java.util.ArrayList<>();
    int j = 0;
    for (String t : bounded) {
      if (j < exact.size() && t.equals(exact.get(j))) {
        j++;
      } else {
        extra.add(t);
      }
    }
    assertEquals(exact.size(), j, "every task of the exact replay appears, in order");
    return extra;
  }

  @Test
  void part0_lookahead_sameTasksAsUnbounded_deferredRuntimesResolvedToTheSameValues() {
    long[] exact = new long[6];
    List<String> all = part0Tasks(GoogleTaskEventsReader.UNBOUNDED, exact);
    assertEquals(201415, all.size());
    assertEquals(201491, exact[0]); // unbounded: the t = 0 snapshot keeps the whole file in the buffer
    assertEquals(154797, exact[1]);
    assertEquals(0, exact[2]);

    // default lookahead (5 min): the same tasks, resources, runtimes and outcomes, plus the 73
    // episodes handed out while pending that ended without SCHEDULE (0 s; the exact replay drops them)
    long[] st = new long[6];
    List<String> got = part0Tasks(GoogleTaskEventsReader.DEFAULT_LOOKAHEAD, st);
    assertEquals(144339, st[0]); // the t = 0 snapshot, all alive
    assertEquals(154797, st[1]);
    assertEquals(177969, st[2]); // handed out before their end
    assertEquals(0, st[3]); // every deferred runtime resolved by the end of the input
    assertEquals(73, st[4]);
    assertEquals(0, st[5]);
    List<String> extra = extras(got, all);
    assertEquals(73, extra.size());
    for (String t : extra) {
      assertTrue(t.endsWith(" 0 KILLED") || t.endsWith(" 0 FAILED") || t.endsWith(" 0 FINISHED")
          || t.endsWith(" 0 LOST"), t);
    }

    // lookahead 0: everything but one task handed out at once; 17 requests changed afterwards
    List<String> zero = part0Tasks(0, st);
    assertEquals(201490, st[2]);
    assertEquals(76, st[4]);
    assertEquals(17, st[5]);
    assertEquals(all.size() + 76, zero.size());
  }

  @Test
  void lookahead_boundsTheBufferBehindALongLivedTask_unboundedDoesNot() throws IOException {
    StringBuilder sb = new StringBuilder(ev(0, 1, 0, 1, "0.1", "0.1")); // running at t = 0, never ends
    for (int i = 1; i <= 1000; i++) { // a task per second, each running 0.5 s
      long t = i * SimTime.SECOND;
      sb.append(ev(t, 100 + i, 0, 0, "0.1", "0.1")).append(ev(t, 100 + i, 0, 1, "", ""))
          .append(ev(t + SimTime.SECOND / 2, 100 + i, 0, 4, "", ""));
    }
    Path f = write(sb.toString());
    GoogleTaskEventsReader exact = new GoogleTaskEventsReader(List.of(f), new TreeMap<>(), false, 0, SimTime.NEVER,
        GoogleTaskEventsReader.UNBOUNDED);
    GoogleTaskEventsReader bounded = new GoogleTaskEventsReader(List.of(f), new TreeMap<>(), false, 0, SimTime.NEVER,
        10 * SimTime.SECOND);
    JobSpec first = bounded.next();
    assertTrue(first.tasks().get(0).isDeferred());
    assertEquals(exact.next().id(), first.id()); // the exact replay reads the whole file for it
    int jobs = 1;
    JobSpec a;
    while ((a = exact.next()) != null) {
      JobSpec b = bounded.next();
      assertEquals(a.id(), b.id());
      assertEquals(a.tasks(), b.tasks()); // the short tasks: runtime known when handed out
      assertEquals(SimTime.SECOND / 2, b.tasks().get(0).duration());
      jobs++;
      if (jobs == 500) {
        assertEquals(TaskSpec.DEFERRED, first.tasks().get(0).knownDuration()); // still alive
      }
    }
    assertNull(bounded.next());
    assertEquals(1001, jobs);
    assertEquals(1001, exact.maxBufferedEpisodes()); // everything waits behind the first task
    assertEquals(11, bounded.maxBufferedEpisodes()); // the first task and 10 s (H) of submissions behind it
    assertEquals(SimTime.NEVER, first.tasks().get(0).knownDuration()); // alive at the end: forever
    assertEquals(0, bounded.deferredLive());
  }

  @Test
  void lookahead_deferredRuntime_resolvedFromScheduleToEnd_withItsOutcome() throws IOException {
    Path f = write(ev(0, 1, 0, 0, "0.1", "0.1")
        + ev(1_000_000, 1, 0, 1, "", "") // SCHEDULE at 1 s
        + ev(5_000_000, 2, 0, 0, "0.1", "0.1")
        + ev(30_000_000, 3, 0, 0, "0.1", "0.1") // the reader is past 0 + 10 s and 5 + 10 s: hands out 1 and 2
        + ev(45_000_000, 2, 0, 7, "0.2", "") // 2 was handed out pending: changed requests ignored, counted
        + ev(60_000_000, 3, 0, 5, "", "") // 3 (handed out at the row at 45 s) killed before SCHEDULE: 0 s
        + ev(100_000_000, 1, 0, 3, "", "") // FAIL at 100 s
        + ev(200_000_000, 2, 0, 1, "", "")
        + ev(230_000_000, 2, 0, 4, "", ""));
    GoogleTaskEventsReader r = new GoogleTaskEventsReader(List.of(f), new TreeMap<>(), false, 0, SimTime.NEVER,
        10 * SimTime.SECOND);
    TaskSpec a = r.next().tasks().get(0); // handed out once the reader passed 0 + 10 s (at the row at 30 s)
    assertTrue(a.isDeferred());
    assertEquals(1, r.deferredLive());
    TaskSpec b = r.next().tasks().get(0); // submitted at 5 s, pending at 30 s: handed out deferred too
    assertTrue(b.isDeferred());
    assertEquals(TaskSpec.DEFERRED, a.knownDuration());
    assertEquals(Resources.of(3.2, 6553.6), b.resources());
    TaskSpec c = r.next().tasks().get(0); // submitted at 30 s: handed out at the row at 45 s
    assertTrue(c.isDeferred());
    assertNull(r.next());
    assertEquals(99_000_000, a.knownDuration());
    assertEquals(TaskOutcome.FAILED, a.knownOutcome());
    assertEquals(30_000_000, b.knownDuration()); // SCHEDULE 200 s (read after it was handed out) to FINISH 230 s
    assertEquals(TaskOutcome.FINISHED, b.knownOutcome());
    assertEquals(0, c.knownDuration());
    assertEquals(TaskOutcome.KILLED, c.knownOutcome());
    assertEquals(1L, r.stats().skipped().get(GoogleTaskEventsReader.SKIP_UNSCHEDULED_AFTER));
    assertEquals(1L, r.stats().skipped().get(GoogleTaskEventsReader.SKIP_REQUESTS_AFTER));
    assertEquals(0, r.deferredLive());
  }

  @Test
  void lookaheadUnit_secondsToMicros_hugeIsUnbounded() {
    TreeMap<String, Double> u = new TreeMap<>();
    assertEquals(GoogleTaskEventsReader.DEFAULT_LOOKAHEAD, GoogleTaskEventsReader.lookaheadOf(u));
    u.put("lookahead", 0.5);
    assertEquals(500_000, GoogleTaskEventsReader.lookaheadOf(u));
    u.put("lookahead", 1e15);
    assertEquals(GoogleTaskEventsReader.UNBOUNDED, GoogleTaskEventsReader.lookaheadOf(u));
  }

  @Test
  void malformedSubmitRow_isSkippedEntirely() throws IOException {
    // priority 12 is out of range: the row is malformed and must not open an episode
    String bad = "0,,1,0,77,0," + U + ",2,12,0.5,0.5,0.001,0\n";
    Path f = write(bad + ev(10_000_000, 1, 0, 1, "0.25", "0.25") + ev(20_000_000, 1, 0, 4, "", ""));
    try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(f)).withSkipMalformed(true))) {
      JobSpec j = w.next();
      assertEquals(1, w.stats().malformed());
      assertEquals(10_000_000L, j.submitTime());
      assertEquals(1, j.tasks().size());
      assertEquals(null, w.next());
    }
  }
}
