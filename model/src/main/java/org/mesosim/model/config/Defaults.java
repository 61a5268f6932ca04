package org.mesosim.model.config;

import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;

/**
 * Every default in one place, each from Mesos 1.1 (file cited) or from docs/scenario-format.md where
 * Mesos has none. The effective values are written beside the results in
 * {@code scenario.resolved.yaml}.
 */
public final class Defaults {
  private Defaults() {}

  /** ZooKeeper: 3 servers; {@code --zk_session_timeout} 10 s ({@code src/master/flags.cpp}). */
  public static final ZooKeeperConfig ZOOKEEPER = new ZooKeeperConfig(3, 10 * SimTime.SECOND);

  /**
   * {@code --agent_ping_timeout} 15 s, {@code --max_agent_ping_timeouts} 5,
   * {@code --offer_timeout} none, {@code --agent_reregister_timeout} 10 min
   * ({@code src/master/constants.hpp}); registry write 5 ms and supervisor restart 30 s are ours.
   */
  public static final MasterFlags MASTER = new MasterFlags(
      15 * SimTime.SECOND, 5, SimTime.NEVER, 10 * SimTime.MINUTE, 5 * SimTime.MILLISECOND, 30 * SimTime.SECOND);

  /**
   * {@code --registration_backoff_factor} 1 s, {@code --executor_registration_timeout} 1 min,
   * {@code --executor_shutdown_grace_period} 5 s ({@code src/slave/constants.hpp}).
   */
  public static final AgentFlags AGENT = new AgentFlags(SimTime.SECOND, SimTime.MINUTE, 5 * SimTime.SECOND);

  /** 1 ms constant latency, no loss. */
  public static final NetworkConfig NETWORK = new NetworkConfig(new Distribution.Constant(1000.0), 0.0);

  /** {@code --allocation_interval} 1 s ({@code src/master/constants.hpp}). */
  public static final long ALLOCATION_INTERVAL = SimTime.SECOND;

  /** {@code Filters.refuse_seconds} 5 s ({@code include/mesos/mesos.proto}). */
  public static final long REFUSE = 5 * SimTime.SECOND;

  /** Scheduler: batch, 4 attempts, no per-offer cap, refuse 5 s, suppress when idle, instant decisions. */
  public static final SchedulerConfig SCHEDULER = new SchedulerConfig(
      SchedulerConfig.SchedulerType.BATCH, 4, 0, REFUSE, true, 0L, 0L);

  /** Metrics sample interval: 1 s of simulated time. */
  public static final long SAMPLE_INTERVAL = SimTime.SECOND;
}
