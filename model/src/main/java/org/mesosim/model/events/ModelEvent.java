package org.mesosim.model.events;

import java.util.List;
import org.mesosim.engine.Digest;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.OfferId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskId;
import org.mesosim.model.TaskState;

/**
 * The observable events of a run: what reports measure and what the digest covers. Frameworks are
 * named by their scenario name (stable across failover) and also carry their Mesos ID where one
 * exists. Every record folds its kind, time and key fields into the digest, in a fixed order,
 * except the scheduler measurements at the end ({@code decision}, {@code job-attempted},
 * {@code placement}), which are derived from records that are folded in.
 *
 * <p>Extend by adding records (and a digest line); never change an existing record's digest
 * fields without accepting that every golden digest changes.
 */
public sealed interface ModelEvent {
  /** Virtual time in microseconds. */
  long time();

  /**
   * The event's kind, as folded into the digest and written to {@code events.jsonl}: one of
   * {@link #KINDS}.
   */
  String kind();

  void digestInto(Digest d);

  /** Every kind, in the order the records are declared. */
  List<String> KINDS = List.of("leader-elected", "leader-recovered", "leader-lost", "agent-registered",
      "agent-removed", "agent-disconnected", "framework-registered", "framework-deactivated", "offer",
      "decline", "rescind", "revive", "suppress", "machine", "inverse-offer", "inverse-offer-answer",
      "inverse-offer-rescind", "job-submitted", "job-ended", "pending", "launch", "status",
      "ack", "task-recovered", "operation", "fault", "invariant-violated", "decision", "job-attempted", "placement");

  // ---- ZooKeeper, masters ----------------------------------------------------------------

  /** A master became the leader (its detector saw itself as the lowest znode). */
  record LeaderElected(long time, String master, long epoch) implements ModelEvent {
    public String kind() {
      return "leader-elected";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(master).num(epoch);
    }
  }

  /** The leading master finished registry recovery and now serves requests. */
  record LeaderRecovered(long time, String master) implements ModelEvent {
    public String kind() {
      return "leader-recovered";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(master);
    }
  }

  /** No master leads (leader gone, or ZooKeeper lost quorum). */
  record LeaderLost(long time, String master, String reason) implements ModelEvent {
    public String kind() {
      return "leader-lost";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(master).str(reason);
    }
  }

  // ---- Registrations ----------------------------------------------------------------------

  record AgentRegistered(long time, AgentId agent, String hostname, ResourceSet total, boolean reregistered)
      implements ModelEvent {
    public String kind() {
      return "agent-registered";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(agent.value()).str(hostname).str(total.toString()).bool(reregistered);
    }
  }

  /** The master marked an agent unreachable or removed it. */
  record AgentRemoved(long time, AgentId agent, String hostname, String reason) implements ModelEvent {
    public String kind() {
      return "agent-removed";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(agent.value()).str(hostname).str(reason);
    }
  }

  /**
   * The master saw a registered agent's socket close (its process exited on a live host) and
   * disconnected it: deactivated, offers rescinded, non-checkpointing frameworks' tasks lost. The
   * agent stays registered; it reconnects by re-registering, or is marked unreachable by the
   * health checks.
   */
  record AgentDisconnected(long time, AgentId agent, String hostname) implements ModelEvent {
    public String kind() {
      return "agent-disconnected";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(agent.value()).str(hostname);
    }
  }

  record FrameworkRegistered(long time, String framework, FrameworkId id, String role, boolean reregistered)
      implements ModelEvent {
    public String kind() {
      return "framework-registered";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(id.value()).str(role).bool(reregistered);
    }
  }

  /** The framework disconnected, failed over, or was removed. */
  record FrameworkDeactivated(long time, String framework, FrameworkId id, boolean removed, String reason)
      implements ModelEvent {
    public String kind() {
      return "framework-deactivated";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(id.value()).bool(removed).str(reason);
    }
  }

  // ---- Offers -----------------------------------------------------------------------------

  record OfferMade(long time, OfferId offer, String framework, AgentId agent, ResourceSet resources)
      implements ModelEvent {
    public String kind() {
      return "offer";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(offer.value()).str(framework).str(agent.value());
      resources.digestInto(d);
    }
  }

  /** The framework declined an offer, or accepted part and returned the rest ({@code remainder}). */
  record OfferDeclined(long time, OfferId offer, String framework, AgentId agent, ResourceSet remainder,
      long refuseMicros) implements ModelEvent {
    public String kind() {
      return "decline";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(offer.value()).str(framework);
      remainder.digestInto(d);
      d.num(refuseMicros);
    }
  }

  record OfferRescinded(long time, OfferId offer, String framework, AgentId agent, String reason)
      implements ModelEvent {
    public String kind() {
      return "rescind";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(offer.value()).str(framework).str(reason);
    }
  }

  /** A framework's offer filters were cleared and it asked for offers again. */
  record OffersRevived(long time, String framework) implements ModelEvent {
    public String kind() {
      return "revive";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework);
    }
  }

  record OffersSuppressed(long time, String framework) implements ModelEvent {
    public String kind() {
      return "suppress";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework);
    }
  }

  // ---- Maintenance (docs/maintenance.md) ---------------------------------------------------

  /**
   * An operator's maintenance call took effect on a machine (after its registry write):
   * {@code mode} is the machine's new mode, {@code DRAINING} (in the posted schedule, with its
   * window), {@code DOWN} ({@code /machine/down}) or {@code UP} ({@code /machine/up}, or left out
   * of a new schedule). {@code startTime}/{@code endTime}: its window (end -1: no duration; both
   * -1 when it has none).
   */
  record MachineMode(long time, String machine, String mode, long startTime, long endTime) implements ModelEvent {
    public String kind() {
      return "machine";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(machine).str(mode).num(startTime).num(endTime);
    }
  }

  /** The master sent a framework an inverse offer for an agent whose window starts at {@code startTime}. */
  record InverseOfferMade(long time, OfferId inverseOffer, String framework, AgentId agent, long startTime,
      long endTime) implements ModelEvent {
    public String kind() {
      return "inverse-offer";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(inverseOffer.value()).str(framework).str(agent.value()).num(startTime).num(endTime);
    }
  }

  /**
   * A framework answered an inverse offer: {@code answer} is {@code accept} or {@code decline};
   * {@code refuseMicros} its filter (-1: none).
   */
  record InverseOfferAnswered(long time, OfferId inverseOffer, String framework, AgentId agent, String answer,
      long refuseMicros) implements ModelEvent {
    public String kind() {
      return "inverse-offer-answer";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(inverseOffer.value()).str(framework).str(answer).num(refuseMicros);
    }
  }

  /** The master took an unanswered inverse offer back ({@code reason}: why). */
  record InverseOfferRescinded(long time, OfferId inverseOffer, String framework, AgentId agent, String reason)
      implements ModelEvent {
    public String kind() {
      return "inverse-offer-rescind";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(inverseOffer.value()).str(framework).str(reason);
    }
  }

  // ---- Jobs and tasks ----------------------------------------------------------------------

  /** A job arrived at its framework (from its workload). */
  record JobSubmitted(long time, String framework, String job, int tasks) implements ModelEvent {
    public String kind() {
      return "job-submitted";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(job).num(tasks);
    }
  }

  /**
   * A job ended: every task reached its final outcome. {@code state} is {@code finished},
   * {@code failed} (a task exhausted its attempts or the trace says so) or {@code killed}.
   * {@code startTime} is the first launch of any of its tasks, or -1.
   */
  record JobEnded(long time, String framework, String job, long submitTime, long startTime, int tasks,
      String state) implements ModelEvent {
    public String kind() {
      return "job-ended";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(job).num(startTime).str(state);
    }
  }

  /** The number of tasks waiting in a framework's queue changed. */
  record PendingChanged(long time, String framework, int pending) implements ModelEvent {
    public String kind() {
      return "pending";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).num(pending);
    }
  }

  /** The master accepted a launch: the task is STAGING and holds {@code resources}. */
  record TaskLaunched(long time, String framework, TaskId task, String job, AgentId agent, OfferId offer,
      Resources resources) implements ModelEvent {
    public String kind() {
      return "launch";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(task.value()).str(agent.value()).str(offer.value());
      resources.digestInto(d);
    }
  }

  /**
   * The master's view of a task changed state (an update forwarded to the framework, or generated
   * by the master). {@code resources} are the task's; on the first transition to a terminal state
   * they return to the allocator. {@code reason} is Mesos' reason name, or empty.
   */
  record TaskStatus(long time, String framework, TaskId task, AgentId agent, TaskState state, String reason,
      Resources resources) implements ModelEvent {
    public String kind() {
      return "status";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(task.value()).str(agent == null ? "" : agent.value())
          .num(state.ordinal()).str(reason);
    }
  }

  /**
   * The framework acknowledged an agent-originated status update and the master relayed the
   * acknowledgement to the agent ({@code Master::acknowledge}). Added by the model helper.
   */
  record TaskAcknowledged(long time, String framework, TaskId task, TaskState state) implements ModelEvent {
    public String kind() {
      return "ack";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(task.value()).num(state.ordinal());
    }
  }

  /** A task that the master had counted terminal (LOST/UNREACHABLE) turned out to be alive. */
  record TaskRecovered(long time, String framework, TaskId task, AgentId agent, TaskState state,
      Resources resources) implements ModelEvent {
    public String kind() {
      return "task-recovered";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(task.value()).str(agent.value()).num(state.ordinal());
    }
  }

  // ---- Offer operations --------------------------------------------------------------------

  /**
   * The master applied an offer operation other than LAUNCH from a framework's ACCEPT
   * (docs/operations.md): {@code type} RESERVE, UNRESERVE, CREATE or DESTROY; {@code volume} the
   * persistence id for CREATE/DESTROY ("" otherwise); {@code resources} the amounts (re)reserved,
   * empty for CREATE/DESTROY.
   */
  record OperationApplied(long time, String framework, AgentId agent, String type, String volume,
      Resources resources) implements ModelEvent {
    public String kind() {
      return "operation";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(framework).str(agent.value()).str(type).str(volume);
      resources.digestInto(d);
    }
  }

  // ---- Faults and checks -------------------------------------------------------------------

  /** A fault was injected or healed: {@code action} is crash, restart, partition or heal. */
  record Fault(long time, String action, String target) implements ModelEvent {
    public String kind() {
      return "fault";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(action).str(target);
    }
  }

  /** An invariant check failed (with {@code --check-invariants}, or always in tests). */
  record InvariantViolated(long time, String invariant, String detail) implements ModelEvent {
    public String kind() {
      return "invariant-violated";
    }

    public void digestInto(Digest d) {
      d.event(kind(), time).str(invariant).str(detail);
    }
  }

  // ---- Scheduler measurements (Omega, Schwarzkopf et al. EuroSys 2013, section 4) ------------

  /**
   * A framework's scheduler started deciding at {@code time} and is busy until {@code end} (its
   * answer is sent then); {@code offers} offers are decided in it. Emitted only by frameworks that
   * have a decision time or a scheduler extension ({@code SchedulerConfig#recordsDecisions}).
   *
   * <p>Left out of the digest: it is a measurement fully determined by events already folded in (the
   * offers and their answers) and the scenario's decision times, so adding it moved no pinned digest.
   */
  record SchedulerDecision(long time, String framework, long end, int offers) implements ModelEvent {
    public String kind() {
      return "decision";
    }

    public void digestInto(Digest d) {
      // a measurement, not a behaviour: see the class comment
    }
  }

  /**
   * A job's first scheduling attempt began: its framework started a decision while the job had
   * tasks queued (Omega's "job wait time" ends here). Same emission and digest rule as
   * {@link SchedulerDecision}.
   */
  record JobAttempted(long time, String framework, String job, long submitTime) implements ModelEvent {
    public String kind() {
      return "job-attempted";
    }

    public void digestInto(Digest d) {
      // a measurement, not a behaviour: see SchedulerDecision
    }
  }

  /**
   * Delay scheduling: a task of a job with input locality preferences was launched, on an agent
   * holding its input ({@code local}) or not. Emitted only with {@code locality} set; left out of the
   * digest as {@link SchedulerDecision} is (the launch itself is folded in).
   */
  record TaskPlaced(long time, String framework, String job, boolean local) implements ModelEvent {
    public String kind() {
      return "placement";
    }

    public void digestInto(Digest d) {
      // a measurement, not a behaviour: see SchedulerDecision
    }
  }
}
