package org.mesosim.model.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.engine.SimTime;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskId;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * A framework: the scheduler driver ({@code src/sched/sched.cpp}: registration with backoff,
 * factor 2 s capped at 1 min; failover) plus one of the scheduler behaviours of
 * docs/scenario-format.md ({@code batch}, {@code service}, {@code gang}).
 *
 * <p>Jobs arrive from the workload at their submit times; the next job is pulled when the
 * previous one arrives. Tasks wait in a FIFO queue (tasks whose {@code dependsOn} groups have not
 * all finished wait outside it). Offers are answered first-fit over the queue in order. Every
 * 5 minutes while it has work, the framework kills tasks stuck in STAGING for longer than that
 * (as Marathon's {@code task_launch_timeout} does; this also recovers launches lost on the
 * network) and revives if it has queued work but saw no offer since the last check.
 */
final class Framework extends MasterClient {
  /** Reason carried by the update that reports a task's own outcome at the end of its duration. */
  static final String REASON_OUTCOME = "";
  static final long REGISTRATION_BACKOFF = 2 * SimTime.SECOND;
  static final long REGISTRATION_RETRY_MAX = SimTime.MINUTE;
  /**
   * The scheduler library waits a random share of this before it (re)connects to a detected master
   * ({@code DEFAULT_CONNECTION_DELAY_MAX}, src/scheduler/constants.hpp; {@code MesosProcess::detected},
   * src/scheduler/scheduler.cpp).
   */
  static final long CONNECTION_DELAY_MAX = 500 * SimTime.MILLISECOND;
  static final long CHECK_INTERVAL = 5 * SimTime.MINUTE;
  /** Live tasks with no update for this long are reconciled explicitly. */
  static final long RECONCILE_AFTER = 15 * SimTime.MINUTE;

  final int index;
  final FrameworkInfo info;
  /** Which tasks run on revocable resources (docs/oversubscription.md). */
  final org.mesosim.model.config.FrameworkConfig.RevocableTasks revocableTasks;
  final SchedulerConfig sc;
  final UniformRandomProvider outcomeRng;
  private final FrameworkConfig config;
  private Workload workload;
  FrameworkId mesosId;
  private boolean failingOver;
  /** Set while the driver reconnects after its master link broke (see {@link #masterLinkExited}). */
  private boolean reconnecting;
  /**
   * After a broken link, until the first new registration attempt goes out: no connection is open
   * yet, so a FrameworkRegistered the master sent before it saw the break is stale and ignored (the
   * scheduler library ignores events of an old connection, {@code connectionId} in
   * src/scheduler/scheduler.cpp).
   */
  private boolean connectPending;

  final TaskQueue queue;
  private int lastPendingEmitted = -1;
  private int scanStamp;
  // launched tasks not yet terminal in this framework's view, in launch order
  private Task liveHead;
  private Task liveTail;
  private int live;
  private boolean suppressed;
  private boolean offerSinceCheck;
  private Resources lastDemand = Resources.EMPTY;
  private long checkHandle = -1;
  boolean exhausted;
  int openJobs;
  private boolean busy;
  /** The gang scheduler: offers held until a whole job fits ({@link GangPlacement}). */
  private final GangPlacement gang = new GangPlacement(this);
  private ArrayList<Offer> declines;
  long jobsSubmitted;
  long jobsEnded;
  // Omega's scheduler measures and extensions (SchedulerConfig: serialDecisions, abandonAfter)
  /** Serial decisions: offers waiting for the scheduler, in arrival order. */
  private final ArrayDeque<Offer> decisionQueue = new ArrayDeque<>();
  /** Serial decisions: the scheduler is deciding until this time (a timer frees it). */
  private boolean deciding;
  /** Bumped when held offers are dropped (leader change, crash): a pending decision timer is then void. */
  private int decisionEpoch;
  /** Omega's first attempts and abandon limit ({@link JobAttempts}). */
  private final JobAttempts attempts = new JobAttempts(this);
  /** The delay of the last answer planned by {@link #answer}. */
  private long lastDelay;
  /** Delay scheduling: draws the agents holding each job's input (only with localityReplicas > 0). */
  private UniformRandomProvider localityRng;

  Framework(Cluster c, int ep, int index, FrameworkConfig config) {
    super(c, ep, config.name(), c.sim.random().stream("framework/" + config.info().name() + "/backoff"),
        retryMax(config.info()));
    this.index = index;
    this.config = config;
    this.info = config.info();
    this.revocableTasks = config.revocableTasks();
    this.sc = config.scheduler();
    this.outcomeRng = c.sim.random().stream("framework/" + info.name() + "/outcomes");
    this.queue = new TaskQueue(c);
  }

  /**
   * The driver's registration backoff cap: 1 min, and a tenth of the failover timeout if one is set
   * ({@code SchedulerProcess::doReliableRegistration}, src/sched/sched.cpp); here at least 1 ms, so
   * a failover timeout under 10 ms cannot make the driver retry in the same instant forever.
   */
  private static long retryMax(FrameworkInfo info) {
    long failover = info.failoverTimeout();
    return failover > 0 ? Math.min(REGISTRATION_RETRY_MAX, Math.max(SimTime.MILLISECOND, failover / 10))
        : REGISTRATION_RETRY_MAX;
  }

  // ---- workload -----------------------------------------------------------------------------

  void start() {
    workload = config.workload().open(cluster.sim.random());
    setBusy(true);
    pullNext();
  }

  boolean endless() {
    return sc.type() == SchedulerConfig.SchedulerType.SERVICE || (workload != null && workload.endless());
  }

  private void pullNext() {
    JobSpec next = workload.next();
    if (next == null) {
      exhausted = true;
      workload.close();
      updateBusy();
      return;
    }
    long at = Math.max(cluster.sim.now(), next.submitTime());
    cluster.sim.at(at, () -> {
      submit(next);
      pullNext();
    });
  }

  private void submit(JobSpec spec) {
    Job job = new Job(spec);
    openJobs++;
    jobsSubmitted++;
    cluster.lastProgress = cluster.sim.now();
    job.remaining = spec.tasks().size();
    job.tasks = new LogicalTask[spec.tasks().size()];
    cluster.emit(new ModelEvent.JobSubmitted(cluster.sim.now(), name, job.id, spec.tasks().size()));
    if (sc.recordsDecisions()) {
      attempts.unattempted.add(job);
    }
    if (sc.localityReplicas() > 0) {
      if (!sc.localityPerTask()) {
        job.preferred = inputAgents();
      }
      job.localSince = cluster.sim.now();
    }
    boolean deps = false;
    for (TaskSpec t : spec.tasks()) {
      if (!t.dependsOn().isEmpty()) {
        deps = true;
        break;
      }
    }
    if (deps) {
      job.groupsLeft = new TreeMap<>();
      job.blocked = new ArrayList<>();
      for (TaskSpec t : spec.tasks()) {
        job.groupsLeft.computeIfAbsent(t.group(), g -> new int[1])[0]++;
      }
    }
    for (int i = 0; i < job.tasks.length; i++) {
      TaskSpec ts = spec.tasks().get(i);
      LogicalTask lt = new LogicalTask(job, ts);
      if (sc.localityReplicas() > 0 && sc.localityPerTask()) {
        lt.preferred = inputAgents(); // each task reads its own block, as a map task does
      }
      job.tasks[i] = lt;
      if (deps && !dependenciesMet(job, ts)) {
        job.blocked.add(lt);
      } else {
        queue.enqueue(lt);
      }
    }
    workArrived();
  }

  /**
   * Delay scheduling: the agents that hold a new job's input, {@code localityReplicas} distinct ones
   * drawn uniformly (as HDFS spreads a file's block replicas), on the framework's own stream
   * {@code framework/<name>/locality}, so no other stream moves.
   */
  private int[] inputAgents() {
    if (localityRng == null) {
      localityRng = cluster.sim.random().stream("framework/" + info.name() + "/locality");
    }
    int n = cluster.agents.length;
    int k = Math.min(sc.localityReplicas(), n);
    int[] pick = new int[k];
    int got = 0;
    while (got < k) {
      int a = localityRng.nextInt(n);
      boolean dup = false;
      for (int i = 0; i < got; i++) {
        dup |= pick[i] == a;
      }
      if (!dup) {
        pick[got++] = a;
      }
    }
    java.util.Arrays.sort(pick);
    return pick;
  }

  private static boolean local(Job job, int agent) {
    return job.preferred == null || java.util.Arrays.binarySearch(job.preferred, agent) >= 0;
  }

  /** Whether the task's input is on the agent: its own replicas (per task) or its job's. */
  private static boolean localTask(LogicalTask lt, int agent) {
    int[] p = lt.preferred != null ? lt.preferred : lt.job.preferred;
    return p != null && java.util.Arrays.binarySearch(p, agent) >= 0;
  }

  /**
   * Delay scheduling (Zaharia et al., EuroSys 2010): the first queued task of the shape whose job may
   * run on this agent: its input is there, or it has waited {@code localityWait} since its arrival or
   * last launch. At most {@link #SCAN_LIMIT} tasks are looked at.
   */
  private LogicalTask eligible(Shape sh, int agent) {
    long now = cluster.sim.now();
    if (sc.localityPerTask()) {
      return eligiblePerTask(sh, agent, now);
    }
    int looked = 0;
    for (LogicalTask lt = sh.first; lt != null && looked < SCAN_LIMIT; lt = lt.sNext, looked++) {
      if (local(lt.job, agent) || now - lt.job.localSince >= sc.localityWait()) {
        return lt;
      }
    }
    return null;
  }

  /**
   * Delay scheduling with per-task input ({@code locality.per: task}), as Hadoop's scheduler with
   * delay scheduling picks a map task (Zaharia et al., EuroSys 2010, Algorithm 1; the Mesos paper's
   * Hadoop port, FrameworkScheduler.canLaunchMap): a queued task whose input is on this agent, in queue
   * order; if none, the first task whose job has waited {@code localityWait} since its arrival or its
   * last local launch; else nothing. At most {@link #SCAN_LIMIT} tasks are looked at.
   */
  private LogicalTask eligiblePerTask(Shape sh, int agent, long now) {
    LogicalTask waited = null;
    int looked = 0;
    for (LogicalTask lt = sh.first; lt != null && looked < SCAN_LIMIT; lt = lt.sNext, looked++) {
      if (localTask(lt, agent)) {
        return lt;
      }
      if (waited == null && now - lt.job.localSince >= sc.localityWait()) {
        waited = lt;
      }
    }
    return waited;
  }

  private static boolean dependenciesMet(Job job, TaskSpec ts) {
    for (String g : ts.dependsOn()) {
      int[] left = job.groupsLeft.get(g);
      if (left != null && left[0] > 0) {
        return false;
      }
    }
    return true;
  }

  void emitPending() {
    if (queue.pending != lastPendingEmitted) {
      lastPendingEmitted = queue.pending;
      cluster.emit(new ModelEvent.PendingChanged(cluster.sim.now(), name, queue.pending));
    }
  }

  private void workArrived() {
    emitPending();
    updateDemand();
    if (registered && suppressed && queue.pending > 0) {
      suppressed = false;
      send(masterEp, new Message.ReviveOffers(index));
    }
    armCheck();
    if (sc.type() == SchedulerConfig.SchedulerType.GANG && registered) {
      gang.tryGang();
    }
  }

  void maybeSuppress() {
    maybeSuppress(false);
  }

  /** Suppress when idle; {@code force} re-sends it (an offer arrived while idle: the last SUPPRESS was lost). */
  private void maybeSuppress(boolean force) {
    if (sc.suppressWhenIdle() && queue.pending == 0 && registered && (!suppressed || force)) {
      suppressed = true;
      send(masterEp, new Message.SuppressOffers(index));
    }
  }

  // ---- driver: detection and registration ----------------------------------------------------

  /** Offers of the old leader are void. */
  @Override
  void leaderChanged() {
    dropHeld();
  }

  /**
   * {@code SchedulerProcess::detected}: the first attempt goes out at once. After a broken link the
   * first attempt waits a random share of {@link #CONNECTION_DELAY_MAX} (the connection delay).
   */
  @Override
  void startRegistering() {
    if (reconnecting) {
      registerAfterRandomDelay(CONNECTION_DELAY_MAX, REGISTRATION_BACKOFF);
    } else {
      registerNow(REGISTRATION_BACKOFF);
    }
  }

  /**
   * The link to the master it follows broke ({@link Cluster#linkBroken}). A scheduler learns it as
   * the HTTP scheduler library does ({@code MesosProcess::disconnected}, src/scheduler/scheduler.cpp):
   * it re-detects the master ({@code detection.discard()}), drops what it held (the master rescinds
   * a disconnected framework's offers), reconnects after a random share of the connection delay
   * and subscribes again with its framework ID (a re-registration; not a failover). The master
   * reactivates it if its failover timeout has not run out ({@code Master::subscribe}), or answers
   * "Framework has been removed" (then it registers anew, see {@link #error}). Whether it was
   * registered or still registering, registration starts over.
   */
  void masterLinkExited(int master) {
    if (!alive() || leaderEp != master) {
      return;
    }
    reconnecting = true;
    connectPending = true;
    try {
      redetect();
    } finally {
      reconnecting = false;
    }
  }

  @Override
  void sendRegistration(int leader) {
    connectPending = false;
    if (mesosId == null) {
      send(leader, new Message.RegisterFramework(index, info));
    } else {
      send(leader, new Message.ReregisterFramework(index, mesosId, info, failingOver));
    }
  }

  @Override
  void receive(int from, Message m) {
    if (m instanceof Message.ResourceOffers o) {
      resourceOffers(from, o.offers());
    } else if (m instanceof Message.StatusUpdateForward u) {
      statusUpdate(from, u);
    } else if (m instanceof Message.RescindOffer r) {
      gang.held.remove(r.offer());
      decisionQueue.remove(r.offer());
    } else if (m instanceof Message.FrameworkRegistered r) {
      registeredWith(from, r.id(), r.reregistered());
    } else if (m instanceof Message.FrameworkError e) {
      error(from);
    } else if (m instanceof Message.LostSlave l) {
      lostSlave(from, l);
    } else if (m instanceof Message.InverseOffers io) {
      inverseOffers(from, io.inverseOffers());
    }
    // RescindInverseOffer: nothing to do, every inverse offer is answered (or ignored) on arrival.
  }

  /**
   * Inverse offers (maintenance), answered by {@code scheduler.inverseOffers}: {@code IGNORE}
   * (Mesos 1.1's scheduler driver has no handler for InverseOffersMessage, src/sched/sched.cpp:
   * a driver-based framework never answers), {@code DECLINE} (one DECLINE_INVERSE_OFFERS call with
   * the scheduler's refusal as its filter), or {@code ACCEPT} (one ACCEPT_INVERSE_OFFERS call
   * without filters, then a KILL for each of its live tasks on those agents: it drains them; the
   * killed tasks are queued again like any task that did not end on its own).
   */
  private void inverseOffers(int from, List<InverseOffer> ios) {
    if (from != masterEp || !registered) {
      return;
    }
    switch (sc.inverseOffers()) {
      case IGNORE -> {
      }
      case DECLINE -> send(masterEp, new Message.DeclineInverseOffers(index, ios, sc.refuseMicros()));
      case ACCEPT -> {
        send(masterEp, new Message.AcceptInverseOffers(index, ios, -1));
        for (InverseOffer io : ios) {
          ArrayList<Task> kill = new ArrayList<>();
          for (Task t = liveHead; t != null; t = t.fNext) {
            if (t.agent == io.agent) {
              kill.add(t);
            }
          }
          for (Task t : kill) {
            send(masterEp, new Message.KillTaskCall(index, t));
          }
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  /** slaveLost callback: reconcile this framework's live tasks on that agent explicitly (the master's LOST updates are not reliable). */
  private void lostSlave(int from, Message.LostSlave l) {
    if (from != masterEp || !registered) {
      return;
    }
    List<Task> tasks = null;
    for (Task t = liveHead; t != null; t = t.fNext) {
      if (l.agentIndex() == t.agent) {
        if (tasks == null) {
          tasks = new ArrayList<>();
        }
        tasks.add(t);
      }
    }
    if (tasks != null) {
      send(masterEp, new Message.Reconcile(index, tasks));
    }
  }

  private void registeredWith(int from, FrameworkId id, boolean reregistered) {
    if (from != leaderEp || registered || connectPending) {
      return;
    }
    boolean known = mesosId != null;
    registered = true;
    masterEp = from;
    mesosId = id;
    failingOver = false;
    stopRegistering();
    suppressed = false;
    if (known) {
      // Implicit reconciliation after (re-)registration.
      send(masterEp, new Message.Reconcile(index, List.of()));
    }
    if (queue.pending == 0) {
      maybeSuppress();
    }
    armCheck();
  }

  /** "Framework has been removed": register anew; every task it had is gone. */
  private void error(int from) {
    if (from != leaderEp) {
      return;
    }
    mesosId = null;
    registered = false;
    ArrayList<Task> gone = new ArrayList<>();
    for (Task t = liveHead; t != null; t = t.fNext) {
      gone.add(t);
    }
    for (Task t : gone) {
      taskEnded(t, TaskState.TASK_KILLED, "REASON_FRAMEWORK_REMOVED");
    }
    emitPending();
    registerNow(REGISTRATION_BACKOFF);
  }

  // ---- offers -----------------------------------------------------------------------------

  private void resourceOffers(int from, List<Offer> offers) {
    if (from != masterEp || !registered) {
      return;
    }
    offerSinceCheck = true;
    if (sc.type() == SchedulerConfig.SchedulerType.GANG) {
      gang.held.addAll(offers);
      gang.tryGang();
      return;
    }
    boolean idle = queue.pending == 0;
    if (sc.serialDecisions()) {
      decisionQueue.addAll(offers);
      nextSerialDecision(idle);
      return;
    }
    Job head = queue.qHead == null ? null : queue.qHead.job;
    long start = cluster.sim.now();
    long end = start;
    if (sc.recordsDecisions()) {
      attempts.begin();
    }
    declines = null;
    for (Offer o : offers) {
      decide(o);
      end = Math.max(end, start + lastDelay);
    }
    if (declines != null) {
      // One DECLINE call for every offer of this message that is not used (Call::Decline takes many offer IDs).
      Message m = new Message.Decline(index, declines, sc.refuseMicros());
      declines = null;
      sendAfter(sc.decisionPerOffer(), m);
      end = Math.max(end, start + sc.decisionPerOffer());
    }
    if (sc.recordsDecisions()) {
      cluster.emit(new ModelEvent.SchedulerDecision(start, name, end, offers.size()));
      attempts.ended(head);
    }
    emitPending();
    maybeSuppress(idle && suppressed);
    updateDemand();
  }

  /**
   * Serial decisions (Omega section 4): the scheduler takes the next queued offer when it is free,
   * decides it, answers after its decision time and only then looks at the next one. Offers rescinded
   * meanwhile leave the queue (RescindOffer).
   */
  private void nextSerialDecision(boolean idleBefore) {
    while (!deciding && !decisionQueue.isEmpty() && registered) {
      Offer o = decisionQueue.poll();
      Job head = queue.qHead == null ? null : queue.qHead.job;
      long start = cluster.sim.now();
      attempts.begin();
      declines = null;
      lastDelay = 0;
      decide(o);
      long delay = lastDelay;
      if (declines != null) {
        Message m = new Message.Decline(index, declines, sc.refuseMicros());
        declines = null;
        delay = sc.decisionPerOffer();
        sendAfter(delay, m);
      }
      cluster.emit(new ModelEvent.SchedulerDecision(start, name, start + delay, 1));
      attempts.ended(head);
      if (delay > 0) {
        deciding = true;
        int epoch = decisionEpoch;
        scheduleInThisIncarnation(delay, () -> {
          if (epoch == decisionEpoch) {
            deciding = false;
            nextSerialDecision(false);
          }
        });
      }
    }
    emitPending();
    maybeSuppress(idleBefore && suppressed);
    updateDemand();
  }

  /** Tells the allocator the next queued task's resources (Allocator#updateDemand; not a Mesos call). */
  private void updateDemand() {
    Resources next = queue.qHead == null ? Resources.EMPTY : queue.qHead.spec.resources();
    if (!next.equals(lastDemand)) {
      lastDemand = next;
      cluster.updateDemand(this, next);
    }
  }

  /**
   * How many distinct task shapes a scheduler examines for one offer before it answers. Below the
   * bound the scheduler is exact first fit over its whole queue (tasks of one shape all fit or all
   * do not, so it looks at shapes in the order of their first queued task); real schedulers bound
   * their work per offer too. Not a Mesos setting: ours (docs/mesos-model.md, schedulers).
   */
  static final int SCAN_LIMIT = 1024;

  /**
   * First fit over the queue in order, at most {@code maxTasksPerOffer}; the rest declined with
   * refuseSeconds. Cost per launch is O(shapes ahead of the first that fits), not O(queue).
   */
  private void decide(Offer o) {
    if (sc.stateful()) {
      decideStateful(o);
      return;
    }
    int max = sc.maxTasksPerOffer();
    ResourceSet rem = o.resources;
    if (o.unavailability != null && sc.inverseOffers() == SchedulerConfig.InverseOfferAnswer.ACCEPT) {
      // A draining scheduler launches nothing on an agent scheduled for maintenance (the offer's
      // unavailability): it declines the offer with its usual filter.
      answer(o, null);
      return;
    }
    if (queue.nothingFits(o.agent, rem)) {
      answer(o, null);
      return;
    }
    List<Message.Launch> launches = null;
    int stamp = ++scanStamp;
    int examined = 0;
    boolean anyFit = false;
    boolean complete = true;
    search:
    while (!queue.byHead.isEmpty() && (max == 0 || launches == null || launches.size() < max)) {
      Shape found = null;
      ResourceSet take = null;
      LogicalTask pick = null;
      for (Shape sh : queue.byHead.values()) {
        if (sh.failedStamp == stamp) {
          continue;
        }
        if (++examined > SCAN_LIMIT) {
          complete = false;
          break search;
        }
        take = take(rem, sh.need);
        if (take != null) {
          anyFit = true;
          pick = sc.localityReplicas() > 0 ? eligible(sh, o.agent) : sh.first;
          if (pick != null) {
            found = sh;
            break;
          }
        }
        sh.failedStamp = stamp;
      }
      if (found == null) {
        break;
      }
      LogicalTask lt = pick;
      rem = rem.minus(take);
      queue.dequeue(lt);
      if (launches == null) {
        launches = new ArrayList<>();
      }
      launches.add(new Message.Launch(launch(lt, o.agent, take), take));
    }
    if (complete && !anyFit && !rem.hasReservations() && !rem.hasRevocable()) {
      queue.rememberNothingFits(o.agent, rem.unreserved());
    }
    answer(o, launches);
  }

  /**
   * The stateful option (docs/operations.md), as stateful services (databases, Cassandra or Kafka
   * on Mesos) use offer operations: over the queue in order (at most {@link #SCAN_LIMIT} tasks), a
   * task never launched takes its resources from the offer's unreserved part, reserves them for the
   * framework's role (RESERVE) and makes its disk a persistent volume (CREATE, id
   * framework/job/task) in the same ACCEPT, and launches on the reservation and the volume; a task
   * launched before launches only on its home agent, from an offer that holds its volume and enough
   * of the role's reservation (the volume and reservation came back when its last attempt ended and
   * are offered to the role only). The rest is declined with refuseSeconds, as in {@link #decide}.
   */
  private void decideStateful(Offer o) {
    int max = sc.maxTasksPerOffer();
    ResourceSet rem = o.resources;
    List<Message.Launch> launches = null;
    List<org.mesosim.model.Operation> ops = null;
    int looked = 0;
    LogicalTask lt = queue.qHead;
    while (lt != null && looked++ < SCAN_LIMIT && (max == 0 || launches == null || launches.size() < max)) {
      LogicalTask following = lt.next;
      Resources need = lt.spec.resources();
      int disk = org.mesosim.model.ResourceNames.DISK;
      long[] plainMilli = need.toMilliArray();
      if (plainMilli.length > disk) {
        plainMilli[disk] = 0;
      }
      Resources plain = Resources.ofMilli(plainMilli);
      ResourceSet use = null;
      if (lt.home >= 0) {
        if (lt.home == o.agent && (lt.volume == null || rem.copies(lt.volume) > 0)
            && rem.reserved(info.role()).contains(plain)) {
          use = ResourceSet.reservedFor(info.role(), plain);
        }
      } else if (rem.unreserved().contains(need)) {
        if (ops == null) {
          ops = new ArrayList<>();
        }
        org.mesosim.model.Operation reserve = new org.mesosim.model.Operation.Reserve(info.role(), need);
        ops.add(reserve);
        rem = rem.apply(reserve);
        lt.home = o.agent;
        if (need.milli(disk) > 0) {
          lt.volume = new org.mesosim.model.Volume(name + "/" + lt.job.id + "/" + lt.spec.name(), info.role(),
              need.milli(disk), false);
          org.mesosim.model.Operation create = new org.mesosim.model.Operation.Create(lt.volume);
          ops.add(create);
          rem = rem.apply(create);
        }
        use = ResourceSet.reservedFor(info.role(), plain);
      }
      if (use != null) {
        if (lt.volume != null) {
          use = use.plus(ResourceSet.of(lt.volume));
        }
        rem = rem.minus(use);
        queue.dequeue(lt);
        if (launches == null) {
          launches = new ArrayList<>();
        }
        launches.add(new Message.Launch(launch(lt, o.agent, use), use));
      }
      lt = following;
    }
    if (ops == null) {
      answer(o, launches);
      return;
    }
    long delay = sc.decisionPerOffer() + sc.decisionPerTask() * launches.size();
    lastDelay = delay;
    sendAfter(delay, new Message.Accept(index, List.of(o), launches, sc.refuseMicros(), ops));
  }

  void answer(Offer o, List<Message.Launch> launches) {
    if (launches == null && declines != null) {
      declines.add(o);
      lastDelay = sc.decisionPerOffer();
      return;
    }
    if (launches == null && sc.type() != SchedulerConfig.SchedulerType.GANG) {
      declines = new ArrayList<>();
      declines.add(o);
      lastDelay = sc.decisionPerOffer();
      return;
    }
    long delay = sc.decisionPerOffer() + (launches == null ? 0 : sc.decisionPerTask() * launches.size());
    lastDelay = delay;
    Message m = launches == null
        ? new Message.Decline(index, List.of(o), sc.refuseMicros())
        : new Message.Accept(index, List.of(o), launches, sc.refuseMicros());
    sendAfter(delay, m);
  }

  private void sendAfter(long delay, Message m) {
    if (delay <= 0) {
      send(masterEp, m);
    } else {
      int master = masterEp;
      int inc = incarnation;
      cluster.sim.schedule(delay, () -> {
        if (inc == incarnation && master == masterEp) {
          send(master, m);
        }
      });
    }
  }

  /** What a task needing {@code need} takes from {@code rem}: its role's reservation first, then unreserved; null if it does not fit. */
  ResourceSet take(ResourceSet rem, Resources need) {
    if (revocableTasks != org.mesosim.model.config.FrameworkConfig.RevocableTasks.NONE) {
      return takeRevocable(rem, need);
    }
    return takeRegular(rem, need);
  }

  /** {@link #take} from the regular (non-revocable) resources of {@code rem} only. */
  private ResourceSet takeRegular(ResourceSet rem, Resources need) {
    if (!rem.hasReservations()) {
      return rem.unreserved().contains(need) ? ResourceSet.unreserved(need) : null;
    }
    Resources reserved = rem.reserved(info.role());
    Resources fromReserved = reserved.min(need);
    Resources rest = need.minus(fromReserved);
    if (!rem.unreserved().contains(rest)) {
      return null;
    }
    return fromReserved.isEmpty() ? ResourceSet.unreserved(rest) : ResourceSet.of(rest, Map.of(info.role(), fromReserved));
  }

  /**
   * {@link #take} for a framework whose tasks may run on revocable resources: each name of
   * {@code need} comes whole from the offer's revocable part (PREFER: if it holds the amount; ONLY:
   * whenever it has the name at all, and at least one name must) or else from the regular part,
   * its role's reservation first. Null if it does not fit.
   */
  private ResourceSet takeRevocable(ResourceSet rem, Resources need) {
    Resources rev = rem.revocable();
    long[] fromRev = new long[need.width()];
    long[] regular = new long[need.width()];
    boolean any = false;
    boolean only = revocableTasks == org.mesosim.model.config.FrameworkConfig.RevocableTasks.ONLY;
    for (int x = 0; x < need.width(); x++) {
      long n = need.milli(x);
      if (n == 0) {
        continue;
      }
      if (only ? rev.milli(x) > 0 : rev.milli(x) >= n) {
        if (rev.milli(x) < n) {
          return null;
        }
        fromRev[x] = n;
        any = true;
      } else {
        regular[x] = n;
      }
    }
    if (only && !any) {
      return null;
    }
    Resources reg = Resources.ofMilli(regular);
    ResourceSet base = reg.isEmpty() ? ResourceSet.EMPTY : takeRegular(rem, reg);
    if (base == null) {
      return null;
    }
    return ResourceSet.of(base.unreserved(), base.reservations(), Resources.ofMilli(fromRev));
  }

  Task launch(LogicalTask lt, int agent, ResourceSet take) {
    lt.attempts++;
    Task t = new Task(new TaskId(lt.job.id + "-" + lt.spec.name() + "-" + lt.attempts), this, mesosId, lt,
        lt.attempts, agent, take, cluster.sim.now());
    lt.current = t;
    if (lt.job.start < 0) {
      lt.job.start = cluster.sim.now();
    }
    if (lt.job.preferred != null || lt.preferred != null) {
      boolean isLocal = localTask(lt, agent);
      if (isLocal || lt.preferred == null) {
        // Per job: every launch restarts the wait. Per task, as the Mesos paper's Hadoop port
        // (apache/mesos frameworks/hadoop-0.20.2/src/contrib/mesos/src/java/org/apache/hadoop/mapred/
        // FrameworkScheduler.java: lastMapWasLocal, timeWaitedForLocalMap): only a local launch restarts
        // it; after a non-local one, further tasks may run anywhere until a local launch.
        lt.job.localSince = cluster.sim.now();
      }
      cluster.emit(new ModelEvent.TaskPlaced(cluster.sim.now(), name, lt.job.id, isLocal));
    }
    t.fLive = true;
    cluster.invariants.launchedAtFramework(t);
    t.fPrev = liveTail;
    if (liveTail == null) {
      liveHead = t;
    } else {
      liveTail.fNext = t;
    }
    liveTail = t;
    live++;
    cluster.liveTasks++;
    cluster.lastProgress = cluster.sim.now();
    cluster.tasksLaunched++;
    return t;
  }

  private void dropHeld() {
    gang.held.clear();
    decisionQueue.clear();
    deciding = false;
    decisionEpoch++;
  }

  // ---- status updates -----------------------------------------------------------------------

  private void statusUpdate(int from, Message.StatusUpdateForward u) {
    Task t = u.task();
    if (u.uuid() != 0) {
      send(from, new Message.Acknowledge(index, t, u.uuid(), u.state()));
    }
    if (t.framework != this) {
      return;
    }
    t.fLastUpdate = cluster.sim.now();
    if (!t.fLive) {
      if (!u.state().isTerminal() && u.state() != TaskState.TASK_STAGING && registered) {
        // A task this framework counted as gone is alive (non-strict registry): kill it.
        send(masterEp, new Message.KillTaskCall(index, t));
      }
      return;
    }
    if (!u.state().isTerminal()) {
      t.fState = u.state();
      return;
    }
    cluster.invariants.endedAtFramework(t, u.state());
    taskEnded(t, u.state(), u.reason());
    emitPending();
    maybeSuppress();
    updateDemand();
  }

  private void taskEnded(Task t, TaskState state, String reason) {
    t.fState = state;
    t.fLive = false;
    cluster.invariants.endedLiveAtFramework(t);
    if (t.fPrev == null) {
      liveHead = t.fNext;
    } else {
      t.fPrev.fNext = t.fNext;
    }
    if (t.fNext == null) {
      liveTail = t.fPrev;
    } else {
      t.fNext.fPrev = t.fPrev;
    }
    t.fPrev = null;
    t.fNext = null;
    live--;
    cluster.liveTasks--;
    cluster.lastProgress = cluster.sim.now();
    LogicalTask lt = t.logical;
    if (lt.current != t || lt.done) {
      return;
    }
    lt.current = null;
    Job job = lt.job;
    if (sc.type() == SchedulerConfig.SchedulerType.SERVICE) {
      enqueueAgain(lt);
      return;
    }
    if (state == TaskState.TASK_FINISHED) {
      done(lt, false, false, false);
      return;
    }
    boolean ownOutcome = REASON_OUTCOME.equals(reason) && lt.spec.outcome() != TaskOutcome.SAMPLED;
    if (ownOutcome) {
      done(lt, state != TaskState.TASK_KILLED, state == TaskState.TASK_KILLED, false);
      return;
    }
    if (job.aborted || lt.attempts >= sc.maxAttempts()) {
      done(lt, true, false, true);
      return;
    }
    enqueueAgain(lt);
  }

  private void enqueueAgain(LogicalTask lt) {
    queue.enqueue(lt);
    workArrived();
  }

  private void done(LogicalTask lt, boolean failed, boolean killed, boolean exhausted) {
    lt.done = true;
    Job job = lt.job;
    job.failed |= failed;
    job.killed |= killed;
    job.remaining--;
    if (job.groupsLeft != null && !failed && !killed) {
      int[] left = job.groupsLeft.get(lt.spec.group());
      if (--left[0] == 0) {
        boolean released = false;
        for (int i = job.blocked.size() - 1; i >= 0; i--) {
          LogicalTask b = job.blocked.get(i);
          if (dependenciesMet(job, b.spec)) {
            job.blocked.remove(i);
            queue.enqueue(b);
            released = true;
          }
        }
        if (released) {
          workArrived();
        }
      }
    }
    boolean strandsDependents = (failed || killed) && job.blocked != null && !job.blocked.isEmpty();
    if (!job.aborted && (exhausted || strandsDependents)) {
      abort(job);
    }
    if (job.remaining == 0) {
      jobEnded(job);
    }
  }

  /** A task of the job failed for good: drop the job's queued and blocked tasks (running ones run out). */
  void abort(Job job) {
    job.aborted = true;
    for (LogicalTask lt : job.tasks) {
      if (!lt.done && lt.current == null) {
        queue.dequeue(lt);
        lt.done = true;
        job.remaining--;
      }
    }
    if (job.blocked != null) {
      job.blocked.clear();
    }
  }

  void jobEnded(Job job) {
    String state = job.abandoned ? "abandoned" : job.failed ? "failed" : job.killed ? "killed" : "finished";
    cluster.emit(new ModelEvent.JobEnded(cluster.sim.now(), name, job.id, job.spec.submitTime(), job.start,
        job.tasks.length, state));
    openJobs--;
    jobsEnded++;
    updateBusy();
  }

  private void updateBusy() {
    setBusy(!(exhausted && openJobs == 0));
  }

  private void setBusy(boolean b) {
    if (b != busy) {
      busy = b;
      cluster.busyFrameworks += b ? 1 : -1;
    }
  }

  // ---- periodic check while it has work -------------------------------------------------------

  private void armCheck() {
    if (checkHandle != -1 || !alive()) {
      return;
    }
    checkHandle = scheduleInThisIncarnation(CHECK_INTERVAL, this::check);
  }

  private void check() {
    checkHandle = -1;
    if (live == 0 && queue.pending == 0) {
      return;
    }
    if (registered) {
      long now = cluster.sim.now();
      for (Task t = liveHead; t != null; t = t.fNext) {
        if (t.fState == TaskState.TASK_STAGING && now - t.fLastUpdate >= CHECK_INTERVAL) {
          t.fLastUpdate = now;
          send(masterEp, new Message.KillTaskCall(index, t));
        }
      }
      List<Task> stale = null;
      for (Task t = liveHead; t != null; t = t.fNext) {
        if (t.fState != TaskState.TASK_STAGING && now - t.fLastUpdate >= RECONCILE_AFTER) {
          t.fLastUpdate = now;
          if (stale == null) {
            stale = new ArrayList<>();
          }
          stale.add(t);
        }
      }
      if (stale != null) {
        send(masterEp, new Message.Reconcile(index, stale));
      }
      if (queue.pending > 0 && !offerSinceCheck) {
        suppressed = false;
        send(masterEp, new Message.ReviveOffers(index));
      }
    }
    offerSinceCheck = false;
    armCheck();
  }

  // ---- faults -----------------------------------------------------------------------------

  /** The scheduler process dies; its state (queue, task IDs, framework ID) survives as if persisted. */
  void crashed() {
    incarnation++;
    connectPending = false;
    registered = false;
    masterEp = -1;
    leaderEp = -1;
    // A restarted scheduler knows no leader: it must detect one even if the leader has not changed
    // meanwhile (restarted while cut off from ZooKeeper, it learns the leader when the partition heals).
    leaderEpoch = -1;
    dropHeld();
    stopRegistering();
    cluster.sim.cancel(checkHandle);
    checkHandle = -1;
  }

  /** The scheduler restarts and fails over (re-registers with its framework ID). */
  void restarted() {
    incarnation++;
    failingOver = mesosId != null;
    armCheck();
  }

  /** Offers a gang scheduler holds (tests). */
  int heldOffers() {
    return gang.held.size();
  }

  int live() {
    return live;
  }

  /** Tasks queued, waiting for offers. */
  int queued() {
    return queue.pending;
  }
}
