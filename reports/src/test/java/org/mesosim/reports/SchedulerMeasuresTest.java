package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mesosim.reports.Events.s;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.events.ModelEvent;

/** summary.json frameworks[].scheduler: busyness as the union of decision intervals, first-attempt waits, abandoned, locality. */
class SchedulerMeasuresTest {
  private static final double EPS = 1e-12;
  @TempDir Path tmp;

  private static final List<FrameworkMeta> AB = List.of(new FrameworkMeta("A", "a"), new FrameworkMeta("B", "b"));

  private RunSummary feed(double end, ModelEvent... events) {
    MetricsRecorder rec = new MetricsRecorder(Events.setup(tmp, AB, s(1)));
    for (ModelEvent e : events) {
      rec.on(e);
    }
    rec.finish(s(end));
    return rec.summary("d", events.length, 0, 0);
  }

  private static RunSummary.FrameworkSummary fw(RunSummary s, String name) {
    return s.frameworks().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void busyness_countsOverlappingDecisionsOnce_andClipsAtTheEnd() {
    RunSummary sum = feed(100,
        Events.agent(0, "S1", 8, 8192),
        new ModelEvent.SchedulerDecision(s(10), "A", s(20), 2), // 10 s
        new ModelEvent.SchedulerDecision(s(15), "A", s(25), 1), // overlaps: +5 s
        new ModelEvent.SchedulerDecision(s(30), "A", s(31), 1), // +1 s
        new ModelEvent.SchedulerDecision(s(95), "A", s(110), 1)); // +5 s inside the run, 10 s after its end
    RunSummary.SchedulerSummary a = fw(sum, "A").scheduler();
    assertEquals(21.0 / 100, a.busyness(), EPS);
    assertEquals(4, a.decisions());
    assertNull(fw(sum, "B").scheduler(), "B reported no decisions: no scheduler entry in summary.json");
  }

  @Test
  void firstAttemptWait_abandoned_andLocality() {
    RunSummary sum = feed(100,
        Events.agent(0, "S1", 8, 8192),
        Events.submit(1, "A", "j1", 2),
        Events.submit(2, "A", "j2", 1),
        new ModelEvent.JobAttempted(s(4), "A", "j1", s(1)),
        new ModelEvent.JobAttempted(s(4), "A", "j2", s(2)),
        new ModelEvent.TaskPlaced(s(5), "A", "j1", true),
        new ModelEvent.TaskPlaced(s(6), "A", "j1", false),
        Events.ended(50, "A", "j2", 2, -1, 1, "abandoned"));
    RunSummary.SchedulerSummary a = fw(sum, "A").scheduler();
    assertEquals(2, a.firstAttemptWaitSeconds().count());
    assertEquals(2.5, a.firstAttemptWaitSeconds().mean(), EPS);
    assertEquals(1, a.abandoned());
    assertEquals(2, a.placedWithLocality());
    assertEquals(1, a.placedLocal());
    assertEquals(0, fw(sum, "A").jobs().failed(), "abandoned is not failed");
  }
}
