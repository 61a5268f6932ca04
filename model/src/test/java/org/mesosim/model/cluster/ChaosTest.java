package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.TaskOutcome;

/**
 * Random fault storms (leader crashes, agent crashes, partitions, ZooKeeper crashes, framework
 * crashes, message loss) over many seeds: every run must drain, end every job, and break no
 * invariant.
 */
class ChaosTest {
  static final long S = SimTime.SECOND;

  static ModelConfig chaos(long seed) {
    MasterFlags m = Defaults.MASTER;
    MasterFlags flags = new MasterFlags(m.agentPingTimeout(), m.maxAgentPingTimeouts(), 60 * S,
        m.agentReregisterTimeout(), m.registryWriteLatency(), 20 * S);
    FrameworkInfo a = new FrameworkInfo("A", "*", 120 * S, true, false, false);
    FrameworkInfo b = new FrameworkInfo("B", "*", 30 * S, false, true, false);
    SchedulerConfig gang = new SchedulerConfig(SchedulerConfig.SchedulerType.GANG, 4, 0, 5 * S, true, 0, 0);
    return TestScenarios.builder().seed(seed).masters(3).loss(0.02).master(flags)
        .latency(new Distribution.Exponential(1500))
        .agents(TestScenarios.agents("a", 4, 4, 8192))
        .agents(TestScenarios.agents("b", 4, 8, 16384))
        .framework(TestScenarios.framework(a, Defaults.SCHEDULER, TestScenarios.jobs("a-", 12, 5,
            Resources.of(1, 1024), 20 * S, 90 * S, TaskOutcome.SAMPLED, 0.1)))
        .framework(TestScenarios.framework(b, Defaults.SCHEDULER, TestScenarios.jobs("b-", 8, 3,
            Resources.of(2, 2048), 30 * S, 60 * S, TaskOutcome.FINISHED, 0)))
        .framework(TestScenarios.framework(FrameworkInfo.of("G", "*"), gang, TestScenarios.jobs("g-", 5, 4,
            Resources.of(1, 512), 40 * S, 50 * S, TaskOutcome.FINISHED, 0)))
        .fault(every(4 * 60, FaultSpec.Action.CRASH, new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null), 30))
        .fault(every(3 * 60, FaultSpec.Action.CRASH, new FaultTarget(FaultTarget.Kind.AGENT_GROUP, "a"), 60))
        .fault(every(5 * 60, FaultSpec.Action.PARTITION, new FaultTarget(FaultTarget.Kind.AGENT, "b-2"), 100))
        .fault(every(8 * 60, FaultSpec.Action.CRASH, new FaultTarget(FaultTarget.Kind.ZOOKEEPER, "zookeeper-1"), 40))
        .fault(every(6 * 60, FaultSpec.Action.CRASH, new FaultTarget(FaultTarget.Kind.FRAMEWORK, "A"), 20))
        .build();
  }

  private static FaultSpec every(long meanSeconds, FaultSpec.Action action, FaultTarget t, long recoverMean) {
    return new FaultSpec(-1, new Distribution.Exponential(meanSeconds * S), action, List.of(t),
        new Distribution.Exponential(recoverMean * S));
  }

  @Test
  void faultStorms_alwaysDrainWithoutViolations() {
    for (long seed = 1; seed <= 12; seed++) {
      ModelConfig cfg = chaos(seed);
      // Faults repeat forever: stop them mattering by bounding the run and checking the jobs.
      EndToEndTest.Run r = FaultScenariosTest.run(cfg, 20 * SimTime.HOUR);
      assertEquals(0, r.cluster().invariantViolations(), "seed " + seed + ": "
          + r.rec().of(ModelEvent.InvariantViolated.class));
      assertTrue(r.cluster().isDrained(), "seed " + seed + " drained by " + r.sim().now());
      assertEquals(25, r.rec().of(ModelEvent.JobEnded.class).size(), "seed " + seed);
    }
  }
}
