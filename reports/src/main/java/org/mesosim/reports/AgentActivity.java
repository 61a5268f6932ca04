package org.mesosim.reports;

import org.mesosim.model.AgentId;
import org.mesosim.model.Resources;

/** The per-agent views (docs/outputs.md): the utilization heatmap and the task Gantt. */
final class AgentActivity {
  private final RunSetup setup;
  private AgentHeatmap heatmap;
  private final TaskGantt gantt = new TaskGantt();

  AgentActivity(RunSetup setup) {
    this.setup = setup;
    heatmap = new AgentHeatmap(setup.resourceNames(), AgentHeatmap.Options.DEFAULT);
  }

  /** Sets the heatmap's resolution; false once an agent was seen (then it is too late). */
  boolean resolution(AgentHeatmap.Options options) {
    if (heatmap.agentIds().size() > 0) {
      return false;
    }
    heatmap = new AgentHeatmap(setup.resourceNames(), options);
    return true;
  }

  void registered(String agent, Resources total, long now) {
    heatmap.registered(agent, total, now);
    gantt.agentSeen(heatmap.agent(agent, now));
  }

  void removed(String agent, long now) {
    heatmap.removed(agent, now);
  }

  void taskStarted(TaskCounters.LiveTask lt, int f, AgentId agent, long now) {
    if (agent == null) {
      return;
    }
    lt.agent = heatmap.agent(agent.value(), now);
    heatmap.allocate(lt.agent, lt.resources, +1, now);
    lt.bar = gantt.started(lt.agent, f, now);
  }

  void taskEnded(TaskCounters.LiveTask lt, long now) {
    heatmap.allocate(lt.agent, lt.resources, -1, now);
    gantt.ended(lt.bar, now);
  }

  void finish(long end) {
    heatmap.finish(end);
  }

  AgentHeatmap heatmap() {
    return heatmap;
  }

  TaskGantt gantt() {
    return gantt;
  }
}
