package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

/**
 * The google-2019 format on a hand-written {@code instance_events} export that follows the v3
 * schema (google/cluster-data {@code clusterdata_trace_format_v3.proto}, message InstanceEvent)
 * column for column, as the BigQuery query in docs/workloads.md writes it. No sample of the 2019
 * trace is in the repository.
 */
class Google2019InstanceEventsTest {
  @TempDir
  Path tmp;

  static final String HEADER = "time,type,collection_id,scheduling_class,missing_type,collection_type,priority,"
      + "alloc_collection_id,instance_index,machine_id,alloc_instance_index,cpus,memory\n";

  /** A snapshot job of 2 tasks, an alloc instance, a free task through QUEUE/ENABLE, a batch task never scheduled. */
  static final String ROWS = HEADER
      + "0,0,400000000001,2,,0,200,0,0,0,-1,,\n" // SUBMIT at the trace's start, requests empty
      + "0,3,400000000001,2,,0,200,0,0,1234,-1,0.0205,0.0103\n" // SCHEDULE: running at 0
      + "0,0,400000000001,2,,0,200,0,1,0,-1,0.0205,0.0103\n"
      + "0,3,400000000001,2,,0,200,0,1,1235,-1,0.0205,0.0103\n"
      + "0,0,500,0,,1,0,0,0,0,-1,0.5,0.5\n" // an alloc set's instance: a reservation, skipped
      + "600000000,0,300000000002,0,,0,25,0,0,0,-1,0.01,0.02\n" // SUBMIT, free tier
      + "600000000,1,300000000002,0,,0,25,0,0,0,-1,,\n" // QUEUE
      + "601000000,2,300000000002,0,,0,25,0,0,0,-1,,\n" // ENABLE
      + "601500000,9,300000000002,0,,0,25,0,0,0,-1,0.015,\n" // UPDATE_PENDING: new cpu request
      + "602000000,3,300000000002,0,,0,25,0,0,555,-1,,\n" // SCHEDULE
      + "650000000,10,300000000002,0,,0,25,0,0,555,-1,,\n" // UPDATE_RUNNING
      + "700000000,6,300000000002,0,,0,25,0,0,555,-1,,\n" // FINISH after 98 s
      + "800000000,5,400000000001,2,,0,200,0,0,1234,-1,,\n" // FAIL after 800 s
      + "900000000,4,400000000001,2,,0,200,0,1,1235,-1,,\n" // EVICT after 900 s
      + "950000000,0,300000000003,1,,0,115,0,0,0,-1,0.01,0.01\n" // batch SUBMIT
      + "960000000,7,300000000003,1,,0,115,0,0,0,-1,,\n"; // KILL before SCHEDULE: dropped

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static TraceSpec spec(Path... f) {
    return TraceSpec.of("google-2019", List.of(f));
  }

  @Test
  void episodes_onTheV3EventTypes_exactJobs() throws IOException {
    Path f = write("instance_events.csv", ROWS);
    try (Workload w = Workloads.traceWithRuntimes(spec(f))) {
      JobSpec a = w.next();
      assertEquals("400000000001:0", a.id());
      assertEquals(0, a.submitTime());
      Resources r = Resources.of(Map.of("cpus", 0.0205 * 32, "mem", 0.0103 * 65536));
      assertEquals(List.of(
          new TaskSpec("0", "", r, 800 * SimTime.SECOND, TaskOutcome.FAILED, 0.0, List.of()),
          new TaskSpec("1", "", r, 900 * SimTime.SECOND, TaskOutcome.KILLED, 0.0, List.of())), a.tasks());
      assertEquals(Map.of("band", "production", "priority", "200", "class", "2", "job", "400000000001"), a.fields());
      JobSpec b = w.next();
      assertEquals("300000000002:2", b.id());
      assertEquals(600 * SimTime.SECOND, b.submitTime());
      assertEquals(List.of(new TaskSpec("0", "", Resources.of(Map.of("cpus", 0.015 * 32, "mem", 0.02 * 65536)),
          98 * SimTime.SECOND, TaskOutcome.FINISHED, 0.0, List.of())), b.tasks());
      assertEquals("free", b.fields().get("band"));
      assertNull(w.next());
      assertEquals(1L, w.stats().skipped().get(GoogleTaskEventsReader.SKIP_ALLOC_INSTANCE));
      assertEquals(1L, w.stats().skipped().get("google: episode ended without SCHEDULE (dropped)"));
      assertEquals(16, w.stats().rows());
    }
  }

  @Test
  void boundedLookahead_sameJobsAsExact() throws IOException {
    Path f = write("instance_events.csv", ROWS);
    TreeMap<String, Double> u = new TreeMap<>();
    u.put("lookahead", 10.0);
    List<JobSpec> exact = new java.util.ArrayList<>();
    List<JobSpec> bounded = new java.util.ArrayList<>();
    try (Workload x = Workloads.traceWithRuntimes(spec(f)); Workload y = Workloads.trace(spec(f).withUnits(u))) {
      for (JobSpec j; (j = x.next()) != null; ) {
        exact.add(j);
      }
      for (JobSpec j; (j = y.next()) != null; ) {
        bounded.add(j); // read to the end: every deferred runtime resolved
      }
    }
    assertEquals(exact.size(), bounded.size());
    int deferred = 0;
    for (int k = 0; k < exact.size(); k++) {
      assertEquals(exact.get(k).id(), bounded.get(k).id());
      for (int i = 0; i < exact.get(k).tasks().size(); i++) {
        TaskSpec e = exact.get(k).tasks().get(i);
        TaskSpec b = bounded.get(k).tasks().get(i);
        deferred += b.isDeferred() ? 1 : 0;
        assertEquals(e.duration(), b.knownDuration());
        assertEquals(e.outcome(), b.knownOutcome());
      }
    }
    assertEquals(3, deferred); // every task ends more than the 10 s lookahead after its submit
  }

  @Test
  void filesWithoutColumnsOrWithBadRows_fileAndLine() throws IOException {
    Path noType = write("a.csv", "time,collection_id,instance_index,scheduling_class,priority\n0,1,0,0,0\n");
    BadInputException e = assertThrows(BadInputException.class, () -> Workloads.trace(spec(noType)));
    assertEquals(noType + ":1: the header has no column 'type' (an instance_events export needs time, type,"
        + " collection_id, instance_index, scheduling_class, priority; found: time, collection_id, instance_index,"
        + " scheduling_class, priority)", e.getMessage());
    assertEquals(noType.resolveSibling("b.csv") + ":2: event type must be 0-10, not 11", firstError(write("b.csv",
        HEADER + "0,11,1,0,,0,0,0,0,0,-1,,\n")));
    assertEquals(noType.resolveSibling("c.csv") + ":3: time goes backwards (5 after 9); export instance_events ordered"
        + " by time, or sort the rows by time", firstError(write("c.csv",
        HEADER + "9,0,1,0,,0,0,0,0,0,-1,,\n5,0,1,0,,0,0,0,1,0,-1,,\n")));
    assertEquals(noType.resolveSibling("d.csv") + ":2: priority must be 0-1000, not 1001", firstError(write("d.csv",
        HEADER + "0,0,1,0,,0,1001,0,0,0,-1,,\n")));
    assertEquals(noType.resolveSibling("e.csv") + ":2: expected 13 comma-separated columns, found 12",
        firstError(write("e.csv", HEADER + "0,0,1,0,,0,0,0,0,0,-1,\n")));
    assertEquals(noType.resolveSibling("f.csv") + ":2: collection_type must be 0 (job) or 1 (alloc set), not 2",
        firstError(write("f.csv", HEADER + "0,0,1,0,,2,0,0,0,0,-1,,\n")));
    Path first = write("g1.csv", HEADER + "0,0,1,0,,0,0,0,0,0,-1,,\n");
    Path other = write("g2.csv", HEADER.replace("cpus,memory", "memory,cpus") + "5,0,1,0,,0,0,0,1,0,-1,,\n");
    assertEquals(other + ":1: the header differs from the first file's (" + HEADER.strip() + "): every file of one"
        + " input must come from the same export", firstError(first, other));
  }

  private static String firstError(Path... f) {
    return assertThrows(BadInputException.class, () -> {
      try (Workload w = Workloads.traceWithRuntimes(spec(f))) {
        while (w.next() != null) {
          // read on
        }
      }
    }).getMessage();
  }

  @Test
  void convertedToTheNativeCsv_andReadBackIdentically() throws IOException {
    Path f = write("instance_events.csv", ROWS);
    Path out = tmp.resolve("g19.csv");
    TraceConverter.convert(spec(f), out);
    try (Workload x = Workloads.traceWithRuntimes(spec(f));
        Workload y = Workloads.traceWithRuntimes(TraceSpec.of("csv", List.of(out)))) {
      JobSpec j;
      int n = 0;
      while ((j = x.next()) != null) {
        assertEquals(j, y.next());
        n++;
      }
      assertNull(y.next());
      assertEquals(2, n);
    }
  }
}
