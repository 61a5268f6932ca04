package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mesosim.engine.Digest;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.BackgroundDigest;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.TaskOutcome;

/** The digest folded on a worker thread is the digest folded in the simulation's thread. */
class BackgroundDigestTest {
  private static ModelConfig cluster(long seed) {
    return TestScenarios.builder().seed(seed)
        .agents(TestScenarios.agents("small", 6, 4, 8192))
        .framework(TestScenarios.framework("A", TestScenarios.jobs("a", 40, 6, Resources.of(1, 1024),
            5 * SimTime.SECOND, 30 * SimTime.SECOND, TaskOutcome.SAMPLED, 0.1)))
        .framework(TestScenarios.framework("B", TestScenarios.jobs("b", 30, 3, Resources.of(2, 2048),
            7 * SimTime.SECOND, 20 * SimTime.SECOND, TaskOutcome.SAMPLED, 0.1)))
        .build();
  }

  private static String[] run(long seed, boolean background) {
    ModelConfig cfg = cluster(seed);
    Simulation sim = new Simulation(cfg.seed());
    MesosCluster c = new MesosCluster(sim, cfg);
    BackgroundDigest bg = background ? c.digestInBackground() : null;
    c.start();
    sim.runWhile(SimTime.HOUR * 10, () -> !c.isDrained());
    if (bg != null) {
      bg.finish();
      bg.finish(); // idempotent
    }
    return new String[] {sim.digest().hex(), Long.toString(sim.digest().events())};
  }

  @Test
  void sameDigestAndRecordCount_asInTheSimulationsThread() {
    for (long seed = 1; seed <= 3; seed++) {
      String[] inline = run(seed, false);
      String[] background = run(seed, true);
      assertEquals(inline[0], background[0], "seed " + seed);
      assertEquals(inline[1], background[1], "seed " + seed);
      // More records than one batch: batches were handed over and recycled.
      assertTrue(Long.parseLong(inline[1]) > BackgroundDigest.BATCH, inline[1]);
    }
  }

  @Test
  void manyBatches_inOrder() {
    // 100 full batches and a partial one through 8 buffers: order and count survive recycling.
    Digest inline = new Digest();
    Digest folded = new Digest();
    BackgroundDigest bg = new BackgroundDigest(folded, "test");
    int n = BackgroundDigest.BATCH * 100 + 17;
    for (int i = 0; i < n; i++) {
      ModelEvent e = new ModelEvent.PendingChanged(i, i % 3 == 0 ? "A" : "B", i);
      e.digestInto(inline);
      bg.on(e);
    }
    bg.finish();
    assertEquals(inline.hex(), folded.hex());
    assertEquals(n, folded.events());
  }

  @Test
  void aWorkerFailure_reachesTheSimulation() {
    BackgroundDigest bg = new BackgroundDigest(null, "failing"); // digestInto(null) throws in the worker
    bg.on(new ModelEvent.OffersRevived(0, "A"));
    IllegalStateException e = assertThrows(IllegalStateException.class, bg::finish);
    assertTrue(e.getMessage().startsWith("digest worker failed"), e.getMessage());
  }

  @Test
  void onlyBeforeTheRunStarts_andOnce() {
    ModelConfig cfg = cluster(1);
    MesosCluster c = new MesosCluster(new Simulation(cfg.seed()), cfg);
    c.digestInBackground().close();
    assertThrows(IllegalStateException.class, c::digestInBackground);
    MesosCluster d = new MesosCluster(new Simulation(cfg.seed()), cfg);
    d.start();
    assertThrows(IllegalStateException.class, d::digestInBackground);
  }
}
