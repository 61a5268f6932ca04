package org.mesosim.model.config;

/**
 * How a framework's scheduler answers offers (docs/scenario-format.md {@code scheduler}).
 *
 * @param type batch, service or gang
 * @param maxAttempts batch/gang: a task that ends FAILED, LOST, UNREACHABLE, DROPPED or ERROR is
 *     queued again until it has run this many times (default 4)
 * @param maxTasksPerOffer 0 = as many as fit
 * @param refuseMicros filter on the unused part of an offer (default 5 s, Mesos' refuse_seconds)
 * @param suppressWhenIdle suppress with nothing queued, revive on new work (default true)
 * @param decisionPerOffer time an offer is held before the answer, per offer
 * @param decisionPerTask plus this per task launched from it
 * @param serialDecisions extension (Omega, Schwarzkopf et al. EuroSys 2013, section 4): the scheduler
 *     decides one offer at a time, each taking its decision time, so offers wait in a queue while it
 *     is busy; false (default) = every offer is decided at once and answered after its own delay
 * @param abandonAfter extension (Omega section 4.2, which uses 1,000): a job whose tasks are still
 *     not all placed after this many decision rounds is abandoned (its queued tasks dropped, its
 *     running ones run out; it ends {@code abandoned}); 0 (default) = never
 * @param localityReplicas extension (delay scheduling, Zaharia et al. EuroSys 2010, as the Mesos
 *     paper's Hadoop port uses it): each job's input is held by this many agents, drawn when it
 *     arrives; 0 (default) = no locality preferences
 * @param localityWait how long a job with locality preferences waits for an offer from an agent
 *     holding its input before it takes a non-local one (counted from its arrival or its last
 *     launch); only with {@code localityReplicas} > 0
 * @param localityPerTask whether each task has its own {@code localityReplicas} input agents (a map
 *     task reading one block of a file spread over the cluster) instead of one set per job; a local
 *     task is then picked before any other queued one, and the wait counts from the job's arrival or
 *     its last local launch (the Mesos paper's Hadoop port); false (default) = per job
 * @param inverseOffers how the scheduler answers inverse offers (maintenance, docs/maintenance.md):
 *     {@code IGNORE} (default: Mesos 1.1's scheduler driver has no handler for them,
 *     src/sched/sched.cpp), {@code ACCEPT} (drain: accept, kill its tasks on the agent, and launch
 *     nothing on offers that carry an unavailability) or {@code DECLINE} (decline with
 *     {@code refuseMicros}, keep using the agent)
 * @param stateful as stateful services do (docs/operations.md): a task's first launch reserves what
 *     it takes for the framework's role (RESERVE) and makes its disk a persistent volume (CREATE) in
 *     the same ACCEPT; every relaunch waits for an offer holding that volume and launches there on
 *     the reservation; false (default) = plain launches
 */
public record SchedulerConfig(
    SchedulerType type,
    int maxAttempts,
    int maxTasksPerOffer,
    long refuseMicros,
    boolean suppressWhenIdle,
    long decisionPerOffer,
    long decisionPerTask,
    boolean serialDecisions,
    int abandonAfter,
    int localityReplicas,
    long localityWait,
    boolean localityPerTask,
    InverseOfferAnswer inverseOffers,
    boolean stateful) {

  /** Locality, if any, per job (as before {@code locality.per} existed), ignoring inverse offers, not stateful. */
  public SchedulerConfig(SchedulerType type, int maxAttempts, int maxTasksPerOffer, long refuseMicros,
      boolean suppressWhenIdle, long decisionPerOffer, long decisionPerTask, boolean serialDecisions,
      int abandonAfter, int localityReplicas, long localityWait) {
    this(type, maxAttempts, maxTasksPerOffer, refuseMicros, suppressWhenIdle, decisionPerOffer, decisionPerTask,
        serialDecisions, abandonAfter, localityReplicas, localityWait, false, InverseOfferAnswer.IGNORE, false);
  }

  /** With the extensions, locality per job or per task, ignoring inverse offers, not stateful. */
  public SchedulerConfig(SchedulerType type, int maxAttempts, int maxTasksPerOffer, long refuseMicros,
      boolean suppressWhenIdle, long decisionPerOffer, long decisionPerTask, boolean serialDecisions,
      int abandonAfter, int localityReplicas, long localityWait, boolean localityPerTask) {
    this(type, maxAttempts, maxTasksPerOffer, refuseMicros, suppressWhenIdle, decisionPerOffer, decisionPerTask,
        serialDecisions, abandonAfter, localityReplicas, localityWait, localityPerTask, InverseOfferAnswer.IGNORE,
        false);
  }

  /** With the extensions, locality per job, and an answer to inverse offers, not stateful. */
  public SchedulerConfig(SchedulerType type, int maxAttempts, int maxTasksPerOffer, long refuseMicros,
      boolean suppressWhenIdle, long decisionPerOffer, long decisionPerTask, boolean serialDecisions,
      int abandonAfter, int localityReplicas, long localityWait, InverseOfferAnswer inverseOffers) {
    this(type, maxAttempts, maxTasksPerOffer, refuseMicros, suppressWhenIdle, decisionPerOffer, decisionPerTask,
        serialDecisions, abandonAfter, localityReplicas, localityWait, false, inverseOffers, false);
  }

  /** Every extension but the stateful option. */
  public SchedulerConfig(SchedulerType type, int maxAttempts, int maxTasksPerOffer, long refuseMicros,
      boolean suppressWhenIdle, long decisionPerOffer, long decisionPerTask, boolean serialDecisions,
      int abandonAfter, int localityReplicas, long localityWait, boolean localityPerTask,
      InverseOfferAnswer inverseOffers) {
    this(type, maxAttempts, maxTasksPerOffer, refuseMicros, suppressWhenIdle, decisionPerOffer, decisionPerTask,
        serialDecisions, abandonAfter, localityReplicas, localityWait, localityPerTask, inverseOffers, false);
  }

  /** Without the extensions: parallel decisions, no abandonment, no locality. */
  public SchedulerConfig(SchedulerType type, int maxAttempts, int maxTasksPerOffer, long refuseMicros,
      boolean suppressWhenIdle, long decisionPerOffer, long decisionPerTask) {
    this(type, maxAttempts, maxTasksPerOffer, refuseMicros, suppressWhenIdle, decisionPerOffer, decisionPerTask, false,
        0, 0, 0L);
  }

  /** Whether the framework reports its decisions (busyness, first attempts): any decision time or extension set. */
  public boolean recordsDecisions() {
    return decisionPerOffer > 0 || decisionPerTask > 0 || serialDecisions || abandonAfter > 0;
  }

  public SchedulerConfig {
    inverseOffers = inverseOffers == null ? InverseOfferAnswer.IGNORE : inverseOffers;
    if (abandonAfter < 0) {
      throw new IllegalArgumentException("scheduler.abandonAfter: must be >= 0");
    }
    if (localityReplicas < 0 || localityWait < 0) {
      throw new IllegalArgumentException("scheduler.locality: must be >= 0");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("scheduler.maxAttempts: must be >= 1");
    }
    if (maxTasksPerOffer < 0) {
      throw new IllegalArgumentException("scheduler.maxTasksPerOffer: must be >= 0");
    }
  }

  /** How a scheduler answers an inverse offer (see {@code inverseOffers} above). */
  public enum InverseOfferAnswer {
    IGNORE,
    ACCEPT,
    DECLINE
  }

  public enum SchedulerType {
    BATCH,
    SERVICE,
    GANG
  }
}
