package org.mesosim.workloads.transform;

import java.util.List;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.Durations;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Offerability;
import org.mesosim.model.allocation.Offerability.TaskFit;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * Stops a run at a task that the framework could never be offered ({@link Offerability#taskFit}:
 * larger than every agent; for a framework without the GPU_RESOURCES capability, larger than every
 * agent without GPUs; or held only with resources reserved for other roles), which a trace cannot be
 * checked for at load time without reading it all. It is the question the scenario checks ask of a
 * synthetic task at load, asked of each replayed job. A job passes through unchanged; when one of
 * its tasks could never be offered, the job is still delivered, and the
 * <em>next</em> call of {@link #next()} throws a {@link BadInputException}. A framework pulls its
 * next job right after the previous one arrived, so the run stops at the simulated time the
 * oversized job arrives, with its submission in the event stream.
 *
 * <p>The message names the input ({@code source}, e.g. the trace file), the job id (readers do not
 * carry line numbers past the row: the id is the trace's, searchable in the file), its submit time,
 * the first oversized task with its resources, how many tasks of the job are oversized, and the
 * agent group that comes closest to holding it.
 */
public final class AgentFitCheck extends Transform {
  private final List<AgentGroup> agents;
  private final boolean gpuResources;
  private final String role;
  private final String sourceName;
  private final String framework;
  private String pendingError;
  private boolean closed;

  /**
   * @param agents the cluster's agent groups (groups with {@code count == 0} are ignored)
   * @param gpuResources whether the framework has the GPU_RESOURCES capability: without it, agents
   *     with GPUs are never offered to it (MESOS-5634), so they do not count
   * @param role the framework's role: resources reserved for other roles do not count; null: not
   *     asked (an agent's whole total counts)
   * @param sourceName what the jobs come from, for the message (e.g. the trace file)
   * @param framework the framework the workload feeds, for the message
   */
  public AgentFitCheck(Workload source, List<AgentGroup> agents, boolean gpuResources, String role,
      String sourceName, String framework) {
    super(source);
    this.agents = List.copyOf(agents);
    this.gpuResources = gpuResources;
    this.role = role;
    this.sourceName = sourceName;
    this.framework = framework;
  }

  @Override
  protected JobSpec pull() {
    if (pendingError != null) {
      throw new BadInputException(pendingError);
    }
    JobSpec j = source.next();
    if (j != null) {
      pendingError = check(j);
    }
    return j;
  }

  /** The error message for a job with a task that could never be offered, or null when all can. */
  String check(JobSpec j) {
    TaskSpec first = null;
    TaskFit firstFit = TaskFit.FITS;
    int oversized = 0;
    Resources last = null;
    TaskFit lastFit = TaskFit.FITS;
    for (TaskSpec t : j.tasks()) {
      Resources r = t.resources();
      if (!r.equals(last)) { // the tasks of a job usually share one shape
        last = r;
        lastFit = Offerability.taskFit(r, agents, gpuResources, role);
      }
      if (lastFit != TaskFit.FITS) {
        oversized++;
        if (first == null) {
          first = t;
          firstFit = lastFit;
        }
      }
    }
    if (first == null) {
      return null;
    }
    AgentGroup closest = closest(first.resources());
    StringBuilder sb = new StringBuilder();
    sb.append(sourceName).append(": job ").append(j.id()).append(" (framework ").append(framework)
        .append(", submitted at ").append(Durations.formatSeconds(j.submitTime())).append(" s): task ")
        .append(first.name()).append(" asks {").append(first.resources()).append("}, ");
    boolean gpuOnly = firstFit == TaskFit.ONLY_AGENTS_WITH_GPUS;
    if (gpuOnly) {
      sb.append("which only agents with gpus hold, and Mesos offers those only to frameworks with gpuResources:"
          + " true");
      closest = null;
    } else if (firstFit == TaskFit.ONLY_OTHER_ROLES_RESERVATIONS) {
      sb.append("which no agent holds without resources reserved for roles other than '").append(role)
          .append("' (a framework is offered unreserved resources and its role's reservations)");
      closest = null;
    } else {
      sb.append("larger than every agent");
    }
    if (closest != null) {
      sb.append(" (the closest, agents ").append(closest.name()).append(", have {").append(closest.resources())
          .append("})");
    }
    if (oversized > 1) {
      sb.append("; ").append(oversized - 1).append(" more task").append(oversized == 2 ? "" : "s")
          .append(" of this job too");
    }
    sb.append(gpuOnly ? "; it could never run. Set gpuResources: true or leave it out (trace.filter or trace.window)"
        : firstFit == TaskFit.ONLY_OTHER_ROLES_RESERVATIONS
            ? "; it could never run. Leave it out (trace.filter or trace.window) or reserve for this role"
            : "; it could never run. Leave it out (trace.filter or trace.window) or add larger agents");
    return sb.toString();
  }

  /**
   * The group whose agents come closest to holding {@code need}: the largest minimum, over the
   * task's resources, of agent amount / task amount; ties to the earlier group.
   */
  private AgentGroup closest(Resources need) {
    AgentGroup best = null;
    double bestRatio = -1;
    for (AgentGroup g : agents) {
      if (g.count() <= 0) {
        continue;
      }
      double ratio = Double.POSITIVE_INFINITY;
      for (String n : need.names()) {
        double want = need.get(n);
        if (want > 0) {
          ratio = Math.min(ratio, g.resources().get(n) / want);
        }
      }
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = g;
      }
    }
    return best;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      super.close();
    }
  }
}
