package org.mesosim.model.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/** {@link Allocator#metrics()} of an allocator that does not override it, and the metric names. */
class AllocatorDefaultMetricsTest {
  /** An allocator that implements only the contract's abstract calls, and counts 3 runs and 2 skipped ones. */
  private static final class Minimal implements Allocator {
    @Override public void initialize(AllocatorContext context) {}
    @Override public void addFramework(FrameworkId id, FrameworkInfo info, SortedMap<AgentId, ResourceSet> used) {}
    @Override public void removeFramework(FrameworkId id) {}
    @Override public void activateFramework(FrameworkId id) {}
    @Override public void deactivateFramework(FrameworkId id) {}
    @Override public void addAgent(AgentId id, AgentInfo info, ResourceSet total,
        SortedMap<FrameworkId, ResourceSet> used) {}
    @Override public void removeAgent(AgentId id) {}
    @Override public void activateAgent(AgentId id) {}
    @Override public void deactivateAgent(AgentId id) {}
    @Override public void recoverResources(FrameworkId framework, AgentId agent, ResourceSet resources,
        long refuseMicros) {}
    @Override public void suppressOffers(FrameworkId framework) {}
    @Override public void reviveOffers(FrameworkId framework) {}
    @Override public void setQuota(String role, Resources guarantee) {}
    @Override public void removeQuota(String role) {}
    @Override public void updateWeights(SortedMap<String, Double> weights) {}

    @Override
    public AllocatorStats stats() {
      return new AllocatorStats(3, 2, 7);
    }
  }

  @Test
  void theDefault_reportsRunsFromStatsAndNoDispatches() {
    TreeMap<String, Double> expected = new TreeMap<>();
    expected.put("allocator/mesos/allocation_runs", 5.0);
    expected.put("allocator/mesos/event_queue_dispatches", 0.0);
    assertEquals(expected, new Minimal().metrics());
  }

  @Test
  void names_areMesos11s() {
    assertEquals("allocator/mesos/resources/cpus/total", AllocatorMetrics.resourceTotal("cpus"));
    assertEquals("allocator/mesos/resources/mem/offered_or_allocated",
        AllocatorMetrics.resourceOfferedOrAllocated("mem"));
    assertEquals("allocator/mesos/quota/roles/r/resources/cpus/guarantee", AllocatorMetrics.quotaGuarantee("r", "cpus"));
    assertEquals("allocator/mesos/quota/roles/r/resources/disk/offered_or_allocated",
        AllocatorMetrics.quotaOfferedOrAllocated("r", "disk"));
    assertEquals("allocator/mesos/roles/eng/web/shares/dominant", AllocatorMetrics.roleDominantShare("eng/web"));
    assertEquals("allocator/mesos/offer_filters/roles/r/active", AllocatorMetrics.offerFiltersActive("r"));
  }
}
