package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mesosim.reports.Events.s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.Resources;

/**
 * The allocator's metrics in a run's files ({@link AllocatorSeries}): sampled once per clock move,
 * before the clock passes a row's time; empty cells while the allocator has no such metric; the
 * end snapshot in {@code metrics.json}.
 */
class AllocatorSeriesTest {
  @TempDir Path tmp;

  private static SortedMap<String, Double> metrics(double runs, double share) {
    TreeMap<String, Double> m = new TreeMap<>();
    m.put("allocator/mesos/allocation_runs", runs);
    m.put("allocator/mesos/roles/a/shares/dominant", share);
    m.put("allocator/mesos/roles/elsewhere/shares/dominant", 1.0); // not a column: metrics.json only
    return m;
  }

  @Test
  void rowsHoldTheAllocatorAsTheClockLeftEachSampleTime_andMetricsJsonTheEnd() throws IOException {
    List<AllocatorSeries.Column> cols = AllocatorSeries.columns(List.of("a"),
        new TreeMap<>(java.util.Map.of("a", Resources.of("cpus", 1))));
    assertEquals(List.of("allocator/mesos/allocation_runs", "allocator/mesos/event_queue_dispatches",
        "allocator/mesos/resources/cpus/total", "allocator/mesos/resources/cpus/offered_or_allocated",
        "allocator/mesos/resources/mem/total", "allocator/mesos/resources/mem/offered_or_allocated",
        "allocator/mesos/resources/disk/total", "allocator/mesos/resources/disk/offered_or_allocated",
        "allocator/mesos/roles/a/shares/dominant", "allocator/mesos/offer_filters/roles/a/active",
        "allocator/mesos/quota/roles/a/resources/cpus/guarantee",
        "allocator/mesos/quota/roles/a/resources/cpus/offered_or_allocated"),
        cols.stream().map(AllocatorSeries.Column::metric).toList());
    @SuppressWarnings({"unchecked", "rawtypes"}) // a one-slot generic array the supplier reads
    SortedMap<String, Double>[] now = new SortedMap[1]; // null: no leading allocator
    int[] reads = new int[1];
    AllocatorSeries series = new AllocatorSeries(cols, () -> {
      reads[0]++;
      return now[0];
    });
    RunSetup setup = Events.setup(tmp, List.of(new FrameworkMeta("A", "a")), s(1));
    MetricsRecorder rec = new MetricsRecorder(setup, MetricsRecorder.DEFAULT_STARVATION_THRESHOLD, series);
    rec.advanceTo(s(0.5)); // the clock leaves 0: row 0, no allocator yet
    now[0] = metrics(1, 0.25);
    rec.advanceTo(s(2.5)); // rows 1 and 2 from one read
    rec.advanceTo(s(2.7)); // no sample time passed: no read
    now[0] = metrics(4, 1.0 / 3);
    rec.finish(s(3));
    assertEquals(3, reads[0], "0 s, then 1-2 s, then the end");
    RunSummary sum = rec.summary("d", 0, 0, 0);
    ReportWriter.write(setup, rec, sum, new ReportOptions(List.of(), List.of()), "name: x\n");

    List<String> wide = Files.readAllLines(tmp.resolve("timeseries.csv"));
    int first = List.of(wide.get(0).split(",", -1)).indexOf("allocator/mesos/allocation_runs");
    List<String> cells = wide.subList(1, wide.size()).stream()
        .map(l -> String.join(",", List.of(l.split(",", -1)).subList(first, first + 2) ) + ";"
            + l.split(",", -1)[first + 8]).toList();
    assertEquals(List.of(",;", "1,;0.25", "1,;0.25", "4,;0.333333"), cells,
        "runs, dispatches (absent from these metrics), role a's share; 6 decimals in the CSV");
    assertEquals("""
        {
          "allocator/mesos/allocation_runs" : 4,
          "allocator/mesos/roles/a/shares/dominant" : 0.3333333333333333,
          "allocator/mesos/roles/elsewhere/shares/dominant" : 1
        }
        """, Files.readString(tmp.resolve("metrics.json")));
    assertFalse(Files.exists(tmp.resolve("metrics.json.partial")));
    List<String> tidy = Files.readAllLines(tmp.resolve("timeseries_long.csv"));
    assertEquals(List.of("1,allocator,allocator,allocator/mesos/allocation_runs,count,1",
        "1,allocator,a,allocator/mesos/roles/a/shares/dominant,share_per_weight,0.25"),
        tidy.stream().filter(l -> l.startsWith("1,allocator,")).toList());
  }

  @Test
  void noLeaderAtTheEnd_isAnEmptyObject() throws IOException {
    AllocatorSeries series = new AllocatorSeries(AllocatorSeries.columns(List.of(), new TreeMap<>()), () -> null);
    RunSetup setup = Events.setup(tmp, List.of(new FrameworkMeta("A", "a")), s(1));
    MetricsRecorder rec = new MetricsRecorder(setup, MetricsRecorder.DEFAULT_STARVATION_THRESHOLD, series);
    rec.finish(s(1));
    ReportWriter.write(setup, rec, rec.summary("d", 0, 0, 0), new ReportOptions(List.of(), List.of()), "name: x\n");
    assertEquals("{ }\n", Files.readString(tmp.resolve("metrics.json")));
  }
}
