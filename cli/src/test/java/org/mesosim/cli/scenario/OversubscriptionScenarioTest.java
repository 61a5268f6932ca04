package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.Oversubscription;
import org.mesosim.model.events.ModelEvent;

/**
 * Oversubscription's scenario keys (docs/oversubscription.md): their validation errors, with file,
 * line and column like every other key, and what a run with them does end to end on the real
 * {@code hierarchical-drf} (the master's {@code updateSlave}, revocable offers only to capable
 * frameworks, the rescind of outstanding revocable offers on a new estimate, QoS kills), with the
 * invariant checker on.
 */
class OversubscriptionScenarioTest {
  static final String BASE = """
      name: ovs
      until: 10m
      cluster:
        agents:
          - name: a
            count: 2
            resources: {cpus: 4, mem: 8GB}
            resourceEstimator: {type: fixed, resources: {cpus: 2}}
      frameworks:
        - name: R
          revocableResources: true
          workload:
            synthetic:
              jobs: 2
              tasksPerJob: 8
              arrival: {at: 0s}
              task: {resources: {cpus: 1, mem: 512MB}, duration: 1m}
        - name: P
          workload:
            synthetic:
              jobs: 2
              tasksPerJob: 8
              arrival: {at: 0s}
              task: {resources: {cpus: 1, mem: 512MB}, duration: 1m}
      """;

  @TempDir Path dir;

  Scenario load(String yaml) {
    return new ScenarioLoader(new StandardCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of());
  }

  List<String> errors(String yaml) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void keys_loadWithTheirDefaults() {
    Scenario s = load(BASE);
    Oversubscription.Estimator e = s.cluster().agents().get(0).estimator();
    assertEquals(Oversubscription.EstimatorType.FIXED, e.type());
    assertEquals(15 * SimTime.SECOND, e.interval()); // --oversubscribed_resources_interval
    assertEquals(Oversubscription.QosType.NOOP, e.qos());
    assertTrue(s.frameworks().get(0).revocableResources());
    assertEquals(FrameworkConfig.RevocableTasks.PREFER, s.frameworks().get(0).revocableTasks());
    assertEquals(FrameworkConfig.RevocableTasks.NONE, s.frameworks().get(1).revocableTasks());
  }

  @Test
  void badKeys_areErrorsWithLineAndColumn() {
    assertEquals(List.of("s.yaml:8:33: cluster.agents[0].resourceEstimator.type: unknown estimator type 'fixd'"
        + " (did you mean 'fixed'?); known: fixed, usage"), errors(BASE.replace("type: fixed", "type: fixd")));
    assertEquals(List.of("s.yaml:8:26: cluster.agents[0].resourceEstimator.resources: is required: the revocable"
        + " resources (fixed) or the names to oversubscribe (usage), e.g. {cpus: 4}"),
        errors(BASE.replace("type: fixed, resources: {cpus: 2}", "type: fixed")));
    assertEquals(List.of("s.yaml:8:51: cluster.agents[0].resourceEstimator.resources.gpus: the agents have no gpus"
        + " to oversubscribe"), errors(BASE.replace("resources: {cpus: 2}}", "resources: {gpus: 2}}")));
    assertEquals(List.of("s.yaml:8:69: cluster.agents[0].resourceEstimator.usage: only applies to type usage"),
        errors(BASE.replace("{cpus: 2}}", "{cpus: 2}, usage: 0.5}")));
    assertEquals(List.of("s.yaml:8:77: cluster.agents[0].resourceEstimator.qosController: unknown QoS controller"
        + " 'revok' (did you mean 'revoke'?); known: noop, revoke"),
        errors(BASE.replace("{cpus: 2}}", "{cpus: 2}, qosController: revok}")));
    assertEquals(List.of("s.yaml:19:21: frameworks[1].revocableTasks: 'only' needs revocableResources: true (Mesos"
        + " offers revocable resources only to frameworks with the REVOCABLE_RESOURCES capability)"),
        errors(BASE.replace("  - name: P\n", "  - name: P\n    revocableTasks: only\n")));
    assertEquals(List.of("s.yaml:8:26: cluster.agents[0].resourceEstimator: oversubscription needs allocator policy"
        + " hierarchical-drf (policy 'fifo' offers no revocable resources)"),
        errors(BASE + "allocator: {policy: fifo}\n"));
  }

  /** Runs a scenario with the invariant checker on; returns the cluster and its events. */
  record Run(MesosCluster cluster, List<ModelEvent> events) {}

  Run run(String yaml) {
    Scenario s = load(yaml);
    ModelConfig cfg = ModelMapper.toModel(s, new StandardCatalog(), true);
    Simulation sim = new Simulation(cfg.seed());
    MesosCluster c = new MesosCluster(sim, cfg);
    List<ModelEvent> events = new ArrayList<>();
    c.addObserver(events::add);
    c.start();
    sim.runWhile(cfg.until(), () -> !c.isDrained());
    assertEquals(0, c.invariantViolations(), "invariant violations");
    return new Run(c, events);
  }

  /**
   * The fixed estimator's 2 cpus per agent reach the allocator (master/cpus_revocable_total 4) and
   * go only to the capable framework R, whose tasks take cpus from them (prefer); P never gets any
   * (the invariant checker's revocable-capability check would count a violation).
   */
  @Test
  void fixedEstimator_revocableCpusGoOnlyToTheCapableFramework() {
    Run r = run(BASE);
    assertEquals(4.0, r.cluster().oversubscriptionMetrics().get("master/cpus_revocable_total"), 0.0);
    long[] counts = r.cluster().oversubscriptionCounts(); // kills, revocable launches, revocable offers
    assertEquals(0, counts[0], "the fixed estimate never shrinks: no QoS kill");
    assertTrue(counts[1] > 0, "R launched on revocable cpus");
    assertTrue(counts[2] > 0);
    for (ModelEvent e : r.events()) {
      if (e instanceof ModelEvent.OfferMade o && o.resources().hasRevocable()) {
        assertEquals("R", o.framework(), "a revocable offer to " + o.framework());
      }
    }
    // every job of both frameworks finishes
    long ended = r.events().stream().filter(e -> e instanceof ModelEvent.JobEnded).count();
    assertEquals(4, ended);
  }

  /**
   * A usage estimate that changes while a revocable offer is outstanding (R holds offers 20 s):
   * the master rescinds it (reason revocable-update) after updating the allocator; when P's tasks
   * end the estimate drops to 0 and the revoke controller kills R's revocable tasks
   * (TASK_LOST, REASON_CONTAINER_PREEMPTED).
   */
  @Test
  void usageEstimator_rescindsStaleRevocableOffers_andRevokesWhenTheSlackGoes() {
    String yaml = BASE.replace("{type: fixed, resources: {cpus: 2}}",
            "{type: usage, resources: {cpus: 1}, usage: 0, interval: 5s, qosController: revoke}")
        .replace("  - name: R\n    revocableResources: true\n",
            "  - name: R\n    revocableResources: true\n    revocableTasks: only\n"
            + "    scheduler: {decisionTime: {perOffer: 20s}, maxAttempts: 10}\n")
        .replace("jobs: 2\n        tasksPerJob: 8\n        arrival: {at: 0s}\n        task: {resources: {cpus: 1,"
            + " mem: 512MB}, duration: 1m}\n  - name: P", "jobs: 1\n        tasksPerJob: 4\n        arrival: {at: 0s}\n"
            + "        task: {resources: {cpus: 1, mem: 512MB}, duration: 5m}\n  - name: P");
    Run r = run(yaml);
    long rescinded = r.events().stream().filter(e -> e instanceof ModelEvent.OfferRescinded o
        && o.reason().equals("revocable-update")).count();
    assertTrue(rescinded > 0, "an outstanding revocable offer is rescinded on a new estimate");
    long preempted = r.events().stream().filter(e -> e instanceof ModelEvent.TaskStatus s
        && s.reason().equals("REASON_CONTAINER_PREEMPTED")).count();
    assertEquals(r.cluster().oversubscriptionCounts()[0], preempted);
    assertTrue(preempted > 0, "R's revocable tasks are killed when P's slack goes");
  }

  /**
   * The agents' unchanged fixed estimate reaches a new leader only because an agent sends its
   * latest estimate again when it re-registers (Slave::reregistered, src/slave/slave.cpp): after
   * the leading master crashes, the new leader's master/cpus_revocable_total is back to 4.
   */
  @Test
  void masterFailover_agentsResendTheirEstimateToTheNewLeader() {
    String yaml = BASE.replace("until: 10m\ncluster:\n", "until: 10m\ncluster:\n  masters: 3\n")
        + "faults:\n  - {at: 2m, crash: leading-master}\n";
    Run r = run(yaml);
    long leaders = r.events().stream().filter(e -> e instanceof ModelEvent.LeaderElected).count();
    assertEquals(2, leaders, "a second leader was elected");
    assertEquals(4.0, r.cluster().oversubscriptionMetrics().get("master/cpus_revocable_total"), 0.0);
  }

  /**
   * With the noop QoS controller (Mesos' default) nothing is killed when the usage estimate drops
   * below the revocable resources in use: the tasks run on, the agent forwards their total, and the
   * invariants hold. A new estimate rescinds outstanding revocable offers, so an accept already on
   * its way finds its offer gone: those launches are TASK_LOST with REASON_INVALID_OFFERS, as in Mesos 1.1.
   */
  @Test
  void noopController_neverKills() {
    String yaml = BASE.replace("{type: fixed, resources: {cpus: 2}}",
            "{type: usage, resources: {cpus: 1}, usage: 0, interval: 5s}")
        .replace("  - name: R\n    revocableResources: true\n",
            "  - name: R\n    revocableResources: true\n    revocableTasks: only\n")
        .replace("jobs: 2\n        tasksPerJob: 8\n        arrival: {at: 0s}\n        task: {resources: {cpus: 1,"
            + " mem: 512MB}, duration: 1m}\n  - name: P", "jobs: 1\n        tasksPerJob: 4\n        arrival: {at: 0s}\n"
            + "        task: {resources: {cpus: 1, mem: 512MB}, duration: 5m}\n  - name: P");
    Run r = run(yaml);
    assertEquals(0, r.cluster().oversubscriptionCounts()[0]);
    assertTrue(r.cluster().oversubscriptionCounts()[1] > 0, "R ran on revocable cpus");
    // The only losses are launches on offers rescinded by a new estimate while the accept was on
    // its way (Mesos 1.1: TASK_LOST, REASON_INVALID_OFFERS); none is a QoS kill.
    List<String> lost = r.events().stream().filter(e -> e instanceof ModelEvent.TaskStatus st
        && st.state() == org.mesosim.model.TaskState.TASK_LOST).map(e -> ((ModelEvent.TaskStatus) e).reason()).toList();
    assertEquals(List.of("REASON_INVALID_OFFERS"), lost.stream().distinct().toList());
  }
}
