package org.mesosim.model.allocation;

import java.util.List;

/**
 * The names of the allocator's metrics, exactly as Mesos 1.1.0 registers them
 * ({@code src/master/allocator/mesos/metrics.cpp}; the dominant share gauges in
 * {@code src/master/allocator/sorter/drf/metrics.cpp}), and the value-free parts of
 * {@link Allocator#metrics()}. Mesos' {@code /metrics/snapshot} is a flat map of such names to
 * numbers; so is {@link Allocator#metrics()} and the run's {@code metrics.json}.
 *
 * <p>Not modelled: {@code allocator/mesos/allocation_run} (with its {@code allocation_run_ms}
 * statistics), a {@code process::metrics::Timer} of the wall-clock time one run takes. In virtual
 * time a run takes no time at all, so the timer has no meaning here. Mesos 1.1 also registers the
 * deprecated alias {@code allocator/event_queue_dispatches}; it is left out.
 */
public final class AllocatorMetrics {
  private AllocatorMetrics() {}

  /** The common prefix. */
  public static final String PREFIX = "allocator/mesos/";

  /** Counter: calls of {@code allocate(slaveIds)} that were not paused. */
  public static final String ALLOCATION_RUNS = PREFIX + "allocation_runs";

  /** Gauge: dispatches waiting in the allocator process' libprocess queue. */
  public static final String EVENT_QUEUE_DISPATCHES = PREFIX + "event_queue_dispatches";

  /**
   * The resources Mesos 1.1 installs {@code resources/<r>/total} and {@code offered_or_allocated}
   * gauges for, in its order ({@code string resources[] = {"cpus", "mem", "disk"}}): no others.
   */
  public static final List<String> RESOURCES = List.of("cpus", "mem", "disk");

  /** {@code allocator/mesos/resources/<r>/total}. */
  public static String resourceTotal(String resource) {
    return PREFIX + "resources/" + resource + "/total";
  }

  /** {@code allocator/mesos/resources/<r>/offered_or_allocated}. */
  public static String resourceOfferedOrAllocated(String resource) {
    return PREFIX + "resources/" + resource + "/offered_or_allocated";
  }

  /** {@code allocator/mesos/quota/roles/<role>/resources/<r>/guarantee}. */
  public static String quotaGuarantee(String role, String resource) {
    return PREFIX + "quota/roles/" + role + "/resources/" + resource + "/guarantee";
  }

  /** {@code allocator/mesos/quota/roles/<role>/resources/<r>/offered_or_allocated}. */
  public static String quotaOfferedOrAllocated(String role, String resource) {
    return PREFIX + "quota/roles/" + role + "/resources/" + resource + "/offered_or_allocated";
  }

  /** {@code allocator/mesos/roles/<role>/shares/dominant}. */
  public static String roleDominantShare(String role) {
    return PREFIX + "roles/" + role + "/shares/dominant";
  }

  /** {@code allocator/mesos/offer_filters/roles/<role>/active}. */
  public static String offerFiltersActive(String role) {
    return PREFIX + "offer_filters/roles/" + role + "/active";
  }
}
