package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.google2011.GoogleTaskEventsReader;

/** {@code trace convert --stream}: bounded memory, the same jobs as the exact conversion. */
class StreamingConvertTest {
  @TempDir Path dir;

  static List<JobSpec> readBack(Path csv) {
    List<JobSpec> out = new ArrayList<>();
    try (Workload w = Workloads.trace(TraceSpec.of("csv", List.of(csv)))) {
      JobSpec j;
      while ((j = w.next()) != null) {
        out.add(j);
      }
    }
    return out;
  }

  /**
   * 3,000 one-task jobs, job k scheduled at k s and ending at 1,000 + k + k % 7 s (every 5th
   * killed), read with lookahead 0: every task is written before its end is read, with a
   * placeholder patched later (most of them once the 64 KB buffer has gone to the file).
   */
  @Test
  void placeholdersPatched_inTheFileAndInTheBuffer_sameJobsAsExact() throws Exception {
    StringBuilder rows = new StringBuilder();
    int n = 3000;
    List<long[]> events = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      events.add(new long[] {k * 1_000_000L, k, 0});
      events.add(new long[] {k * 1_000_000L, k, 1});
      events.add(new long[] {(1000L + k + k % 7) * 1_000_000L, k, k % 5 == 0 ? 5 : 4});
    }
    events.sort((a, b) -> Long.compare(a[0], b[0]) != 0 ? Long.compare(a[0], b[0]) : Long.compare(a[2], b[2]));
    for (long[] e : events) {
      rows.append(e[0]).append(",,").append(e[1]).append(",0,m,").append(e[2]).append(",u,0,4,0.1,0.1,0,0\n");
    }
    Path in = dir.resolve("g.csv");
    Files.writeString(in, rows);
    TreeMap<String, Double> units = new TreeMap<>();
    units.put("lookahead", 0.0);
    TraceSpec spec = TraceSpec.of("google-2011", List.of(in)).withUnits(units);
    Path exact = dir.resolve("exact.csv");
    TraceConverter.convert(spec, exact);
    for (String name : List.of("stream.csv", "stream.csv.gz")) {
      Path stream = dir.resolve(name);
      TraceConverter.convert(spec, stream, true);
      List<JobSpec> a = readBack(exact);
      List<JobSpec> b = readBack(stream);
      assertEquals(n, a.size());
      assertEquals(a, b, name);
      assertFalse(Files.exists(dir.resolve(name + ".partial")));
    }
    assertTrue(Files.readString(dir.resolve("stream.csv")).contains(",000000000001005000000,KILLED,"),
        "job 5: ends at 1,010 s, runs 1,005 s, zero-padded to the placeholder's width");
  }

  /** Part 0: the streamed conversion has the exact one's jobs but for the replay's counted approximations. */
  @Test
  void googlePart0_streamedAsExactButForTheCountedApproximations() throws Exception {
    Path p = TraceSamples.require(TraceSamples.GOOGLE);
    TraceSpec spec = TraceSpec.of("google-2011", List.of(p));
    Path exact = dir.resolve("exact.csv");
    Path stream = dir.resolve("stream.csv");
    TraceConverter.convert(spec, exact);
    org.mesosim.model.workload.WorkloadStats s = TraceConverter.convert(spec, stream, true);
    List<JobSpec> a = readBack(exact);
    List<JobSpec> b = readBack(stream);
    long approximations = s.skipped().getOrDefault(GoogleTaskEventsReader.SKIP_UNSCHEDULED_AFTER, 0L);
    long tasksA = a.stream().mapToLong(j -> j.tasks().size()).sum();
    long tasksB = b.stream().mapToLong(j -> j.tasks().size()).sum();
    // a task handed out pending that ended without SCHEDULE is dropped exactly, runs 0 s streamed
    assertEquals(tasksA + approximations, tasksB);
    long differ = 0;
    int i = 0;
    int k = 0;
    while (i < a.size() && k < b.size()) {
      if (!a.get(i).equals(b.get(k))) {
        differ++;
      }
      if (a.get(i).id().equals(b.get(k).id())) {
        i++;
        k++;
      } else {
        k++; // a job of the streamed output only (its tasks ended without SCHEDULE)
      }
    }
    System.out.println("part 0 streamed: " + differ + " jobs differ; " + s.skipped());
    long requests = s.skipped().getOrDefault(GoogleTaskEventsReader.SKIP_REQUESTS_AFTER, 0L);
    assertTrue(differ <= approximations + requests, differ + " jobs differ, " + approximations + " + " + requests
        + " approximations counted");
  }
}
