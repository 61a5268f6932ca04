package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Offerability;
import org.mesosim.model.config.AgentGroup;

/**
 * The checks over the whole file once its sections are read: a run until drained that never
 * drains, and a task that no agent could ever be offered. Each entry is checked as far as its own
 * keys are valid, so that every problem of a file is reported at once.
 */
final class ScenarioChecks {
  private final LoadContext ctx;

  ScenarioChecks(LoadContext ctx) {
    this.ctx = ctx;
  }

  /**
   * With {@code until: drained}, every entry must run out of work: an endless workload, a service
   * scheduler or a trace with tasks that never end is reported at {@code until} (or at the entry).
   */
  void checkDrains(YNode untilNode, List<FrameworkEntry> entries) {
    boolean readTraces = !ctx.hasProblems(); // reading a trace is slow: only for an otherwise good file
    for (FrameworkEntry e : entries) {
      String why = e.endless();
      if (why == null && readTraces && e.complete != null && e.complete.workload() instanceof Scenario.Trace t) {
        why = foreverTasks(t, e.node, e.index);
      }
      if (why != null) {
        ctx.error(untilNode != null ? untilNode : e.node, "until", "is 'drained' but "
            + (e.name != null ? "framework " + e.name : "frameworks[" + e.index + "]") + " " + why
            + "; set until to a duration, e.g. until: 1h");
      }
    }
  }

  /**
   * Why a trace never drains: tasks alive at the end of its input run forever (google-2011,
   * google-2019, alibaba-2018, alibaba-2018-containers, csv). Reads the trace (filter and window applied), so only asked with
   * {@code until: drained}; null when every task ends or the trace cannot be read (the run says why).
   */
  private String foreverTasks(Scenario.Trace t, YNode node, int i) {
    long n;
    try {
      n = ctx.catalog.foreverTasks(t);
    } catch (RuntimeException e) {
      ctx.error(node, "frameworks[" + i + "].workload.trace", "cannot read the trace: " + e.getMessage());
      return null;
    }
    return n <= 0 ? null : "replays a trace with " + n + (n == 1 ? " task that never ends" : " tasks that never end")
        + " (alive at the end of the input, a task runs until `until`)";
  }


  /**
   * {@code scheduler.stateful} uses offer operations (RESERVE, CREATE), which only
   * {@code hierarchical-drf} models (docs/operations.md): with another policy it is an error at the key.
   */
  void checkOperations(Scenario.Allocator allocator, List<FrameworkEntry> entries) {
    if (allocator == null || "hierarchical-drf".equals(allocator.policy())) {
      return;
    }
    for (FrameworkEntry e : entries) {
      if (!e.stateful) {
        continue;
      }
      YNode at = e.node;
      if (at != null && at.isMap() && at.get("scheduler") != null && at.get("scheduler").isMap()
          && at.get("scheduler").get("stateful") != null) {
        at = at.get("scheduler").get("stateful");
      }
      ctx.error(at, "frameworks[" + e.index + "].scheduler.stateful", "uses offer operations (RESERVE, CREATE),"
          + " which only allocator policy hierarchical-drf models, not " + allocator.policy());
    }
  }

  /**
   * A synthetic task that its framework could never be offered ({@link Offerability#taskFit}, the
   * question the trace fit check asks of each replayed job): reported at its resources.
   */
  void checkTasksFit(Scenario.Cluster cluster, List<FrameworkEntry> entries) {
    List<AgentGroup> machines = new ArrayList<>();
    for (Scenario.Agents a : cluster.agents()) {
      if (a.preset() != null || a.machines() != null) {
        machines.addAll(ctx.catalog.presetGroups(a));
      } else {
        machines.add(new AgentGroup("", a.count(), a.resources(), new TreeMap<>(), a.reservations()));
      }
    }
    if (machines.isEmpty()) {
      return;
    }
    for (FrameworkEntry e : entries) {
      Resources task = e.task;
      if (task == null) {
        continue;
      }
      String problem = switch (Offerability.taskFit(task, machines, e.gpuResources, e.role)) {
        case FITS -> null;
        case LARGER_THAN_EVERY_AGENT -> "a task (" + task + ") is larger than every agent; it could never run";
        // Mesos offers an agent with GPUs only to GPU_RESOURCES frameworks (MESOS-5634), as every
        // built-in policy does (AbstractOfferAllocator, HierarchicalDrfAllocator)
        case ONLY_AGENTS_WITH_GPUS -> "a task (" + task + ") fits only agents with gpus, which Mesos offers only to"
            + " frameworks with gpuResources: true; it could never run";
        case ONLY_OTHER_ROLES_RESERVATIONS -> "a task (" + task + ") fits no agent without resources reserved for"
            + " roles other than '" + e.role + "' (a framework is offered unreserved resources and its role's"
            + " reservations); it could never run";
      };
      if (problem != null) {
        YNode w = e.node.get("workload");
        YNode syn = w == null ? null : w.get("synthetic");
        YNode t = syn == null ? null : syn.get("task");
        YNode res = t == null ? null : t.get("resources");
        ctx.error(res != null ? res : e.node, "frameworks[" + e.index + "].workload.synthetic.task.resources", problem);
      }
    }
  }
}
