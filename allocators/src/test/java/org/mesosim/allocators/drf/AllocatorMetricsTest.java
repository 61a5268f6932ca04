package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;

/** {@link HierarchicalDrfAllocator#metrics()} where Mesos 1.1.0's metrics have quirks its tests do not show. */
class AllocatorMetricsTest {
  private static final String CPUS_GUARANTEE = "allocator/mesos/quota/roles/q/resources/cpus/guarantee";
  private static final String CPUS_ALLOCATED = "allocator/mesos/quota/roles/q/resources/cpus/offered_or_allocated";

  @Test
  void quotaGuaranteeGauge_staysAfterRemoveQuotaAndKeepsItsFirstValue() {
    AllocatorHarness h = new AllocatorHarness();
    h.allocator.setQuota("q", Resources.of("cpus", 2));
    assertEquals(2.0, h.allocator.metrics().get(CPUS_GUARANTEE));
    assertEquals(0.0, h.allocator.metrics().get(CPUS_ALLOCATED));
    h.allocator.removeQuota("q");
    SortedMap<String, Double> m = h.allocator.metrics();
    assertEquals(2.0, m.get(CPUS_GUARANTEE), "Metrics::removeQuota removes only offered_or_allocated");
    assertFalse(m.containsKey(CPUS_ALLOCATED));
    h.allocator.setQuota("q", Resources.of(3, 64));
    m = h.allocator.metrics();
    assertEquals(2.0, m.get(CPUS_GUARANTEE), "metrics::add of an existing name keeps the old gauge");
    assertEquals(64.0, m.get("allocator/mesos/quota/roles/q/resources/mem/guarantee"));
  }

  @Test
  void allocationRuns_countSkippedRunsAndNotPausedOnes() {
    AllocatorHarness h = new AllocatorHarness();
    h.addAgent("cpus:1;mem:512");
    h.advance(3 * SimTime.SECOND); // one run on addAgent, then periodic runs at 1, 2 and 3 s
    assertEquals(4.0, h.allocator.metrics().get("allocator/mesos/allocation_runs"));
    h.allocator.pause();
    h.advance(2 * SimTime.SECOND);
    assertEquals(4.0, h.allocator.metrics().get("allocator/mesos/allocation_runs"));
  }

  @Test
  void roleGauges_goWithTheRolesLastFramework() {
    AllocatorHarness h = new AllocatorHarness();
    var f = h.addFramework("r");
    assertEquals(0.0, h.allocator.metrics().get("allocator/mesos/offer_filters/roles/r/active"));
    h.allocator.removeFramework(f);
    SortedMap<String, Double> m = h.allocator.metrics();
    assertFalse(m.containsKey("allocator/mesos/offer_filters/roles/r/active"));
    assertFalse(m.containsKey("allocator/mesos/roles/r/shares/dominant"));
  }
}
