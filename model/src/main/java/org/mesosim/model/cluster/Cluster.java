package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Unavailability;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.MaintenanceConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.BackgroundDigest;
import org.mesosim.model.events.DigestObserver;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.events.ModelObserver;

/**
 * The whole simulated cluster: ZooKeeper servers, masters, agents and frameworks as network
 * endpoints (in that order), the registry, health checks, faults and the invariant checker. The
 * public face is {@link org.mesosim.model.MesosCluster}.
 */
public final class Cluster {
  final Simulation sim;
  final ModelConfig config;
  final Network net;
  final ZooKeeper zk;
  final Registry registry;
  final Master[] masters;
  final Agent[] agents;
  final Framework[] frameworks;
  final HealthChecks health;
  final Invariants invariants;
  final long baseLatency;
  private final int masterBase;
  private final int agentBase;
  private final int frameworkBase;
  private final List<ModelObserver> observers = new ArrayList<>();
  private ModelObserver[] obs = new ModelObserver[0];
  private final LinkedHashMap<String, Integer> agentByName = new LinkedHashMap<>();
  private long uuids;
  private long stamps;
  int busyFrameworks;
  long tasksLaunched;
  /** Oversubscription counters (docs/oversubscription.md): QoS kills, revocable launches, offers with revocable resources. */
  long revocations;
  long revocableLaunches;
  long revocableOffers;
  /** OfferMade and TaskLaunched records emitted by masters (counted where emitted: no observer per record). */
  long offersMade;
  long launchesAccepted;
  /** Tasks launched and not yet terminal in their frameworks' view, over all frameworks. */
  int liveTasks;
  /** When a task was last launched or ended in a framework's view, or a job last arrived. */
  long lastProgress;
  private int leaderEp = -1;
  private long leaderEpoch;
  private int partitionSeq;
  /**
   * Restarts, heals and one-off faults scheduled and not fired yet: while any is pending, a leader
   * may come back (see {@link #leaderLostForGood()}).
   */
  private int pendingRecoveries;
  /** A recurring partition fault: sides keep changing, so a leader may always come back. */
  private boolean recurringPartitions;
  private boolean started;
  private final Resources capacity;

  public Cluster(Simulation sim, ModelConfig config) {
    this.sim = sim;
    this.config = config;
    int z = config.zookeeper().servers();
    int m = config.masters();
    int a = 0;
    for (AgentGroup g : config.agents()) {
      a += g.count();
    }
    int f = config.frameworks().size();
    this.net = new Network(sim, z + m + a + f, config.network());
    net.onLinkBroken(this::linkBroken);
    this.baseLatency = net.baseLatency(config.network());
    this.zk = new ZooKeeper(this, z, 0, config.zookeeper().sessionTimeout());
    for (int i = 0; i < z; i++) {
      net.register(zk.new Server(i, "zookeeper-" + (i + 1)));
    }
    masterBase = z;
    masters = new Master[m];
    for (int i = 0; i < m; i++) {
      masters[i] = new Master(this, masterBase + i, i);
      net.register(masters[i]);
    }
    agentBase = z + m;
    agents = new Agent[a];
    Resources cap = Resources.EMPTY;
    int k = 0;
    for (AgentGroup g : config.agents()) {
      Resources reservedSum = Resources.EMPTY;
      for (Resources r : g.reservations().values()) {
        reservedSum = reservedSum.plus(r);
      }
      if (!g.resources().contains(reservedSum)) {
        throw new IllegalArgumentException("agents." + g.name() + ".reservations: exceed the agent's resources");
      }
      ResourceSet total = ResourceSet.of(g.resources().minus(reservedSum), g.reservations());
      for (int i = 1; i <= g.count(); i++) {
        String host = g.name() + "-" + i;
        AgentInfo info = new AgentInfo(host, total, g.attributes());
        agents[k] = new Agent(this, agentBase + k, k, g.name(), info);
        net.register(agents[k]);
        agentByName.put(host, k);
        cap = cap.plus(g.resources());
        k++;
      }
    }
    capacity = cap;
    frameworkBase = agentBase + a;
    frameworks = new Framework[f];
    for (int i = 0; i < f; i++) {
      frameworks[i] = new Framework(this, frameworkBase + i, i, config.frameworks().get(i));
      net.register(frameworks[i]);
    }
    registry = new Registry(a);
    health = new HealthChecks(this, a);
    invariants = new Invariants(this, config.checkInvariants());
    observers.add(new DigestObserver(sim.digest()));
    obs = observers.toArray(new ModelObserver[0]);
  }

  /**
   * From now on the digest is folded on a worker thread ({@link BackgroundDigest}), in the same
   * place among the observers, so the value is the same. Call before {@link #start}; call
   * {@link BackgroundDigest#finish} before reading the simulation's digest.
   */
  public BackgroundDigest digestInBackground() {
    if (started) {
      throw new IllegalStateException("the digest must move to the background before the run starts");
    }
    for (int i = 0; i < observers.size(); i++) {
      if (observers.get(i) instanceof DigestObserver) {
        BackgroundDigest bg = new BackgroundDigest(sim.digest(), "mesosim");
        observers.set(i, bg);
        obs = observers.toArray(new ModelObserver[0]);
        return bg;
      }
    }
    throw new IllegalStateException("the digest is already folded in the background");
  }

  public void addObserver(ModelObserver o) {
    observers.add(o);
    obs = observers.toArray(new ModelObserver[0]);
  }

  /** Schedules the initial events: ZooKeeper, masters, agents, frameworks, faults. */
  public void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    for (Master m : masters) {
      sim.at(sim.now(), m::start);
    }
    for (Framework f : frameworks) {
      f.start();
    }
    if (config.oversubscription().enabled()) {
      for (Agent a : agents) {
        if (a.estimator != null) {
          sim.at(sim.now(), a::startOversubscription);
        }
      }
    }
    scheduleFaults();
    scheduleMaintenance();
  }

  // ---- maintenance (docs/maintenance.md) -------------------------------------------------

  /** How long the operator waits before repeating a maintenance call that did not take effect. */
  static final long OPERATOR_RETRY = SimTime.SECOND;

  /**
   * The operator's maintenance calls, each at its time: the schedule at {@code postAt}, then the
   * DOWN / UP actions. Nothing is scheduled without maintenance, so such a run is unchanged.
   */
  private void scheduleMaintenance() {
    MaintenanceConfig mc = config.maintenance();
    if (mc.isNone()) {
      return;
    }
    if (!mc.windows().isEmpty()) {
      Unavailability[] windowOf = new Unavailability[agents.length];
      for (MaintenanceConfig.Window w : mc.windows()) {
        for (String machine : w.machines()) {
          windowOf[machineIndex(machine)] = new Unavailability(w.start(), w.duration());
        }
      }
      sim.at(mc.postAt(), () -> operate((l, done) -> l.updateSchedule(windowOf, done)));
    }
    for (MaintenanceConfig.Action a : mc.actions()) {
      int[] idx = new int[a.machines().size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = machineIndex(a.machines().get(i));
      }
      if (a.mode() == MaintenanceConfig.Mode.DOWN) {
        sim.at(a.at(), () -> operate((l, done) -> l.startMaintenance(idx, done)));
      } else {
        sim.at(a.at(), () -> operate((l, done) -> l.stopMaintenance(idx, done)));
      }
    }
  }

  private int machineIndex(String machine) {
    Integer i = agentByName.get(machine);
    if (i == null) {
      throw new IllegalArgumentException("maintenance: no agent named '" + machine + "'");
    }
    return i;
  }

  /**
   * One operator HTTP call to the leading master: made on the leader once it has recovered; if
   * there is none, or the call has not taken effect {@link #OPERATOR_RETRY} later (the leader lost
   * its leadership before the registry write committed), the operator calls again. A call Mesos
   * would refuse (400) counts as done: it changes nothing.
   */
  private void operate(java.util.function.BiConsumer<Master.Leadership, Runnable> call) {
    boolean[] done = new boolean[1];
    Master m = leader();
    if (m != null && m.leading.recovered) {
      call.accept(m.leading, () -> done[0] = true);
    }
    sim.schedule(OPERATOR_RETRY, () -> {
      if (!done[0]) {
        operate(call);
      }
    });
  }

  /**
   * The operator starts the agent of a machine brought UP: an agent that exited on the master's
   * ShutdownMessage restarts (forgetting its ID, it registers as a new agent); one still running
   * is left alone.
   */
  void machineUp(int idx) {
    Agent a = agents[idx];
    if (a.alive() || !a.shutDown) {
      return;
    }
    a.shutDown = false;
    net.restart(a.ep);
    a.restarted();
    health.reevaluate(a.idx);
    detectLater(a.ep);
  }

  /** The agent exited on a ShutdownMessage (its process ends; the host stays up). */
  void agentExited(Agent a) {
    net.crash(a.ep);
    health.reevaluate(a.idx);
  }

  void emit(ModelEvent e) {
    for (ModelObserver o : obs) {
      o.on(e);
    }
  }

  long nextUuid() {
    return ++uuids;
  }

  /** A fresh marker value (never 0) for one pass that marks objects instead of searching lists. */
  long nextStamp() {
    return ++stamps;
  }

  int agentEp(int idx) {
    return agentBase + idx;
  }

  int frameworkEp(int idx) {
    return frameworkBase + idx;
  }

  public boolean isDrained() {
    return started && busyFrameworks == 0;
  }

  /**
   * The time of the last progress (a task launched or ended, a job arrived) while no task is live
   * and some framework still has work; else {@code SimTime.NEVER}. O(1).
   */
  public long idleSince() {
    return liveTasks > 0 || busyFrameworks == 0 ? org.mesosim.engine.SimTime.NEVER : lastProgress;
  }

  /** Each framework with tasks queued, and how many, in framework order. */
  public java.util.LinkedHashMap<String, Integer> queuedTasks() {
    java.util.LinkedHashMap<String, Integer> out = new java.util.LinkedHashMap<>();
    for (Framework f : frameworks) {
      if (f.queued() > 0) {
        out.put(f.name, f.queued());
      }
    }
    return out;
  }

  public boolean anyEndlessWorkload() {
    for (Framework f : frameworks) {
      if (f.endless()) {
        return true;
      }
    }
    return false;
  }

  public Resources capacity() {
    return capacity;
  }

  public long invariantViolations() {
    return invariants.violations();
  }

  /**
   * Oversubscription metrics under Mesos' names: the leading master's
   * {@code master/<r>_revocable_total}, {@code _used} and {@code _percent} for cpus, mem and disk
   * (1.1.0 src/master/master.cpp, {@code _resources_revocable_*}: the registered agents' revocable
   * totals as last reported, and the revocable part of what their tasks use; percent 0 when the
   * total is 0), and {@code slave/executors_preempted} summed over every agent (in Mesos a counter
   * per agent, src/slave/metrics.cpp; here the whole cluster's QoS kills). Empty while no master
   * leads. Reading changes nothing.
   */
  public java.util.SortedMap<String, Double> oversubscriptionMetrics() {
    java.util.TreeMap<String, Double> m = new java.util.TreeMap<>();
    Master l = leader();
    if (l == null || !l.leading.recovered) {
      return m;
    }
    Resources total = Resources.EMPTY;
    Resources used = Resources.EMPTY;
    for (AgentRecord a : l.leading.agents) {
      if (a == null) {
        continue;
      }
      total = total.plus(a.revocable);
      for (Task t : a.tasks) {
        if (!t.mTerminalRecovered && t.resources.hasRevocable()) {
          used = used.plus(t.resources.revocable());
        }
      }
    }
    for (String r : java.util.List.of("cpus", "mem", "disk")) {
      double tot = total.get(r);
      double u = used.get(r);
      m.put("master/" + r + "_revocable_total", tot);
      m.put("master/" + r + "_revocable_used", u);
      m.put("master/" + r + "_revocable_percent", tot == 0 ? 0.0 : u / tot);
    }
    m.put("slave/executors_preempted", (double) revocations);
    return m;
  }

  /** Revocable tasks the QoS controllers killed. */
  public long revocations() {
    return revocations;
  }

  /** Tasks launched on revocable resources (any part of them revocable). */
  public long revocableLaunches() {
    return revocableLaunches;
  }

  /** Offers that carried revocable resources. */
  public long revocableOffers() {
    return revocableOffers;
  }

  /** The revocable resources in use on the agents now (what their tasks hold). */
  public Resources revocableInUse() {
    Resources sum = Resources.EMPTY;
    for (Agent a : agents) {
      sum = sum.plus(a.revocableInUse());
    }
    return sum;
  }

  public long tasksLaunched() {
    return tasksLaunched;
  }

  /** Offers made by every leader so far (the stream's {@code offer} records). */
  public long offersMade() {
    return offersMade;
  }

  /** Launches the masters accepted so far (the stream's {@code launch} records). */
  public long launchesAccepted() {
    return launchesAccepted;
  }

  public long messagesSent() {
    return net.sent;
  }

  public long messagesDropped() {
    return net.dropped;
  }

  /**
   * The allocator of the leading master once it has recovered (the one whose metrics a Mesos
   * operator reads), else null: no leader, or its allocator not yet created. Each leadership has
   * its own allocator, so its counters start again at 0 after a leader change, as a new Mesos
   * master process' do.
   */
  public org.mesosim.model.allocation.Allocator leadingAllocator() {
    Master l = leader();
    return l == null || !l.leading.recovered ? null : l.leading.allocator;
  }

  /** Links broken by message loss ({@code lossModel: link}). */
  public long linksBroken() {
    return net.linksBroken;
  }

  /** Passes a framework's demand hint to the leading master's allocator (out of band). */
  void updateDemand(Framework f, Resources next) {
    Master l = leader();
    if (l == null || !l.leading.recovered || f.mesosId == null) {
      return;
    }
    FrameworkRecord mf = l.leading.frameworks[f.index];
    if (mf != null && !mf.removed && mf.id.equals(f.mesosId)) {
      l.leading.allocator.updateDemand(mf.id, next);
    }
  }

  // ---- leader detection ---------------------------------------------------------------------

  /** ZooKeeper reports a new leader (lowest znode), or none. */
  void leaderDetected(ZooKeeper.Session leader, long epoch) {
    for (Master m : masters) {
      m.detected(leader, epoch);
    }
    leaderEp = leader == null ? -1 : leader.owner.ep;
    leaderEpoch = epoch;
    refreshDetectors();
  }

  /** Agents and frameworks that can reach ZooKeeper and do not know the current leader learn it. */
  private void refreshDetectors() {
    for (Agent a : agents) {
      if (a.alive() && a.leaderEpoch != leaderEpoch && zk.reachesQuorum(a.ep)) {
        a.detected(leaderEp, leaderEpoch);
      }
    }
    for (Framework f : frameworks) {
      if (f.alive() && f.leaderEpoch != leaderEpoch && zk.reachesQuorum(f.ep)) {
        f.detected(leaderEp, leaderEpoch);
      }
    }
  }

  Master leader() {
    for (Master m : masters) {
      if (m.leading != null) {
        return m;
      }
    }
    return null;
  }

  // ---- faults ----------------------------------------------------------------------------

  void crashProcess(int ep) {
    net.crash(ep);
    zk.reevaluate();
  }

  void restartMaster(Master m) {
    if (m.alive()) {
      return;
    }
    net.restart(m.ep);
    emit(new ModelEvent.Fault(sim.now(), "restart", m.name));
    zk.reevaluate();
    m.start();
  }

  private void scheduleFaults() {
    List<FaultSpec> faults = config.faults();
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec f = faults.get(i);
      if (f.at() >= 0) {
        pendingRecoveries++;
        sim.at(Math.max(f.at(), sim.now()), () -> {
          pendingRecoveries--;
          inject(f, f.targets(), faultStream(f, "restart"));
        });
      } else {
        recurringPartitions |= f.action() == FaultSpec.Action.PARTITION;
        for (FaultTarget t : randomTargets(f)) {
          String stream = "faults/" + i + "/" + t;
          Distribution.Sampler every = f.every().sampler(sim.random().stream(stream + "/every"));
          Distribution.Sampler rec = f.recoverAfter() == null ? null
              : f.recoverAfter().sampler(sim.random().stream(stream + "/recover"));
          scheduleRandomFault(f, t, every, rec);
        }
      }
    }
  }

  /**
   * The targets of an {@code every} fault, each with a process of its own. A crash of a target
   * that names several processes ({@code agents G}, {@code framework A} with {@code count}) is one
   * process per agent or framework copy, so each fails and recovers on its own (churn, not a group
   * failing together). A partition keeps each listed target whole: that side is cut off together.
   * The leading master is resolved when the fault fires.
   */
  private List<FaultTarget> randomTargets(FaultSpec f) {
    if (f.action() != FaultSpec.Action.CRASH) {
      return f.targets();
    }
    List<FaultTarget> out = new ArrayList<>();
    for (FaultTarget t : f.targets()) {
      switch (t.kind()) {
        case AGENT_GROUP -> resolve(t).forEach(p -> out.add(new FaultTarget(FaultTarget.Kind.AGENT, p.name)));
        case FRAMEWORK -> resolve(t).forEach(p -> out.add(new FaultTarget(FaultTarget.Kind.FRAMEWORK, p.name)));
        default -> out.add(t);
      }
    }
    return out;
  }

  private Distribution.Sampler faultStream(FaultSpec f, String what) {
    if (f.recoverAfter() == null) {
      return null;
    }
    return f.recoverAfter().sampler(sim.random().stream("faults/" + config.faults().indexOf(f) + "/" + what));
  }

  private void scheduleRandomFault(FaultSpec f, FaultTarget t, Distribution.Sampler every, Distribution.Sampler rec) {
    long delay = Math.max(0, Math.round(every.sample()));
    sim.schedule(delay, () -> {
      inject(f, List.of(t), rec);
      scheduleRandomFault(f, t, every, rec);
    });
  }

  private void inject(FaultSpec f, List<FaultTarget> targets, Distribution.Sampler rec) {
    long recoverAfter = rec == null ? SimTime.NEVER : Math.max(0, Math.round(rec.sample()));
    if (f.action() == FaultSpec.Action.CRASH) {
      for (FaultTarget t : targets) {
        for (Process p : resolve(t)) {
          crash(p, recoverAfter);
        }
      }
    } else {
      List<Process> side = new ArrayList<>();
      for (FaultTarget t : targets) {
        side.addAll(resolve(t));
      }
      partition(side, recoverAfter);
    }
  }

  List<Process> resolve(FaultTarget t) {
    List<Process> out = new ArrayList<>();
    switch (t.kind()) {
      case LEADING_MASTER -> {
        Master m = leader();
        if (m != null) {
          out.add(m);
        }
      }
      case MASTER -> {
        for (Master m : masters) {
          if (m.name.equals(t.name())) {
            out.add(m);
          }
        }
      }
      case AGENT -> {
        Integer i = agentByName.get(t.name());
        if (i != null) {
          out.add(agents[i]);
        }
      }
      case AGENT_GROUP -> {
        for (Agent a : agents) {
          if (a.group.equals(t.name())) {
            out.add(a);
          }
        }
      }
      case FRAMEWORK -> {
        for (Framework fw : frameworks) {
          if (fw.name.equals(t.name())) {
            out.add(fw);
          }
        }
        if (out.isEmpty()) {
          // "framework A" with count: N hits every copy A-1 … A-N.
          for (Framework fw : frameworks) {
            String n = fw.name;
            if (n.startsWith(t.name() + "-") && n.substring(t.name().length() + 1).chars().allMatch(Character::isDigit)) {
              out.add(fw);
            }
          }
        }
      }
      case ZOOKEEPER -> {
        for (int i = 0; i < zk.servers; i++) {
          if (("zookeeper-" + (i + 1)).equals(t.name())) {
            out.add(net.process(i));
          }
        }
      }
      default -> throw new IllegalStateException();
    }
    return out;
  }

  /** Crashes a process now and restarts it after {@code restartAfter} (NEVER = stays down). */
  void crash(Process p, long restartAfter) {
    if (!p.alive()) {
      return;
    }
    emit(new ModelEvent.Fault(sim.now(), "crash", p.name));
    if (p instanceof Master m) {
      m.crashed();
      net.crash(m.ep);
      zk.reevaluate();
    } else if (p instanceof Agent a) {
      net.crash(a.ep);
      a.crashed();
      health.reevaluate(a.idx);
      Master l = leader();
      if (l != null && l.leading.recovered && l.leading.agents[a.idx] != null && net.connected(l.ep, a.ep)) {
        // The agent process exits on a live host: its socket closes, and the master that has it
        // registered learns it one latency later (Master::exited -> disconnect). That master linked
        // to the agent when it added it (Master::addSlave), so this holds whatever the agent
        // believes (a SlaveRegistered may still be on its way). A failed host or a partition closes
        // nothing: the master learns only through health checks.
        Master.Leadership ld = l.leading;
        sim.schedule(baseLatency, () -> {
          if (ld.current() && ld.recovered) {
            ld.agentDisconnected(a.idx);
          }
        });
      }
    } else if (p instanceof Framework fw) {
      net.crash(fw.ep);
      fw.crashed();
      Master l = leader();
      if (l != null && net.connected(l.ep, fw.ep)) {
        // The scheduler's socket closes: Master::exited after one latency.
        Master.Leadership ld = l.leading;
        sim.schedule(baseLatency, () -> {
          if (ld.current() && ld.recovered) {
            ld.frameworkDisconnected(fw.index);
          }
        });
      }
    } else {
      net.crash(p.ep);
      zk.reevaluate();
    }
    if (restartAfter != SimTime.NEVER) {
      scheduleRecovery(restartAfter, () -> restart(p));
    }
  }

  /**
   * A link broke ({@link Network#breakLink}, loss as link failure): as when a socket closes (see
   * {@link #crash}), both ends observe {@code exited} one base latency later, the master first.
   * Only links of a master carry messages in the model. The reactions, each where Mesos has it:
   * <ul>
   *   <li>the leading master, for a framework: {@code Master::exited} then {@code Master::_exited}
   *       (src/master/master.cpp): {@code disconnect} (deactivate, offers rescinded and recovered)
   *       and the failover timeout ({@link Master.Leadership#frameworkDisconnected});
   *   <li>the leading master, for an agent: {@code Master::exited} then {@code disconnect(Slave*)}
   *       and TASK_LOST for frameworks that do not checkpoint
   *       ({@link Master.Leadership#agentDisconnected}); the agent learns it from the next ping
   *       ({@link HealthChecks#pingDisconnected});
   *   <li>the scheduler: the scheduler library re-detects the master and reconnects
   *       ({@link Framework#masterLinkExited});
   *   <li>the agent: nothing ({@code Slave::exited}, src/slave/slave.cpp, only logs "Waiting for a
   *       new master to be elected").
   * </ul>
   * Each end acts only if it is still the incarnation (and the master still the leadership term)
   * whose link broke.
   */
  private void linkBroken(int a, int b) {
    Process pa = net.process(a);
    Process pb = net.process(b);
    Master m = pa instanceof Master x ? x : pb instanceof Master y ? y : null;
    if (m == null) {
      return;
    }
    Process peer = m == pa ? pb : pa;
    Master.Leadership ld = m.leading;
    int masterInc = net.incarnation(m.ep);
    int peerInc = net.incarnation(peer.ep);
    sim.schedule(baseLatency, () -> {
      if (ld != null && ld.current() && ld.recovered && net.alive(m.ep) && net.incarnation(m.ep) == masterInc) {
        ld.linkExited(peer);
      }
      if (peer instanceof Framework fw && net.alive(fw.ep) && net.incarnation(fw.ep) == peerInc) {
        fw.masterLinkExited(m.ep);
      }
    });
  }

  /** Schedules a restart or heal, counted as pending until it fires. */
  void scheduleRecovery(long delay, Runnable recovery) {
    pendingRecoveries++;
    sim.schedule(delay, () -> {
      pendingRecoveries--;
      recovery.run();
    });
  }

  /**
   * Why no master can ever lead again, or null while one still could. It is so when no master
   * leads, none alive reaches a ZooKeeper quorum (so none can join the group: {@code
   * src/master/contender/zookeeper.cpp} keeps retrying, in vain), and nothing that could change
   * that is pending: no restart (of a master or a ZooKeeper server), no heal, no one-off fault yet
   * to fire, no recurring partition. Once true it stays true: frameworks learn nothing more (every
   * status update goes through a leading master), so a run until drained can never end. Cost
   * O(masters x servers); callers sample it.
   */
  public String leaderLostForGood() {
    if (pendingRecoveries > 0 || recurringPartitions) {
      return null;
    }
    int down = 0;
    for (Master m : masters) {
      if (m.leading != null || (m.alive() && zk.reachesQuorum(m.ep))) {
        return null;
      }
      if (!m.alive()) {
        down++;
      }
    }
    if (down == masters.length) {
      return (masters.length == 1 ? "the only master is down" : "all " + masters.length + " masters are down")
          + " and none will restart" + (config.master().restartDelay() == SimTime.NEVER
              ? " (cluster.master.restartDelay: never, and no fault restarts them)" : " (no fault restarts them)");
    }
    if (!zk.hasQuorum()) {
      int up = 0;
      for (int i = 0; i < zk.servers; i++) {
        if (net.alive(i) && net.side(i) == 0) {
          up++;
        }
      }
      return "ZooKeeper has lost its quorum for good (" + up + " of " + zk.servers + " servers up and connected,"
          + " a majority is needed, and none will restart or heal)";
    }
    return "no live master can reach a ZooKeeper quorum (cut off by a partition that never heals)";
  }

  void restart(Process p) {
    if (p.alive()) {
      return;
    }
    if (p instanceof Master m) {
      restartMaster(m);
      return;
    }
    emit(new ModelEvent.Fault(sim.now(), "restart", p.name));
    net.restart(p.ep);
    if (p instanceof Agent a) {
      a.restarted();
      health.reevaluate(a.idx);
      detectLater(a.ep);
    } else if (p instanceof Framework fw) {
      fw.restarted();
      detectLater(fw.ep);
    } else {
      zk.reevaluate();
      refreshDetectors();
    }
  }

  private void detectLater(int ep) {
    sim.schedule(baseLatency, () -> {
      if (!net.alive(ep) || !zk.reachesQuorum(ep)) {
        return;
      }
      Process p = net.process(ep);
      if (p instanceof Agent a) {
        a.detected(leaderEp, leaderEpoch);
      } else if (p instanceof Framework fw) {
        fw.detected(leaderEp, leaderEpoch);
      }
    });
  }

  /** Cuts {@code side} off from everyone else; heals after {@code healAfter}. */
  void partition(List<Process> side, long healAfter) {
    if (side.isEmpty()) {
      return;
    }
    int id = ++partitionSeq;
    StringBuilder names = new StringBuilder();
    for (Process p : side) {
      net.setSide(p.ep, id);
      if (names.length() > 0) {
        names.append(',');
      }
      names.append(p.name);
    }
    emit(new ModelEvent.Fault(sim.now(), "partition", names.toString()));
    topologyChanged();
    if (healAfter != SimTime.NEVER) {
      scheduleRecovery(healAfter, () -> {
        for (Process p : side) {
          if (net.side(p.ep) == id) {
            net.setSide(p.ep, 0);
          }
        }
        emit(new ModelEvent.Fault(sim.now(), "heal", names.toString()));
        topologyChanged();
        sim.schedule(baseLatency, this::refreshDetectors);
      });
    }
  }

  private void topologyChanged() {
    zk.reevaluate();
    health.reevaluateAll();
  }
}
