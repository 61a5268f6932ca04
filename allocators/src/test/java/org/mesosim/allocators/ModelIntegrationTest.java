package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.AllocatorConfig;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.config.ZooKeeperConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * Every registered policy behind the real model (masters, agents, schedulers, network), with the
 * model's invariant checker on: no violation, work gets done, and the DRF paper's example ends as
 * the offer harness says for {@code drf}.
 */
class ModelIntegrationTest {
  static List<String> policies() {
    return AllocatorRegistry.standard().names();
  }

  private static FrameworkConfig.WorkloadFactory jobs(String prefix, int jobs, int tasks, Resources res, long gap,
      long duration) {
    return streams -> {
      List<JobSpec> list = new ArrayList<>();
      for (int j = 0; j < jobs; j++) {
        List<TaskSpec> ts = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
          ts.add(TaskSpec.of(Integer.toString(t), res, duration, TaskOutcome.FINISHED));
        }
        list.add(JobSpec.of(prefix + j, j * gap, ts));
      }
      Iterator<JobSpec> it = list.iterator();
      Workload w = () -> it.hasNext() ? it.next() : null;
      return w;
    };
  }

  private static Map<String, Object> options(String policy) {
    return policy.equals("capacity") ? Map.of("shares", Map.of("a", 0.5, "b", 0.5)) : Map.of();
  }

  private static ModelConfig config(String policy, List<AgentGroup> agents, List<FrameworkConfig> frameworks, long until) {
    AllocatorPolicy p = AllocatorRegistry.standard().require(policy);
    return new ModelConfig("it-" + policy, 3L, until, new ZooKeeperConfig(1, 10 * SimTime.SECOND), 1,
        Defaults.MASTER, Defaults.AGENT, Defaults.NETWORK, agents, new TreeMap<>(),
        new AllocatorConfig(p, Defaults.ALLOCATION_INTERVAL, PolicyOptions.resolve(p, options(policy))),
        frameworks, List.of(), true);
  }

  /** Runs a config; returns tasks launched per framework name. */
  private static TreeMap<String, Integer> run(ModelConfig config, long[] violations) {
    Simulation sim = new Simulation(config.seed());
    MesosCluster cluster = new MesosCluster(sim, config);
    TreeMap<String, Integer> launched = new TreeMap<>();
    cluster.addObserver(e -> {
      if (e instanceof ModelEvent.TaskLaunched t) {
        launched.merge(t.framework(), 1, Integer::sum);
      }
    });
    cluster.start();
    sim.runWhile(config.until(), () -> !cluster.isDrained());
    violations[0] = cluster.invariantViolations();
    return launched;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void policy_drfPaperExampleInTheModel_noInvariantViolations(String policy) {
    SchedulerConfig oneTaskNoFilter = new SchedulerConfig(SchedulerConfig.SchedulerType.BATCH, 4, 1, 0L, true, 0L, 0L);
    List<FrameworkConfig> fws = List.of(
        new FrameworkConfig(FrameworkInfo.of("A", "a"), oneTaskNoFilter, jobs("a", 1, 10, Resources.of(1, 4096), 0, SimTime.NEVER)),
        new FrameworkConfig(FrameworkInfo.of("B", "b"), oneTaskNoFilter, jobs("b", 1, 10, Resources.of(3, 1024), 0, SimTime.NEVER)));
    List<AgentGroup> agents = List.of(new AgentGroup("node", 1, Resources.of(9, 18432), new TreeMap<>(), new TreeMap<>()));
    long[] violations = {0};
    TreeMap<String, Integer> launched = run(config(policy, agents, fws, 60 * SimTime.SECOND), violations);
    assertEquals(0, violations[0], "invariant violations under " + policy);
    assertTrue(launched.values().stream().mapToInt(Integer::intValue).sum() >= 3, launched.toString());
    if (policy.equals("drf") || policy.equals("hierarchical-drf")) {
      assertEquals(Map.of("A", 3, "B", 2), launched);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void policy_finiteWorkloadOnSeveralAgents_drainsWithoutViolations(String policy) {
    List<FrameworkConfig> fws = List.of(
        new FrameworkConfig(FrameworkInfo.of("A", "a"), Defaults.SCHEDULER, jobs("a", 4, 6, Resources.of(1, 1024), 5 * SimTime.SECOND, 20 * SimTime.SECOND)),
        new FrameworkConfig(FrameworkInfo.of("B", "b"), Defaults.SCHEDULER, jobs("b", 3, 5, Resources.of(2, 512), 7 * SimTime.SECOND, 15 * SimTime.SECOND)));
    List<AgentGroup> agents = List.of(
        new AgentGroup("small", 3, Resources.of(4, 8192), new TreeMap<>(), new TreeMap<>()),
        new AgentGroup("big", 1, Resources.of(16, 32768), new TreeMap<>(), new TreeMap<>()));
    long[] violations = {0};
    TreeMap<String, Integer> launched = run(config(policy, agents, fws, SimTime.NEVER), violations);
    assertEquals(0, violations[0], "invariant violations under " + policy);
    assertEquals(Map.of("A", 24, "B", 15), launched, "every task of both workloads ran once");
  }
}
