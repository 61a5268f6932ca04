package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.engine.random.RandomStreams;

/**
 * The lazy health check ({@link LazyObserver}) fires at exactly the time the explicit ping/pong
 * observer does, for crashes, restarts, partitions and heals at arbitrary times, while costing no
 * events for a healthy agent.
 */
class HealthCheckEquivalenceTest {
  static final long P = 15 * SimTime.SECOND;
  static final int MAX = 5;
  static final long L = SimTime.MILLISECOND;

  /** One fault: time, whether it takes the agent down (else brings it back), and whether it is a crash/restart. */
  record Step(long time, boolean down, boolean crash) {}

  static long explicit(long start, List<Step> steps, long horizon) {
    Simulation sim = new Simulation(1);
    ExplicitPingObserver o = new ExplicitPingObserver(sim, P, MAX, L);
    sim.at(start, o::start);
    for (Step s : steps) {
      sim.at(s.time, () -> {
        if (s.crash) {
          o.agentAlive = !s.down;
        } else {
          o.linkUp = !s.down;
        }
      });
    }
    sim.run(horizon);
    return o.markedAt;
  }

  static long lazy(long start, List<Step> steps, long horizon) {
    Simulation sim = new Simulation(1);
    long[] marked = {SimTime.NEVER};
    LazyObserver o = new LazyObserver(sim, P, MAX, L, () -> marked[0] = sim.now());
    sim.at(start, () -> o.start(true, false));
    for (Step s : steps) {
      sim.at(s.time, () -> {
        if (s.down) {
          o.cut(s.crash);
        } else {
          o.recover(s.crash);
        }
      });
    }
    sim.run(horizon);
    assertTrue(sim.eventsFired() <= 2 + steps.size() * 2L, "lazy cost follows faults only: " + sim.eventsFired());
    return marked[0];
  }

  @Test
  void crash_detectedAtFirstUnansweredPingPlusFivePeriods() {
    // Registered at 2 s: pings at 2, 17, 32 ... The agent dies at 40 s; the ping at 47 s is the
    // first unanswered one; the fifth miss is counted at 47 + 75 = 122 s.
    List<Step> steps = List.of(new Step(40 * SimTime.SECOND, true, true));
    assertEquals(122 * SimTime.SECOND, explicit(2 * SimTime.SECOND, steps, SimTime.HOUR));
    assertEquals(122 * SimTime.SECOND, lazy(2 * SimTime.SECOND, steps, SimTime.HOUR));
  }

  @Test
  void partition_healedBeforeFifthMiss_isNotDetected() {
    List<Step> steps = List.of(new Step(40 * SimTime.SECOND, true, false), new Step(100 * SimTime.SECOND, false, false));
    assertEquals(SimTime.NEVER, explicit(2 * SimTime.SECOND, steps, SimTime.HOUR));
    assertEquals(SimTime.NEVER, lazy(2 * SimTime.SECOND, steps, SimTime.HOUR));
  }

  @Test
  void randomFaultTimelines_lazyEqualsExplicit() {
    UniformRandomProvider rng = RandomStreams.create(42, "health-equivalence");
    int detected = 0;
    for (int c = 0; c < 400; c++) {
      long start = rng.nextLong(30 * SimTime.SECOND);
      List<Step> steps = new ArrayList<>();
      long t = start + 1;
      int n = 1 + rng.nextInt(6);
      for (int i = 0; i < n; i++) {
        boolean crash = rng.nextBoolean();
        // Mix short flaps (around the latency and the ping period) with long outages.
        long down = t + pick(rng);
        long up = down + pick(rng);
        steps.add(new Step(down, true, crash));
        steps.add(new Step(up, false, crash));
        t = up + pick(rng);
      }
      if (rng.nextInt(4) == 0) {
        steps.remove(steps.size() - 1); // ends down
      }
      long horizon = t + 10 * SimTime.MINUTE;
      long e = explicit(start, steps, horizon);
      long l = lazy(start, steps, horizon);
      assertEquals(e, l, "case " + c + " start " + start + " steps " + steps);
      if (e != SimTime.NEVER) {
        detected++;
      }
    }
    assertTrue(detected > 50, "enough detections exercised: " + detected);
  }

  private static long pick(UniformRandomProvider rng) {
    return switch (rng.nextInt(4)) {
      case 0 -> 1 + rng.nextLong(3 * L);
      case 1 -> 1 + rng.nextLong(2 * P);
      case 2 -> 1 + rng.nextLong(80 * SimTime.SECOND);
      default -> 1 + rng.nextLong(200 * SimTime.SECOND);
    };
  }
}
