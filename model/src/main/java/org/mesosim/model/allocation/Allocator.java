package org.mesosim.model.allocation;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * The allocator the master calls, mirroring Mesos' {@code include/mesos/allocator/allocator.hpp}
 * (1.1): the master reports frameworks, agents and returned resources; the allocator decides who
 * is offered what and calls {@link OfferCallback} (the master's {@code Master::offer}).
 *
 * <p>The allocator lives on the same virtual clock as the master: it schedules its own periodic
 * runs through {@link AllocatorContext#simulation()} and runs triggered allocations as Mesos does
 * (synchronously in 1.1, batched in 1.2+), so every call below happens at the current virtual
 * time. Implementations must be deterministic: no hash-order iteration, randomness only from
 * {@link AllocatorContext#random()}.
 *
 * <p>"Allocated" means offered or in use; the allocator does not tell them apart.
 */
public interface Allocator {

  /** Called once, before anything else. Schedules the first periodic run one interval later. */
  void initialize(AllocatorContext context);

  /**
   * After master failover: how many agents the registry expects, and the quotas it holds. Mesos
   * pauses allocation until 80% have re-registered or 10 minutes pass, only if quota exists
   * ({@code HierarchicalAllocatorProcess::recover}). The allocator sets the given quotas itself;
   * the master does not call {@link #setQuota} for them again.
   */
  default void recover(int expectedAgents, SortedMap<String, Resources> quotas) {
    // As HierarchicalAllocatorProcess::recover: the recovered quotas are set here, not by the
    // master afterwards. Policies without a recovery hold-off only need the quotas.
    for (var q : quotas.entrySet()) {
      setQuota(q.getKey(), q.getValue());
    }
  }

  /** A framework registered; {@code used} is what it already holds per agent (after failover). */
  void addFramework(FrameworkId id, FrameworkInfo info, SortedMap<AgentId, ResourceSet> used);

  /** Forget a framework and everything it holds. */
  void removeFramework(FrameworkId id);

  /** Resume offering to a framework (re-registered). Triggers an allocation. */
  void activateFramework(FrameworkId id);

  /** Stop offering to a framework; clears its filters and suppression, keeps its allocation. */
  void deactivateFramework(FrameworkId id);

  /** An agent registered or re-registered; {@code used} is what frameworks already hold on it. */
  void addAgent(AgentId id, AgentInfo info, ResourceSet total, SortedMap<FrameworkId, ResourceSet> used);

  /**
   * The agent's total oversubscribed (revocable) resources changed: Mesos'
   * {@code updateSlave(slaveId, oversubscribed)} (1.1.0 {@code hierarchical.cpp}). The agent's total
   * becomes its non-revocable total plus {@code oversubscribed}; revocable resources already
   * offered or in use stay allocated (if they now exceed the total, nothing revocable is available
   * until enough come back). Triggers a run over the agent. Only resources reported through this
   * call are revocable; frameworks without the REVOCABLE_RESOURCES capability are never offered
   * them (docs/oversubscription.md).
   *
   * <p>Policies that do not model oversubscription keep this default, which refuses the call (the
   * scenario loader rejects a resource estimator with such a policy before a run starts).
   */
  default void updateAgent(AgentId id, Resources oversubscribed) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not model oversubscription");
  }

  /** Whether {@link #updateAgent} is modelled (revocable resources can be offered). */
  default boolean supportsOversubscription() {
    return false;
  }

  /**
   * {@link #addAgent(AgentId, AgentInfo, ResourceSet, SortedMap)} with the agent's machine's
   * unavailability ({@code null}: none), Mesos' {@code addSlave(..., unavailability, ...)}: the
   * master passes it when the agent's machine is in a maintenance schedule. Allocators without
   * maintenance (this default) ignore it.
   */
  default void addAgent(AgentId id, AgentInfo info, ResourceSet total, SortedMap<FrameworkId, ResourceSet> used,
      Unavailability unavailability) {
    addAgent(id, info, total, used);
  }

  /**
   * Maintenance: the agent's machine is now scheduled to be unavailable ({@code null}: no longer),
   * Mesos' {@code updateUnavailability} (1.1.0 src/master/allocator/mesos/hierarchical.cpp). An
   * allocator that models maintenance clears every framework's inverse-offer filters for the
   * agent, replaces its unavailability (and with it the inverse offers outstanding and the
   * answers), and runs over the agent, which sends inverse offers through
   * {@link AllocatorContext#inverseOffers()}. The default ignores it: such an allocator sends no
   * inverse offers.
   */
  default void updateUnavailability(AgentId agent, Unavailability unavailability) {}

  /**
   * Maintenance: an inverse offer was answered, or ended unanswered; Mesos'
   * {@code updateInverseOffer}. {@code status} is the answer ({@code null}: none, the inverse offer
   * was rescinded or timed out); with {@code refuseMicros >= 0} (a Filters message; 0 installs
   * nothing) the framework is sent no inverse offer for this agent for that long; negative means
   * no Filters message. Either way the inverse offer is no longer outstanding, so the next run may
   * send a new one. Default: ignored.
   */
  default void updateInverseOffer(AgentId agent, FrameworkId framework, InverseOfferStatus status,
      long refuseMicros) {}

  /** Forget an agent's total; the master recovers each framework's allocation on it separately (MESOS-621). */
  void removeAgent(AgentId id);

  /** The agent reconnected. */
  void activateAgent(AgentId id);

  /** The agent disconnected: do not offer its resources. */
  void deactivateAgent(AgentId id);

  /**
   * Resources come back from a framework (decline, unused part of an accept, task end, rescind).
   *
   * @param refuseMicros with a Filters message, its {@code refuse_seconds} in microseconds (the
   *     caller resolves Mesos' default of 5 s); {@code 0} or negative means no filter
   */
  void recoverResources(FrameworkId framework, AgentId agent, ResourceSet resources, long refuseMicros);

  /**
   * The resources of several declined offers of one framework, recovered in this order with one
   * filter each: the same as calling {@link #recoverResources(FrameworkId, AgentId, ResourceSet,
   * long)} once per offer (which this default does), which Mesos' master does for a {@code
   * DECLINE} call listing several offers. An allocator may override it to update its sorters
   * once for the sum instead of once per offer, provided the outcome is identical.
   *
   * <p>The lists are only valid during the call (the master reuses them). If an offer turns out
   * not to be held by the framework the call throws, as the single-offer form does, and the
   * allocator's state is then undefined: that is a bookkeeping bug, not an input error.
   *
   * @param agents the offers' agents, in order
   * @param resources the offers' resources, same order and length as {@code agents}
   */
  default void recoverResources(FrameworkId framework, List<AgentId> agents, List<ResourceSet> resources,
      long refuseMicros) {
    for (int i = 0; i < agents.size(); i++) {
      recoverResources(framework, agents.get(i), resources.get(i), refuseMicros);
    }
  }

  /**
   * {@link #recoverResources(FrameworkId, List, List, long)} with each offer's agent token from the
   * {@link OfferBatch} it came in ({@code -1} where unknown), so the allocator can find its agents
   * without an id lookup. The tokens are hints only; the outcome is the same as without them
   * (which this default gives).
   */
  default void recoverResources(FrameworkId framework, List<AgentId> agents, List<ResourceSet> resources,
      int[] agentTokens, long refuseMicros) {
    recoverResources(framework, agents, resources, refuseMicros);
  }

  /**
   * Offer operations the master applied to resources offered to {@code framework} on {@code agent}
   * and accepted (Mesos' {@code updateAllocation}, 1.1.0 hierarchical.cpp; docs/operations.md): the
   * framework's allocation and the agent's total change with them. Only {@code hierarchical-drf}
   * models offer operations; the scenario loader refuses operations with other policies, and this
   * default says so if it is reached anyway.
   */
  default void updateAllocation(FrameworkId framework, AgentId agent, ResourceSet offered,
      List<org.mesosim.model.Operation> operations) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not model offer operations");
  }

  /** Stop sending offers to this framework until it revives. */
  void suppressOffers(FrameworkId framework);

  /** Clear the framework's filters, unsuppress it, and allocate over all agents. */
  void reviveOffers(FrameworkId framework);

  /** Set a role's quota guarantee; triggers an allocation. */
  void setQuota(String role, Resources guarantee);

  void removeQuota(String role);

  /** Update role weights; triggers an allocation if an updated role has a framework. */
  void updateWeights(SortedMap<String, Double> weights);

  /**
   * Optional hint: the resources of the framework's next task (its pending demand), for policies
   * that pack by demand (e.g. {@code tetris}). Mesos has no such call (its closest relative is the
   * unused {@code requestResources}); allocators that do not use demand ignore it.
   * {@link Resources#EMPTY} clears the hint.
   */
  default void updateDemand(FrameworkId framework, Resources nextTask) {}

  /** Skip runs until {@link #resume()}. */
  default void pause() {}

  default void resume() {}

  /** Runs and allocations so far, for reports and benchmarks. */
  default AllocatorStats stats() {
    return AllocatorStats.NONE;
  }

  /**
   * The allocator's metrics as Mesos' {@code /metrics/snapshot} shows them: metric name (exactly as
   * Mesos 1.1 names it, {@link AllocatorMetrics}) to value, by name. A gauge Mesos has not
   * registered at this point (a role without a framework, a role without quota) is absent, not 0.
   * Runs sample this between events and at the end ({@code timeseries.csv}, {@code metrics.json}),
   * so reading it must not change the allocator: no state, no scheduling, no random draws.
   *
   * <p>This default says what any allocator can: {@code allocator/mesos/allocation_runs} from
   * {@link #stats()} (runs, skipped ones included: Mesos counts every run that is not paused) and
   * {@code allocator/mesos/event_queue_dispatches}, which is 0 for every allocator here. In Mesos
   * it counts the calls waiting in the allocator process' queue; in the model a call runs at the
   * virtual instant it is made, and whatever an allocator dispatches to itself runs at that instant
   * too, so at the points where metrics are read (between instants and after the run) nothing waits.
   * Policies override this with what is meaningful for them (docs/allocators.md lists it).
   */
  default SortedMap<String, Double> metrics() {
    TreeMap<String, Double> m = new TreeMap<>();
    AllocatorStats s = stats();
    m.put(AllocatorMetrics.ALLOCATION_RUNS, (double) (s.runs() + s.skippedRuns()));
    m.put(AllocatorMetrics.EVENT_QUEUE_DISPATCHES, 0.0);
    return m;
  }
}
