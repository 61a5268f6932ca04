package org.mesosim.model.allocation;

import java.util.List;
import java.util.Map;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentGroup;

/**
 * Mesos' rules of what a framework can ever be offered, stated once: the allocators apply them per
 * offer, the scenario checks and the trace fit check apply them to refuse a task that could never
 * run.
 */
public final class Offerability {
  private Offerability() {}

  /** True iff an agent with {@code total} has GPUs. */
  public static boolean hasGpus(Resources total) {
    return total.milli(ResourceNames.GPUS) > 0;
  }

  /**
   * True iff an agent (with GPUs or not) may be offered to a framework (with the GPU_RESOURCES
   * capability or not): Mesos offers an agent with GPUs only to frameworks that declare
   * GPU_RESOURCES (MESOS-5634; {@code HierarchicalAllocatorProcess::allocate} in
   * src/master/allocator/mesos/hierarchical.cpp, 1.0 and later).
   */
  public static boolean agentOffered(boolean agentHasGpus, boolean frameworkGpuResources) {
    return !agentHasGpus || frameworkGpuResources;
  }

  /**
   * True iff resources reserved for {@code owner} may be offered to a framework of {@code role}:
   * those of its own role, and with hierarchical roles ({@code ancestors}, Mesos 1.4+) those of an
   * ancestor of it ({@code roles::isStrictSubroleOf}, src/common/roles.cpp).
   */
  public static boolean reservationOffered(String owner, String role, boolean ancestors) {
    return role.equals(owner) || (ancestors && role.startsWith(owner + "/"));
  }

  /** Whether a task of some shape could ever be offered to a framework: {@link #taskFit}'s answer. */
  public enum TaskFit {
    /** An agent the framework can be offered holds it. */
    FITS,
    /** No agent holds it at all. */
    LARGER_THAN_EVERY_AGENT,
    /** Only agents with GPUs hold it, and the framework lacks GPU_RESOURCES (MESOS-5634). */
    ONLY_AGENTS_WITH_GPUS,
    /** Only with resources reserved for roles other than the framework's (and its ancestors). */
    ONLY_OTHER_ROLES_RESERVATIONS
  }

  /**
   * Could a task asking {@code task} ever be offered to a framework ({@code gpuResources}: it has
   * the GPU_RESOURCES capability; {@code role}: its role) on a cluster of {@code agents} (groups
   * with count 0 do not count)? The one question the scenario checks (synthetic tasks, at load) and
   * the trace fit check (each replayed job) ask, with the most specific reason first. An agent's
   * most a framework of {@code role} can be offered is its unreserved resources plus what is
   * reserved to the role or, as in Mesos 1.4+ (hierarchical roles), to an ancestor of it: the most
   * generous of the modelled versions, so that no version's valid scenario is refused. With
   * {@code role} null (not known) reservations are not asked about: an agent's whole total counts.
   */
  public static TaskFit taskFit(Resources task, List<AgentGroup> agents, boolean gpuResources, String role) {
    boolean any = false;
    boolean offered = false;
    for (AgentGroup g : agents) {
      if (g.count() <= 0 || !g.resources().contains(task)) {
        continue;
      }
      any = true;
      if (agentOffered(hasGpus(g.resources()), gpuResources)) {
        offered = true;
        if (offerableTo(g, role).contains(task)) {
          return TaskFit.FITS;
        }
      }
    }
    return !any ? TaskFit.LARGER_THAN_EVERY_AGENT
        : !offered ? TaskFit.ONLY_AGENTS_WITH_GPUS : TaskFit.ONLY_OTHER_ROLES_RESERVATIONS;
  }

  /**
   * The most of an agent of group {@code g} a framework of {@code role} can be offered: its
   * unreserved resources plus what is reserved to the role or an ancestor of it (all of it when
   * {@code role} is null).
   */
  private static Resources offerableTo(AgentGroup g, String role) {
    Resources out = g.resources();
    if (role == null) {
      return out;
    }
    for (Map.Entry<String, Resources> r : g.reservations().entrySet()) {
      if (!reservationOffered(r.getKey(), role, true)) {
        out = out.minusFloored(r.getValue()); // floored: reservations larger than the agent are reported elsewhere
      }
    }
    return out;
  }
}
