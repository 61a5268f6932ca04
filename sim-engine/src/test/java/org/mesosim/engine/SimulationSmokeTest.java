package org.mesosim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationSmokeTest {
  @Test
  void equalTimes_fireInSchedulingOrder() {
    Simulation sim = new Simulation(1);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int k = i;
      sim.at(10, () -> order.add(k));
    }
    sim.at(5, () -> order.add(-1));
    sim.run(SimTime.NEVER);
    assertEquals(List.of(-1, 0, 1, 2, 3, 4), order);
    assertEquals(10, sim.now());
  }
}
