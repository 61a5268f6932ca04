package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorContext;

/**
 * What the comparison policies ({@link AbstractOfferAllocator}) report of Mesos' allocator metrics
 * (docs/allocators.md, "The allocator's metrics"): the sequences of Mesos 1.1.0's
 * {@code ResourceMetrics}, {@code AllocationRunsMetric} and {@code ActiveOfferFiltersMetrics} with
 * the same expected values under every policy, and no dominant-share or quota gauges.
 */
class OfferAllocatorMetricsTest {
  static List<String> policies() {
    return EveryPolicyInvariantsTest.offerAllocatorPolicies();
  }

  /** An allocator on a paused clock: every call settles what is due now; offers are kept. */
  private static final class Driver {
    final Simulation sim = new Simulation(42L);
    final Allocator allocator;
    final List<FrameworkId> offered = new ArrayList<>();
    final List<SortedMap<AgentId, ResourceSet>> resources = new ArrayList<>();

    Driver(String policy) {
      allocator = AllocatorRegistry.standard().require(policy).create(Map.of());
      allocator.initialize(new AllocatorContext(sim, SimTime.SECOND, sim.random().stream("allocator"), (f, r) -> {
        offered.add(f);
        resources.add(r);
      }, Map.of()));
    }

    void settle() {
      sim.run(sim.now());
    }

    AgentId addAgent(String name, double cpus, double mem) {
      AgentId id = new AgentId(name);
      ResourceSet total = ResourceSet.unreserved(Resources.of(cpus, mem));
      allocator.addAgent(id, AgentInfo.of(name, total), total, new TreeMap<>());
      settle();
      return id;
    }

    FrameworkId addFramework(String name, String role) {
      FrameworkId id = new FrameworkId(name);
      allocator.addFramework(id, FrameworkInfo.of(name, role), new TreeMap<>());
      settle();
      return id;
    }

    SortedMap<String, Double> metrics() {
      return allocator.metrics();
    }
  }

  private static void assertResources(Driver d, double cpus, double mem, double cpusOffered, double memOffered) {
    SortedMap<String, Double> m = d.metrics();
    assertEquals(cpus, m.get("allocator/mesos/resources/cpus/total"));
    assertEquals(mem, m.get("allocator/mesos/resources/mem/total"));
    assertEquals(0.0, m.get("allocator/mesos/resources/disk/total"));
    assertEquals(cpusOffered, m.get("allocator/mesos/resources/cpus/offered_or_allocated"));
    assertEquals(memOffered, m.get("allocator/mesos/resources/mem/offered_or_allocated"));
    assertEquals(0.0, m.get("allocator/mesos/resources/disk/offered_or_allocated"));
  }

  /** Mesos 1.1.0 {@code ResourceMetrics}, with an agent every policy offers whole (two 1-cpu, 2 GB slots). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void resourceMetrics(String policy) {
    Driver d = new Driver(policy);
    assertResources(d, 0, 0, 0, 0); // ResourceMetricsUninitialized: nothing added
    AgentId agent = d.addAgent("agent1", 2, 4096);
    assertResources(d, 2, 4096, 0, 0);
    d.addFramework("framework1", "role1");
    assertEquals(List.of(new FrameworkId("framework1")), d.offered);
    assertResources(d, 2, 4096, 2, 4096);
    d.allocator.removeAgent(agent);
    d.settle();
    assertResources(d, 0, 0, 0, 0);
  }

  /** Mesos 1.1.0 {@code AllocationRunsMetric}, then periodic runs (skipped ones counted) and a pause. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void allocationRuns(String policy) {
    Driver d = new Driver(policy);
    assertEquals(0.0, d.metrics().get("allocator/mesos/allocation_runs"));
    d.addAgent("agent1", 2, 4096); // adding an agent triggers a run
    d.addFramework("framework1", "role"); // adding a framework triggers a run
    assertEquals(2.0, d.metrics().get("allocator/mesos/allocation_runs"));
    d.sim.run(3 * SimTime.SECOND); // periodic runs at 1, 2 and 3 s (nothing changed: skipped, counted)
    assertEquals(5.0, d.metrics().get("allocator/mesos/allocation_runs"));
    d.allocator.pause();
    d.sim.run(5 * SimTime.SECOND);
    assertEquals(5.0, d.metrics().get("allocator/mesos/allocation_runs"), "paused runs are not counted");
    assertEquals(0.0, d.metrics().get("allocator/mesos/event_queue_dispatches"));
  }

  /** Mesos 1.1.0 {@code ActiveOfferFiltersMetrics}; the role's gauge goes with its last framework. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void activeOfferFilters(String policy) {
    Driver d = new Driver(policy);
    AgentId agent = d.addAgent("agent1", 2, 4096);
    long filter = 100 * SimTime.SECOND;
    FrameworkId f1 = d.addFramework("framework1", "roleA");
    d.allocator.recoverResources(f1, agent, d.resources.get(0).get(agent), filter);
    assertEquals(1.0, d.metrics().get("allocator/mesos/offer_filters/roles/roleA/active"));
    FrameworkId f2 = d.addFramework("framework2", "roleB");
    assertEquals(f2, d.offered.get(1));
    d.allocator.recoverResources(f2, agent, d.resources.get(1).get(agent), filter);
    FrameworkId f3 = d.addFramework("framework3", "roleA");
    assertEquals(f3, d.offered.get(2));
    d.allocator.recoverResources(f3, agent, d.resources.get(2).get(agent), filter);
    SortedMap<String, Double> m = d.metrics();
    assertEquals(2.0, m.get("allocator/mesos/offer_filters/roles/roleA/active"));
    assertEquals(1.0, m.get("allocator/mesos/offer_filters/roles/roleB/active"));
    d.sim.run(d.sim.now() + filter); // the filters expire
    assertEquals(0.0, d.metrics().get("allocator/mesos/offer_filters/roles/roleA/active"));
    d.allocator.removeFramework(f2);
    assertFalse(d.metrics().containsKey("allocator/mesos/offer_filters/roles/roleB/active"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("policies")
  void noDominantShareOrQuotaGauges(String policy) {
    Driver d = new Driver(policy);
    d.addAgent("agent1", 2, 4096);
    d.addFramework("framework1", "role1");
    d.allocator.setQuota("role1", Resources.of(1, 1024));
    d.settle();
    for (String name : d.metrics().keySet()) {
      assertFalse(name.contains("/shares/") || name.contains("/quota/"), name);
    }
  }
}
