package org.mesosim.model.cluster;

import java.util.List;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.TaskState;

/**
 * The Mesos protocol messages the model exchanges over the {@link Network}, one record per
 * message of {@code src/messages/messages.proto} and {@code include/mesos/scheduler/scheduler.proto}
 * (1.1) that the model needs. Tasks and offers travel as references to the model's shared
 * {@link Task} and {@link Offer} objects (standing in for TaskInfo/TaskID and OfferID); each
 * process keeps its own view of them in separate fields.
 *
 * <p>Each entity has one handler per message it can receive ({@code Master#receive},
 * {@code Agent#receive}, {@code Framework#receive}).
 */
public sealed interface Message {

  // ---- scheduler -> master ----------------------------------------------------------------

  /** {@code RegisterFrameworkMessage} (first SUBSCRIBE, no framework ID). */
  record RegisterFramework(int framework, FrameworkInfo info) implements Message {}

  /** {@code ReregisterFrameworkMessage} (SUBSCRIBE with an ID); {@code failover} = the driver's failover flag. */
  record ReregisterFramework(int framework, FrameworkId id, FrameworkInfo info, boolean failover)
      implements Message {}

  /** {@code UnregisterFrameworkMessage} / TEARDOWN. */
  record UnregisterFramework(int framework, FrameworkId id) implements Message {}

  /** One LAUNCH operation: the task and the resources it takes from the offer. */
  record Launch(Task task, ResourceSet resources) {}

  /**
   * {@code Call::ACCEPT}: the offer operations before the launches (RESERVE, UNRESERVE, CREATE,
   * DESTROY, applied in order, docs/operations.md), the LAUNCH operations, and the filters for the
   * unused remainder.
   */
  record Accept(int framework, List<Offer> offers, List<Launch> launches, long refuseMicros,
      List<org.mesosim.model.Operation> operations) implements Message {
    /** LAUNCH operations only. */
    Accept(int framework, List<Offer> offers, List<Launch> launches, long refuseMicros) {
      this(framework, offers, launches, refuseMicros, List.of());
    }
  }

  /** {@code Call::DECLINE}. */
  record Decline(int framework, List<Offer> offers, long refuseMicros) implements Message {}

  /**
   * {@code Call::ACCEPT_INVERSE_OFFERS} (src/master/master.cpp {@code acceptInverseOffers}); a
   * negative {@code refuseMicros} means no Filters message.
   */
  record AcceptInverseOffers(int framework, List<InverseOffer> inverseOffers, long refuseMicros)
      implements Message {}

  /** {@code Call::DECLINE_INVERSE_OFFERS} ({@code declineInverseOffers}), with its filter. */
  record DeclineInverseOffers(int framework, List<InverseOffer> inverseOffers, long refuseMicros)
      implements Message {}

  /** {@code Call::KILL}. */
  record KillTaskCall(int framework, Task task) implements Message {}

  /** {@code Call::REVIVE}. */
  record ReviveOffers(int framework) implements Message {}

  /** {@code Call::SUPPRESS}. */
  record SuppressOffers(int framework) implements Message {}

  /** {@code Call::ACKNOWLEDGE} of an agent-originated update (state carried for the master's bookkeeping). */
  record Acknowledge(int framework, Task task, long uuid, TaskState state) implements Message {}

  /** {@code Call::MESSAGE} / {@code FrameworkToExecutorMessage}: opaque data for an executor on an agent. */
  record FrameworkToExecutor(int framework, int agent, int bytes) implements Message {}

  /** {@code AuthenticateMessage}: accepted (authentication is not modelled). */
  record Authenticate(int sender) implements Message {}

  /** {@code Call::RECONCILE}: empty = implicit. */
  record Reconcile(int framework, List<Task> tasks) implements Message {}

  // ---- master -> scheduler ----------------------------------------------------------------

  /** {@code FrameworkRegisteredMessage} / {@code FrameworkReregisteredMessage}. */
  record FrameworkRegistered(int master, FrameworkId id, boolean reregistered) implements Message {}

  /** {@code FrameworkErrorMessage} (e.g. "Framework has been removed"). */
  record FrameworkError(String message) implements Message {}

  /** {@code ResourceOffersMessage}: one Offer per agent entry of the allocator's callback. */
  record ResourceOffers(int master, List<Offer> offers) implements Message {}

  /** {@code RescindResourceOfferMessage}. */
  record RescindOffer(int master, Offer offer) implements Message {}

  /** {@code StatusUpdateMessage} as forwarded (or generated, {@code uuid == 0}) by the master. */
  record StatusUpdateForward(int master, Task task, TaskState state, String reason, long uuid)
      implements Message {}

  /** {@code LostSlaveMessage}. */
  record LostSlave(AgentId agent, int agentIndex) implements Message {}

  // ---- agent <-> master -------------------------------------------------------------------

  /** {@code RegisterSlaveMessage}. */
  record RegisterSlave(int agent) implements Message {}

  /** {@code ReregisterSlaveMessage}: the agent's ID and the tasks it knows (non-terminal or unacknowledged). */
  record ReregisterSlave(int agent, AgentId id, List<Task> tasks) implements Message {}

  /** {@code UnregisterSlaveMessage} (graceful shutdown). */
  record UnregisterSlave(int agent, AgentId id) implements Message {}

  /** {@code SlaveRegisteredMessage}. */
  record SlaveRegistered(int master, AgentId id) implements Message {}

  /** {@code SlaveReregisteredMessage}. */
  record SlaveReregistered(int master, AgentId id) implements Message {}

  /** {@code ShutdownFrameworkMessage}: kill everything of this framework. */
  record ShutdownFramework(int framework) implements Message {}

  /**
   * {@code InverseOffersMessage} (master -> scheduler): inverse offers, one per agent
   * ({@code Master::inverseOffer}).
   */
  record InverseOffers(int master, List<InverseOffer> inverseOffers) implements Message {}

  /** {@code RescindInverseOfferMessage} ({@code Master::removeInverseOffer} with rescind). */
  record RescindInverseOffer(int master, InverseOffer inverseOffer) implements Message {}

  /**
   * {@code ShutdownMessage}: the agent shuts down every executor and exits; after a master-initiated
   * shutdown it forgets its ID, so when started again it registers as a new agent
   * ({@code Slave::shutdown}, {@code Slave::finalize}, src/slave/slave.cpp).
   */
  record ShutdownSlave(String reason) implements Message {}

  /** {@code RunTaskMessage}. */
  record RunTask(int master, Task task) implements Message {}

  /** {@code KillTaskMessage}. */
  record KillTask(int master, Task task) implements Message {}

  /** {@code StatusUpdateMessage} from the agent's status update manager; {@code latest} is the agent's latest state. */
  record StatusUpdate(int agent, Task task, TaskState state, TaskState latest, String reason, long uuid)
      implements Message {}

  /** {@code StatusUpdateAcknowledgementMessage} (master -> agent). */
  record StatusUpdateAcknowledgement(Task task, long uuid) implements Message {}

  /** {@code ExecutorToFrameworkMessage}: opaque data from an executor, relayed by the agent and the master. */
  record ExecutorToFramework(int agent, int framework, int bytes) implements Message {}

  /** {@code UpdateSlaveMessage}: the agent's oversubscribed (revocable) resources estimate. */
  record UpdateSlave(int agent, org.mesosim.model.Resources oversubscribed) implements Message {}

  /** {@code ExitedExecutorMessage}. */
  record ExitedExecutor(int agent, int framework) implements Message {}
}
