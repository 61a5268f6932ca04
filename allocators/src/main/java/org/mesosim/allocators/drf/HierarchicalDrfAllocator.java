package org.mesosim.allocators.drf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.allocators.FilterExpiry;
import org.mesosim.allocators.sorter.DrfSorter;
import org.mesosim.allocators.sorter.Quantities;
import org.mesosim.allocators.sorter.RandomSorter;
import org.mesosim.allocators.sorter.RunRandom;
import org.mesosim.allocators.sorter.Sorter;
import org.mesosim.allocators.sorter.TreeSorter;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Operation;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.Volume;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorContext;
import org.mesosim.model.allocation.AllocatorMetrics;
import org.mesosim.model.allocation.AllocatorStats;
import org.mesosim.model.allocation.InverseOfferCallback;
import org.mesosim.model.allocation.InverseOfferStatus;
import org.mesosim.model.allocation.Offerability;
import org.mesosim.model.allocation.OfferCallback;
import org.mesosim.model.allocation.Unavailability;

/**
 * Mesos' {@code HierarchicalAllocatorProcess} with DRF sorters
 * ({@code src/master/allocator/mesos/hierarchical.{hpp,cpp}} at 1.1.0; sorters in
 * {@code src/master/allocator/sorter/drf/sorter.cpp}; {@code MIN_CPUS}/{@code MIN_MEM} in
 * {@code src/master/constants.hpp}), as documented in docs/allocators.md ("hierarchical-drf").
 *
 * <p><b>State.</b> A role sorter (one client per role with a registered framework, weighted, its
 * total the sum of every agent's total), a quota-role sorter (one client per role with quota,
 * total the non-revocable part of every agent), and one framework sorter per role whose total is
 * the role's current allocation. Per agent the allocator keeps what is still available, per
 * reservation, as {@code long[]} thousandths, so the allocation loop does not allocate per agent.
 *
 * <p><b>A run</b> ({@code allocate(slaveIds)}): candidate agents (activated) in registration order,
 * shuffled; stage 1 gives each agent's unreserved-plus-own-reservation pool to the first
 * unfiltered framework (framework sorter order) of the first unsatisfied quota role (quota sorter
 * order); the headroom for stage 2 is kept per reservation role, as Mesos' scalar quantities keep
 * their role: the unreserved pool is the unreserved total minus what roles hold of it minus every
 * quota role's unmet guarantee, each reservation role's pool its reserved total minus what is held
 * of it; stage 2 gives each agent's pool (reservations, plus unreserved resources for roles without
 * quota) to the first unfiltered framework of the first role in role sorter order whose pool is
 * allocatable and whose parts fit their headroom pools. Each pool goes whole to one
 * framework. A pool is allocatable iff it contains one of the {@code minAllocatableResources}
 * alternatives (default {@code cpus:0.01|mem:32}, Mesos' {@code MIN_CPUS OR MIN_MEM}). Agents with
 * GPUs go only to GPU_RESOURCES frameworks (MESOS-5634). Then exactly one offer callback per
 * framework, in the order the frameworks first received something in this run.
 *
 * <p><b>Triggers.</b> A periodic run every {@code allocation_interval} (the next one is scheduled
 * when a run starts, before its offers are delivered, so anything the offers cause at the next
 * instant is queued after it, as in libprocess); immediate runs over all agents on
 * addFramework, activateFramework, reviveOffers, setQuota, removeQuota and updateWeights (if an
 * updated role has a framework), over one agent on addAgent. With {@code mesosVersion >= 1.2}
 * triggers are batched: one run is queued at the current instant, after what is already queued
 * there, over the union of the triggers' agents (and the periodic run goes through the same queue).
 *
 * <p><b>Filters</b> ({@code RefusedOfferFilter}): installed by recoverResources with a positive
 * refusal, matching a later pool iff the pool is contained in the refused resources, expiring
 * after max(interval, refusal) through a simulation event (so at equal instants it fires in
 * scheduling order relative to the periodic run, MESOS-4302; with 1.7 expiry takes one more hop
 * and so lands after a run queued at that instant; refusals are clamped to 365 days), cleared by
 * revive and deactivate. Expiry does not trigger a run.
 *
 * <p><b>Skipped runs.</b> A run whose outcome is certainly empty is skipped in O(1): nothing that
 * can enable an allocation (resources recovered, agent or framework added or activated, revive,
 * filter expiry or removal, quota or weight change, framework removal) happened since the last
 * complete run over all agents. Availability only shrinks, filters only match smaller pools and
 * headroom only shrinks between such events, so the skipped run would have offered nothing.
 * Every run, skipped or not, draws exactly one {@code long} from the context's random stream and
 * seeds the run's own generator ({@link RunRandom}) with it for the agent shuffle and the random
 * sorters; so skipping is invisible to every later run. A paused allocator draws nothing, as
 * Mesos returns before shuffling.
 */
public final class HierarchicalDrfAllocator implements Allocator {
  private static final long HOLD_OFF_RECOVERY_TIMEOUT = 10 * SimTime.MINUTE;
  private static final double AGENT_RECOVERY_FACTOR = 0.8;
  private static final long MAX_REFUSE = 365 * SimTime.DAY;

  private final HierarchicalDrfOptions opts;
  private final int version;
  private final List<long[]> minAllocatable;
  // minAllocatable as sparse (index, amount) pairs per alternative: the per-agent check of every
  // run touches only the names an alternative asks for (see allocatable()).
  private final int[][] minIdx;
  private final long[][] minAmt;

  private Simulation sim;
  private long interval;
  private UniformRandomProvider stream;
  private OfferCallback callback;
  private InverseOfferCallback inverseCallback = InverseOfferCallback.NONE;
  // Maintenance (hierarchical.cpp's updateUnavailability, updateInverseOffer, deallocate): agents
  // with an unavailability (while 0, runs skip deallocate: no agent could get an inverse offer),
  // each framework's inverse-offer filters by agent, and the agents a run covers (for deallocate).
  private int maintained;
  private final TreeMap<FrameworkId, TreeMap<AgentId, ArrayList<InverseOfferFilter>>> inverseOfferFilters =
      new TreeMap<>();
  private final ArrayList<Agent> runAgents = new ArrayList<>();
  private final RunRandom runRandom = new RunRandom(0);

  // Agents, in registration order (slot), and by id.
  private final TreeMap<AgentId, Agent> agents = new TreeMap<>();
  // Hash indexes for lookups on the hot path (never iterated; the TreeMaps give every order).
  private final java.util.LinkedHashMap<AgentId, Agent> agentById = new java.util.LinkedHashMap<>();
  private final java.util.LinkedHashMap<FrameworkId, FrameworkClient> fwById = new java.util.LinkedHashMap<>();
  private final TreeMap<AgentId, Integer> agentKeys = new TreeMap<>();
  /** The added agent of each key (null while removed): offers' tokens are keys. */
  private Agent[] agentByKey = new Agent[16];
  private boolean ranksDirty = true;
  private long[] sortKeys = new long[16];
  private Agent[] slots = new Agent[16];
  private int slotCount;
  private int[] candidates = new int[16];
  // allocatable(slots[s].availAll), by slot: the per-agent screen of every run reads this small
  // array instead of each agent's own vector (10k agents = 10k cache misses a run otherwise).
  private boolean[] slotAllocatable = new boolean[16];
  private long[] batchQ = new long[0];
  // The filtered-agent screen (1.1 stage 2 without quotas, DRF sorters): screenedAt[agent key] ==
  // eligibilityEpoch means the agent's last visit found every framework of every role ineligible
  // (suppressed, inactive or filtered) for its candidates, and nothing that could change that has
  // happened since: the agent's pool did not change (refreshAllocatable), none of its filters went
  // away (removeFilter), and no framework became eligible anywhere (eligibilityEpoch is bumped by
  // adding, activating or reviving a framework, clearing filters, quota and weight changes). Such a
  // visit gives nothing and consumes no randomness, so skipping it changes nothing; it saves the
  // sort, candidate and filter checks that dominate periodic runs over large, mostly filtered
  // clusters (the starvation pattern: every free agent declined with a refuse filter).
  private long[] screenedAt = new long[16];
  private long eligibilityEpoch = 1;
  private boolean screenFilteredAgents = true;
  private final boolean screenable; // DRF sorters only: a random sorter draws on every sort
  private long screenedVisits;
  // Runs in which no framework was active, so no agent was visited (anyFrameworkActive).
  private boolean skipIdleRuns = true;
  private long idleRuns;

  private final TreeMap<FrameworkId, FrameworkClient> frameworks = new TreeMap<>();
  // Per agent key, a bit per framework index: "this framework has a live filter on this agent",
  // so the allocation loop rejects unfiltered frameworks with one bit test on a hot cache line.
  private long[][] filterBits = new long[16][];
  private int[] freeFwIndex = new int[16];
  /**
   * By agent key, then framework index: the head of that framework's filter chain on that agent
   * (null: none). Per agent, not per framework, because a run visits an agent and tests the
   * filters of every framework there: they sit in one array, one cache line per eight frameworks,
   * instead of one scattered table per framework.
   */
  private OfferFilter[][] filterHeads = new OfferFilter[16][];
  private int freeFwCount;
  private int fwIndexCount;
  private final TreeMap<String, Role> roles = new TreeMap<>();
  private final ArrayList<Role> roleByHandle = new ArrayList<>();
  private final Sorter roleSorter;
  private final Sorter quotaRoleSorter;
  private final TreeMap<String, long[]> quotas = new TreeMap<>();
  /** Bumped whenever {@link #quotas} or the quota role sorter's members change (Role's cache key). */
  private int quotaEpoch;
  // The stage-2 headroom of 1.1-1.4 by reservation role (see allocateMesos11): every added agent's
  // reserved total, and what the frameworks known to the allocator hold of it, by reservation role
  // (the unreserved part is the rest of roleSorter's total and allocation).
  private final TreeMap<String, long[]> clusterReserved = new TreeMap<>();
  private final TreeMap<String, long[]> allocatedReserved = new TreeMap<>();
  // Oversubscription (docs/oversubscription.md): every added agent's revocable total (updateAgent)
  // and what frameworks known to the allocator hold of revocable resources. Zero unless an agent
  // reported oversubscribed resources; then stage 2 takes the revocable path (stage2Revocable).
  private long[] clusterRevocable;
  private long[] allocatedRevocable;
  private int agentsWithRevocable;
  private long[] candRev;
  private boolean candRevOn;
  private long[] remRev;
  private long[] stage2Rev;
  private int[] fwOrder = new int[16];
  private final TreeMap<String, Double> weights = new TreeMap<>();
  // Mesos 1.1's quota guarantee gauges, by full metric name: Metrics::setQuota adds them and
  // Metrics::removeQuota leaves them (it removes only the offered_or_allocated gauges); adding a
  // gauge whose name exists fails and keeps the old one, so the first value set stays.
  private final TreeMap<String, Double> guaranteeGauges = new TreeMap<>();

  private boolean paused;
  private java.util.TreeSet<String> whitelist; // null: every agent (Mesos' None)
  private boolean skipUnchangedRuns = true;
  private int expectedAgents = -1;
  private boolean changed = true;
  private boolean inRun;
  private boolean emitting;
  private int batchGen = 1;
  private long runs;
  private long skippedRuns;
  private long offerCallbacks;
  private int runStamp;

  // Batching (1.2+).
  private boolean batchQueued;
  private boolean batchAll;
  private boolean periodicWaiting;
  private final ArrayList<Agent> batchAgents = new ArrayList<>();

  // Scratch for the cycle.
  private int width;
  private long[] candUnres;
  private long[] candQ;
  private long[] remaining;
  private long[] stage2;
  private final TreeMap<String, long[]> remainingReserved = new TreeMap<>();
  private final TreeMap<String, long[]> stage2Reserved = new TreeMap<>();
  private long[] scratch;
  private long[] requiredHeadroom;
  private long[] availableHeadroom;
  // Scratch for recoverResources (also called from inside offer callbacks, never from a run).
  private long[] recQ;
  /** Expired filters (and released holding vectors) kept for reuse: at most about one storm second's worth. */
  private static final int MAX_FILTER_POOL = 1 << 17;
  private OfferFilter[] filterPool = new OfferFilter[1024];
  private int filterPoolSize;
  private long[][] vecPool = new long[256][];
  private int vecPoolSize;
  private long[] recU;
  private final ArrayList<String> candRoles = new ArrayList<>(4);
  private final ArrayList<long[]> candRes = new ArrayList<>(4);
  private boolean candWithUnreserved;
  private int[] roleOrder = new int[16];
  private Agent curAgent;
  private Role curRole;
  private final IntPredicate eligible = this::eligible;
  private final ArrayList<FrameworkClient> offered = new ArrayList<>();

  /** A 1.1 allocator with default options. */
  public HierarchicalDrfAllocator() {
    this(HierarchicalDrfOptions.defaults());
  }

  public HierarchicalDrfAllocator(HierarchicalDrfOptions options) {
    this.opts = options;
    this.version = options.mesosVersion();
    this.minAllocatable = options.minAllocatable();
    this.minIdx = new int[minAllocatable.size()][];
    this.minAmt = new long[minAllocatable.size()][];
    for (int k = 0; k < minAllocatable.size(); k++) {
      long[] alt = minAllocatable.get(k);
      int nz = 0;
      for (long x : alt) {
        nz += x != 0 ? 1 : 0;
      }
      minIdx[k] = new int[nz];
      minAmt[k] = new long[nz];
      for (int i = 0, j = 0; i < alt.length; i++) {
        if (alt[i] != 0) {
          minIdx[k][j] = i;
          minAmt[k][j++] = alt[i];
        }
      }
    }
    this.roleSorter = newRoleSorter();
    this.screenable = !opts.roleSorter().equals("random") && !opts.frameworkSorter().equals("random");
    this.quotaRoleSorter = newRoleSorter();
    this.roleSorter.useRandom(runRandom);
    this.quotaRoleSorter.useRandom(runRandom);
    ensureWidth(ResourceNames.count());
  }

  private Sorter newRoleSorter() {
    if (opts.roleSorter().equals("random")) {
      return new RandomSorter(opts.fairnessExcludeResourceNames());
    }
    if (version >= 13) {
      return new TreeSorter(TreeSorter.Order.DRF, opts.fairnessExcludeResourceNames());
    }
    return new DrfSorter(true, opts.fairnessExcludeResourceNames());
  }

  private Sorter newFrameworkSorter() {
    Sorter s = opts.frameworkSorter().equals("random")
        ? new RandomSorter(opts.fairnessExcludeResourceNames())
        : new DrfSorter(version < 13, opts.fairnessExcludeResourceNames());
    s.useRandom(runRandom);
    return s;
  }

  // ====================================================================== state

  private static final class Agent {
    final AgentId id;
    final int key;
    final int slot;
    ResourceSet total;
    final long[] totalQ;
    final long[] totalUnres;
    final TreeMap<String, long[]> totalRes = new TreeMap<>();
    final long[] availUnres;
    final TreeMap<String, long[]> availRes = new TreeMap<>();
    final long[] availAll;
    boolean hasGpus;
    /**
     * What is allocated beyond the total, per pool, after {@link HierarchicalDrfAllocator#updateAgentTotal}
     * shrank it below the allocation (null while nothing is): recovered resources pay it off
     * before they become available again. Mesos keeps {@code allocated} and computes
     * {@code available = total - allocated}, dropping negative entries; the model keeps what is
     * available, so it needs the excess to know when recovered resources are available again.
     */
    long[] debtUnres;
    TreeMap<String, long[]> debtRes;
    /** The agent's attributes (SlaveInfo), for 1.5's updateSlave with a new SlaveInfo. */
    SortedMap<String, String> attributes;
    /**
     * Oversubscription (null until {@link HierarchicalDrfAllocator#updateAgent}): the revocable total
     * Mesos keeps in {@code slaves[id].total.revocable()}, the revocable part of
     * {@code slaves[id].allocated}, and {@code max(0, total - allocated)} per name (Mesos'
     * {@code Resources} subtraction drops an entry that would go negative). {@link #availAll}
     * includes {@link #availRev}.
     */
    long[] totalRev;
    long[] allocRev;
    long[] availRev;
    /**
     * Persistent volumes (docs/operations.md; null while the agent has none): every volume of the
     * agent's total by persistence id. A non-shared volume's disk is inside its role's vectors
     * ({@link #totalRes}/{@link #availRes}, the unreserved ones for role "*"), so quantities and
     * headroom see it as the role's disk; {@link #availVolumes} says which of them are not
     * allocated. A shared volume's disk is in {@link #totalQ} and {@link #totalRes} once (Mesos'
     * DRFSorter::add counts a shared resource once per agent) and never in the available vectors:
     * it is offered beside them, once per run ({@link #sharedOffered}).
     */
    TreeMap<String, Volume> volumes;
    java.util.TreeSet<String> availVolumes;
    /** By shared volume id, the run stamp of the run that last offered it (Mesos' offeredSharedResources). */
    TreeMap<String, Integer> sharedOffered;
    /** A candidate of runs: {@link #active} and whitelisted (Mesos' filter at the top of allocate). */
    boolean activated = true;
    /** activateAgent / deactivateAgent. */
    boolean active = true;
    final String hostname;
    /** Its machine's unavailability and the inverse offers about it (null: none). */
    Maintenance maintenance;
    /** Position of {@link #id} among all agents' ids (valid while {@code ranksDirty} is false). */
    int rank;
    int batchStamp;
    /**
     * The unreserved-only offer last made of this agent: an offer storm offers the same free vector
     * of an agent run after run, and the immutable set is shared instead of built again.
     */
    ResourceSet lastUnreservedOffer;

    Agent(AgentId id, String hostname, int key, int slot, ResourceSet total, int width) {
      this.id = id;
      this.hostname = hostname;
      this.key = key;
      this.slot = slot;
      this.total = total;
      this.totalQ = Quantities.of(total.quantity(), width);
      this.totalUnres = Quantities.of(total.unreserved(), width);
      this.availUnres = totalUnres.clone();
      for (Map.Entry<String, Resources> e : total.reservations().entrySet()) {
        long[] v = Quantities.of(e.getValue(), width);
        totalRes.put(e.getKey(), v);
        availRes.put(e.getKey(), v.clone());
      }
      this.availAll = totalQ.clone();
      this.hasGpus = Offerability.hasGpus(total.quantity());
      this.attributes = new TreeMap<>();
    }
  }

  /** The allocator's state of one framework: a client of its role's sorter (Mesos' {@code Framework} in hierarchical.hpp). */
  private static final class FrameworkClient {
    final FrameworkId id;
    final Role role;
    final boolean gpuAware;
    /** REVOCABLE_RESOURCES ({@code frameworks[id].revocable} in 1.1.0 hierarchical.cpp). */
    boolean revocable;
    /** The revocable part of {@link #allocQ}, in total and by agent key (null while none). */
    long[] allocRevQ;
    IntMap<long[]> revByAgent;
    /** SHARED_RESOURCES capability: may be offered shared persistent volumes (Mesos' Framework::shared). */
    boolean shared;
    /** Copies of shared volumes it holds, by agent key and volume id (null while none). */
    TreeMap<String, SharedCopies> sharedHeld;
    final int handle;
    boolean suppressed;
    long[] allocQ;
    // The part of allocQ reserved, by reservation role (null while none).
    TreeMap<String, long[]> allocReserved;
    final IntMap<long[]> allocByAgent = new IntMap<>();
    // Its filters are chained by agent in filterHeads[agent key][index] (OfferFilter.next).
    int filterCount;
    int index;
    int runStamp = -1;
    // This run's offer, in the order given: agents and their pools (merged and sorted by agent id
    // at emit time, so no per-entry tree insertion or id comparison on the hot path).
    Agent[] offerAgents = new Agent[4];
    ResourceSet[] offerSets = new ResourceSet[4];
    int offerCount;

    FrameworkClient(FrameworkId id, Role role, boolean gpuAware, int handle, int width) {
      this.id = id;
      this.role = role;
      this.gpuAware = gpuAware;
      this.handle = handle;
      this.allocQ = new long[width];
    }
  }

  private static final class Role {
    final String name;
    final Sorter sorter;
    final ArrayList<FrameworkClient> byHandle = new ArrayList<>();
    int handle;
    int frameworks;
    /** Copies of shared volumes its frameworks hold, by agent key and volume id (null while none). */
    TreeMap<String, SharedCopies> sharedHeld;
    // Cached quota facts of this role, valid while quotaEpoch equals the allocator's (see quotaOf):
    // the hot loops ask them per agent and role, and a name lookup there costs more than the test.
    int quotaEpoch = -1;
    int quotaHandle = -1;
    boolean hasQuota;

    Role(String name, Sorter sorter) {
      this.name = name;
      this.sorter = sorter;
    }
  }

  /**
   * Mesos' {@code Slave::Maintenance} (1.1.0 src/master/allocator/mesos/hierarchical.hpp): the
   * unavailability of the agent's machine, the frameworks' latest answers to its inverse offers,
   * and the frameworks with an inverse offer outstanding for it (the "unit of accounting" that
   * stops a run from sending a second one before the first is answered or rescinded).
   */
  private static final class Maintenance {
    final Unavailability unavailability;
    final TreeMap<FrameworkId, InverseOfferStatus> statuses = new TreeMap<>();
    final java.util.TreeSet<FrameworkId> offersOutstanding = new java.util.TreeSet<>();

    Maintenance(Unavailability unavailability) {
      this.unavailability = unavailability;
    }
  }

  /**
   * Mesos' {@code RefusedInverseOfferFilter}: filters while its timeout has time remaining
   * ({@code timeout.remaining() > 0}), removed by its expiry timer.
   */
  private static final class InverseOfferFilter {
    final long expiresAt;

    InverseOfferFilter(long expiresAt) {
      this.expiresAt = expiresAt;
    }
  }

  /** A filter; its expiry is the timer of its {@link FilterExpiry.Batch}. */
  private static final class OfferFilter {
    FrameworkClient fw;
    int agentKey;
    ResourceSet refused;
    /**
     * {@code refused}'s unreserved thousandths, copied beside the filter: the run tests every
     * filtered framework's filter on every agent it visits, and this saves two dependent loads
     * (set, resources, array) per test; allocated with the filter, it sits next to it in memory.
     */
    long[] unres;
    FilterExpiry.Batch<OfferFilter> batch;
    boolean live = true;
    /** The next filter of the same framework on the same agent (the chain in {@code filterHeads}). */
    OfferFilter next;

    OfferFilter(FrameworkClient fw, int agentKey, ResourceSet refused) {
      set(fw, agentKey, refused);
    }

    /** (Re)initialises this filter; a recycled one keeps its vector when the width matches. */
    void set(FrameworkClient fw, int agentKey, ResourceSet refused) {
      this.fw = fw;
      this.agentKey = agentKey;
      this.refused = refused;
      this.live = true;
      Resources ru = refused.unreserved();
      int w = ru.width();
      if (unres == null || unres.length != w) {
        unres = new long[w];
      }
      for (int x = 0; x < w; x++) {
        unres[x] = ru.milli(x);
      }
    }
  }


  // Filter expiry timers, one per DECLINE's filters (FilterExpiry); made in initialize.
  private FilterExpiry<OfferFilter> expiry;

  /** The quota role sorter's handle of {@code r} (-1 if it has no quota), cached per quota change. */
  private int quotaHandle(Role r) {
    if (r.quotaEpoch != quotaEpoch) {
      r.quotaHandle = quotaRoleSorter.handle(r.name);
      r.hasQuota = quotas.containsKey(r.name);
      r.quotaEpoch = quotaEpoch;
    }
    return r.quotaHandle;
  }

  /** {@code quotas.containsKey(r.name)}, cached per quota change. */
  private boolean hasQuota(Role r) {
    quotaHandle(r);
    return r.hasQuota;
  }

  private void ensureWidth(int w) {
    if (w <= width) {
      return;
    }
    width = w;
    candUnres = new long[w];
    candQ = new long[w];
    remaining = new long[w];
    stage2 = new long[w];
    scratch = new long[w];
    requiredHeadroom = new long[w];
    availableHeadroom = new long[w];
    recQ = new long[w];
    recU = new long[w];
    if (clusterRevocable != null) {
      clusterRevocable = Quantities.widen(clusterRevocable, w);
      allocatedRevocable = Quantities.widen(allocatedRevocable, w);
      candRev = new long[w];
      remRev = new long[w];
      stage2Rev = new long[w];
    }
  }

  /** {@code out = r} (thousandths); {@code out} is a scratch of the current width. */
  private static long[] load(long[] out, Resources r) {
    int rw = r.width();
    for (int i = 0; i < out.length; i++) {
      out[i] = i < rw ? r.milli(i) : 0L;
    }
    return out;
  }

  private long[] vec(Resources r) {
    ensureWidth(r.width());
    return Quantities.of(r, width);
  }

  // ====================================================================== Allocator API

  @Override
  public void initialize(AllocatorContext context) {
    this.sim = context.simulation();
    this.expiry = new FilterExpiry<>(sim, version >= 17, this::expire);
    this.interval = context.allocationInterval();
    this.stream = context.random();
    this.callback = context.offers();
    this.inverseCallback = context.inverseOffers();
    sim.schedule(interval, this::periodic);
  }

  @Override
  public void recover(int expectedAgentCount, SortedMap<String, Resources> recoveredQuotas) {
    if (recoveredQuotas.isEmpty()) {
      return;
    }
    for (Map.Entry<String, Resources> e : recoveredQuotas.entrySet()) {
      setQuota(e.getKey(), e.getValue());
    }
    expectedAgents = (int) (expectedAgentCount * AGENT_RECOVERY_FACTOR);
    if (expectedAgents == 0) {
      expectedAgents = -1;
      return;
    }
    pause();
    sim.schedule(HOLD_OFF_RECOVERY_TIMEOUT, this::resume);
  }

  @Override
  public void addFramework(FrameworkId id, FrameworkInfo info, SortedMap<AgentId, ResourceSet> used) {
    if (frameworks.containsKey(id)) {
      throw new IllegalArgumentException("framework " + id + " is already added");
    }
    Role r = roles.get(info.role());
    if (r == null) {
      r = new Role(info.role(), newFrameworkSorter());
      r.handle = roleSorter.add(r.name);
      Double w = weights.get(r.name);
      if (w != null) {
        roleSorter.updateWeight(r.name, w);
      }
      while (roleByHandle.size() <= r.handle) {
        roleByHandle.add(null);
      }
      roleByHandle.set(r.handle, r);
      roles.put(r.name, r);
    }
    r.frameworks++;
    FrameworkClient fw = new FrameworkClient(id, r, info.gpuResources(), r.sorter.add(id.value()), width);
    fw.revocable = info.revocableResources();
    // Mesos 1.1.0 hierarchical.cpp addFramework: frameworks[id].shared = the SHARED_RESOURCES capability.
    fw.shared = info.sharedResources();
    fw.index = freeFwCount > 0 ? freeFwIndex[--freeFwCount] : fwIndexCount++;
    while (r.byHandle.size() <= fw.handle) {
      r.byHandle.add(null);
    }
    r.byHandle.set(fw.handle, fw);
    frameworks.put(id, fw);
    fwById.put(id, fw);
    // Only resources on agents already added count (Mesos 1.1.0 hierarchical.cpp, addFramework:
    // `if (slaves.contains(slaveId))`): those on agents added later are counted by addAgent's
    // `used`, so counting them here too counted them twice (Mesos commit 48f11f1bc, test NoDoubleAccounting).
    for (Map.Entry<AgentId, ResourceSet> e : used.entrySet()) {
      Agent a = agentById.get(e.getKey());
      if (a != null && !e.getValue().isEmpty()) {
        ResourceSet plain = fold(e.getValue());
        accountWithShared(fw, a.key, vec(plain.quantity()), e.getValue(), revOf(e.getValue()));
        accountReserved(fw, plain, true);
      }
    }
    eligibilityChanged();
    changed = true;
    trigger(null);
  }

  @Override
  public void removeFramework(FrameworkId id) {
    FrameworkClient fw = requireFw(id);
    Role r = fw.role;
    releaseAllShared(fw);
    if (fw.allocReserved != null) {
      for (Map.Entry<String, long[]> e : fw.allocReserved.entrySet()) {
        addReserved(allocatedReserved, e.getKey(), e.getValue(), false);
      }
      fw.allocReserved = null;
    }
    if (!Quantities.isZero(fw.allocQ)) {
      roleSorter.unallocated(r.handle, fw.allocQ);
      r.sorter.removeTotal(fw.allocQ);
      int qh = quotaHandle(r);
      if (qh >= 0) {
        quotaRoleSorter.unallocated(qh, nonRevocable(fw.allocQ, fw.allocRevQ));
      }
    }
    if (fw.allocRevQ != null) {
      Quantities.subtractFlooredInto(allocatedRevocable, fw.allocRevQ);
    }
    r.sorter.remove(id.value());
    r.byHandle.set(fw.handle, null);
    clearFilters(fw);
    inverseOfferFilters.remove(id);
    frameworks.remove(id);
    fwById.remove(id);
    if (freeFwCount == freeFwIndex.length) {
      freeFwIndex = java.util.Arrays.copyOf(freeFwIndex, freeFwCount * 2);
    }
    freeFwIndex[freeFwCount++] = fw.index;
    if (--r.frameworks == 0) {
      roleSorter.remove(r.name);
      roleByHandle.set(r.handle, null);
      roles.remove(r.name);
    }
    changed = true;
  }

  @Override
  public void activateFramework(FrameworkId id) {
    FrameworkClient fw = requireFw(id);
    fw.role.sorter.activate(id.value());
    eligibilityChanged();
    changed = true;
    trigger(null);
  }

  @Override
  public void deactivateFramework(FrameworkId id) {
    FrameworkClient fw = requireFw(id);
    fw.role.sorter.deactivate(id.value());
    clearFilters(fw);
    // deactivateFramework clears the inverse-offer filters too (1.1.0 hierarchical.cpp).
    inverseOfferFilters.remove(id);
    fw.suppressed = false;
  }

  @Override
  public void addAgent(AgentId id, AgentInfo info, ResourceSet total, SortedMap<FrameworkId, ResourceSet> used) {
    addAgent(id, info, total, used, null);
  }

  /**
   * {@code addSlave} with the machine's unavailability: set before the run the call triggers, as
   * Mesos sets {@code slaves[slaveId].maintenance} before {@code allocate(slaveId)} (1.1.0
   * hierarchical.cpp).
   */
  @Override
  public void addAgent(AgentId id, AgentInfo info, ResourceSet total, SortedMap<FrameworkId, ResourceSet> used,
      Unavailability unavailability) {
    if (agents.containsKey(id)) {
      throw new IllegalArgumentException("agent " + id + " is already added");
    }
    ensureWidth(total.quantity().width());
    int key = agentKey(id);
    if (slotCount == slots.length) {
      slots = java.util.Arrays.copyOf(slots, slotCount * 2);
      slotAllocatable = java.util.Arrays.copyOf(slotAllocatable, slots.length);
      candidates = new int[slots.length];
    }
    Agent a = new Agent(id, info.hostname(), key, slotCount, fold(total), width);
    a.attributes = new TreeMap<>(info.attributes());
    if (total.hasVolumes()) {
      installVolumes(a, total);
    }
    a.activated = whitelisted(a);
    if (unavailability != null) {
      a.maintenance = new Maintenance(unavailability);
      maintained++;
    }
    slots[slotCount++] = a;
    refreshAllocatable(a);
    agents.put(id, a);
    agentById.put(id, a);
    if (key >= agentByKey.length) {
      agentByKey = java.util.Arrays.copyOf(agentByKey, Math.max(key + 1, agentByKey.length * 2));
    }
    agentByKey[key] = a;
    ranksDirty = true;
    roleSorter.addTotal(a.totalQ);
    quotaRoleSorter.addTotal(a.totalQ);
    for (Map.Entry<String, long[]> e : a.totalRes.entrySet()) {
      addReserved(clusterReserved, e.getKey(), e.getValue(), true);
    }
    for (Map.Entry<FrameworkId, ResourceSet> e : used.entrySet()) {
      ResourceSet rs = e.getValue();
      if (rs.isEmpty()) {
        continue;
      }
      ResourceSet plain = fold(rs);
      takeFromAgent(a, plain);
      takeVolumes(a, rs);
      FrameworkClient fw = frameworks.get(e.getKey());
      if (fw != null) {
        accountWithShared(fw, key, vec(plain.quantity()), rs, revOf(rs));
        accountReserved(fw, plain, true);
      }
    }
    if (paused && expectedAgents >= 0 && agents.size() >= expectedAgents) {
      expectedAgents = -1;
      resume();
    }
    changed = true;
    trigger(a);
  }

  @Override
  public void removeAgent(AgentId id) {
    Agent a = agents.remove(id);
    agentById.remove(id);
    if (a == null) {
      throw new IllegalArgumentException("unknown agent " + id);
    }
    agentByKey[a.key] = null;
    if (a.maintenance != null) {
      a.maintenance = null;
      maintained--;
    }
    ranksDirty = true;
    roleSorter.removeTotal(a.totalQ);
    quotaRoleSorter.removeTotal(a.totalQ);
    if (a.totalRev != null) {
      roleSorter.removeTotal(a.totalRev);
      Quantities.subtractFlooredInto(clusterRevocable, a.totalRev);
      if (!Quantities.isZero(a.totalRev)) {
        agentsWithRevocable--;
      }
    }
    for (Map.Entry<String, long[]> e : a.totalRes.entrySet()) {
      addReserved(clusterReserved, e.getKey(), e.getValue(), false);
    }
    slots[a.slot] = null;
    slotAllocatable[a.slot] = false;
    changed = true;
  }

  /**
   * Mesos' {@code updateSlave(slaveId, oversubscribed)} (1.1.0 hierarchical.cpp): the agent's
   * total becomes {@code total.nonRevocable() + oversubscribed}; the role sorter's total loses the
   * old revocable resources and gains the new ones ({@code roleSorter->remove(slaveId,
   * oldRevocable); roleSorter->add(slaveId, oversubscribed)}), the quota role sorter is untouched
   * (it holds non-revocable resources only); what is allocated stays allocated, so the available
   * revocable resources are {@code total - allocated}, an entry going negative dropped. Then
   * {@code allocate(slaveId)}: a run over this agent (batched from 1.2). Tests {@code UpdateSlave},
   * {@code OversubscribedNotAllocated}, {@code RecoverOversubscribedResources} (1.1.0) and their
   * later forms in Mesos12..15HierarchicalAllocatorTests.
   */
  @Override
  public void updateAgent(AgentId id, Resources oversubscribed) {
    Agent a = requireAgent(id);
    if (oversubscribed.width() > a.totalQ.length) {
      throw new IllegalArgumentException("agent " + id + " cannot oversubscribe " + oversubscribed
          + ": a name it was registered without");
    }
    if (clusterRevocable == null) {
      clusterRevocable = new long[width];
      allocatedRevocable = new long[width];
      candRev = new long[width];
      remRev = new long[width];
      stage2Rev = new long[width];
    }
    if (a.totalRev == null) {
      a.totalRev = new long[a.totalQ.length];
      a.allocRev = new long[a.totalQ.length];
      a.availRev = new long[a.totalQ.length];
    }
    long[] next = Quantities.widen(Quantities.of(oversubscribed, oversubscribed.width()), a.totalQ.length);
    if (version >= 14 && java.util.Arrays.equals(next, a.totalRev)) {
      // 1.4.0 updateSlave(slaveId, total): updateSlaveTotal returns false for an unchanged total,
      // and then there is no allocate(slaveId). 1.1-1.3 run on every update.
      return;
    }
    boolean had = !Quantities.isZero(a.totalRev);
    roleSorter.removeTotal(a.totalRev);
    roleSorter.addTotal(next);
    Quantities.subtractFlooredInto(clusterRevocable, a.totalRev);
    Quantities.addInto(clusterRevocable, next);
    System.arraycopy(next, 0, a.totalRev, 0, next.length);
    boolean has = !Quantities.isZero(a.totalRev);
    agentsWithRevocable += (has ? 1 : 0) - (had ? 1 : 0);
    refreshRevocable(a);
    refreshAllocatable(a);
    eligibilityChanged();
    changed = true;
    trigger(a);
  }

  /**
   * Mesos 1.4's {@code updateSlave(slaveId, total)} (1.4.0 hierarchical.cpp, {@code updateSlaveTotal}):
   * the agent's whole total, non-revocable and revocable, is replaced; the role sorter and the quota
   * role sorter (its non-revocable part) follow. What is allocated stays allocated: if the new total
   * is smaller, nothing of the shrunk pools is available until enough comes back (Mesos computes
   * {@code total - allocated}; the model keeps the excess as a debt recovered resources pay first).
   * A run over the agent only if the total changed. The model's master never calls this (its
   * agents' totals do not change; oversubscription uses {@link #updateAgent(AgentId, Resources)}):
   * it is the allocator side, for the ported 1.4 test {@code UpdateSlaveTotalResources}.
   *
   * @throws IllegalArgumentException if the agent is unknown or {@code total} has a name the agent
   *     was registered without
   */
  public void updateAgentTotal(AgentId id, ResourceSet total) {
    Agent a = requireAgent(id);
    if (setAgentTotal(a, total)) {
      trigger(a);
    }
  }

  /** Replaces the agent's total (see {@link #updateAgentTotal}); true iff it changed. */
  private boolean setAgentTotal(Agent a, ResourceSet total) {
    if (total.hasVolumes() || a.volumes != null) {
      // Allocator-side only (the 1.4/1.5 ports); the model's master never replaces a total, and a
      // total with persistent volumes would need the volumes' bookkeeping replaced too.
      throw new IllegalArgumentException("agent " + a.id + ": replacing a total with persistent volumes is not modelled");
    }
    boolean changedRev = false;
    if (total.hasRevocable() || a.totalRev != null) {
      long[] next = Quantities.widen(vec(total.revocable()), a.totalQ.length);
      if (a.totalRev == null || !java.util.Arrays.equals(Quantities.widen(a.totalRev, next.length), next)) {
        changedRev = true;
      }
    }
    ResourceSet nonRev = total.nonRevocable();
    if (nonRev.equals(a.total) && !changedRev) {
      return false;
    }
    if (nonRev.quantity().width() > a.totalQ.length || total.revocable().width() > a.totalQ.length) {
      throw new IllegalArgumentException("agent " + a.id + " cannot hold " + total + ": a name it was registered without");
    }
    if (changedRev) {
      if (clusterRevocable == null) {
        clusterRevocable = new long[width];
        allocatedRevocable = new long[width];
        candRev = new long[width];
        remRev = new long[width];
        stage2Rev = new long[width];
      }
      ensureRevocable(a);
      long[] next = Quantities.widen(vec(total.revocable()), a.totalQ.length);
      boolean had = !Quantities.isZero(a.totalRev);
      roleSorter.removeTotal(a.totalRev);
      roleSorter.addTotal(next);
      Quantities.subtractFlooredInto(clusterRevocable, a.totalRev);
      Quantities.addInto(clusterRevocable, next);
      System.arraycopy(next, 0, a.totalRev, 0, next.length);
      agentsWithRevocable += (Quantities.isZero(a.totalRev) ? 0 : 1) - (had ? 1 : 0);
      refreshRevocable(a);
    }
    if (!nonRev.equals(a.total)) {
      roleSorter.removeTotal(a.totalQ);
      quotaRoleSorter.removeTotal(a.totalQ);
      for (Map.Entry<String, long[]> e : a.totalRes.entrySet()) {
        addReserved(clusterReserved, e.getKey(), e.getValue(), false);
      }
      int n = a.totalQ.length;
      // Unreserved pool: allocated = total - available + debt, then available = max(0, new - allocated).
      long[] newU = Quantities.widen(vec(nonRev.unreserved()), n);
      a.debtUnres = repool(a.totalUnres, a.availUnres, a.debtUnres, newU);
      java.util.TreeSet<String> roles = new java.util.TreeSet<>(a.totalRes.keySet());
      roles.addAll(nonRev.reservations().keySet());
      for (String role : roles) {
        long[] t = a.totalRes.get(role);
        if (t == null) {
          t = new long[n];
          a.totalRes.put(role, t);
          a.availRes.put(role, new long[n]);
        }
        long[] debt = a.debtRes == null ? null : a.debtRes.get(role);
        long[] after = repool(t, a.availRes.get(role), debt, Quantities.widen(vec(nonRev.reserved(role)), n));
        if (after != null) {
          if (a.debtRes == null) {
            a.debtRes = new TreeMap<>();
          }
          a.debtRes.put(role, after);
        } else if (a.debtRes != null) {
          a.debtRes.remove(role);
        }
        if (Quantities.isZero(t) && after == null) {
          a.totalRes.remove(role);
          a.availRes.remove(role);
        }
      }
      if (a.debtRes != null && a.debtRes.isEmpty()) {
        a.debtRes = null;
      }
      long[] q = Quantities.widen(vec(nonRev.quantity()), n);
      System.arraycopy(q, 0, a.totalQ, 0, n);
      // availAll = every available pool plus the available revocable resources
      Quantities.clear(a.availAll);
      Quantities.addInto(a.availAll, a.availUnres);
      for (long[] v : a.availRes.values()) {
        Quantities.addInto(a.availAll, v);
      }
      if (a.availRev != null) {
        Quantities.addInto(a.availAll, a.availRev);
      }
      a.total = nonRev;
      a.hasGpus = Offerability.hasGpus(nonRev.quantity());
      roleSorter.addTotal(a.totalQ);
      quotaRoleSorter.addTotal(a.totalQ);
      for (Map.Entry<String, long[]> e : a.totalRes.entrySet()) {
        addReserved(clusterReserved, e.getKey(), e.getValue(), true);
      }
    }
    refreshAllocatable(a);
    eligibilityChanged();
    changed = true;
    return true;
  }

  /**
   * One pool of a total update: {@code allocated = total - avail + debt}; the pool's total becomes
   * {@code next}, what is available {@code max(0, next - allocated)}; returns the new debt
   * ({@code max(0, allocated - next)}), or null if none. {@code total} and {@code avail} are updated in place.
   */
  private static long[] repool(long[] total, long[] avail, long[] debt, long[] next) {
    boolean anyDebt = false;
    long[] out = new long[total.length];
    for (int x = 0; x < total.length; x++) {
      long allocated = total[x] - avail[x] + (debt == null ? 0 : Quantities.get(debt, x));
      long nx = Quantities.get(next, x);
      total[x] = nx;
      avail[x] = Math.max(0, nx - allocated);
      out[x] = Math.max(0, allocated - nx);
      anyDebt |= out[x] > 0;
    }
    return anyDebt ? out : null;
  }

  /**
   * Mesos 1.5's {@code updateSlave(slaveId, info, total, capabilities)} with a new {@code SlaveInfo}
   * (1.5.0 hierarchical.cpp): if the attributes changed, every framework's offer filters on the
   * agent are removed ({@code removeFilters(slaveId)}: "schedulers might have decided that they're
   * not interested in offers from this slave based on the non-presence of some required
   * attributes"), and a changed info triggers a run over the agent. Before 1.5 {@code updateSlave}
   * took no info and this changes nothing. {@code total} (null: unchanged) as {@link #updateAgentTotal}.
   * Allocator side only: the model's agents never change their attributes (test {@code RemoveFilters}).
   */
  public void updateAgent(AgentId id, AgentInfo info, ResourceSet total) {
    Agent a = requireAgent(id);
    boolean updated = false;
    if (version >= 15 && info != null) {
      if (!a.attributes.equals(info.attributes())) {
        updated = true;
        removeFilters(a);
        a.attributes = new TreeMap<>(info.attributes());
      }
      if (!a.hostname.equals(info.hostname())) {
        updated = true; // Mesos overwrites the hostname in its SlaveInfo; nothing here reads it again
      }
    }
    if (total != null) {
      updated = setAgentTotal(a, total) || updated;
    }
    if (updated) {
      changed = true;
      trigger(a);
    }
  }

  /** Mesos' {@code removeFilters(slaveId)}: every framework's filters on {@code a}, gone. */
  private void removeFilters(Agent a) {
    if (a.key >= filterHeads.length || filterHeads[a.key] == null) {
      return;
    }
    OfferFilter[] heads = filterHeads[a.key];
    for (int idx = 0; idx < heads.length; idx++) {
      for (OfferFilter f = heads[idx]; f != null; ) {
        OfferFilter next = f.next;
        f.next = null;
        f.live = false;
        FilterExpiry.Batch<OfferFilter> b = f.batch;
        f.batch = null;
        if (b != null) {
          b.gone();
        }
        f.fw.filterCount--;
        f = next;
      }
      if (heads[idx] != null) {
        heads[idx] = null;
        setFilterBit(a.key, idx, false);
      }
    }
    unscreen(a.key);
    eligibilityChanged();
    changed = true;
  }

  @Override
  public boolean supportsOversubscription() {
    return true;
  }

  /** The agent's revocable total (thousandths, a copy), empty if it never reported any. */
  public Resources revocableTotal(AgentId id) {
    Agent a = requireAgent(id);
    return a.totalRev == null ? Resources.EMPTY : Resources.ofMilli(a.totalRev);
  }

  /** {@code availRev = max(0, totalRev - allocRev)}, with {@code availAll} moved by the change. */
  private void refreshRevocable(Agent a) {
    if (a.totalRev == null) {
      return;
    }
    for (int x = 0; x < a.totalRev.length; x++) {
      long v = Math.max(0, a.totalRev[x] - a.allocRev[x]);
      a.availAll[x] += v - a.availRev[x];
      a.availRev[x] = v;
    }
  }

  /** The revocable part of {@code rs} as a vector, or null if it has none. */
  private long[] revOf(ResourceSet rs) {
    return rs.hasRevocable() ? vec(rs.revocable()) : null;
  }

  /** {@code q - rev} (a new array), or {@code q} itself without {@code rev}: what the quota role sorter sees. */
  private static long[] nonRevocable(long[] q, long[] rev) {
    if (rev == null || Quantities.isZero(rev)) {
      return q;
    }
    long[] out = q.clone();
    Quantities.subtractFlooredInto(out, rev);
    return out;
  }

  @Override
  public void activateAgent(AgentId id) {
    Agent a = requireAgent(id);
    a.active = true;
    a.activated = whitelisted(a);
    changed = true;
  }

  @Override
  public void deactivateAgent(AgentId id) {
    Agent a = requireAgent(id);
    a.active = false;
    a.activated = false;
  }

  /**
   * Mesos' {@code updateAvailable(slaveId, {RESERVE})} (1.1.0 hierarchical.cpp): {@code resources}
   * of the agent's available unreserved resources become reserved for {@code role}, in what is
   * available and in the agent's total ({@code available.apply(operations)}, then
   * {@code total.apply}); if the available resources do not contain them it fails (Mesos returns a
   * Failure) and nothing changes. Quantities are unchanged, so the sorters' totals are too. It
   * triggers no run. This is the allocator side only: the model's master has no RESERVE operation,
   * and a dynamic reservation here is indistinguishable from a static one (no principal).
   *
   * @throws IllegalArgumentException if the agent is unknown, {@code role} is {@code "*"}, or the
   *     available unreserved resources do not contain {@code resources}
   */
  public void reserve(AgentId agent, String role, Resources resources) {
    Agent a = requireAgent(agent);
    if (ResourceSet.UNRESERVED.equals(role)) {
      throw new IllegalArgumentException("cannot reserve for role '*'");
    }
    long[] v = vec(resources);
    if (!Quantities.contains(a.availUnres, v)) {
      throw new IllegalArgumentException("agent " + agent + " does not have " + resources + " unreserved available");
    }
    Quantities.subtractInto(a.availUnres, v);
    Quantities.subtractInto(a.totalUnres, v);
    addPool(a.totalRes, role, v);
    addPool(a.availRes, role, v);
    addReserved(clusterReserved, role, v, true);
    refreshAllocatable(a);
    eligibilityChanged();
    changed = true;
  }

  /**
   * Mesos' {@code updateAvailable(slaveId, {UNRESERVE})}: the reverse of {@link #reserve}; fails if
   * the agent's available resources reserved for {@code role} do not contain {@code resources}.
   */
  public void unreserve(AgentId agent, String role, Resources resources) {
    Agent a = requireAgent(agent);
    long[] v = vec(resources);
    long[] av = a.availRes.get(role);
    if (av == null || !Quantities.contains(av, v)) {
      throw new IllegalArgumentException("agent " + agent + " does not have " + resources + " reserved for '" + role
          + "' available");
    }
    Quantities.subtractInto(av, v);
    long[] t = a.totalRes.get(role);
    Quantities.subtractInto(t, v);
    if (Quantities.isZero(t)) {
      a.totalRes.remove(role);
      a.availRes.remove(role);
    }
    addPool(a.availUnres, v);
    addPool(a.totalUnres, v);
    addReserved(clusterReserved, role, v, false);
    refreshAllocatable(a);
    eligibilityChanged();
    changed = true;
  }

  private void addPool(TreeMap<String, long[]> pools, String role, long[] v) {
    long[] cur = pools.get(role);
    if (cur == null) {
      pools.put(role, Quantities.widen(v.clone(), width));
    } else {
      addPool(cur, v);
    }
  }

  private static void addPool(long[] pool, long[] v) {
    for (int i = 0; i < v.length; i++) {
      if (v[i] != 0 && i >= pool.length) {
        throw new IllegalArgumentException("agent cannot hold a resource it was registered without");
      }
    }
    Quantities.addInto(pool, v);
  }

  /**
   * Mesos' {@code updateWhitelist} (1.1.0 hierarchical.cpp): with a set of hostnames, only agents
   * whose hostname is in it are offered ({@code isWhitelisted}, checked with activation at the top
   * of {@code allocate(slaveIds)}); {@code null} offers every agent. It triggers no run: the next
   * one (periodic or triggered) uses it. The master's {@code --whitelist} file is not modelled;
   * this is the allocator-side call only.
   */
  public void updateWhitelist(java.util.Set<String> hostnames) {
    whitelist = hostnames == null ? null : new java.util.TreeSet<>(hostnames);
    for (Agent a : agents.values()) {
      a.activated = whitelisted(a);
    }
    eligibilityChanged();
    changed = true;
  }

  private boolean whitelisted(Agent a) {
    return a.active && (whitelist == null || whitelist.contains(a.hostname));
  }

  @Override
  public void recoverResources(FrameworkId framework, AgentId agent, ResourceSet resources, long refuseMicros) {
    recoverOne(fwById.get(framework), framework, agent, agentById.get(agent), resources, refuseMicros, null);
  }

  /** The added agent {@code id}: by its offer token {@code tokens[i]} when that names it, else by id. */
  private Agent byToken(int[] tokens, int i, AgentId id) {
    int t = tokens == null ? -1 : tokens[i];
    if (t >= 0 && t < agentByKey.length) {
      Agent a = agentByKey[t];
      if (a != null && (a.id == id || a.id.equals(id))) {
        return a;
      }
    }
    return agentById.get(id);
  }

  /**
   * One sorter update for the sum of the offers instead of one per offer: sorters keep sums of
   * exact thousandths, and nothing reads them between the offers of one decline (recovery never
   * triggers a run), so the state afterwards is the same as {@code recoverResources} per offer.
   */
  @Override
  public void recoverResources(FrameworkId framework, List<AgentId> agents, List<ResourceSet> resources,
      long refuseMicros) {
    recoverResources(framework, agents, resources, null, refuseMicros);
  }

  @Override
  public void recoverResources(FrameworkId framework, List<AgentId> agents, List<ResourceSet> resources,
      int[] agentTokens, long refuseMicros) {
    FrameworkClient fw = fwById.get(framework);
    if (fw == null || agents.size() < 2) {
      for (int i = 0; i < agents.size(); i++) {
        AgentId id = agents.get(i);
        recoverOne(fw, framework, id, byToken(agentTokens, i, id), resources.get(i), refuseMicros, null);
      }
      return;
    }
    for (int i = 0; i < agents.size(); i++) {
      ensureWidth(resources.get(i).quantity().width());
    }
    long[] sum = batchQ.length == width ? batchQ : (batchQ = new long[width]);
    Quantities.clear(sum);
    for (int i = 0; i < agents.size(); i++) {
      AgentId id = agents.get(i);
      recoverOne(fw, framework, id, byToken(agentTokens, i, id), resources.get(i), refuseMicros, sum);
    }
    if (!Quantities.isZero(sum)) {
      unallocateInSorters(fw, sum);
    }
  }

  private void unallocateInSorters(FrameworkClient fw, long[] q) {
    unallocateInSorters(fw, q, null);
  }

  /** {@code rev} (null: none): the revocable part of {@code q}, kept out of the quota role sorter. */
  private void unallocateInSorters(FrameworkClient fw, long[] q, long[] rev) {
    Role r = fw.role;
    r.sorter.unallocated(fw.handle, q);
    r.sorter.removeTotal(q);
    roleSorter.unallocated(r.handle, q);
    int qh = quotaHandle(r);
    if (qh >= 0) {
      quotaRoleSorter.unallocated(qh, nonRevocable(q, rev));
    }
    Quantities.subtractInto(fw.allocQ, q);
  }

  /**
   * Recovers one offer's resources; with {@code deferredSum} the sorter update is left to the caller.
   * {@code fw} is {@code framework}'s entry and {@code a} {@code agent}'s, looked up by the caller
   * (null if unknown).
   */
  private void recoverOne(FrameworkClient fw, FrameworkId framework, AgentId agent, Agent a, ResourceSet resources,
      long refuseMicros, long[] deferredSum) {
    if (resources.isEmpty()) {
      return;
    }
    if (resources.hasVolumes()) {
      // Persistent volumes (docs/operations.md): shared copies are released, non-shared volumes
      // become available again; the rest of the bookkeeping sees their disk as plain disk of their role.
      if (fw != null) {
        int key = a != null ? a.key : agentKey(agent);
        for (Map.Entry<Volume, Integer> e : resources.volumes().entrySet()) {
          if (e.getKey().shared()) {
            releaseShared(fw, key, e.getKey(), e.getValue());
          }
        }
      }
      if (a != null) {
        giveBackVolumes(a, resources);
      }
      resources = fold(resources);
      if (resources.isEmpty()) {
        changed = true;
        return;
      }
    }
    ensureWidth(resources.quantity().width());
    long[] q = load(recQ, resources.quantity());
    if (fw != null) {
      int key = a != null ? a.key : agentKey(agent);
      long[] held = fw.allocByAgent.get(key);
      if (held == null || !Quantities.contains(held, q)) {
        throw new IllegalArgumentException(
            "framework " + framework + " does not hold " + resources + " on agent " + agent);
      }
      Quantities.subtractInto(held, q);
      if (Quantities.isZero(held)) {
        fw.allocByAgent.remove(key);
        release(held);
      }
      if (resources.hasReservations()) {
        accountReserved(fw, resources, false);
      }
      if (resources.hasRevocable()) {
        long[] rev = vec(resources.revocable());
        accountRevocable(fw, key, rev, false);
        unallocateInSorters(fw, q, rev);
      } else if (deferredSum != null) {
        Quantities.addInto(deferredSum, q);
      } else {
        unallocateInSorters(fw, q);
      }
    }
    if (a != null) {
      giveBackToAgent(a, resources, q);
    }
    changed = true;
    if (refuseMicros <= 0 || fw == null || a == null) {
      return;
    }
    long timeout = refuseMicros;
    if (version >= 17) {
      timeout = Math.min(timeout, MAX_REFUSE);
    }
    timeout = Math.max(interval, timeout);
    OfferFilter f;
    if (filterPoolSize > 0) {
      f = filterPool[--filterPoolSize];
      filterPool[filterPoolSize] = null;
      f.set(fw, a.key, resources);
    } else {
      f = new OfferFilter(fw, a.key, resources);
    }
    f.next = filterHead(a.key, fw.index);
    setFilterHead(a.key, fw.index, f);
    fw.filterCount++;
    setFilterBit(a.key, fw.index, true);
    f.batch = expiry.add(f, timeout);
  }

  @Override
  public void suppressOffers(FrameworkId framework) {
    FrameworkClient fw = requireFw(framework);
    fw.suppressed = true;
    fw.role.sorter.deactivate(framework.value());
  }

  @Override
  public void reviveOffers(FrameworkId framework) {
    FrameworkClient fw = requireFw(framework);
    clearFilters(fw);
    // reviveOffers clears the inverse-offer filters too (1.1.0 hierarchical.cpp).
    inverseOfferFilters.remove(framework);
    fw.suppressed = false;
    fw.role.sorter.activate(framework.value());
    eligibilityChanged();
    changed = true;
    trigger(null);
  }

  @Override
  public void setQuota(String role, Resources guarantee) {
    if (quotas.containsKey(role)) {
      throw new IllegalArgumentException("quota for role '" + role + "' is already set; remove it first");
    }
    quotas.put(role, vec(guarantee));
    for (int x = 0; x < guarantee.width(); x++) {
      if (guarantee.milli(x) != 0) {
        guaranteeGauges.putIfAbsent(AllocatorMetrics.quotaGuarantee(role, ResourceNames.name(x)),
            guarantee.milli(x) / (double) Resources.SCALE);
      }
    }
    eligibilityChanged();
    int qh = quotaRoleSorter.add(role);
    quotaEpoch++;
    Double w = weights.get(role);
    if (w != null) {
      quotaRoleSorter.updateWeight(role, w);
    }
    Role r = roles.get(role);
    if (r != null) {
      // Copy the role's allocation, one allocated() call per agent as Mesos iterates
      // roleSorter->allocation(role) (this is what the allocation count sees).
      TreeMap<Integer, long[]> perAgent = new TreeMap<>();
      for (FrameworkClient fw : r.byHandle) {
        if (fw == null) {
          continue;
        }
        for (int key : fw.allocByAgent.keysSorted()) {
          long[] v = perAgent.computeIfAbsent(key, k -> new long[width]);
          Quantities.addInto(v, fw.allocByAgent.get(key));
          long[] rev = fw.revByAgent == null ? null : fw.revByAgent.get(key);
          if (rev != null) {
            Quantities.subtractFlooredInto(v, rev); // allocation.nonRevocable()
          }
        }
      }
      for (long[] v : perAgent.values()) {
        if (!Quantities.isZero(v)) {
          quotaRoleSorter.allocated(qh, v);
        }
      }
    }
    changed = true;
    triggerOnQuotaOrWeight();
  }

  /**
   * Setting or removing quota and updating weights trigger a run over all agents up to 1.2; from
   * 1.3 they do not (commit d93f2246b; 1.3.0 hierarchical.cpp, setQuota/removeQuota/updateWeights:
   * "we do not trigger an allocation here; the quota change will be reflected in subsequent
   * allocations"), so the change is seen by the next periodic or triggered run (tests
   * QuotaAgainstStarvation and UpdateWeight at 1.3).
   */
  private void triggerOnQuotaOrWeight() {
    if (version < 13) {
      trigger(null);
    }
  }

  @Override
  public void removeQuota(String role) {
    if (quotas.remove(role) == null) {
      throw new IllegalArgumentException("role '" + role + "' has no quota");
    }
    quotaRoleSorter.remove(role);
    quotaEpoch++;
    eligibilityChanged();
    changed = true;
    triggerOnQuotaOrWeight();
  }

  @Override
  public void updateWeights(SortedMap<String, Double> updated) {
    eligibilityChanged();
    boolean rebalance = false;
    for (Map.Entry<String, Double> e : updated.entrySet()) {
      weights.put(e.getKey(), e.getValue());
      if (quotas.containsKey(e.getKey())) {
        quotaRoleSorter.updateWeight(e.getKey(), e.getValue());
      }
      if (roleSorter.contains(e.getKey())) {
        rebalance = true;
        roleSorter.updateWeight(e.getKey(), e.getValue());
      }
    }
    if (rebalance) {
      changed = true;
      triggerOnQuotaOrWeight();
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
    return new AllocatorStats(runs, skippedRuns, offerCallbacks);
  }

  /** Mesos' metric {@code allocator/mesos/offer_filters/roles/<role>/active}. */
  public int activeOfferFilters(String role) {
    Role r = roles.get(role);
    if (r == null) {
      return 0;
    }
    int n = 0;
    for (FrameworkClient fw : r.byHandle) {
      if (fw != null) {
        n += fw.filterCount;
      }
    }
    return n;
  }

  /**
   * Mesos' gauges {@code allocator/mesos/quota/roles/<role>/resources/<name>/offered_or_allocated},
   * one per name of the guarantee: the quota role sorter's allocation of that name
   * ({@code _quota_allocated} in 1.1.0 hierarchical.cpp); empty while the role has no quota.
   */
  public SortedMap<String, Double> quotaOfferedOrAllocated(String role) {
    TreeMap<String, Double> out = new TreeMap<>();
    long[] g = quotas.get(role);
    if (g != null) {
      Resources alloc = quotaRoleSorter.allocation(quotaRoleSorter.handle(role));
      for (int x = 0; x < g.length; x++) {
        if (g[x] != 0) {
          out.put(ResourceNames.name(x), alloc.milli(x) / (double) Resources.SCALE);
        }
      }
    }
    return out;
  }

  /**
   * The allocator's metrics as Mesos 1.1.0 names them ({@code src/master/allocator/mesos/metrics.cpp},
   * the role sorter's {@code src/master/allocator/sorter/drf/metrics.cpp}), by name:
   * <ul>
   * <li>{@code allocator/mesos/allocation_runs}: runs of {@code allocate(slaveIds)}, skipped ones
   *     included (Mesos counts every call that is not paused);
   * <li>{@code allocator/mesos/resources/<r>/total} and {@code .../offered_or_allocated} for cpus,
   *     mem and disk (Mesos installs exactly these three): the role sorter's total, and what the
   *     added agents have allocated ({@code Slave::allocated}, which includes resources of
   *     frameworks the allocator does not know);
   * <li>{@code allocator/mesos/quota/roles/<role>/resources/<r>/guarantee} (kept after the quota is
   *     removed, as Mesos 1.1 does) and {@code .../offered_or_allocated} (while the quota exists);
   * <li>{@code allocator/mesos/roles/<role>/shares/dominant}: the role sorter's share ÷ weight
   *     ({@code DRFSorter::calculateShare}), for each role with a framework;
   * <li>{@code allocator/mesos/offer_filters/roles/<role>/active}, for each role with a framework;
   * <li>{@code allocator/mesos/event_queue_dispatches}: 0 (see {@link Allocator#metrics()}: nothing
   *     waits for the allocator between virtual instants).
   * </ul>
   * Not modelled: {@code allocator/mesos/allocation_run} (a wall-clock timer, meaningless in
   * virtual time). Reads only; O(agents + roles).
   */
  @Override
  public SortedMap<String, Double> metrics() {
    TreeMap<String, Double> m = new TreeMap<>();
    m.put(AllocatorMetrics.ALLOCATION_RUNS, (double) (runs + skippedRuns));
    m.put(AllocatorMetrics.EVENT_QUEUE_DISPATCHES, 0.0);
    long[] allocated = new long[Math.max(width, 3)];
    for (Agent a : agents.values()) {
      for (int x = 0; x < a.totalQ.length; x++) {
        allocated[x] += a.totalQ[x] - a.availAll[x];
        if (a.debtUnres != null) {
          allocated[x] += Quantities.get(a.debtUnres, x);
        }
        if (a.debtRes != null) {
          for (long[] d : a.debtRes.values()) {
            allocated[x] += Quantities.get(d, x);
          }
        }
        if (a.totalRev != null) {
          allocated[x] += a.availRev[x] + a.allocRev[x]; // availAll includes availRev
        }
      }
    }
    Resources total = roleSorter.total();
    for (String r : AllocatorMetrics.RESOURCES) {
      int x = ResourceNames.index(r);
      m.put(AllocatorMetrics.resourceTotal(r), total.milli(x) / (double) Resources.SCALE);
      m.put(AllocatorMetrics.resourceOfferedOrAllocated(r), allocated[x] / (double) Resources.SCALE);
    }
    m.putAll(guaranteeGauges);
    for (String role : quotas.keySet()) {
      for (Map.Entry<String, Double> e : quotaOfferedOrAllocated(role).entrySet()) {
        m.put(AllocatorMetrics.quotaOfferedOrAllocated(role, e.getKey()), e.getValue());
      }
    }
    for (String role : roles.keySet()) {
      m.put(AllocatorMetrics.roleDominantShare(role), roleShare(role));
      m.put(AllocatorMetrics.offerFiltersActive(role), (double) activeOfferFilters(role));
    }
    return m;
  }

  /** The role's DRF share in the role sorter (share ÷ weight), for reports and tests. */
  public double roleShare(String role) {
    Role r = roles.get(role);
    return r == null ? 0.0 : roleSorter.share(r.handle);
  }

  /** For tests: turn the O(1) skipping of unchanged runs off, to show it changes nothing. */
  void setSkipUnchangedRuns(boolean skip) {
    this.skipUnchangedRuns = skip;
  }

  /** For tests: turn the filtered-agent screen off, to show it changes nothing. */
  void setScreenFilteredAgents(boolean screen) {
    this.screenFilteredAgents = screen;
  }

  /** For tests: agent visits the filtered-agent screen skipped so far. */
  long screenedVisits() {
    return screenedVisits;
  }

  /** For tests: visit the agents even in runs in which no framework is active. */
  void setSkipIdleRuns(boolean skip) {
    this.skipIdleRuns = skip;
  }

  /** For tests: runs so far whose agent visits were skipped because no framework was active. */
  long idleRuns() {
    return idleRuns;
  }

  private void eligibilityChanged() {
    eligibilityEpoch++;
  }

  private void unscreen(int agentKey) {
    if (agentKey < screenedAt.length) {
      screenedAt[agentKey] = 0;
    }
  }

  /** The options in force. */
  public HierarchicalDrfOptions options() {
    return opts;
  }

  // ====================================================================== offer operations, persistent volumes

  /**
   * Mesos' {@code updateAllocation(frameworkId, slaveId, offeredResources, operations)} (1.1.0
   * {@code src/master/allocator/mesos/hierarchical.cpp}): the master applied {@code operations}
   * (RESERVE, UNRESERVE, CREATE, DESTROY) to resources it had offered to {@code framework} on
   * {@code agent} and accepted (a LAUNCH consumes what it uses of them, and allocates extra copies of
   * a shared volume its tasks use more often than offered); the framework's allocation and the agent's total change with them,
   * the available resources do not. Each operation is first applied to what is left of
   * {@code offered} ({@code _offeredResources.apply}, a CHECK in Mesos: here an
   * IllegalArgumentException, and nothing is changed by the failing operation). Quantities never
   * change, so the sorters' totals and allocations stay as they are, except that a shared volume is
   * counted once per sorter client and agent: creating one moves its disk out of the framework's
   * plain allocation into a held copy, destroying one back. Triggers no run.
   *
   * @return {@code offered} with the operations applied
   */
  @Override
  public void updateAllocation(FrameworkId framework, AgentId agent, ResourceSet offered,
      List<Operation> operations) {
    applyToAllocation(framework, agent, offered, operations);
  }

  /** {@link #updateAllocation}, returning {@code offered} with the operations applied. */
  public ResourceSet applyToAllocation(FrameworkId framework, AgentId agent, ResourceSet offered,
      List<Operation> operations) {
    FrameworkClient fw = requireFw(framework);
    Agent a = requireAgent(agent);
    ResourceSet cur = offered;
    for (Operation op : operations) {
      cur = cur.apply(op);
      if (op instanceof Operation.Launch l) {
        // Tasks may use more copies of a shared volume than offered: the extra copies are
        // allocated to the framework (CHECKed to hold one already). Its sorters' quantities do not
        // change, as a held shared volume counts once. Then the launched resources leave the rest.
        ResourceSet consumed = l.resources();
        for (Map.Entry<Volume, Integer> e : consumed.shared().volumes().entrySet()) {
          int extra = e.getValue() - cur.copies(e.getKey());
          if (extra > 0) {
            if (sharedCopies(a.key, e.getKey(), fw.sharedHeld) == 0) {
              throw new IllegalArgumentException("framework " + framework + " does not hold " + e.getKey());
            }
            holdShared(fw, a.key, e.getKey(), extra);
            cur = cur.plus(ResourceSet.of(Resources.EMPTY, Map.of(), Map.of(e.getKey(), extra)));
          }
        }
        cur = cur.minus(consumed);
        continue;
      }
      if (op instanceof Operation.Reserve r) {
        long[] v = vec(r.resources());
        moveReservation(fw, a, ResourceSet.UNRESERVED, r.role(), v);
      } else if (op instanceof Operation.Unreserve u) {
        long[] v = vec(u.resources());
        moveReservation(fw, a, u.role(), ResourceSet.UNRESERVED, v);
      } else if (op instanceof Operation.Create c) {
        Volume v = c.volume();
        requireNewVolume(a, v);
        addVolume(a, v);
        if (v.shared()) {
          // The disk leaves the framework's plain allocation and becomes its first copy of the
          // volume; the sorters' counts stay (a copy counts as its disk once).
          long[] d = vec(v.disk());
          dropPlain(fw, a.key, v.role(), d);
          holdShared(fw, a.key, v, 1);
        }
      } else {
        Volume v = ((Operation.Destroy) op).volume();
        Volume known = a.volumes == null ? null : a.volumes.get(v.id());
        if (!v.equals(known)) {
          throw new IllegalArgumentException("Persistent volumes not found: " + v + " on agent " + agent);
        }
        if (v.shared()) {
          if (sharedCopies(a.key, v, fw.sharedHeld) != 1 || sharedCopies(a.key, v, fw.role.sharedHeld) != 1
              || otherRolesHold(fw.role, a.key, v)) {
            throw new IllegalArgumentException("Persistent volumes in use: " + v);
          }
          unholdShared(fw, a.key, v, 1);
          long[] d = vec(v.disk());
          addPlain(fw, a.key, v.role(), d);
        }
        removeVolume(a, v);
      }
    }
    eligibilityChanged();
    changed = true;
    return cur;
  }

  /**
   * Mesos' {@code updateAvailable(slaveId, operations)} (1.1.0 hierarchical.cpp): {@code operations}
   * applied to the agent's available resources ({@code total - allocated}) and its total; if the
   * available resources do not contain what they take, it fails (Mesos returns a Failure; here an
   * IllegalArgumentException) and nothing changes. It triggers no run. RESERVE and UNRESERVE are
   * {@link #reserve} and {@link #unreserve}; CREATE turns available plain disk of the volume's role
   * into the volume (available, or for a shared volume offered beside the available resources),
   * DESTROY an available volume (a shared one held by no framework) back into plain disk.
   */
  public void updateAvailable(AgentId agent, List<Operation> operations) {
    Agent a = requireAgent(agent);
    ResourceSet avail = available(a);
    for (Operation op : operations) {
      if (op instanceof Operation.Launch) {
        throw new IllegalArgumentException("LAUNCH is not an operation on available resources");
      }
      avail = avail.apply(op); // Resources::apply on a copy first: all or nothing
      if (op instanceof Operation.Create c) {
        requireNewVolume(a, c.volume());
      }
    }
    for (Operation op : operations) {
      if (op instanceof Operation.Reserve r) {
        reserve(agent, r.role(), r.resources());
      } else if (op instanceof Operation.Unreserve u) {
        unreserve(agent, u.role(), u.resources());
      } else if (op instanceof Operation.Create c) {
        Volume v = c.volume();
        addVolume(a, v);
        if (v.shared()) {
          moveShared(a, v, true);
        } else {
          a.availVolumes.add(v.id());
        }
      } else {
        Volume v = ((Operation.Destroy) op).volume();
        if (v.shared()) {
          moveShared(a, v, false);
        } else {
          a.availVolumes.remove(v.id());
        }
        removeVolume(a, v);
      }
    }
    refreshAllocatable(a);
    eligibilityChanged();
    changed = true;
  }

  /**
   * What {@code agent} has that is not allocated, as Mesos' {@code total - allocated}: the available
   * plain amounts, its available non-shared volumes and the shared volumes no framework holds.
   */
  public ResourceSet available(AgentId agent) {
    return available(requireAgent(agent));
  }

  /** Every persistent volume of {@code agent}'s total, by persistence id (empty if none). */
  public SortedMap<String, Volume> volumes(AgentId agent) {
    Agent a = requireAgent(agent);
    return a.volumes == null ? new TreeMap<>() : java.util.Collections.unmodifiableSortedMap(a.volumes);
  }

  private ResourceSet available(Agent a) {
    TreeMap<String, Resources> res = new TreeMap<>();
    for (Map.Entry<String, long[]> e : a.availRes.entrySet()) {
      res.put(e.getKey(), Resources.ofMilli(e.getValue()));
    }
    ResourceSet plain = ResourceSet.of(Resources.ofMilli(a.availUnres), res);
    if (a.volumes == null) {
      return plain;
    }
    TreeMap<Volume, Integer> vols = new TreeMap<>();
    Resources un = plain.unreserved();
    TreeMap<String, Resources> m = new TreeMap<>(plain.reservations());
    for (Volume v : a.volumes.values()) {
      if (v.shared()) {
        if (!heldByAnyone(a.key, v)) {
          vols.put(v, 1);
        }
      } else if (a.availVolumes.contains(v.id())) {
        if (ResourceSet.UNRESERVED.equals(v.role())) {
          un = un.minus(v.disk());
        } else {
          m.put(v.role(), m.get(v.role()).minus(v.disk()));
        }
        vols.put(v, 1);
      }
    }
    return ResourceSet.of(un, m, vols);
  }

  /** {@code rs} with every non-shared volume's disk as plain disk of its role and the shared volumes left out. */
  static ResourceSet fold(ResourceSet rs) {
    if (!rs.hasVolumes()) {
      return rs;
    }
    Resources un = rs.unreserved();
    TreeMap<String, Resources> m = new TreeMap<>(rs.reservations());
    for (Map.Entry<Volume, Integer> e : rs.volumes().entrySet()) {
      Volume v = e.getKey();
      if (v.shared()) {
        continue;
      }
      if (ResourceSet.UNRESERVED.equals(v.role())) {
        un = un.plus(v.disk());
      } else {
        m.merge(v.role(), v.disk(), Resources::plus);
      }
    }
    return ResourceSet.of(un, m, rs.revocable(), Map.of()); // revocable part kept as it is
  }

  /** An added agent's volumes: non-shared ones available, shared ones counted in the total once. */
  private void installVolumes(Agent a, ResourceSet total) {
    for (Volume v : total.volumes().keySet()) {
      requireNewVolume(a, v);
      addVolume(a, v);
      if (v.shared()) {
        long[] d = vec(v.disk());
        Quantities.addInto(a.totalQ, d);
        addToRolePool(a, v.role(), d, true, false);
      } else {
        a.availVolumes.add(v.id());
      }
    }
  }

  private void requireNewVolume(Agent a, Volume v) {
    if (a.volumes != null && a.volumes.containsKey(v.id())) {
      // Mesos' master validation (validateUniquePersistenceID, 1.1.0 src/master/validation.cpp).
      throw new IllegalArgumentException("Persistence ID '" + v.id() + "' is not unique on agent " + a.id);
    }
  }

  private static void addVolume(Agent a, Volume v) {
    if (a.volumes == null) {
      a.volumes = new TreeMap<>();
      a.availVolumes = new java.util.TreeSet<>();
      a.sharedOffered = new TreeMap<>();
    }
    a.volumes.put(v.id(), v);
  }

  private static void removeVolume(Agent a, Volume v) {
    a.volumes.remove(v.id());
    a.availVolumes.remove(v.id());
    a.sharedOffered.remove(v.id());
  }

  /**
   * A shared volume made from available disk ({@code in}, updateAvailable's CREATE) or turned back
   * into it (DESTROY): its disk leaves or re-enters the available vectors (a shared volume is offered
   * beside them); totals stay, as the disk counts once either way.
   */
  private void moveShared(Agent a, Volume v, boolean in) {
    long[] d = vec(v.disk());
    addToRolePool(a, v.role(), d, false, !in);
    if (in) {
      Quantities.subtractInto(a.availAll, d);
    } else {
      Quantities.addInto(a.availAll, d);
    }
  }

  /** Adds ({@code add}) or takes {@code d} to/from the total or available pool of {@code role} ("*": unreserved). */
  private void addToRolePool(Agent a, String role, long[] d, boolean total, boolean add) {
    long[] pool;
    if (ResourceSet.UNRESERVED.equals(role)) {
      pool = total ? a.totalUnres : a.availUnres;
    } else {
      TreeMap<String, long[]> pools = total ? a.totalRes : a.availRes;
      if (add) {
        addPool(pools, role, d);
        return;
      }
      pool = pools.get(role);
    }
    if (add) {
      Quantities.addInto(pool, d);
    } else {
      Quantities.subtractInto(pool, d);
    }
  }

  private void takeVolumes(Agent a, ResourceSet rs) {
    if (!rs.hasVolumes()) {
      return;
    }
    for (Volume v : rs.volumes().keySet()) {
      if (a.volumes == null || !v.equals(a.volumes.get(v.id()))) {
        throw new IllegalArgumentException("agent " + a.id + " has no persistent volume " + v);
      }
      if (!v.shared() && !a.availVolumes.remove(v.id())) {
        throw new IllegalArgumentException("persistent volume " + v + " on agent " + a.id + " is not available");
      }
    }
  }

  private void giveBackVolumes(Agent a, ResourceSet rs) {
    for (Volume v : rs.volumes().keySet()) {
      if (a.volumes == null || !v.equals(a.volumes.get(v.id()))) {
        throw new IllegalArgumentException("agent " + a.id + " has no persistent volume " + v);
      }
      if (!v.shared() && !a.availVolumes.add(v.id())) {
        throw new IllegalArgumentException("persistent volume " + v + " on agent " + a.id + " is not allocated");
      }
    }
  }

  /**
   * The pool {@code rs} given to {@code fw} on {@code a} with the agent's volumes in it (1.1.0
   * hierarchical.cpp allocate, both stages): the available non-shared volumes inside the pool's
   * amounts are offered as themselves; with the SHARED_RESOURCES capability, every shared volume of
   * the pool's roles is added once per run and agent ({@code available += total.shared() -
   * offeredSharedResources}); without it none ({@code nonShared}).
   */
  private ResourceSet offerVolumes(FrameworkClient fw, Agent a, ResourceSet rs) {
    Resources un = rs.unreserved();
    TreeMap<String, Resources> m = new TreeMap<>(rs.reservations());
    TreeMap<Volume, Integer> vols = new TreeMap<>();
    for (java.util.Iterator<String> it = a.availVolumes.iterator(); it.hasNext();) {
      Volume v = a.volumes.get(it.next());
      if (ResourceSet.UNRESERVED.equals(v.role())) {
        if (un.contains(v.disk())) {
          un = un.minus(v.disk());
          vols.put(v, 1);
          it.remove();
        }
      } else {
        Resources r = m.get(v.role());
        if (r != null && r.contains(v.disk())) {
          m.put(v.role(), r.minus(v.disk()));
          vols.put(v, 1);
          it.remove();
        }
      }
    }
    if (fw.shared) {
      for (Volume v : a.volumes.values()) {
        if (!v.shared() || Integer.valueOf(runStamp).equals(a.sharedOffered.get(v.id()))) {
          continue;
        }
        // allocatableTo(role): the role's reservations (with 1.4+ its ancestors'), unreserved ones with the unreserved part.
        boolean ofPool = ResourceSet.UNRESERVED.equals(v.role()) ? candWithUnreserved : reservedForChain(fw.role.name, v.role());
        if (ofPool) {
          a.sharedOffered.put(v.id(), runStamp);
          vols.put(v, 1);
        }
      }
    }
    return vols.isEmpty() ? rs : ResourceSet.of(un, m, rs.revocable(), vols);
  }

  /** True iff resources reserved for {@code reservation} are offerable to {@code role} (itself, or with 1.4+ an ancestor). */
  private boolean reservedForChain(String role, String reservation) {
    for (String r = role; r != null; r = version >= 14 ? parentRole(r) : null) {
      if (r.equals(reservation)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #account} of the plain quantity {@code q}, plus the shared volumes of {@code rs}: a copy
   * counts in a sorter only if the client holds no copy of it on the agent yet (Mesos 1.1.0
   * src/master/allocator/sorter/drf/sorter.cpp, DRFSorter::allocated and add: "newShared"); role
   * sorter, quota sorter and the framework sorter's total count per role, the framework sorter's
   * allocation per framework. One sorter call per client, as Mesos makes one.
   */
  private void accountWithShared(FrameworkClient fw, int key, long[] q, ResourceSet rs, long[] rev) {
    if (!rs.hasVolumes() || rs.shared().isEmpty()) {
      if (!Quantities.isZero(q)) {
        account(fw, key, q, rev);
      }
      return;
    }
    if (rev != null && !Quantities.isZero(rev)) {
      accountRevocable(fw, key, rev, true);
    } else {
      rev = null;
    }
    long[] roleQ = Quantities.widen(q.clone(), width);
    long[] fwQ = Quantities.widen(q.clone(), width);
    for (Map.Entry<Volume, Integer> e : rs.shared().volumes().entrySet()) {
      Volume v = e.getKey();
      long[] d = vec(v.disk());
      if (sharedCopies(key, v, fw.role.sharedHeld) == 0) {
        Quantities.addInto(roleQ, d);
        if (!ResourceSet.UNRESERVED.equals(v.role())) {
          addReserved(allocatedReserved, v.role(), d, true);
        }
      }
      if (sharedCopies(key, v, fw.sharedHeld) == 0) {
        Quantities.addInto(fwQ, d);
      }
      holdShared(fw, key, v, e.getValue());
    }
    allocateInSorters(fw, roleQ, fwQ, rev);
    if (!Quantities.isZero(q)) {
      hold(fw, key, q);
    }
  }

  /** Copies of a shared volume held by a framework or role. */
  private static final class SharedCopies {
    final Volume volume;
    final int agentKey;
    int copies;

    SharedCopies(Volume volume, int agentKey) {
      this.volume = volume;
      this.agentKey = agentKey;
    }
  }

  private static String sharedKey(int agentKey, Volume v) {
    return agentKey + "/" + v.id();
  }

  private static int sharedCopies(int agentKey, Volume v, TreeMap<String, SharedCopies> held) {
    if (held == null) {
      return 0;
    }
    SharedCopies c = held.get(sharedKey(agentKey, v));
    return c == null ? 0 : c.copies;
  }

  private boolean heldByAnyone(int agentKey, Volume v) {
    for (Role r : roles.values()) {
      if (sharedCopies(agentKey, v, r.sharedHeld) > 0) {
        return true;
      }
    }
    return false;
  }

  private boolean otherRolesHold(Role own, int agentKey, Volume v) {
    for (Role r : roles.values()) {
      if (r != own && sharedCopies(agentKey, v, r.sharedHeld) > 0) {
        return true;
      }
    }
    return false;
  }

  /** Counts {@code n} more copies for {@code fw} and its role (no sorter call). */
  private static void holdShared(FrameworkClient fw, int agentKey, Volume v, int n) {
    if (fw.sharedHeld == null) {
      fw.sharedHeld = new TreeMap<>();
    }
    if (fw.role.sharedHeld == null) {
      fw.role.sharedHeld = new TreeMap<>();
    }
    String k = sharedKey(agentKey, v);
    fw.sharedHeld.computeIfAbsent(k, x -> new SharedCopies(v, agentKey)).copies += n;
    fw.role.sharedHeld.computeIfAbsent(k, x -> new SharedCopies(v, agentKey)).copies += n;
  }

  /** Counts {@code n} fewer copies (no sorter call); returns {fw's last copy gone, role's last copy gone}. */
  private static boolean[] unholdShared(FrameworkClient fw, int agentKey, Volume v, int n) {
    String k = sharedKey(agentKey, v);
    SharedCopies f = fw.sharedHeld == null ? null : fw.sharedHeld.get(k);
    SharedCopies r = fw.role.sharedHeld == null ? null : fw.role.sharedHeld.get(k);
    if (f == null || r == null || f.copies < n) {
      throw new IllegalArgumentException("framework " + fw.id + " does not hold " + n + " copies of " + v);
    }
    f.copies -= n;
    r.copies -= n;
    boolean fwGone = f.copies == 0;
    boolean roleGone = r.copies == 0;
    if (fwGone) {
      fw.sharedHeld.remove(k);
    }
    if (roleGone) {
      fw.role.sharedHeld.remove(k);
    }
    return new boolean[] {fwGone, roleGone};
  }

  /** {@code n} copies of a shared volume come back from {@code fw}: the sorters drop it where no copy is left. */
  private void releaseShared(FrameworkClient fw, int agentKey, Volume v, int n) {
    boolean[] gone = unholdShared(fw, agentKey, v, n);
    long[] d = vec(v.disk());
    Role r = fw.role;
    if (gone[0]) {
      r.sorter.unallocated(fw.handle, d);
    }
    if (gone[1]) {
      roleSorter.unallocated(r.handle, d);
      r.sorter.removeTotal(d);
      int qh = quotaHandle(r);
      if (qh >= 0) {
        quotaRoleSorter.unallocated(qh, d);
      }
      if (!ResourceSet.UNRESERVED.equals(v.role())) {
        addReserved(allocatedReserved, v.role(), d, false);
      }
    }
  }

  private void releaseAllShared(FrameworkClient fw) {
    if (fw.sharedHeld == null) {
      return;
    }
    for (SharedCopies c : new ArrayList<>(fw.sharedHeld.values())) {
      releaseShared(fw, c.agentKey, c.volume, c.copies);
    }
  }

  /** A shared volume's disk leaves {@code fw}'s plain allocation on the agent (its copy carries it now). */
  private void dropPlain(FrameworkClient fw, int key, String role, long[] d) {
    long[] held = fw.allocByAgent.get(key);
    if (held == null || !Quantities.contains(held, d)) {
      throw new IllegalArgumentException("framework " + fw.id + " does not hold the volume's disk");
    }
    Quantities.subtractInto(held, d);
    if (Quantities.isZero(held)) {
      fw.allocByAgent.remove(key);
    }
    Quantities.subtractInto(fw.allocQ, d);
    if (!ResourceSet.UNRESERVED.equals(role)) {
      // The role's allocation of reserved disk stays (the copy counts it); only the framework's
      // own record moves, so removeFramework does not subtract it twice.
      addReserved(fw.allocReserved == null ? new TreeMap<>() : fw.allocReserved, role, d, false);
    }
  }

  private void addPlain(FrameworkClient fw, int key, String role, long[] d) {
    hold(fw, key, d);
    if (!ResourceSet.UNRESERVED.equals(role)) {
      if (fw.allocReserved == null) {
        fw.allocReserved = new TreeMap<>();
      }
      addReserved(fw.allocReserved, role, d, true);
    }
  }

  /**
   * RESERVE/UNRESERVE of resources allocated to {@code fw} on {@code a}: they move from pool
   * {@code from} to pool {@code to} in the agent's total and in the framework's and the cluster's
   * reserved allocation; quantities (so every sorter) stay.
   */
  private void moveReservation(FrameworkClient fw, Agent a, String from, String to, long[] v) {
    addToRolePool(a, from, v, true, false);
    addToRolePool(a, to, v, true, true);
    if (!ResourceSet.UNRESERVED.equals(to)) {
      addReserved(clusterReserved, to, v, true);
    }
    if (ResourceSet.UNRESERVED.equals(to)) {
      long[] t = a.totalRes.get(from);
      if (t != null && Quantities.isZero(t)) {
        a.totalRes.remove(from);
        long[] av = a.availRes.get(from);
        if (av != null && Quantities.isZero(av)) {
          a.availRes.remove(from);
        }
      }
      addReserved(clusterReserved, from, v, false);
      accountReserved(fw, from, v, false);
    } else {
      if (!a.availRes.containsKey(to)) {
        a.availRes.put(to, new long[width]);
      }
      accountReserved(fw, to, v, true);
    }
  }

  // ====================================================================== maintenance

  /**
   * Mesos' {@code updateUnavailability} (1.1.0 src/master/allocator/mesos/hierarchical.cpp): every
   * framework's inverse-offer filters for the agent are removed (frameworks must reassess the new
   * schedule), the old maintenance (outstanding inverse offers, answers) is dropped, the new
   * unavailability set, and the agent is allocated ({@code allocate(slaveId)}), whose
   * {@code deallocate} sends the inverse offers.
   */
  @Override
  public void updateUnavailability(AgentId agent, Unavailability unavailability) {
    Agent a = requireAgent(agent);
    for (TreeMap<AgentId, ArrayList<InverseOfferFilter>> byAgent : inverseOfferFilters.values()) {
      byAgent.remove(agent);
    }
    if (a.maintenance != null) {
      a.maintenance = null;
      maintained--;
    }
    if (unavailability != null) {
      a.maintenance = new Maintenance(unavailability);
      maintained++;
    }
    trigger(a);
  }

  /**
   * Mesos' {@code updateInverseOffer} (1.1.0 hierarchical.cpp): only an inverse offer outstanding
   * is handled (an old one is ignored); it stops being outstanding, so the next run sends a new one;
   * an answer ({@code status} not null) is recorded. With a Filters message ({@code refuseMicros >=
   * 0}) a refusal filter of that length is installed (0: none), whatever the answer was and
   * whether or not the inverse offer was outstanding, as in Mesos.
   *
   * @throws IllegalArgumentException if the framework or the agent is unknown, or the agent has no
   *     unavailability (Mesos CHECKs these)
   */
  @Override
  public void updateInverseOffer(AgentId agent, FrameworkId framework, InverseOfferStatus status, long refuseMicros) {
    requireFw(framework);
    Agent a = requireAgent(agent);
    Maintenance m = a.maintenance;
    if (m == null) {
      throw new IllegalArgumentException("agent " + agent + " has no unavailability");
    }
    if (m.offersOutstanding.remove(framework) && status != null) {
      m.statuses.put(framework, status);
    }
    if (refuseMicros <= 0) {
      return;
    }
    InverseOfferFilter f = new InverseOfferFilter(sim.now() + refuseMicros);
    inverseOfferFilters.computeIfAbsent(framework, k -> new TreeMap<>())
        .computeIfAbsent(agent, k -> new ArrayList<>()).add(f);
    sim.schedule(refuseMicros, () -> expireInverseOfferFilter(framework, agent, f));
  }

  /** Mesos' {@code expire(frameworkId, slaveId, InverseOfferFilter*)}: gone if still installed. */
  private void expireInverseOfferFilter(FrameworkId framework, AgentId agent, InverseOfferFilter f) {
    TreeMap<AgentId, ArrayList<InverseOfferFilter>> byAgent = inverseOfferFilters.get(framework);
    if (byAgent == null) {
      return;
    }
    ArrayList<InverseOfferFilter> fs = byAgent.get(agent);
    if (fs != null && fs.remove(f) && fs.isEmpty()) {
      byAgent.remove(agent);
      if (byAgent.isEmpty()) {
        inverseOfferFilters.remove(framework);
      }
    }
  }

  /** Mesos' {@code isFiltered(frameworkId, slaveId)} for inverse offers: a filter with time remaining. */
  private boolean inverseOfferFiltered(FrameworkId framework, AgentId agent) {
    TreeMap<AgentId, ArrayList<InverseOfferFilter>> byAgent = inverseOfferFilters.get(framework);
    ArrayList<InverseOfferFilter> fs = byAgent == null ? null : byAgent.get(agent);
    if (fs != null) {
      long now = sim.now();
      for (InverseOfferFilter f : fs) {
        if (f.expiresAt - now > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Mesos' {@code deallocate} (1.1.0 hierarchical.cpp, called at the end of every
   * {@code allocate(slaveIds)}; 1.2+ over the batched {@code allocationCandidates}): for each role's
   * framework sorter and each agent of the run with an unavailability, every framework holding
   * resources there (offered or in use, active or not) that has no inverse offer outstanding for it
   * and no inverse-offer filter on it gets one, with unspecified resources (everything back) and
   * the agent's unavailability, and is marked outstanding. Mesos walks hashmaps; here roles go by
   * name, agents by id, frameworks by id, and the callbacks by framework id.
   *
   * @param all the run covered every agent (else {@link #runAgents})
   */
  private void deallocate(boolean all) {
    if (maintained == 0 || roles.isEmpty()) {
      return;
    }
    ArrayList<Agent> over = new ArrayList<>();
    if (all) {
      for (Agent a : agents.values()) {
        if (a.maintenance != null) {
          over.add(a);
        }
      }
    } else {
      for (Agent a : runAgents) {
        if (a.maintenance != null) {
          over.add(a);
        }
      }
      over.sort(java.util.Comparator.comparing((Agent a) -> a.id));
    }
    runAgents.clear();
    if (over.isEmpty()) {
      return;
    }
    TreeMap<FrameworkId, TreeMap<AgentId, Unavailability>> offerable = new TreeMap<>();
    for (Role r : roles.values()) {
      for (Agent a : over) {
        Maintenance m = a.maintenance;
        TreeMap<FrameworkId, FrameworkClient> holding = new TreeMap<>();
        for (FrameworkClient fw : r.byHandle) {
          if (fw != null) {
            long[] held = fw.allocByAgent.get(a.key);
            if (held != null && !Quantities.isZero(held)) {
              holding.put(fw.id, fw);
            }
          }
        }
        for (FrameworkId fid : holding.keySet()) {
          TreeMap<AgentId, Unavailability> mine = offerable.get(fid);
          if ((mine != null && mine.containsKey(a.id)) || m.offersOutstanding.contains(fid)
              || inverseOfferFiltered(fid, a.id)) {
            continue;
          }
          offerable.computeIfAbsent(fid, k -> new TreeMap<>()).put(a.id, m.unavailability);
          m.offersOutstanding.add(fid);
        }
      }
    }
    for (Map.Entry<FrameworkId, TreeMap<AgentId, Unavailability>> e : offerable.entrySet()) {
      inverseCallback.inverseOffer(e.getKey(), e.getValue());
    }
  }

  /**
   * Mesos' {@code getInverseOfferStatuses}: by agent with an unavailability, each framework's latest
   * answer to its inverse offers (the master's {@code /maintenance/status} shows these).
   */
  public SortedMap<AgentId, SortedMap<FrameworkId, InverseOfferStatus>> inverseOfferStatuses() {
    TreeMap<AgentId, SortedMap<FrameworkId, InverseOfferStatus>> out = new TreeMap<>();
    for (Agent a : agents.values()) {
      if (a.maintenance != null) {
        out.put(a.id, new TreeMap<>(a.maintenance.statuses));
      }
    }
    return out;
  }

  /** For tests: the frameworks with an inverse offer outstanding for the agent (empty without maintenance). */
  java.util.SortedSet<FrameworkId> inverseOffersOutstanding(AgentId agent) {
    Agent a = requireAgent(agent);
    return a.maintenance == null ? new java.util.TreeSet<>() : new java.util.TreeSet<>(a.maintenance.offersOutstanding);
  }

  // ====================================================================== bookkeeping

  private int agentKey(AgentId id) {
    Integer k = agentKeys.get(id);
    if (k == null) {
      k = agentKeys.size();
      agentKeys.put(id, k);
    }
    return k;
  }

  /**
   * Records {@code q} as allocated to {@code fw} on agent {@code key} in every sorter; {@code rev}
   * (null: none) is the revocable part of {@code q}, which the quota role sorter does not see
   * (1.1.0 hierarchical.cpp: {@code quotaRoleSorter->allocated(role, slaveId, resources.nonRevocable())}).
   */
  private void account(FrameworkClient fw, int key, long[] q, long[] rev) {
    if (rev != null && !Quantities.isZero(rev)) {
      accountRevocable(fw, key, rev, true);
    } else {
      rev = null;
    }
    allocateInSorters(fw, q, q, rev);
    hold(fw, key, q);
  }

  /**
   * The sorters' side of an allocation: {@code roleQ} to the role (and as the framework sorter's
   * total), {@code fwQ} to the framework (they differ only by shared volumes counted once), the
   * non-revocable part of {@code roleQ} to the quota role sorter; the counterpart of
   * {@link #unallocateInSorters}.
   */
  private void allocateInSorters(FrameworkClient fw, long[] roleQ, long[] fwQ, long[] rev) {
    Role r = fw.role;
    roleSorter.allocated(r.handle, roleQ);
    r.sorter.addTotal(roleQ);
    r.sorter.allocated(fw.handle, fwQ);
    int qh = quotaHandle(r);
    if (qh >= 0) {
      quotaRoleSorter.allocated(qh, nonRevocable(roleQ, rev));
    }
  }

  /** Adds {@code q} to what {@code fw} holds in all and on the agent with key {@code key}. */
  private void hold(FrameworkClient fw, int key, long[] q) {
    fw.allocQ = Quantities.widen(fw.allocQ, q.length);
    Quantities.addInto(fw.allocQ, q);
    long[] held = fw.allocByAgent.get(key);
    if (held == null) {
      fw.allocByAgent.put(key, pooledCopy(q));
    } else if (held.length < q.length) {
      long[] w = Quantities.widen(held, q.length);
      Quantities.addInto(w, q);
      fw.allocByAgent.put(key, w);
    } else {
      Quantities.addInto(held, q);
    }
  }

  /** Adds or takes away revocable resources held by {@code fw} on agent {@code key}. */
  private void accountRevocable(FrameworkClient fw, int key, long[] rev, boolean add) {
    if (allocatedRevocable == null) {
      allocatedRevocable = new long[width];
    }
    allocatedRevocable = Quantities.widen(allocatedRevocable, rev.length);
    if (fw.allocRevQ == null) {
      fw.allocRevQ = new long[width];
      fw.revByAgent = new IntMap<>();
    }
    fw.allocRevQ = Quantities.widen(fw.allocRevQ, rev.length);
    long[] held = fw.revByAgent.get(key);
    if (add) {
      Quantities.addInto(allocatedRevocable, rev);
      Quantities.addInto(fw.allocRevQ, rev);
      if (held == null) {
        fw.revByAgent.put(key, Quantities.widen(rev.clone(), width));
      } else {
        Quantities.addInto(held, rev);
      }
    } else {
      if (held == null || !Quantities.contains(held, rev)) {
        throw new IllegalArgumentException("framework " + fw.id + " does not hold revocable " + Resources.ofMilli(rev));
      }
      Quantities.subtractInto(held, rev);
      if (Quantities.isZero(held)) {
        fw.revByAgent.remove(key);
      }
      Quantities.subtractFlooredInto(allocatedRevocable, rev);
      Quantities.subtractInto(fw.allocRevQ, rev);
    }
  }

  /**
   * A copy of {@code q} in a vector released by {@link #release} when one of its length is free: a
   * framework's holding on an agent comes and goes with every offer of a storm.
   */
  private long[] pooledCopy(long[] q) {
    if (vecPoolSize > 0 && vecPool[vecPoolSize - 1].length == q.length) {
      long[] v = vecPool[--vecPoolSize];
      vecPool[vecPoolSize] = null;
      System.arraycopy(q, 0, v, 0, q.length);
      return v;
    }
    return q.clone();
  }

  /** Gives back a zero vector that nothing references any more. */
  private void release(long[] v) {
    if (vecPoolSize == vecPool.length && vecPool.length < MAX_FILTER_POOL) {
      vecPool = java.util.Arrays.copyOf(vecPool, vecPool.length * 2);
    }
    if (vecPoolSize < vecPool.length) {
      vecPool[vecPoolSize++] = v;
    }
  }

  /** Adds ({@code add}) or takes away {@code rs}'s reserved part from {@code fw}'s and the global reserved allocation. */
  private void accountReserved(FrameworkClient fw, ResourceSet rs, boolean add) {
    if (!rs.hasReservations()) {
      return;
    }
    for (Map.Entry<String, Resources> e : rs.reservations().entrySet()) {
      if (!e.getValue().isEmpty()) {
        accountReserved(fw, e.getKey(), vec(e.getValue()), add);
      }
    }
  }

  private void accountReserved(FrameworkClient fw, String role, long[] v, boolean add) {
    if (fw.allocReserved == null) {
      if (!add) {
        return;
      }
      fw.allocReserved = new TreeMap<>();
    }
    addReserved(fw.allocReserved, role, v, add);
    addReserved(allocatedReserved, role, v, add);
  }

  /** {@code m[role] += v} or, floored at zero, {@code -= v}; an entry that reaches zero is dropped. */
  private static void addReserved(TreeMap<String, long[]> m, String role, long[] v, boolean add) {
    long[] cur = m.get(role);
    if (cur == null) {
      if (!add || Quantities.isZero(v)) {
        return;
      }
      m.put(role, v.clone());
      return;
    }
    if (cur.length < v.length) {
      cur = Quantities.widen(cur, v.length);
      m.put(role, cur);
    }
    if (add) {
      Quantities.addInto(cur, v);
    } else {
      Quantities.subtractFlooredInto(cur, v);
      if (Quantities.isZero(cur)) {
        m.remove(role);
      }
    }
  }

  private void takeFromAgent(Agent a, ResourceSet rs) {
    long[] u = vec(rs.unreserved());
    if (!Quantities.contains(a.availUnres, u)) {
      throw new IllegalArgumentException("agent " + a.id + " does not have " + rs + " available");
    }
    for (Map.Entry<String, Resources> e : rs.reservations().entrySet()) {
      long[] av = a.availRes.get(e.getKey());
      if (av == null || !Quantities.contains(av, vec(e.getValue()))) {
        throw new IllegalArgumentException("agent " + a.id + " does not have " + rs + " available");
      }
    }
    Quantities.subtractInto(a.availUnres, u);
    for (Map.Entry<String, Resources> e : rs.reservations().entrySet()) {
      Quantities.subtractInto(a.availRes.get(e.getKey()), vec(e.getValue()));
    }
    Quantities.subtractInto(a.availAll, vec(rs.nonRevocable().quantity()));
    if (rs.hasRevocable()) {
      // Revocable resources in use when the agent is added (re-registration): allocated even if
      // the agent has reported no oversubscription yet (Mesos' addSlave takes `used` as given).
      ensureRevocable(a);
      Quantities.addInto(a.allocRev, vec(rs.revocable()));
      refreshRevocable(a);
    }
    refreshAllocatable(a);
  }

  private void ensureRevocable(Agent a) {
    if (a.totalRev == null) {
      a.totalRev = new long[a.totalQ.length];
      a.allocRev = new long[a.totalQ.length];
      a.availRev = new long[a.totalQ.length];
    }
  }

  private void refreshAllocatable(Agent a) {
    slotAllocatable[a.slot] = allocatable(a.availAll);
    unscreen(a.key);
  }

  private void giveBackToAgent(Agent a, ResourceSet rs, long[] q) {
    if (a.debtUnres != null || a.debtRes != null) {
      ResourceSet paid = payDebt(a, rs);
      if (!paid.isEmpty()) {
        rs = rs.minus(paid);
        q = q.clone();
        Quantities.subtractInto(q, vec(paid.quantity()));
      }
    }
    long[] u = load(recU, rs.unreserved());
    boolean ok = fitsBack(a.availUnres, u, a.totalUnres);
    boolean reserved = rs.hasReservations(); // most sets have none: no entry iterator
    if (reserved) {
      for (Map.Entry<String, Resources> e : rs.reservations().entrySet()) {
        long[] av = a.availRes.get(e.getKey());
        ok &= av != null && fitsBack(av, vec(e.getValue()), a.totalRes.get(e.getKey()));
      }
    }
    long[] rev = null;
    if (rs.hasRevocable()) {
      rev = vec(rs.revocable());
      ok &= a.allocRev != null && Quantities.contains(a.allocRev, rev);
    }
    if (!ok) {
      throw new IllegalArgumentException("agent " + a.id + " has not allocated " + rs);
    }
    if (rev != null) {
      // Revocable resources come back to slaves[id].allocated; what is available again is
      // max(0, total - allocated): after a shrunk estimate, less than what came back.
      Quantities.subtractInto(a.allocRev, rev);
      long[] nonRev = q.clone(); // availAll gains the non-revocable part below, refreshRevocable the rest
      Quantities.subtractInto(nonRev, rev);
      q = nonRev;
      refreshRevocable(a);
    }
    Quantities.addInto(a.availUnres, u);
    if (reserved) {
      for (Map.Entry<String, Resources> e : rs.reservations().entrySet()) {
        Quantities.addInto(a.availRes.get(e.getKey()), vec(e.getValue()));
      }
    }
    Quantities.addInto(a.availAll, q);
    refreshAllocatable(a);
  }

  /**
   * Pays what {@code a} has allocated beyond its total (after {@link #updateAgentTotal} shrank it)
   * from the non-revocable part of {@code rs}, pool by pool; returns the part used to pay.
   */
  private ResourceSet payDebt(Agent a, ResourceSet rs) {
    Resources paidU = Resources.EMPTY;
    if (a.debtUnres != null) {
      long[] u = vec(rs.unreserved());
      long[] pay = new long[a.debtUnres.length];
      for (int x = 0; x < pay.length; x++) {
        pay[x] = Math.min(a.debtUnres[x], Quantities.get(u, x));
      }
      Quantities.subtractInto(a.debtUnres, pay);
      paidU = Resources.ofMilli(pay);
      if (Quantities.isZero(a.debtUnres)) {
        a.debtUnres = null;
      }
    }
    TreeMap<String, Resources> paidR = new TreeMap<>();
    if (a.debtRes != null) {
      for (Map.Entry<String, Resources> e : rs.reservations().entrySet()) {
        long[] d = a.debtRes.get(e.getKey());
        if (d == null) {
          continue;
        }
        long[] v = vec(e.getValue());
        long[] pay = new long[d.length];
        for (int x = 0; x < pay.length; x++) {
          pay[x] = Math.min(d[x], Quantities.get(v, x));
        }
        Quantities.subtractInto(d, pay);
        paidR.put(e.getKey(), Resources.ofMilli(pay));
        if (Quantities.isZero(d)) {
          a.debtRes.remove(e.getKey());
        }
      }
      if (a.debtRes.isEmpty()) {
        a.debtRes = null;
      }
    }
    return ResourceSet.of(paidU, paidR);
  }

  private static boolean fitsBack(long[] avail, long[] add, long[] total) {
    for (int i = 0; i < add.length; i++) {
      if (Quantities.get(avail, i) + add[i] > Quantities.get(total, i)) {
        return false;
      }
    }
    return true;
  }

  private void expire(OfferFilter f) {
    if (!f.live) {
      return;
    }
    f.batch = null;
    removeFilter(f);
    changed = true;
    // Nothing references an expired filter any more (its chain is unlinked and its batch drops it
    // as this returns), so it is kept for the next DECLINE: a storm installs one per offer. A filter
    // removed before its expiry stays in its batch until then and is left to the collector.
    if (filterPoolSize == filterPool.length && filterPool.length < MAX_FILTER_POOL) {
      filterPool = java.util.Arrays.copyOf(filterPool, filterPool.length * 2);
    }
    if (filterPoolSize < filterPool.length) {
      f.fw = null;
      f.refused = null;
      filterPool[filterPoolSize++] = f;
    }
  }

  private void removeFilter(OfferFilter f) {
    f.live = false;
    unscreen(f.agentKey);
    OfferFilter head = filterHead(f.agentKey, f.fw.index);
    if (head == f) {
      setFilterHead(f.agentKey, f.fw.index, f.next);
      if (f.next == null) {
        setFilterBit(f.agentKey, f.fw.index, false);
      }
    } else {
      for (OfferFilter p = head; p != null; p = p.next) {
        if (p.next == f) {
          p.next = f.next;
          break;
        }
      }
    }
    f.next = null;
    f.fw.filterCount--;
  }

  private void clearFilters(FrameworkClient fw) {
    if (fw.filterCount == 0) {
      return;
    }
    // Order-free: cancelling a timer and clearing a bit draw nothing and schedule nothing.
    int left = fw.filterCount;
    int idx = fw.index;
    for (int key = 0; key < filterHeads.length && left > 0; key++) {
      OfferFilter[] heads = filterHeads[key];
      if (heads == null || idx >= heads.length || heads[idx] == null) {
        continue;
      }
      for (OfferFilter f = heads[idx]; f != null; ) {
        OfferFilter next = f.next;
        f.next = null;
        f.live = false;
        FilterExpiry.Batch<OfferFilter> b = f.batch;
        f.batch = null;
        b.gone();
        left--;
        f = next;
      }
      heads[idx] = null;
      setFilterBit(key, idx, false);
    }
    fw.filterCount = 0;
    eligibilityChanged();
    changed = true;
  }

  private OfferFilter filterHead(int agentKey, int fwIndex) {
    if (agentKey >= filterHeads.length) {
      return null;
    }
    OfferFilter[] heads = filterHeads[agentKey];
    return heads == null || fwIndex >= heads.length ? null : heads[fwIndex];
  }

  private void setFilterHead(int agentKey, int fwIndex, OfferFilter f) {
    if (agentKey >= filterHeads.length) {
      if (f == null) {
        return;
      }
      filterHeads = java.util.Arrays.copyOf(filterHeads, Math.max(agentKey + 1, filterHeads.length * 2));
    }
    OfferFilter[] heads = filterHeads[agentKey];
    if (heads == null || fwIndex >= heads.length) {
      if (f == null) {
        return;
      }
      int n = Math.max(fwIndex + 1, Math.max(fwIndexCount, 4));
      heads = heads == null ? new OfferFilter[n] : java.util.Arrays.copyOf(heads, Math.max(n, heads.length * 2));
      filterHeads[agentKey] = heads;
    }
    heads[fwIndex] = f;
  }

  private void setFilterBit(int agentKey, int fwIndex, boolean on) {
    if (agentKey >= filterBits.length) {
      filterBits = java.util.Arrays.copyOf(filterBits, Math.max(agentKey + 1, filterBits.length * 2));
    }
    long[] bits = filterBits[agentKey];
    int word = fwIndex >>> 6;
    if (bits == null || bits.length <= word) {
      if (!on) {
        return;
      }
      bits = bits == null ? new long[Math.max(word + 1, (fwIndexCount + 63) >>> 6)]
          : java.util.Arrays.copyOf(bits, Math.max(word + 1, (fwIndexCount + 63) >>> 6));
      filterBits[agentKey] = bits;
    }
    if (on) {
      bits[word] |= 1L << fwIndex;
    } else {
      bits[word] &= ~(1L << fwIndex);
    }
  }

  private FrameworkClient requireFw(FrameworkId id) {
    FrameworkClient fw = fwById.get(id);
    if (fw == null) {
      throw new IllegalArgumentException("unknown framework " + id);
    }
    return fw;
  }

  private Agent requireAgent(AgentId id) {
    Agent a = agentById.get(id);
    if (a == null) {
      throw new IllegalArgumentException("unknown agent " + id);
    }
    return a;
  }

  // ====================================================================== triggers

  private void periodic() {
    if (version >= 12) {
      batchAll = true;
      periodicWaiting = true;
      queueBatch();
      return;
    }
    sim.schedule(interval, this::periodic);
    run(null);
  }

  /** An event-triggered run over one agent ({@code a}) or all agents ({@code null}). */
  private void trigger(Agent a) {
    if (version >= 12) {
      if (a == null) {
        batchAll = true;
      } else if (a.batchStamp != batchGen) {
        a.batchStamp = batchGen;
        batchAgents.add(a);
      }
      queueBatch();
      return;
    }
    if (inRun || emitting) {
      // An offer callback called back into the allocator: run after this one, as libprocess would.
      sim.schedule(0, () -> run(a));
      return;
    }
    run(a);
  }

  private void queueBatch() {
    if (!batchQueued) {
      batchQueued = true;
      sim.schedule(0, this::batchRun);
    }
  }

  private void batchRun() {
    batchQueued = false;
    batchGen++;
    if (periodicWaiting) {
      periodicWaiting = false;
      sim.schedule(interval, this::periodic);
    }
    boolean all = batchAll;
    batchAll = false;
    int n = 0;
    runAgents.clear();
    if (!all && maintained > 0) {
      // 1.2+ deallocate() covers allocationCandidates, before the activation filter.
      for (Agent a : batchAgents) {
        if (a == slots[a.slot]) {
          runAgents.add(a);
        }
      }
    }
    if (!all) {
      for (Agent a : batchAgents) {
        if (a == slots[a.slot] && a.activated) {
          candidates[n++] = a.slot;
        }
      }
    }
    batchAgents.clear();
    runOver(all, n);
  }

  private void run(Agent only) {
    int n = 0;
    runAgents.clear();
    if (only != null && only == slots[only.slot] && maintained > 0) {
      // 1.1 deallocate(slaveIds_) covers the run's agents before the activation filter.
      runAgents.add(only);
    }
    if (only != null && only == slots[only.slot] && only.activated) {
      candidates[n++] = only.slot;
    }
    runOver(only == null, n);
  }

  // ====================================================================== the run

  private void runOver(boolean all, int n) {
    if (paused) {
      return;
    }
    runRandom.reseed(stream.nextLong());
    runStamp++;
    if (!changed && skipUnchangedRuns) {
      skippedRuns++;
      // A run skipped because it could offer nothing still sends inverse offers (allocate ends
      // with deallocate whatever it offered).
      deallocate(all);
      return;
    }
    boolean active = !skipIdleRuns || anyFrameworkActive();
    if (!active) {
      idleRuns++;
    }
    if (all && active) {
      n = 0;
      for (int s = 0; s < slotCount; s++) {
        Agent a = slots[s];
        if (a != null && a.activated) {
          candidates[n++] = s;
        }
      }
    }
    runs++;
    inRun = true;
    try {
      offered.clear();
      if (active) {
        runRandom.shuffle(candidates, n);
        if (version >= 15) {
          allocateMesos15(n);
        } else {
          allocateMesos11(n);
        }
      }
    } finally {
      inRun = false;
    }
    if (all) {
      changed = false;
    }
    emit();
    deallocate(all);
  }

  /**
   * False iff no framework of any role is active in its sorter (all suppressed or deactivated):
   * then neither stage can pick anyone (a DRF sorter without active clients answers none), so
   * the run gives nothing, and skipping its agent visits changes nothing: DRF sorters draw no
   * randomness and the run's generator is reseeded by the next run. With random sorters (which
   * draw while sorting) it answers true, so such runs are done in full as before.
   */
  private boolean anyFrameworkActive() {
    if (!screenable) {
      return true;
    }
    for (Role r : roles.values()) {
      if (r.sorter.activeCount() > 0) {
        return true;
      }
    }
    return false;
  }

  private void emit() {
    if (offered.isEmpty()) {
      return;
    }
    ArrayList<FrameworkClient> out = new ArrayList<>(offered);
    offered.clear();
    emitting = true;
    try {
      for (FrameworkClient fw : out) {
        offerCallbacks++;
        callback.offer(fw.id, offerMap(fw));
      }
    } finally {
      emitting = false;
    }
  }

  /** Stage 1, headroom and stage 2 as in 1.1.0 {@code allocate(slaveIds)}. */
  private void allocateMesos11(int n) {
    // Stage 1: quota.
    if (!quotas.isEmpty()) {
      for (int i = 0; i < n; i++) {
        if (!slotAllocatable[candidates[i]]) {
          continue;
        }
        Agent a = slots[candidates[i]];
        int nr = sortRoles(quotaRoleSorter);
        for (int k = 0; k < nr; k++) {
          String qname = quotaRoleSorter.name(roleOrder[k]);
          Role r = roles.get(qname);
          if (r == null || satisfied(roleOrder[k], quotas.get(qname))) {
            continue;
          }
          buildCandidate(a, r.name, true, null);
          if (!allocatable(candQ)) {
            continue;
          }
          int h = pick(a, r);
          if (h >= 0) {
            give(r.byHandle.get(h), a, true);
          }
        }
      }
    }
    // Headroom for stage 2 (1.1.0 hierarchical.cpp, allocate(slaveIds), between the stages; the
    // same in 1.2-1.4): remainingClusterResources = roleSorter->totalScalarQuantities() minus each
    // active role's allocationScalarQuantities(role), minus the unmet guarantees. These scalar
    // quantities keep their role: Resources::createStrippedScalarQuantity (src/common/resources.cpp)
    // clears reservation, disk and shared info but not the role (1.4 collapses a reservation stack
    // to its reservation role, the same key). Resources::operator-= subtracts from the entry of the
    // same name and role only (subtractable()) and drops an entry that goes negative. The unmet
    // guarantee (guarantee - getQuotaRoleAllocatedResources(role), which sets role "*") is
    // unreserved, so it is charged against the unreserved pool only. So: one pool of unreserved
    // resources, reduced by the unmet quota, and one per reservation role, never reduced by it.
    long[] rem = remaining; // the unreserved ("*") entries
    copyInto(rem, roleSorter.total());
    long[] allocU = stage2; // scratch until stage 2 starts: what roles hold of "*"
    copyInto(allocU, roleSorter.allocatedSum());
    remainingReserved.clear();
    for (Map.Entry<String, long[]> e : clusterReserved.entrySet()) {
      Quantities.subtractFlooredInto(rem, e.getValue());
      long[] r = Quantities.widen(e.getValue().clone(), width);
      long[] held = allocatedReserved.get(e.getKey());
      if (held != null) {
        Quantities.subtractFlooredInto(r, held);
      }
      remainingReserved.put(e.getKey(), r);
    }
    for (long[] held : allocatedReserved.values()) {
      Quantities.subtractFlooredInto(allocU, held);
    }
    boolean revocable = agentsWithRevocable > 0 || (allocatedRevocable != null && !Quantities.isZero(allocatedRevocable));
    if (clusterRevocable != null) {
      // The revocable entries (cpus(*){REV} …) are a pool of their own, never charged with unmet
      // quota (the guarantees are non-revocable): total revocable minus what is held of it.
      Quantities.subtractFlooredInto(rem, clusterRevocable);
      Quantities.subtractFlooredInto(allocU, allocatedRevocable);
      System.arraycopy(Quantities.widen(clusterRevocable, width), 0, remRev, 0, width);
      Quantities.subtractFlooredInto(remRev, allocatedRevocable);
      Quantities.clear(stage2Rev);
    }
    Quantities.subtractFlooredInto(rem, allocU);
    long[] unmetSum = scratch;
    Quantities.clear(unmetSum);
    long[] unmet = candQ; // scratch until stage 2 starts
    for (Map.Entry<String, long[]> e : quotas.entrySet()) {
      unmetInto(unmet, e.getValue(), quotaRoleSorter.handle(e.getKey()), null);
      Quantities.addInto(unmetSum, unmet);
    }
    Quantities.subtractFlooredInto(rem, unmetSum);
    long[] s2 = stage2; // allocatedStage2, unreserved entries
    Quantities.clear(s2);
    stage2Reserved.clear();
    // Stage 2 stops when allocatable(remainingClusterResources - allocatedStage2) fails: cpus()
    // and mem() sum over every role, so over all pools. left = that difference (no pool of s2 ever
    // exceeds its pool of rem, so it is the plain difference of the sums).
    long[] left = scratch;
    System.arraycopy(rem, 0, left, 0, width);
    for (long[] r : remainingReserved.values()) {
      Quantities.addInto(left, r);
    }
    if (clusterRevocable != null) {
      Quantities.addInto(left, remRev);
    }
    boolean headroom = allocatable(left);
    boolean screen = screenFilteredAgents && quotas.isEmpty() && screenable && !revocable;
    long epoch = eligibilityEpoch;
    for (int i = 0; i < n; i++) {
      if (!headroom) {
        break;
      }
      if (!slotAllocatable[candidates[i]]) {
        continue;
      }
      Agent a = slots[candidates[i]];
      if (screen && a.key < screenedAt.length && screenedAt[a.key] == epoch) {
        screenedVisits++;
        continue;
      }
      boolean allRefused = screen;
      int nr = sortRoles(roleSorter);
      for (int k = 0; k < nr && slotAllocatable[a.slot]; k++) {
        Role r = roleByHandle.get(roleOrder[k]);
        if (revocable && hasRevocableAvailable(a) && !hasQuota(r)) {
          allRefused = false;
          if (stage2Revocable(a, r, rem, s2, left, null)) {
            headroom = allocatable(left);
            if (!headroom) {
              break;
            }
          }
          continue;
        }
        buildCandidate(a, r.name, !hasQuota(r), null);
        if (!allocatable(candQ)) {
          continue;
        }
        if (!fitsHeadroom(rem, s2)) {
          allRefused = false; // not asked: the headroom, not the frameworks, said no
          continue;
        }
        int h = pick(a, r);
        if (h >= 0) {
          allRefused = false;
          Quantities.addInto(s2, candUnres);
          for (int j = 0; j < candRoles.size(); j++) {
            addReserved(stage2Reserved, candRoles.get(j), candRes.get(j), true);
          }
          Quantities.subtractFlooredInto(left, candQ);
          give(r.byHandle.get(h), a, true);
          headroom = allocatable(left);
        }
      }
      if (allRefused) {
        if (a.key >= screenedAt.length) {
          screenedAt = java.util.Arrays.copyOf(screenedAt, Math.max(a.key + 1, screenedAt.length * 2));
        }
        screenedAt[a.key] = epoch;
      }
    }
  }

  /**
   * 1.5+: quota headroom and chopped quota allocation. Unallocated reservations count as consumed
   * quota; stage 1 gives a quota role its reservations whole and unreserved resources of the
   * guaranteed names only up to the unmet guarantee (other names only if the headroom allows);
   * stage 2 skips quota roles and withholds a candidate's unreserved part if taking it would
   * leave less available headroom than the unmet guarantees need.
   */
  private void allocateMesos15(int n) {
    // requiredHeadroom = sum of unmet guarantees; availableHeadroom = unallocated unreserved.
    Quantities.clear(requiredHeadroom);
    for (Map.Entry<String, long[]> e : quotas.entrySet()) {
      unmetInto(scratch, e.getValue(), quotaRoleSorter.handle(e.getKey()), unallocatedReservations(e.getKey()));
      Quantities.addInto(requiredHeadroom, scratch);
    }
    Quantities.clear(availableHeadroom);
    copyInto(availableHeadroom, roleSorter.total());
    long[] allocatedSum = vec(roleSorter.allocatedSum());
    if (clusterRevocable != null) {
      // 1.5.0 __allocate: "available headroom = ... - unallocated revocable resources"; the
      // headroom is unreserved non-revocable, so revocable totals and allocations leave it.
      Quantities.subtractFlooredInto(availableHeadroom, clusterRevocable);
      Quantities.subtractFlooredInto(allocatedSum, allocatedRevocable);
    }
    Quantities.subtractFlooredInto(availableHeadroom, allocatedSum);
    Quantities.subtractFlooredInto(availableHeadroom, unallocatedReservationsAll());

    if (!quotas.isEmpty()) {
      long[] unmet = new long[width];
      for (int i = 0; i < n; i++) {
        if (!slotAllocatable[candidates[i]]) {
          continue;
        }
        Agent a = slots[candidates[i]];
        int nr = sortRoles(quotaRoleSorter);
        for (int k = 0; k < nr; k++) {
          String qname = quotaRoleSorter.name(roleOrder[k]);
          Role r = roles.get(qname);
          if (r == null) {
            continue;
          }
          long[] g = quotas.get(qname);
          unmetInto(unmet, g, roleOrder[k], unallocatedReservations(qname));
          // Mesos 1.5.0 hierarchical.cpp, __allocate stage 1: the role's reservations are always
          // offered (there is no "satisfied" skip any more); each unreserved resource of a name the
          // role has quota for is shrunk to its unsatisfied quota; one of a name it has no quota
          // for is shrunk to availableHeadroom - requiredHeadroom of that name (name by name:
          // newQuotaAllocationScalarQuantities only holds quota names), and those are added only
          // if the role gets something else here ("if (!resources.empty())").
          long[] cap = scratch;
          boolean quotaPart = false;
          for (int x = 0; x < width; x++) {
            long avail = a.availUnres.length > x ? a.availUnres[x] : 0;
            if (Quantities.get(g, x) > 0) {
              cap[x] = unmet[x];
              quotaPart |= Math.min(avail, unmet[x]) > 0;
            } else {
              cap[x] = Math.max(0, availableHeadroom[x] - requiredHeadroom[x]);
            }
          }
          buildCandidate(a, r.name, true, cap);
          if (!quotaPart && candRoles.isEmpty()) {
            continue; // resources.empty(): nothing to offer, so not allocatable
          }
          if (!allocatable(candQ)) {
            continue;
          }
          int h = pick(a, r);
          if (h >= 0) {
            Quantities.subtractFlooredInto(availableHeadroom, candUnres);
            long[] charged = candUnres.clone();
            for (int x = 0; x < width; x++) {
              charged[x] = Math.min(charged[x], Quantities.get(g, x) > 0 ? unmet[x] : 0);
            }
            Quantities.subtractFlooredInto(requiredHeadroom, charged);
            give(r.byHandle.get(h), a, true);
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (!slotAllocatable[candidates[i]]) {
        continue;
      }
      Agent a = slots[candidates[i]];
      int nr = sortRoles(roleSorter);
      for (int k = 0; k < nr && slotAllocatable[a.slot]; k++) {
        Role r = roleByHandle.get(roleOrder[k]);
        if (hasQuota(r)) {
          continue;
        }
        if (agentsWithRevocable > 0 && hasRevocableAvailable(a)) {
          stage2Revocable(a, r, null, null, null, availableHeadroom);
          continue;
        }
        boolean unres = true;
        if (!Quantities.isZero(requiredHeadroom)) {
          long[] after = availableHeadroom.clone();
          Quantities.subtractFlooredInto(after, a.availUnres);
          unres = Quantities.contains(after, requiredHeadroom);
        }
        buildCandidate(a, r.name, unres, null);
        if (!allocatable(candQ)) {
          continue;
        }
        int h = pick(a, r);
        if (h >= 0) {
          Quantities.subtractFlooredInto(availableHeadroom, candUnres);
          give(r.byHandle.get(h), a, true);
        }
      }
    }
  }

  private boolean hasRevocableAvailable(Agent a) {
    return a.availRev != null && !Quantities.isZero(a.availRev);
  }

  /**
   * Stage 2 on agent {@code a} for role {@code r} (a role without quota) when the agent has revocable
   * resources available: Mesos' loop over the role's frameworks in sorter order, which the revocable
   * resources make framework-dependent (1.1.0 hierarchical.cpp, allocate(slaveIds), stage 2; the
   * same loop in 1.5.0 __allocate). For each framework: the candidate is the role's reservations
   * plus every unreserved resource, revocable included; if that is not allocatable, stop (break);
   * without REVOCABLE_RESOURCES drop the revocable part ({@code resources.nonRevocable()}); if the
   * rest is not allocatable, or filtered, or (1.1-1.4) does not fit the stage-2 headroom, try the
   * next framework ("we cannot break here, because another framework under the same role could
   * accept revocable resources"). 1.5 instead withholds the unreserved non-revocable part when it
   * would cut into the quota headroom ({@code headroom15} non-null). Each framework that gets
   * something leaves the next one what is left, as Mesos recomputes {@code available} per
   * framework: a framework without the capability takes the regular resources and a later one
   * with it the revocable ones.
   *
   * @return whether anything was given
   */
  private boolean stage2Revocable(Agent a, Role r, long[] rem, long[] s2, long[] left, long[] headroom15) {
    int nf = r.sorter.activeCount();
    if (fwOrder.length < nf) {
      fwOrder = new int[Math.max(nf, fwOrder.length * 2)];
    }
    nf = r.sorter.sortInto(fwOrder);
    int[] order = fwOrder; // the snapshot Mesos iterates (frameworkSorters[role]->sort())
    boolean gave = false;
    for (int j = 0; j < nf; j++) {
      FrameworkClient fw = r.byHandle.get(order[j]);
      if (fw == null || fw.suppressed || !Offerability.agentOffered(a.hasGpus, fw.gpuAware)) {
        continue;
      }
      buildCandidate(a, r.name, true, null);
      Quantities.clear(candRev);
      for (int x = 0; x < a.availRev.length; x++) {
        candRev[x] = a.availRev[x];
        candQ[x] += a.availRev[x];
      }
      candRevOn = true;
      if (!allocatable(candQ)) {
        break;
      }
      if (!fw.revocable) {
        for (int x = 0; x < candRev.length; x++) {
          candQ[x] -= candRev[x];
          candRev[x] = 0;
        }
        candRevOn = false;
      }
      if (headroom15 != null && !Quantities.isZero(requiredHeadroom)) {
        long[] after = headroom15.clone();
        Quantities.subtractFlooredInto(after, candUnres);
        if (!Quantities.contains(after, requiredHeadroom)) {
          Quantities.subtractInto(candQ, candUnres); // resources -= headroomToAllocate
          Quantities.clear(candUnres);
        }
      }
      if (!allocatable(candQ) || filtered(fw, a)) {
        continue;
      }
      if (headroom15 == null) {
        if (!fitsHeadroom(rem, s2)) {
          continue;
        }
        Quantities.addInto(s2, candUnres);
        for (int i = 0; i < candRoles.size(); i++) {
          addReserved(stage2Reserved, candRoles.get(i), candRes.get(i), true);
        }
        if (candRevOn) {
          Quantities.addInto(stage2Rev, candRev);
        }
        Quantities.subtractFlooredInto(left, candQ);
      } else {
        Quantities.subtractFlooredInto(headroom15, candUnres);
      }
      give(fw, a, true);
      candRevOn = false;
      gave = true;
    }
    candRevOn = false;
    return gave;
  }

  private long[] unallocatedReservations(String role) {
    long[] out = new long[width];
    for (int s = 0; s < slotCount; s++) {
      Agent a = slots[s];
      if (a == null) {
        continue;
      }
      for (Map.Entry<String, long[]> e : a.availRes.entrySet()) {
        if (e.getKey().equals(role)) {
          Quantities.addInto(out, e.getValue());
        }
      }
    }
    return out;
  }

  private long[] unallocatedReservationsAll() {
    long[] out = new long[width];
    for (int s = 0; s < slotCount; s++) {
      Agent a = slots[s];
      if (a != null) {
        for (long[] v : a.availRes.values()) {
          Quantities.addInto(out, v);
        }
      }
    }
    return out;
  }

  private int sortRoles(Sorter sorter) {
    if (roleOrder.length < sorter.activeCount()) {
      roleOrder = new int[Math.max(sorter.activeCount(), roleOrder.length * 2)];
    }
    return sorter.sortInto(roleOrder);
  }

  /** The first eligible framework of {@code r} for agent {@code a} and the current candidate. */
  private int pick(Agent a, Role r) {
    curAgent = a;
    curRole = r;
    return r.sorter.first(eligible);
  }

  private boolean eligible(int h) {
    FrameworkClient fw = curRole.byHandle.get(h);
    if (fw.suppressed) {
      return false;
    }
    if (!Offerability.agentOffered(curAgent.hasGpus, fw.gpuAware)) {
      return false;
    }
    return !filtered(fw, curAgent);
  }

  /** True iff a filter of {@code fw} on {@code a} refused a superset of the current candidate. */
  private boolean filtered(FrameworkClient fw, Agent a) {
    if (fw.filterCount == 0 || a.key >= filterBits.length) {
      return false;
    }
    long[] bits = filterBits[a.key];
    int word = fw.index >>> 6;
    if (bits == null || word >= bits.length || (bits[word] & (1L << fw.index)) == 0) {
      return false;
    }
    for (OfferFilter f = filterHeads[a.key][fw.index]; f != null; f = f.next) {
      if (refusedContains(f)) {
        return true;
      }
    }
    return false;
  }

  private boolean refusedContains(OfferFilter f) {
    long[] ru = f.unres;
    for (int x = 0; x < width; x++) {
      if (candUnres[x] > (x < ru.length ? ru[x] : 0L)) {
        return false;
      }
    }
    if (candRevOn) {
      // Mesos' contains() keeps revocable and non-revocable resources apart (subtractable).
      Resources rr = f.refused.revocable();
      for (int x = 0; x < candRev.length; x++) {
        if (candRev[x] > rr.milli(x)) {
          return false;
        }
      }
    }
    for (int j = 0; j < candRoles.size(); j++) {
      Resources rr = f.refused.reserved(candRoles.get(j));
      long[] v = candRes.get(j);
      for (int x = 0; x < v.length; x++) {
        if (v[x] > rr.milli(x)) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Fills the candidate scratch for {@code role} on {@code a}: its reservations (and, with 1.4+,
   * its ancestors'), plus the unreserved part if {@code withUnreserved}, capped per name by
   * {@code cap} if given.
   */
  private void buildCandidate(Agent a, String role, boolean withUnreserved, long[] cap) {
    candRevOn = false;
    candWithUnreserved = withUnreserved;
    Quantities.clear(candQ);
    Quantities.clear(candUnres);
    if (withUnreserved) {
      for (int x = 0; x < a.availUnres.length; x++) {
        long u = a.availUnres[x];
        if (cap != null) {
          u = Math.min(u, cap[x]);
        }
        candUnres[x] = u;
        candQ[x] = u;
      }
    }
    candRoles.clear();
    candRes.clear();
    if (a.availRes.isEmpty()) {
      return;
    }
    String r = role;
    while (r != null) {
      long[] v = a.availRes.get(r);
      if (v != null && !Quantities.isZero(v)) {
        candRoles.add(r);
        candRes.add(v);
        Quantities.addInto(candQ, v);
      }
      r = version >= 14 ? parentRole(r) : null;
    }
  }

  private static String parentRole(String role) {
    int i = role.lastIndexOf('/');
    return i < 0 ? null : role.substring(0, i);
  }

  /** Gives the current candidate of {@code a} to {@code fw}. */
  private void give(FrameworkClient fw, Agent a, boolean record) {
    ResourceSet rs;
    if (candRoles.isEmpty()) {
      rs = a.lastUnreservedOffer;
      if (rs == null || !sameMilli(rs.unreserved(), candUnres)) {
        rs = ResourceSet.unreserved(Quantities.isZero(candUnres) ? Resources.EMPTY : Resources.ofMilli(candUnres));
        a.lastUnreservedOffer = rs;
      }
    } else {
      Resources un = Quantities.isZero(candUnres) ? Resources.EMPTY : Resources.ofMilli(candUnres);
      TreeMap<String, Resources> res = new TreeMap<>();
      for (int j = 0; j < candRoles.size(); j++) {
        res.put(candRoles.get(j), Resources.ofMilli(candRes.get(j)));
      }
      rs = ResourceSet.of(un, res);
    }
    long[] rev = null;
    if (candRevOn) {
      // The candidate's revocable part (only in the revocable path of stage 2, for a framework
      // with REVOCABLE_RESOURCES): slaves[id].allocated += resources, revocable included.
      rev = candRev.clone();
      rs = ResourceSet.of(rs.unreserved(), rs.reservations(), Resources.ofMilli(rev));
      Quantities.addInto(a.allocRev, rev);
      Quantities.subtractInto(a.availRev, rev);
    }
    ResourceSet withShared = null;
    if (a.volumes != null) {
      rs = offerVolumes(fw, a, rs);
      withShared = rs;
    }
    Quantities.subtractInto(a.availUnres, candUnres);
    for (int j = 0; j < candRoles.size(); j++) {
      accountReserved(fw, candRoles.get(j), candRes.get(j), true);
    }
    for (int j = 0; j < candRes.size(); j++) { // indexed: no iterator per offer
      Quantities.clear(candRes.get(j));
    }
    Quantities.subtractInto(a.availAll, candQ);
    refreshAllocatable(a);
    if (withShared != null) {
      accountWithShared(fw, a.key, candQ, withShared, rev);
    } else {
      account(fw, a.key, candQ, rev);
    }
    if (record) {
      if (fw.runStamp != runStamp) {
        fw.runStamp = runStamp;
        fw.offerCount = 0;
        offered.add(fw);
      }
      int c = fw.offerCount;
      if (c == fw.offerAgents.length) {
        fw.offerAgents = java.util.Arrays.copyOf(fw.offerAgents, c * 2);
        fw.offerSets = java.util.Arrays.copyOf(fw.offerSets, c * 2);
      }
      fw.offerAgents[c] = a;
      fw.offerSets[c] = rs;
      fw.offerCount = c + 1;
    }
  }

  /** True iff {@code r} holds exactly the thousandths {@code v} (r has no name beyond v's width). */
  private static boolean sameMilli(Resources r, long[] v) {
    if (r.width() > v.length) {
      return false;
    }
    for (int x = 0; x < v.length; x++) {
      if (r.milli(x) != v[x]) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code fw}'s offer of this run as a map by agent id: pools given to the same agent are merged
   * in the order given, exactly as {@code TreeMap.merge(id, rs, ResourceSet::plus)} would. Entries
   * are sorted by the agents' id ranks into arrays that the returned {@link OfferRun} wraps (no
   * tree is built: the master only walks it).
   */
  private OfferRun offerMap(FrameworkClient fw) {
    int n = fw.offerCount;
    Agent[] as = fw.offerAgents;
    ResourceSet[] rs = fw.offerSets;
    fw.offerCount = 0;
    if (n == 1) {
      OfferRun one = new OfferRun(new AgentId[] {as[0].id}, new ResourceSet[] {rs[0]}, new int[] {as[0].key}, 1);
      as[0] = null;
      rs[0] = null;
      return one;
    }
    if (ranksDirty) {
      int r = 0;
      for (Agent x : agents.values()) {
        x.rank = r++;
      }
      ranksDirty = false;
    }
    if (sortKeys.length < n) {
      sortKeys = new long[Math.max(n, sortKeys.length * 2)];
    }
    long[] keys = sortKeys;
    for (int i = 0; i < n; i++) {
      keys[i] = ((long) as[i].rank << 32) | i;
    }
    java.util.Arrays.sort(keys, 0, n);
    AgentId[] ids = new AgentId[n];
    ResourceSet[] vals = new ResourceSet[n];
    int[] tokens = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int j = (int) keys[i];
      if (k > 0 && ids[k - 1] == as[j].id) {
        vals[k - 1] = vals[k - 1].plus(rs[j]);
      } else {
        ids[k] = as[j].id;
        vals[k] = rs[j];
        tokens[k] = as[j].key;
        k++;
      }
    }
    java.util.Arrays.fill(as, 0, n, null);
    java.util.Arrays.fill(rs, 0, n, null);
    return new OfferRun(ids, vals, tokens, k);
  }

  /**
   * True iff {@code v} contains one of the {@code minAllocatable} alternatives. Pools are never
   * negative, so only the names an alternative asks for need comparing (the same answer as
   * {@code Quantities.contains(v, alt)} for every alternative, at a fraction of the cost: this runs
   * several times per agent per allocation run).
   */
  private boolean allocatable(long[] v) {
    for (int k = 0; k < minIdx.length; k++) {
      int[] idx = minIdx[k];
      long[] amt = minAmt[k];
      boolean all = true;
      for (int j = 0; j < idx.length; j++) {
        int i = idx[j];
        if (i >= v.length || v[i] < amt[j]) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stage 1's "quota satisfied" test. 1.1: the quota role's allocation (thousandths) contains its
   * whole guarantee. 1.2-1.4: one guarantee reached is enough (MESOS-6432, commit 34de30cf6;
   * 1.2.0 hierarchical.cpp, __allocate: {@code someGuaranteesReached}, each guarantee Resource
   * checked with {@code roleConsumedResources.contains}), so a role whose demand is out of
   * proportion to its quota cannot take more of the other names (test
   * DisproportionateQuotaVsAllocation).
   */
  private boolean satisfied(int quotaHandle, long[] guarantee) {
    Resources alloc = quotaRoleSorter.allocation(quotaHandle);
    if (version >= 12) {
      for (int x = 0; x < guarantee.length; x++) {
        if (guarantee[x] > 0 && guarantee[x] <= alloc.milli(x)) {
          return true;
        }
      }
      return false;
    }
    for (int x = 0; x < guarantee.length; x++) {
      if (guarantee[x] > alloc.milli(x)) {
        return false;
      }
    }
    return true;
  }

  /** {@code out = max(0, guarantee - allocation(quota role) - extra)} per name. */
  private void unmetInto(long[] out, long[] guarantee, int quotaHandle, long[] extra) {
    Resources alloc = quotaRoleSorter.allocation(quotaHandle);
    for (int x = 0; x < out.length; x++) {
      long g = Quantities.get(guarantee, x);
      long e = extra == null ? 0 : Quantities.get(extra, x);
      out[x] = Math.max(0, g - alloc.milli(x) - e);
    }
  }

  /**
   * 1.1-1.4 stage 2: {@code remainingClusterResources.contains(allocatedStage2 + scalarQuantity)}
   * for the current candidate, pool by pool: its unreserved part against the unreserved pool
   * ({@code rem}, {@code s2}), each reserved part against its reservation role's pool (Mesos'
   * {@code contains} matches name and role, so a reserved amount never fits in another pool).
   */
  private boolean fitsHeadroom(long[] rem, long[] s2) {
    for (int x = 0; x < candUnres.length; x++) {
      if (candUnres[x] != 0 && s2[x] + candUnres[x] > Quantities.get(rem, x)) {
        return false;
      }
    }
    if (candRevOn) {
      // The revocable entries are a pool of their own: createStrippedScalarQuantity (1.1.0
      // resources.cpp) keeps RevocableInfo, and contains() compares has_revocable().
      for (int x = 0; x < candRev.length; x++) {
        if (candRev[x] != 0 && stage2Rev[x] + candRev[x] > Quantities.get(remRev, x)) {
          return false;
        }
      }
    }
    for (int j = 0; j < candRoles.size(); j++) {
      long[] v = candRes.get(j);
      long[] pool = remainingReserved.get(candRoles.get(j));
      long[] used = stage2Reserved.get(candRoles.get(j));
      for (int x = 0; x < v.length; x++) {
        long have = pool == null ? 0 : Quantities.get(pool, x);
        long taken = used == null ? 0 : Quantities.get(used, x);
        if (v[x] != 0 && taken + v[x] > have) {
          return false;
        }
      }
    }
    return true;
  }

  private void copyInto(long[] out, Resources r) {
    for (int x = 0; x < out.length; x++) {
      out[x] = r.milli(x);
    }
  }
}
