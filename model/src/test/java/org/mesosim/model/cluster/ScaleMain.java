package org.mesosim.model.cluster;

import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.workload.TaskOutcome;

/**
 * Manual scale run (not a test): {@code java -cp <test classpath> org.mesosim.model.cluster.ScaleMain
 * [agents] [jobs] [tasksPerJob] [frameworks]}. Prints events, tasks, wall time and events/s.
 */
public final class ScaleMain {
  private ScaleMain() {}

  public static void main(String[] args) {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int jobs = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int tasks = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int fws = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    long gapMs = args.length > 4 ? Long.parseLong(args[4]) : 100L * fws;
    TestScenarios.Builder b = TestScenarios.builder().seed(1).agents(TestScenarios.agents("a", agents, 8, 32768));
    for (int f = 0; f < fws; f++) {
      b.framework(TestScenarios.framework("F" + f, TestScenarios.jobs("f" + f + "-", jobs / fws, tasks,
          Resources.of(1, 2048), gapMs * SimTime.MILLISECOND, 60 * SimTime.SECOND, TaskOutcome.SAMPLED, 0.01)));
    }
    ModelConfig cfg = b.build();
    org.mesosim.model.config.AllocatorConfig alloc = cfg.allocator();
    String policy = System.getProperty("policy");
    if (policy != null) {
      try {
        alloc = new org.mesosim.model.config.AllocatorConfig(
            (org.mesosim.model.allocation.AllocatorPolicy) Class.forName(policy).getDeclaredConstructor().newInstance(),
            alloc.interval(), java.util.Map.of());
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(policy, e);
      }
    }
    ModelConfig noChecks = new ModelConfig(cfg.name(), cfg.seed(), cfg.until(), cfg.zookeeper(), cfg.masters(),
        cfg.master(), cfg.agent(), cfg.network(), cfg.agents(), cfg.roles(), alloc, cfg.frameworks(),
        cfg.faults(), false);
    Simulation sim = new Simulation(1);
    MesosCluster c = new MesosCluster(sim, noChecks);
    java.lang.management.ThreadMXBean tmx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c0 = tmx.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    c.start();
    sim.runWhile(SimTime.NEVER, () -> !c.isDrained());
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (tmx.getCurrentThreadCpuTime() - c0) / 1e9;
    System.out.printf("agents=%d tasks=%d launched=%d events=%d messages=%d simTime=%.0fs wall=%.2fs cpu=%.2fs"
        + " events/cpu-s=%.0f digest=%s%n",
        agents, (long) jobs * tasks, c.tasksLaunched(), sim.eventsFired(), c.messagesSent(),
        SimTime.toSeconds(sim.now()), wall, cpu, sim.eventsFired() / cpu, sim.digest().hex());
  }
}
