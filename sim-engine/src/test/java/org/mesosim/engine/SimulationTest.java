package org.mesosim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

  private static Runnable record(Simulation sim, List<Long> log) {
    return () -> log.add(sim.now());
  }

  @Test
  void clockListener_isToldBeforeEachForwardMove_withTheClockStillAtThePreviousTime() {
    Simulation sim = new Simulation(1);
    List<String> log = new ArrayList<>();
    sim.setClockListener(next -> log.add(sim.now() + "->" + next));
    sim.at(0, () -> log.add("e@" + sim.now()));
    sim.at(5, () -> log.add("e@" + sim.now()));
    sim.at(5, () -> log.add("e@" + sim.now())); // same instant: no move
    sim.at(9, () -> log.add("e@" + sim.now()));
    sim.run(7); // stops at 7 with the event at 9 pending: the clock still moves to 7
    sim.step();
    assertEquals(List.of("e@0", "0->5", "e@5", "e@5", "5->7", "7->9", "e@9"), log);
    sim.setClockListener(null);
    sim.run(20);
    assertEquals(20, sim.now());
    assertEquals(7, log.size(), "removed");
  }

  @Test
  void at_pastTime_isRejectedWithBothTimes() {
    Simulation sim = new Simulation(1);
    sim.at(10, () -> {});
    sim.run(SimTime.NEVER);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.at(5, () -> {}));
    assertEquals("cannot schedule at 0.000005s, before now (0.000010s)", e.getMessage());
  }

  @Test
  void schedule_negativeDelay_isRejected() {
    Simulation sim = new Simulation(1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sim.schedule(-1, () -> {}));
    assertEquals("negative delay -1us at 0.000000", e.getMessage());
  }

  @Test
  void scheduleAndAt_never_scheduleNothing() {
    Simulation sim = new Simulation(1);
    assertEquals(-1L, sim.schedule(SimTime.NEVER, () -> {}));
    assertEquals(-1L, sim.at(SimTime.NEVER, () -> {}));
    assertEquals(0, sim.pending());
    assertFalse(sim.cancel(-1L));
  }

  @Test
  void schedule_isRelativeToNow() {
    Simulation sim = new Simulation(1);
    List<Long> log = new ArrayList<>();
    sim.at(100, () -> sim.schedule(50, record(sim, log)));
    sim.run(SimTime.NEVER);
    assertEquals(List.of(150L), log);
  }

  @Test
  void run_until_firesEventsAtExactlyUntilAndEndsTheClockThere() {
    Simulation sim = new Simulation(1);
    List<Long> log = new ArrayList<>();
    sim.at(5, record(sim, log));
    sim.at(10, record(sim, log));
    sim.at(10, record(sim, log));
    sim.at(11, record(sim, log));
    assertFalse(sim.run(10));
    assertEquals(List.of(5L, 10L, 10L), log);
    assertEquals(10, sim.now());
    assertEquals(1, sim.pending());
    assertEquals(11, sim.nextEventTime());
  }

  @Test
  void run_until_advancesTheClockToUntilWhenNothingIsDue() {
    Simulation sim = new Simulation(1);
    sim.at(3, () -> {});
    sim.at(SimTime.HOUR, () -> {});
    sim.run(SimTime.MINUTE);
    assertEquals(SimTime.MINUTE, sim.now());
    assertEquals(1, sim.eventsFired());
  }

  @Test
  void run_forever_endsAtTheLastEventTime() {
    Simulation sim = new Simulation(1);
    sim.at(42, () -> {});
    sim.run(SimTime.NEVER);
    assertEquals(42, sim.now());
    assertEquals(0, sim.pending());
  }

  @Test
  void run_again_continuesWhereTheLastRunStopped() {
    Simulation sim = new Simulation(1);
    List<Long> log = new ArrayList<>();
    for (long t = 1; t <= 5; t++) {
      sim.at(t * 10, record(sim, log));
    }
    sim.run(25);
    sim.at(27, record(sim, log)); // between until and the next pending event
    sim.run(SimTime.NEVER);
    assertEquals(List.of(10L, 20L, 27L, 30L, 40L, 50L), log);
  }

  @Test
  void runWhile_stopsBeforeTheFirstEventWhenTheConditionTurnsFalse() {
    Simulation sim = new Simulation(1);
    List<Long> log = new ArrayList<>();
    for (long t = 1; t <= 10; t++) {
      sim.at(t, record(sim, log));
    }
    assertFalse(sim.runWhile(SimTime.NEVER, () -> log.size() < 4));
    assertEquals(List.of(1L, 2L, 3L, 4L), log);
    assertEquals(4, sim.now(), "the clock stays at the last fired event");
    assertEquals(6, sim.pending());
  }

  @Test
  void runWhile_conditionFalseAtStart_firesNothing() {
    Simulation sim = new Simulation(1);
    sim.at(1, () -> {});
    assertFalse(sim.runWhile(100, () -> false));
    assertEquals(0, sim.eventsFired());
    assertEquals(0, sim.now());
  }

  @Test
  void stop_returnsAfterTheCurrentEventAndLeavesTheRestPending() {
    Simulation sim = new Simulation(1);
    List<Long> log = new ArrayList<>();
    sim.at(1, record(sim, log));
    sim.at(2, () -> {
      log.add(sim.now());
      sim.stop();
    });
    sim.at(2, record(sim, log));
    sim.at(3, record(sim, log));
    assertTrue(sim.run(100));
    assertEquals(List.of(1L, 2L), log);
    assertEquals(2, sim.now());
    assertEquals(2, sim.pending());
    assertFalse(sim.run(100), "a new run clears the stop request");
    assertEquals(List.of(1L, 2L, 2L, 3L), log);
    assertEquals(100, sim.now());
  }

  @Test
  void step_firesExactlyOneEvent() {
    Simulation sim = new Simulation(1);
    List<Long> log = new ArrayList<>();
    sim.at(7, record(sim, log));
    sim.at(9, record(sim, log));
    assertTrue(sim.step());
    assertEquals(List.of(7L), log);
    assertEquals(7, sim.now());
    assertTrue(sim.step());
    assertFalse(sim.step());
    assertEquals(9, sim.now());
    assertEquals(2, sim.eventsFired());
  }

  @Test
  void cancel_throughTheSimulation_preventsFiring() {
    Simulation sim = new Simulation(1);
    List<Long> log = new ArrayList<>();
    long h = sim.at(5, record(sim, log));
    sim.at(6, record(sim, log));
    assertTrue(sim.cancel(h));
    assertFalse(sim.cancel(h));
    sim.run(SimTime.NEVER);
    assertEquals(List.of(6L), log);
  }

  @Test
  void cancel_fromAnEarlierEventAtTheSameInstant_preventsFiring() {
    Simulation sim = new Simulation(1);
    List<String> log = new ArrayList<>();
    long[] timeout = new long[1];
    sim.at(10, () -> {
      log.add("reply");
      sim.cancel(timeout[0]);
    });
    timeout[0] = sim.at(10, () -> log.add("timeout"));
    sim.run(SimTime.NEVER);
    assertEquals(List.of("reply"), log);
  }

  @Test
  void listener_isCalledEveryPowerOfTwoEvents() {
    Simulation sim = new Simulation(1);
    List<Long> calls = new ArrayList<>();
    sim.addListener(s -> calls.add(s.eventsFired()), 3);
    for (int i = 0; i < 20; i++) {
      sim.at(i, () -> {});
    }
    sim.run(SimTime.NEVER);
    assertEquals(List.of(8L, 16L), calls);
  }

  @Test
  void holdModel_sameSeed_sameTrajectory() {
    assertEquals(holdTrajectory(11), holdTrajectory(11));
    assertFalse(holdTrajectory(11).equals(holdTrajectory(12)));
  }

  /** A small hold model driven by a named stream; returns the digest of the firing times. */
  private static String holdTrajectory(long seed) {
    Simulation sim = new Simulation(seed);
    var rng = sim.random().stream("hold");
    Runnable[] hold = new Runnable[1];
    hold[0] = () -> {
      sim.digest().event("hold", sim.now());
      sim.schedule(1 + rng.nextInt(1000), hold[0]);
    };
    for (int i = 0; i < 100; i++) {
      sim.schedule(rng.nextInt(1000), hold[0]);
    }
    sim.run(100_000);
    return sim.digest().hex() + "/" + sim.eventsFired();
  }
}
