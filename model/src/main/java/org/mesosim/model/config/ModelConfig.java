package org.mesosim.model.config;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;

/**
 * Everything the Mesos model needs to build a cluster, in model terms (microseconds, typed
 * resources). The CLI maps a scenario file onto this; tests build it directly. Every default is
 * Mesos' own and is set in {@link Defaults}.
 *
 * @param name the scenario's name
 * @param seed the run's seed
 * @param until stop time in microseconds, or {@link SimTime#NEVER} for "drained"
 * @param zookeeper the ensemble
 * @param masters number of masters (one leads)
 * @param master master flags
 * @param agent agent flags
 * @param network links between processes
 * @param agents agent groups, in scenario order
 * @param roles weights and quotas, by role name
 * @param allocator the allocator and its interval
 * @param frameworks frameworks in scenario order (counts already expanded)
 * @param faults fault injections, in scenario order
 * @param checkInvariants run the invariant checker after every event
 * @param maintenance the operator's maintenance schedule and machine actions ({@link MaintenanceConfig#NONE}: none)
 * @param oversubscription agent groups' resource estimators and QoS controllers (none by default)
 */
public record ModelConfig(
    String name,
    long seed,
    long until,
    ZooKeeperConfig zookeeper,
    int masters,
    MasterFlags master,
    AgentFlags agent,
    NetworkConfig network,
    List<AgentGroup> agents,
    SortedMap<String, RoleConfig> roles,
    AllocatorConfig allocator,
    List<FrameworkConfig> frameworks,
    List<FaultSpec> faults,
    boolean checkInvariants,
    MaintenanceConfig maintenance,
    Oversubscription oversubscription) {

  /** Without maintenance and oversubscription. */
  public ModelConfig(String name, long seed, long until, ZooKeeperConfig zookeeper, int masters, MasterFlags master,
      AgentFlags agent, NetworkConfig network, List<AgentGroup> agents, SortedMap<String, RoleConfig> roles,
      AllocatorConfig allocator, List<FrameworkConfig> frameworks, List<FaultSpec> faults, boolean checkInvariants) {
    this(name, seed, until, zookeeper, masters, master, agent, network, agents, roles, allocator, frameworks, faults,
        checkInvariants, MaintenanceConfig.NONE, Oversubscription.NONE);
  }

  /** With maintenance, without oversubscription. */
  public ModelConfig(String name, long seed, long until, ZooKeeperConfig zookeeper, int masters, MasterFlags master,
      AgentFlags agent, NetworkConfig network, List<AgentGroup> agents, SortedMap<String, RoleConfig> roles,
      AllocatorConfig allocator, List<FrameworkConfig> frameworks, List<FaultSpec> faults, boolean checkInvariants,
      MaintenanceConfig maintenance) {
    this(name, seed, until, zookeeper, masters, master, agent, network, agents, roles, allocator, frameworks, faults,
        checkInvariants, maintenance, Oversubscription.NONE);
  }

  /** With oversubscription, without maintenance. */
  public ModelConfig(String name, long seed, long until, ZooKeeperConfig zookeeper, int masters, MasterFlags master,
      AgentFlags agent, NetworkConfig network, List<AgentGroup> agents, SortedMap<String, RoleConfig> roles,
      AllocatorConfig allocator, List<FrameworkConfig> frameworks, List<FaultSpec> faults, boolean checkInvariants,
      Oversubscription oversubscription) {
    this(name, seed, until, zookeeper, masters, master, agent, network, agents, roles, allocator, frameworks, faults,
        checkInvariants, MaintenanceConfig.NONE, oversubscription);
  }

  public ModelConfig {
    oversubscription = oversubscription == null ? Oversubscription.NONE : oversubscription;
    if (masters < 1) {
      throw new IllegalArgumentException("masters: must be >= 1");
    }
    agents = List.copyOf(agents);
    roles = new TreeMap<>(roles == null ? new TreeMap<>() : roles);
    frameworks = List.copyOf(frameworks);
    faults = faults == null ? List.of() : List.copyOf(faults);
    maintenance = maintenance == null ? MaintenanceConfig.NONE : maintenance;
  }

  public boolean drained() {
    return until == SimTime.NEVER;
  }
}
