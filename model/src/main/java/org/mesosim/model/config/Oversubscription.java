package org.mesosim.model.config;

import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;

/**
 * Oversubscription (docs/oversubscription.md): which agent groups run a resource estimator and a
 * QoS controller. Empty by default: no agent reports revocable resources, and the run is exactly
 * what it was before the feature existed.
 *
 * @param byGroup the estimator of each agent group that has one, by group name
 */
public record Oversubscription(SortedMap<String, Estimator> byGroup) {
  public static final Oversubscription NONE = new Oversubscription(new TreeMap<>());

  /** Mesos' {@code --oversubscribed_resources_interval} default (src/slave/flags.cpp): 15 s. */
  public static final long DEFAULT_INTERVAL = 15 * SimTime.SECOND;

  public Oversubscription {
    byGroup = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(byGroup == null ? new TreeMap<>() : byGroup));
  }

  public boolean enabled() {
    return !byGroup.isEmpty();
  }

  /** The estimator of {@code group}, or null. */
  public Estimator of(String group) {
    return byGroup.get(group);
  }

  /** Mesos' {@code --resource_estimator} module. */
  public enum EstimatorType {
    /**
     * {@code org_apache_mesos_FixedResourceEstimator} (src/slave/resource_estimators/fixed.cpp):
     * always the configured total as revocable, minus what executors already hold of it.
     */
    FIXED,
    /**
     * The model's own usage-driven estimator (not a Mesos module): the slack of the running
     * non-revocable tasks, {@code allocated × (1 − usage)} of each configured name, where every
     * task is taken to use the fraction {@code usage} of what it was allocated.
     */
    USAGE
  }

  /** Mesos' {@code --qos_controller} module. */
  public enum QosType {
    /** {@code org_apache_mesos_NoopQoSController} (src/slave/qos_controllers/noop.cpp): never corrects. */
    NOOP,
    /**
     * The model's own rule (not a Mesos module): when the revocable resources in use exceed the
     * estimator's latest total, kill revocable tasks, newest first, until they fit (Mesos' KILL
     * correction: TASK_LOST, REASON_CONTAINER_PREEMPTED, src/slave/slave.cpp _qosCorrections).
     */
    REVOKE
  }

  /**
   * One agent group's resource estimator and QoS controller.
   *
   * @param type which estimator
   * @param resources FIXED: the total revocable resources (the module's {@code resources}
   *     parameter); USAGE: which names are oversubscribed (the amounts are ignored, only names > 0)
   * @param usage USAGE: the fraction of its allocation a task uses, in [0, 1]
   * @param interval {@code --oversubscribed_resources_interval}: how often the agent asks the
   *     estimator and forwards a changed total to the master (microseconds, > 0)
   * @param qos the QoS controller, consulted at the same interval, just before the estimate
   */
  public record Estimator(EstimatorType type, Resources resources, double usage, long interval, QosType qos) {
    public Estimator {
      if (type == null || resources == null || qos == null) {
        throw new IllegalArgumentException("estimator type, resources and qos must be set");
      }
      if (!(usage >= 0 && usage <= 1)) {
        throw new IllegalArgumentException("usage must be in [0, 1]");
      }
      if (interval <= 0) {
        throw new IllegalArgumentException("interval must be > 0");
      }
    }
  }
}
