package org.mesosim.allocators;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorContext;
import org.mesosim.model.allocation.AllocatorMetrics;
import org.mesosim.model.allocation.AllocatorStats;
import org.mesosim.model.allocation.Offerability;
import org.mesosim.model.allocation.PolicyOption;

/**
 * The Mesos offer mechanics every comparison policy shares, so that a policy only says who is
 * offered an agent first. Modelled on {@code HierarchicalAllocatorProcess}
 * ({@code src/master/allocator/mesos/hierarchical.cpp}, 1.1.0) as described in docs/allocators.md ("The shared mechanics"):
 *
 * <ul>
 *   <li><b>Runs.</b> A periodic run over all agents every allocation interval, the first one
 *       interval after {@link #initialize}. Triggered runs: {@code addFramework},
 *       {@code activateFramework}, {@code reviveOffers}, {@code setQuota}, {@code removeQuota} and
 *       {@code updateWeights} (if an updated role has a framework) over all agents;
 *       {@code addAgent} over that agent. Recovering resources, suppressing, deactivating,
 *       removing and filter expiry trigger nothing. Triggered runs are synchronous (1.1) or, with
 *       option {@code batching: true}, coalesced into one run at the current virtual time (1.2+).
 *       A periodic run is skipped (counted in {@link AllocatorStats#skippedRuns()}) when nothing
 *       changed since the last full run, since it could not offer anything new.
 *   <li><b>One run.</b> The activated agents in scope, shuffled with the context's random
 *       stream ({@code std::random_shuffle} in Mesos) or by agent id (option
 *       {@code agentOrder: id}). Per agent: the active, unsuppressed frameworks (and only
 *       GPU_RESOURCES-capable ones on an agent with GPUs) in the policy's order
 *       ({@link #frameworkOrder}, by default {@link #orderFrameworks}); each in turn is offered
 *       its candidate: the agent's
 *       available unreserved resources plus those reserved for its role, passed through the
 *       policy's {@link #limit}. A candidate that is not allocatable (less than 0.01 cpus and
 *       32 MB, {@link Allocatable}) or is filtered is skipped; otherwise the framework gets all
 *       of it (coarse-grained, as Mesos) and the next framework sees what is left (other roles'
 *       reservations, or what a limit held back).
 *   <li><b>Offers.</b> One {@code OfferCallback} per framework per run, carrying agent →
 *       resources, in the order of each framework's first allocation in the run.
 *   <li><b>Filters.</b> {@code recoverResources} with refuse &gt; 0 installs a filter on
 *       (framework, agent) holding the refused resources; it hides candidates it contains
 *       (subset matching) and expires after max(interval, refuse). Revive and deactivate clear
 *       them. Suppress hides the framework until revive.
 * </ul>
 *
 * <p>Simplifications (all policies): no quota stages (quota calls only trigger runs), no
 * revocable resources, no maintenance/inverse offers, no whitelist, one role per framework.
 */
public abstract class AbstractOfferAllocator implements Allocator {
  /** Options every policy built on this base accepts. */
  public static final List<PolicyOption> COMMON_OPTIONS = List.of(
      new PolicyOption("agentOrder", "enum", "shuffle", List.of("shuffle", "id"),
          "order of agents within a run: shuffled from the allocator's random stream (Mesos) or by agent id"),
      new PolicyOption("batching", "boolean", "false", List.of(),
          "coalesce triggered runs into one run at the current time (Mesos 1.2+) instead of running synchronously (1.1)"));

  /** Orders by {@link FrameworkState#sortKey()}, then {@link FrameworkState#tieKey()}, ascending, then framework id. */
  protected static final Comparator<FrameworkState> BY_KEY_THEN_ID = (a, b) -> {
    int c = Double.compare(a.sortKey(), b.sortKey());
    if (c == 0) {
      c = Double.compare(a.tieKey(), b.tieKey());
    }
    return c != 0 ? c : a.id().compareTo(b.id());
  };

  /** Orders by registration order. */
  protected static final Comparator<FrameworkState> BY_REGISTRATION =
      (a, b) -> Long.compare(a.order(), b.order());

  private final Map<String, Object> options;
  private final boolean shuffleAgents;
  private final boolean batching;

  private AllocatorContext context;
  private Simulation sim;
  private FilterExpiry<OfferFilter> expiry;
  private UniformRandomProvider random;
  private long interval;

  private final TreeMap<AgentId, AgentState> agents = new TreeMap<>();
  private final TreeMap<FrameworkId, FrameworkState> frameworks = new TreeMap<>();
  /** Frameworks in registration order. */
  private final List<FrameworkState> registration = new ArrayList<>();
  private final TreeMap<String, Double> weights = new TreeMap<>();
  private final TreeMap<String, Resources> quotas = new TreeMap<>();
  private Resources clusterTotal = Resources.EMPTY;
  private long agentSeq;
  private long frameworkSeq;

  private boolean paused;
  private boolean dirty = true;
  private long runs;
  private long skippedRuns;
  private long offers;

  private boolean batchQueued;
  private boolean batchAll;
  private final TreeSet<AgentId> batchAgents = new TreeSet<>();

  // Reused per run to avoid per-agent allocation.
  private final List<FrameworkState> eligible = new ArrayList<>();
  private final List<AgentState> candidates = new ArrayList<>();

  /**
   * @param options resolved options (see {@link AllocatorRegistry#resolveOptions}); missing common
   *     options take their defaults
   */
  protected AbstractOfferAllocator(Map<String, Object> options) {
    this.options = options == null ? Map.of() : Map.copyOf(options);
    this.shuffleAgents = !"id".equals(String.valueOf(this.options.getOrDefault("agentOrder", "shuffle")));
    this.batching = Boolean.TRUE.equals(this.options.get("batching"));
  }

  // ------------------------------------------------------------------ policy hooks

  /**
   * Orders {@code eligible} (active, unsuppressed frameworks that may use {@code agent}) in place:
   * the first one is offered the agent first. Called once per agent per run by the default
   * {@link #frameworkOrder}, so shares updated by earlier agents of the same run are seen. Ties must be broken by a documented key. A policy may
   * also remove entries (they are then not offered this agent).
   */
  protected abstract void orderFrameworks(AgentState agent, List<FrameworkState> eligible);

  /**
   * What of {@code candidate} (the agent's available resources this framework may use) is offered
   * to it; {@link ResourceSet#EMPTY} to skip it on this agent. Default: all of it.
   */
  protected ResourceSet limit(FrameworkState framework, AgentState agent, ResourceSet candidate) {
    return candidate;
  }

  /** Called at the start of every run that looks at agents, before any agent. */
  protected void beginRun(List<AgentState> agentsInOrder) {}

  /**
   * The frameworks to offer {@code agent} to, in order; may be lazy (the run stops pulling once
   * the agent is used up) and may include ineligible frameworks, which the run skips. While it is
   * iterated no framework's state changes, except allocations on this agent, which the run reports
   * through {@link #frameworkAllocationChanged} as they happen and {@link #agentDone} at the end.
   * Default: the eligible frameworks ordered by {@link #orderFrameworks}.
   */
  protected Iterator<FrameworkState> frameworkOrder(AgentState agent) {
    eligible.clear();
    boolean gpus = agent.hasGpus();
    for (int i = 0; i < registration.size(); i++) {
      FrameworkState f = registration.get(i);
      if (f.active() && !f.suppressed() && Offerability.agentOffered(gpus, f.info().gpuResources())) {
        eligible.add(f);
      }
    }
    if (!eligible.isEmpty()) {
      orderFrameworks(agent, eligible);
    }
    return eligible.iterator();
  }

  /** Called after the run is done with {@code agent}. */
  protected void agentDone(AgentState agent) {}

  /**
   * A framework's allocation changed ({@code agent} is where, or null if on several agents at
   * once); {@code before} is its total allocation before the change. For incremental orders.
   */
  protected void frameworkAllocationChanged(FrameworkState framework, AgentId agent, Resources before) {}

  /**
   * A framework was added or removed, or its active or suppressed flag changed; check
   * {@link #isEligible}. For incremental orders.
   */
  protected void frameworkEligibilityChanged(FrameworkState framework) {}

  /** The cluster total or the role weights changed, so every share-based key is stale. */
  protected void sharesInvalidated() {}

  /** Registered, active and not suppressed. */
  protected boolean isEligible(FrameworkState f) {
    return frameworks.get(f.id()) == f && f.active() && !f.suppressed();
  }

  // ------------------------------------------------------------------ helpers for policies

  /** Sorts by {@link #BY_KEY_THEN_ID}. */
  protected static void sortByKey(List<FrameworkState> list) {
    list.sort(BY_KEY_THEN_ID);
  }

  /** The options this allocator was created with. */
  protected Map<String, Object> options() {
    return options;
  }

  /** The sum of every added agent's total, reservation metadata stripped (Mesos' role sorter total). */
  protected Resources clusterTotal() {
    return clusterTotal;
  }

  /** The weight of a role (default 1.0). */
  protected double weight(String role) {
    Double w = weights.get(role);
    return w == null ? 1.0 : w;
  }

  /** The allocator's random stream (from the context). */
  protected UniformRandomProvider random() {
    return random;
  }

  /** Registered frameworks in registration order. */
  protected List<FrameworkState> frameworksInRegistrationOrder() {
    return java.util.Collections.unmodifiableList(registration);
  }

  /** Registered frameworks by id. */
  protected SortedMap<FrameworkId, FrameworkState> frameworks() {
    return java.util.Collections.unmodifiableSortedMap(frameworks);
  }

  /** Added agents by id. */
  protected SortedMap<AgentId, AgentState> agents() {
    return java.util.Collections.unmodifiableSortedMap(agents);
  }

  /** Quotas set through {@link #setQuota}; the comparison policies record them but do not enforce them. */
  protected SortedMap<String, Resources> quotas() {
    return java.util.Collections.unmodifiableSortedMap(quotas);
  }

  /** The framework's state, or null. */
  public FrameworkState framework(FrameworkId id) {
    return frameworks.get(id);
  }

  /** The agent's state, or null. */
  public AgentState agent(AgentId id) {
    return agents.get(id);
  }

  // ------------------------------------------------------------------ Allocator

  @Override
  public void initialize(AllocatorContext context) {
    this.context = context;
    this.sim = context.simulation();
    this.expiry = new FilterExpiry<>(sim, false, this::expire);
    this.random = context.random();
    this.interval = context.allocationInterval();
    sim.schedule(interval, this::periodic);
  }

  private void periodic() {
    if (!paused) {
      if (dirty) {
        allocate(null);
      } else {
        skippedRuns++;
      }
    }
    sim.schedule(interval, this::periodic);
  }

  @Override
  public void addFramework(FrameworkId id, FrameworkInfo info, SortedMap<AgentId, ResourceSet> used) {
    if (frameworks.containsKey(id)) {
      throw new IllegalStateException("framework " + id + " is already added");
    }
    FrameworkState f = new FrameworkState(id, info, frameworkSeq++);
    frameworks.put(id, f);
    registration.add(f);
    if (used != null) {
      for (Map.Entry<AgentId, ResourceSet> e : used.entrySet()) {
        if (agents.containsKey(e.getKey()) && !e.getValue().isEmpty()) {
          f.allocate(e.getKey(), e.getValue());
        }
      }
    }
    frameworkEligibilityChanged(f);
    dirty = true;
    trigger(null);
  }

  @Override
  public void removeFramework(FrameworkId id) {
    FrameworkState f = frameworks.remove(id);
    if (f == null) {
      return;
    }
    registration.remove(f);
    clearFilters(f);
    frameworkEligibilityChanged(f);
    sharesInvalidated();
    dirty = true;
  }

  @Override
  public void activateFramework(FrameworkId id) {
    FrameworkState f = require(id);
    f.setActive(true);
    frameworkEligibilityChanged(f);
    dirty = true;
    trigger(null);
  }

  @Override
  public void deactivateFramework(FrameworkId id) {
    FrameworkState f = require(id);
    f.setActive(false);
    f.setSuppressed(false);
    clearFilters(f);
    frameworkEligibilityChanged(f);
    dirty = true;
  }

  @Override
  public void addAgent(AgentId id, AgentInfo info, ResourceSet total, SortedMap<FrameworkId, ResourceSet> used) {
    if (agents.containsKey(id)) {
      throw new IllegalStateException("agent " + id + " is already added");
    }
    AgentState a = new AgentState(id, info, total, agentSeq++);
    agents.put(id, a);
    clusterTotal = clusterTotal.plus(total.quantity());
    if (used != null) {
      for (Map.Entry<FrameworkId, ResourceSet> e : used.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        a.allocate(e.getKey(), e.getValue());
        FrameworkState f = frameworks.get(e.getKey());
        if (f != null) {
          Resources before = f.allocated();
          f.allocate(id, e.getValue());
          frameworkAllocationChanged(f, id, before);
        }
      }
    }
    sharesInvalidated();
    dirty = true;
    trigger(a);
  }

  @Override
  public void removeAgent(AgentId id) {
    AgentState a = agents.remove(id);
    if (a == null) {
      return;
    }
    clusterTotal = clusterTotal.minus(a.total().quantity());
    sharesInvalidated();
    dirty = true;
  }

  @Override
  public void activateAgent(AgentId id) {
    AgentState a = agents.get(id);
    if (a != null) {
      a.setActive(true);
      dirty = true;
    }
  }

  @Override
  public void deactivateAgent(AgentId id) {
    AgentState a = agents.get(id);
    if (a != null) {
      a.setActive(false);
      dirty = true;
    }
  }

  @Override
  public void recoverResources(FrameworkId framework, AgentId agent, ResourceSet resources, long refuseMicros) {
    if (resources.isEmpty()) {
      return;
    }
    AgentState a = agents.get(agent);
    FrameworkState f = frameworks.get(framework);
    if (a != null) {
      a.recover(framework, resources);
    }
    if (f != null) {
      Resources before = f.allocated();
      f.recover(agent, resources);
      frameworkAllocationChanged(f, agent, before);
      ResourceSet offered = f.lastOffered.remove(agent);
      if (offered != null && offered.quantity().contains(resources.quantity())) {
        Resources accepted = offered.quantity().minus(resources.quantity());
        if (!accepted.isEmpty()) {
          f.setLastAccepted(accepted);
        }
      }
    }
    dirty = true;
    if (a != null && f != null && refuseMicros > 0) {
      long timeout = Math.max(interval, refuseMicros);
      OfferFilter filter = new OfferFilter(agent, resources, org.mesosim.engine.SimTime.plus(sim.now(), timeout));
      f.filters.computeIfAbsent(agent, k -> new ArrayList<>()).add(filter);
      filter.owner = f;
      filter.batch = expiry.add(filter, timeout);
    }
  }

  /** A filter's expiry (see {@link FilterExpiry}); one that went earlier is ignored. */
  private void expire(OfferFilter filter) {
    if (!filter.live) {
      return;
    }
    filter.live = false;
    FrameworkState f = filter.owner;
    List<OfferFilter> l = f.filters.get(filter.agent());
    if (l != null && removeIdentical(l, filter)) {
      if (l.isEmpty()) {
        f.filters.remove(filter.agent());
      }
      dirty = true;
    }
  }

  private static boolean removeIdentical(List<OfferFilter> l, OfferFilter x) {
    for (int i = 0; i < l.size(); i++) {
      if (l.get(i) == x) {
        l.remove(i);
        return true;
      }
    }
    return false;
  }

  private void clearFilters(FrameworkState f) {
    for (OfferFilter filter : f.allFilters()) {
      if (filter.live) {
        filter.live = false;
        filter.batch.gone();
      }
    }
    f.filters.clear();
  }

  @Override
  public void suppressOffers(FrameworkId framework) {
    FrameworkState f = require(framework);
    f.setSuppressed(true);
    frameworkEligibilityChanged(f);
    dirty = true;
  }

  @Override
  public void reviveOffers(FrameworkId framework) {
    FrameworkState f = require(framework);
    clearFilters(f);
    f.setSuppressed(false);
    frameworkEligibilityChanged(f);
    dirty = true;
    trigger(null);
  }

  @Override
  public void setQuota(String role, Resources guarantee) {
    quotas.put(role, guarantee);
    dirty = true;
    trigger(null);
  }

  @Override
  public void removeQuota(String role) {
    quotas.remove(role);
    dirty = true;
    trigger(null);
  }

  @Override
  public void updateWeights(SortedMap<String, Double> updated) {
    boolean affects = false;
    for (Map.Entry<String, Double> e : updated.entrySet()) {
      weights.put(e.getKey(), e.getValue());
      for (FrameworkState f : registration) {
        if (f.role().equals(e.getKey())) {
          affects = true;
          break;
        }
      }
    }
    sharesInvalidated();
    dirty = true;
    if (affects) {
      trigger(null);
    }
  }

  @Override
  public void updateDemand(FrameworkId framework, Resources nextTask) {
    FrameworkState f = frameworks.get(framework);
    if (f != null) {
      f.setDeclaredDemand(nextTask == null ? Resources.EMPTY : nextTask);
      dirty = true;
    }
  }

  @Override
  public void pause() {
    paused = true;
  }

  @Override
  public void resume() {
    paused = false;
  }

  @Override
  public AllocatorStats stats() {
    return new AllocatorStats(runs, skippedRuns, offers);
  }

  /**
   * The Mesos metrics these mechanics mean the same thing for as in
   * {@code HierarchicalAllocatorProcess} (1.1.0 {@code src/master/allocator/mesos/metrics.cpp} and
   * the gauge callbacks in {@code hierarchical.cpp}), by name:
   * <ul>
   * <li>{@code allocator/mesos/allocation_runs}: runs, skipped periodic ones included (paused
   *     ones are not counted, as in Mesos);
   * <li>{@code allocator/mesos/event_queue_dispatches}: 0 ({@link Allocator#metrics()});
   * <li>{@code allocator/mesos/resources/<r>/total} for cpus, mem and disk: the added agents'
   *     totals ({@code _resources_total}), and {@code .../offered_or_allocated}: what they have
   *     offered or in use, also for frameworks not added ({@code _resources_offered_or_allocated}
   *     sums {@code Slave::allocated});
   * <li>{@code allocator/mesos/offer_filters/roles/<role>/active}: the live offer filters of the
   *     role's frameworks, for each role with a framework ({@code Metrics::addRole} and
   *     {@code removeRole} follow a role's first and last framework).
   * </ul>
   * Left out, because no policy built on these mechanics has what they measure:
   * {@code roles/<role>/shares/dominant} (the DRF role sorter's share; a comparison policy orders by
   * its own key, per framework) and the {@code quota/roles/...} gauges (quota is recorded here, not
   * enforced). Reads only; O(agents + frameworks).
   */
  @Override
  public SortedMap<String, Double> metrics() {
    TreeMap<String, Double> m = new TreeMap<>();
    m.put(AllocatorMetrics.ALLOCATION_RUNS, (double) (runs + skippedRuns));
    m.put(AllocatorMetrics.EVENT_QUEUE_DISPATCHES, 0.0);
    List<String> names = AllocatorMetrics.RESOURCES;
    long[] allocated = new long[names.size()];
    int[] index = new int[names.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = ResourceNames.index(names.get(i));
    }
    for (AgentState a : agents.values()) {
      Resources q = a.allocated().quantity();
      for (int i = 0; i < allocated.length; i++) {
        allocated[i] += q.milli(index[i]);
      }
    }
    for (int i = 0; i < allocated.length; i++) {
      String r = names.get(i);
      m.put(AllocatorMetrics.resourceTotal(r), clusterTotal.milli(index[i]) / (double) Resources.SCALE);
      m.put(AllocatorMetrics.resourceOfferedOrAllocated(r), allocated[i] / (double) Resources.SCALE);
    }
    TreeMap<String, Integer> filtersByRole = new TreeMap<>();
    for (FrameworkState f : frameworks.values()) {
      filtersByRole.merge(f.role(), f.filterCount(), Integer::sum);
    }
    filtersByRole.forEach((role, n) -> m.put(AllocatorMetrics.offerFiltersActive(role), (double) n));
    return m;
  }

  private FrameworkState require(FrameworkId id) {
    FrameworkState f = frameworks.get(id);
    if (f == null) {
      throw new IllegalStateException("unknown framework " + id);
    }
    return f;
  }

  // ------------------------------------------------------------------ allocation runs

  /** A triggered run over all agents ({@code agent == null}) or one agent. */
  private void trigger(AgentState agent) {
    if (context == null) {
      return; // not initialized yet: the first periodic run will cover it
    }
    if (!batching) {
      allocate(agent == null ? null : List.of(agent));
      return;
    }
    if (agent == null) {
      batchAll = true;
    } else {
      batchAgents.add(agent.id());
    }
    if (!batchQueued) {
      batchQueued = true;
      sim.schedule(0L, this::runBatch);
    }
  }

  private void runBatch() {
    batchQueued = false;
    if (batchAll) {
      batchAll = false;
      batchAgents.clear();
      allocate(null);
      return;
    }
    List<AgentState> scope = new ArrayList<>();
    for (AgentId id : batchAgents) {
      AgentState a = agents.get(id);
      if (a != null) {
        scope.add(a);
      }
    }
    batchAgents.clear();
    allocate(scope);
  }

  /** One allocation run over {@code scope} (null = all agents). */
  private void allocate(Collection<AgentState> scope) {
    if (paused) {
      return;
    }
    runs++;
    if (scope == null) {
      dirty = false;
    }
    candidates.clear();
    for (AgentState a : scope == null ? agents.values() : scope) {
      if (a.active()) {
        candidates.add(a);
      }
    }
    if (shuffleAgents) {
      // Fisher-Yates from the context's stream, as std::random_shuffle in Mesos' allocate().
      for (int i = candidates.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        AgentState t = candidates.get(i);
        candidates.set(i, candidates.get(j));
        candidates.set(j, t);
      }
    }
    beginRun(candidates);
    // Keyed by id (value hash); iteration is insertion order = first-allocation order.
    LinkedHashMap<FrameworkId, TreeMap<AgentId, ResourceSet>> result = new LinkedHashMap<>();
    for (int ai = 0; ai < candidates.size(); ai++) {
      AgentState agent = candidates.get(ai);
      if (!Allocatable.test(agent.available().quantity())) {
        continue;
      }
      boolean gpus = agent.hasGpus();
      Iterator<FrameworkState> order = frameworkOrder(agent);
      while (order.hasNext()) {
        FrameworkState f = order.next();
        if (!f.active() || f.suppressed() || !Offerability.agentOffered(gpus, f.info().gpuResources())) {
          continue;
        }
        ResourceSet candidate = agent.available().offerableTo(f.role());
        if (!Allocatable.test(candidate.quantity())) {
          continue;
        }
        candidate = limit(f, agent, candidate);
        if (candidate.isEmpty() || !Allocatable.test(candidate.quantity())) {
          continue;
        }
        if (f.filtered(agent.id(), candidate)) {
          continue;
        }
        Resources before = f.allocated();
        agent.allocate(f.id(), candidate);
        f.allocate(agent.id(), candidate);
        f.lastOffered.put(agent.id(), candidate);
        result.computeIfAbsent(f.id(), k -> new TreeMap<>()).merge(agent.id(), candidate, ResourceSet::plus);
        frameworkAllocationChanged(f, agent.id(), before);
        if (!Allocatable.test(agent.available().quantity())) {
          break;
        }
      }
      agentDone(agent);
    }
    for (Map.Entry<FrameworkId, TreeMap<AgentId, ResourceSet>> e : result.entrySet()) {
      offers++;
      context.offers().offer(e.getKey(), e.getValue());
    }
  }
}
