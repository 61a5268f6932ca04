package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.events.ModelEvent;

class AgentHeatmapTest {
  @TempDir Path tmp;

  static final double EPS = 1e-12;
  static final long S = 1_000_000L;

  @Test
  void cells_areTimeWeightedFractionsOfTheRowsCapacity_greyBeforeRegistration() {
    AgentHeatmap h = new AgentHeatmap(List.of("cpus", "mem"), new AgentHeatmap.Options(8, 16, 2 * S));
    h.registered("a", Resources.of(4, 1000), 0);
    int a = h.agent("a", 0);
    h.allocate(a, Resources.of(2, 250), +1, 1 * S); // cpus 1/2 from 1 s, mem 1/4
    h.registered("b", Resources.of(8, 1000), 3 * S); // b appears at 3 s
    int b = h.agent("b", 3 * S);
    h.allocate(b, Resources.of(8, 1000), +1, 3 * S);
    h.allocate(a, Resources.of(2, 250), -1, 5 * S);
    h.finish(5 * S);
    assertEquals(3, h.columns()); // [0,2) [2,4) [4,5]
    assertEquals(2, h.rows());
    assertEquals(1, h.agentsPerRow());
    assertEquals(5 * S, h.columnEnd(2));
    // a, cpus: [0,2): half the time at 2 of 4 -> 0.25; [2,4): 0.5; [4,5]: 0.5
    assertEquals(0.25, h.fraction(0, 0, 0), EPS);
    assertEquals(0.5, h.fraction(0, 0, 1), EPS);
    assertEquals(0.5, h.fraction(0, 0, 2), EPS);
    assertEquals(0.125, h.fraction(1, 0, 0), EPS); // mem: 250 of 1000 half the time
    // b: no capacity in [0,2): NaN (grey); [2,4): registered at 3 and full from 3 -> 1
    assertTrue(Double.isNaN(h.fraction(0, 1, 0)));
    assertEquals(1.0, h.fraction(0, 1, 1), EPS);
    assertEquals(1.0, h.fraction(1, 1, 2), EPS);
  }

  @Test
  void columnsMerge_exactly_andNeverExceedTheLimit() {
    // 4 columns of 1 s at most; 10 s with a step at 3 s: after merges the columns are 4 s wide
    AgentHeatmap h = new AgentHeatmap(List.of("cpus"), new AgentHeatmap.Options(4, 4, S));
    h.registered("a", Resources.of(10, 0), 0);
    int a = h.agent("a", 0);
    h.allocate(a, Resources.of(10, 0), +1, 3 * S); // full from 3 s
    h.advance(9 * S);
    assertTrue(h.columns() <= 4);
    h.finish(10 * S);
    assertEquals(4 * S, h.columnWidth());
    assertEquals(3, h.columns()); // [0,4) [4,8) [8,10]
    assertEquals(0.25, h.fraction(0, 0, 0), EPS); // 1 s of 4 full
    assertEquals(1.0, h.fraction(0, 0, 1), EPS);
    assertEquals(1.0, h.fraction(0, 0, 2), EPS);
    assertEquals(10 * S, h.columnEnd(2));
  }

  @Test
  void rowsMerge_sumAllocationAndCapacity_boundedFor12583Agents() {
    AgentHeatmap h = new AgentHeatmap(List.of("cpus", "mem"), new AgentHeatmap.Options(2, 8, S));
    h.registered("a", Resources.of(4, 100), 0);
    h.registered("b", Resources.of(4, 100), 0);
    h.allocate(h.agent("a", 0), Resources.of(4, 100), +1, 0);
    h.registered("c", Resources.of(8, 200), 0); // third agent: rows of 2
    h.finish(1 * S);
    assertEquals(2, h.agentsPerRow());
    assertEquals(2, h.rows());
    assertEquals(0.5, h.fraction(0, 0, 0), EPS); // (4 + 0) / (4 + 4)
    assertEquals(0.0, h.fraction(0, 1, 0), EPS);

    AgentHeatmap big = new AgentHeatmap(List.of("cpus", "mem"), AgentHeatmap.Options.DEFAULT);
    for (int i = 0; i < 12_583; i++) {
      big.registered("agent-" + i, Resources.of(1, 1), i);
      big.allocate(big.agent("agent-" + i, i), Resources.of(1, 1), +1, i);
    }
    big.finish(20_000);
    assertEquals(256, big.agentsPerRow()); // 12,583 agents in 50 rows of 256
    assertEquals(50, big.rows());
    assertEquals(1.0, big.fraction(0, 0, 0), EPS); // each agent full from its registration on
  }

  @Test
  void recorder_feedsTheHeatmapAndTheGantt_fromLaunchesAndTerminalStatuses() throws Exception {
    RunSetup setup = Events.setup(tmp, List.of(new FrameworkMeta("A", "*"), new FrameworkMeta("B", "*")), S);
    MetricsRecorder rec = new MetricsRecorder(setup);
    rec.agentHeatmap(new AgentHeatmap.Options(4, 8, 2 * S));
    rec.on(Events.agent(0, "a1", 4, 4096));
    rec.on(Events.submit(0, "A", "j1", 2));
    rec.on(Events.launch(1, "A", "t1", "j1", 2, 1024));
    rec.on(Events.launch(1, "B", "t2", null, 2, 1024));
    rec.on(Events.status(3, "A", "t1", TaskState.TASK_FINISHED, 2, 1024));
    rec.finish(4 * S);
    AgentHeatmap h = rec.heatmap();
    assertEquals(List.of("a1"), h.agentIds());
    assertEquals(2, h.columns());
    assertEquals(0.5, h.fraction(0, 0, 0), EPS); // 4 of 4 cpus during 1 of 2 s
    assertEquals(0.75, h.fraction(0, 0, 1), EPS); // 4 during 1 s, 2 during 1 s
    TaskGantt g = rec.gantt();
    assertNull(g.skipped());
    assertEquals(2, g.size());
    assertEquals(List.of(0, 0, 1 * S, 3 * S), List.of(g.agent(0), g.framework(0), g.start(0), g.end(0)));
    assertEquals(List.of(0, 1, 1 * S, -1L), List.of(g.agent(1), g.framework(1), g.start(1), g.end(1)));

    Path csv = tmp.resolve("h.csv");
    AgentData.writeHeatmap(csv, rec);
    assertEquals(List.of("time_s,end_s,row,first_agent,last_agent,agents,resource,allocated_fraction",
        "0,2,0,a1,a1,1,cpus,0.5", "0,2,0,a1,a1,1,mem,0.25", "2,4,0,a1,a1,1,cpus,0.75", "2,4,0,a1,a1,1,mem,0.375"),
        Files.readAllLines(csv));
  }

  @Test
  void gantt_isDroppedBeyondItsLimit_withTheReason() {
    TaskGantt g = new TaskGantt();
    for (int i = 0; i < TaskGantt.MAX_TASKS; i++) {
      assertEquals(i, g.started(0, 0, i));
    }
    assertEquals(-1, g.started(0, 0, 0));
    assertEquals("it launched more than " + TaskGantt.MAX_TASKS + " tasks", g.skipped());
    assertEquals(0, g.size());
    TaskGantt wide = new TaskGantt();
    wide.agentSeen(TaskGantt.MAX_AGENTS);
    assertEquals("it has more than " + TaskGantt.MAX_AGENTS + " agents", wide.skipped());
  }

  @Test
  void offerWait_isTheTimeAFrameworkWithPendingTasksWaitedForEachOffer() throws Exception {
    RunSetup setup = Events.setup(tmp, List.of(new FrameworkMeta("A", "*")), S);
    MetricsRecorder rec = new MetricsRecorder(setup);
    rec.on(Events.agent(0, "a1", 4, 4096));
    rec.on(Events.offer(0.5, "A", "o0")); // no pending tasks: not a wait
    rec.on(Events.pending(1, "A", 3));
    rec.on(Events.offer(3, "A", "o1")); // waited 2 s
    rec.on(Events.offer(3.5, "A", "o2")); // 0.5 s since the previous offer
    rec.on(Events.pending(4, "A", 0));
    rec.on(Events.offer(6, "A", "o3")); // nothing pending: not a wait
    rec.finish(7 * S);
    Quantiles q = rec.offerWait(0);
    assertEquals(2, q.count());
    assertEquals(0.5, q.min(), EPS);
    assertEquals(2.0, q.max(), EPS);
    assertEquals(2, rec.offerWait().count());
    Path csv = tmp.resolve("o.csv");
    AgentData.writeOfferLatency(csv, rec);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("metric,entity_kind,entity,count,fraction,seconds", lines.get(0));
    assertEquals(List.of("offer_wait,cluster,cluster,2,0.5,0.5", "offer_wait,cluster,cluster,2,1,2",
        "offer_wait,framework,A,2,0.5,0.5", "offer_wait,framework,A,2,1,2"), lines.subList(1, 5));
    assertEquals(5, lines.size()); // no offer was used: no offer_to_launch rows
  }

  @Test
  void recording_isOffWithZeroRows() throws Exception {
    RunSetup setup = Events.setup(tmp, List.of(new FrameworkMeta("A", "*")), S);
    MetricsRecorder rec = new MetricsRecorder(setup);
    rec.agentHeatmap(new AgentHeatmap.Options(0, 2, S));
    for (ModelEvent e : List.of(Events.agent(0, "a1", 4, 4096), Events.launch(1, "A", "t1", null, 2, 1024))) {
      rec.on(e);
    }
    rec.finish(2 * S);
    assertEquals(0, rec.heatmap().rows());
    assertEquals("Agent heatmap not drawn: metrics.agentHeatmap.rows is 0.",
        org.mesosim.reports.chart.RunCharts.note(rec, "heatmap"));
    AgentData.writeHeatmap(tmp.resolve(AgentData.HEATMAP), rec);
    assertTrue(Files.notExists(tmp.resolve(AgentData.HEATMAP)));
  }
}
