package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;

class TransformsTest {
  @TempDir
  Path tmp;

  /** Five SWF jobs at 0, 10, 20, 30, 40 s; users 1, 2, 1, 3, 1; queues 1..5. */
  private TraceSpec five() throws IOException {
    StringBuilder sb = new StringBuilder("; test\n");
    int[] users = {1, 2, 1, 3, 1};
    for (int i = 0; i < 5; i++) {
      sb.append(i + 1).append(' ').append(i * 10).append(" 0 5 1 -1 -1 1 -1 -1 1 ").append(users[i])
          .append(" 1 1 ").append(i + 1).append(" -1 -1 -1\n");
    }
    Path p = tmp.resolve("five.swf");
    Files.writeString(p, sb.toString());
    return TraceSpec.of("swf", List.of(p));
  }

  private static List<String> ids(Workload w) {
    List<String> out = new ArrayList<>();
    try (w) {
      JobSpec j;
      while ((j = w.next()) != null) {
        out.add(j.id() + "@" + j.submitTime() / SimTime.SECOND);
      }
    }
    return out;
  }

  private static SortedMap<String, FieldFilter> filter(String field, FieldFilter f) {
    TreeMap<String, FieldFilter> m = new TreeMap<>();
    m.put(field, f);
    return m;
  }

  @Test
  void filters_equalsInRange() throws IOException {
    TraceSpec s = five();
    assertEquals(List.of("1@0", "3@20", "5@40"), ids(Workloads.trace(s.withFilter(filter("user", new FieldFilter.Equals("1"))))));
    assertEquals(List.of("2@10", "4@30"), ids(Workloads.trace(s.withFilter(filter("user", new FieldFilter.In(List.of("2", "3")))))));
    assertEquals(List.of("2@10", "3@20", "4@30"), ids(Workloads.trace(s.withFilter(filter("queue", new FieldFilter.Range(2, 4))))));
  }

  @Test
  void unknownFilterField_isBadInputNamingTheFields() throws IOException {
    TraceSpec s = five().withFilter(filter("usr", new FieldFilter.Equals("1")));
    BadInputException e = assertThrows(BadInputException.class, () -> Workloads.trace(s));
    assertEquals("trace.filter.usr: format swf has no field 'usr' (fields: user, group, executable, queue, partition, status)",
        e.getMessage());
    assertThrows(BadInputException.class, () -> Workloads.trace(TraceSpec.of("pbs", s.files())));
  }

  @Test
  void window_rebasesToItsStart_andTimeScaleMultipliesGaps() throws IOException {
    TraceSpec s = five();
    assertEquals(List.of("2@0", "3@10"), ids(Workloads.trace(s.withWindow(10 * SimTime.SECOND, 30 * SimTime.SECOND))));
    assertEquals(List.of("1@0", "2@5", "3@10", "4@15", "5@20"), ids(Workloads.trace(s.withTimeScale(0.5))));
    assertEquals(List.of("4@0", "5@20"), ids(Workloads.trace(s.withWindow(30 * SimTime.SECOND, SimTime.NEVER).withTimeScale(2))));
    // 10 s × 1e18 saturated to never: the job never arrived, a run until: drained never ended
    BadInputException e = assertThrows(BadInputException.class, () -> ids(Workloads.trace(s.withTimeScale(1e18))));
    assertEquals("trace.timeScale: job 2, submitted at 10.0 s of trace time, would arrive beyond the simulated clock"
        + " (9223372036854 s) with timeScale 1.0E18; use a smaller timeScale or a window", e.getMessage());
  }

  @Test
  void split_sharedDemultiplexerMatchesOnePassPerValue() throws IOException {
    TraceSpec s = five();
    assertEquals(List.of("1", "2", "3"), Workloads.distinctValues(s, "user"));
    SortedMap<String, Workload> views = Workloads.split(s, "user", null);
    assertEquals(List.of("1", "2", "3"), new ArrayList<>(views.keySet()));
    // interleaved pulls, as frameworks do in a run
    assertEquals("2@10", ids1(views.get("2")));
    assertEquals("1@0", ids1(views.get("1")));
    assertEquals("4@30", ids1(views.get("3")));
    assertEquals("3@20", ids1(views.get("1")));
    assertEquals("5@40", ids1(views.get("1")));
    assertNull(views.get("1").next());
    assertNull(views.get("2").next());
    for (String v : views.keySet()) {
      views.get(v).close();
    }
    assertEquals(List.of("1@0", "3@20", "5@40"), ids(Workloads.traceSplit(s, "user", "1")));
  }

  private static String ids1(Workload w) {
    JobSpec j = w.next();
    return j.id() + "@" + j.submitTime() / SimTime.SECOND;
  }

  @Test
  void split_realGoogleByBand_coversEveryJobOnce() {
    TraceSpec s = TraceSpec.of("google-2011", List.of(TraceSamples.require(TraceSamples.GOOGLE)))
        .withWindow(0, 650 * SimTime.SECOND);
    long total = 0;
    try (Workload w = Workloads.trace(s)) {
      while (w.next() != null) {
        total++;
      }
    }
    List<String> bands = Workloads.distinctValues(s, "band");
    assertEquals(List.of("batch", "free", "production"), bands);
    long sum = 0;
    for (Workload w : Workloads.split(s, "band", bands).values()) {
      try (w) {
        while (w.next() != null) {
          sum++;
        }
      }
    }
    assertEquals(total, sum);
  }

  @Test
  void loadScaling_thinsAndReplicatesOnItsNamedStream() throws IOException {
    TraceSpec s = five();
    List<String> doubled = ids(Workloads.loadScaled(Workloads.trace(s), 2, new RandomStreams(1), "A"));
    assertEquals(List.of("1@0", "1~2@0", "2@10", "2~2@10", "3@20", "3~2@20", "4@30", "4~2@30", "5@40", "5~2@40"), doubled);
    List<String> half1 = ids(Workloads.loadScaled(Workloads.trace(s), 0.5, new RandomStreams(7), "A"));
    List<String> half2 = ids(Workloads.loadScaled(Workloads.trace(s), 0.5, new RandomStreams(7), "A"));
    assertEquals(half1, half2); // same seed and stream name: same thinning
    long kept = 0;
    try (Workload w = Workloads.loadScaled(Workloads.synthetic(new SyntheticSpec(10_000, null, 0,
        new org.mesosim.engine.random.Distribution.Constant(1), org.mesosim.model.Resources.of(1, 1), null, 0),
        new RandomStreams(3), "B"), 0.25, new RandomStreams(3), "B")) {
      while (w.next() != null) {
        kept++;
      }
    }
    assertEquals(2500, kept, 150); // binomial(10000, 0.25): sd 43
  }
}
