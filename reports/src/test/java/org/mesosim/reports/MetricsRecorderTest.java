package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mesosim.reports.Events.agent;
import static org.mesosim.reports.Events.agentRemoved;
import static org.mesosim.reports.Events.deactivated;
import static org.mesosim.reports.Events.decline;
import static org.mesosim.reports.Events.ended;
import static org.mesosim.reports.Events.launch;
import static org.mesosim.reports.Events.offer;
import static org.mesosim.reports.Events.pending;
import static org.mesosim.reports.Events.recovered;
import static org.mesosim.reports.Events.registered;
import static org.mesosim.reports.Events.rescind;
import static org.mesosim.reports.Events.s;
import static org.mesosim.reports.Events.status;
import static org.mesosim.reports.Events.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.TaskState;
import org.mesosim.model.events.ModelEvent;

class MetricsRecorderTest {
  private static final double EPS = 1e-12;
  @TempDir Path tmp;

  private static final List<FrameworkMeta> AB = List.of(new FrameworkMeta("A", "a"), new FrameworkMeta("B", "b"));

  private MetricsRecorder recorder(long sampleMicros) {
    return new MetricsRecorder(Events.setup(tmp, AB, sampleMicros));
  }

  private static RunSummary.FrameworkSummary fw(RunSummary s, String name) {
    return s.frameworks().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  private static RunSummary feed(MetricsRecorder rec, double end, ModelEvent... events) {
    for (ModelEvent e : events) {
      rec.on(e);
    }
    rec.finish(s(end));
    return rec.summary("d", events.length, 0, 0);
  }

  @Test
  void jainIndex_equalSharesIsOne_oneOfTwoIsHalf() {
    assertEquals(1.0, MetricsRecorder.jainIndex(new double[] {0.5, 0.5}), EPS);
    assertEquals(0.5, MetricsRecorder.jainIndex(new double[] {1.0, 0.0}), EPS);
    assertEquals(1.0, MetricsRecorder.jainIndex(new double[] {0.0, 0.0}), EPS);
    // (0.2+0.4)^2 / (2 * (0.04+0.16)) = 0.36 / 0.4
    assertEquals(0.9, MetricsRecorder.jainIndex(new double[] {0.2, 0.4}), EPS);
    assertEquals(0.2, MetricsRecorder.maxMinGap(new double[] {0.2, 0.4}), EPS);
  }

  @Test
  void utilization_timeWeightedMeanOverUnevenIntervals() {
    RunSummary sum = feed(recorder(s(1)), 10,
        agent(0, "a1", 4, 4096),
        launch(1, "A", "t1", "j", 1, 1024),
        launch(4, "A", "t2", "j", 2, 1024),
        status(10, "A", "t1", TaskState.TASK_FINISHED, 1, 1024));
    // cpus: 0 on [0,1), 0.25 on [1,4), 0.75 on [4,10) -> (0.75 + 4.5) / 10
    assertEquals(0.525, sum.cluster().utilization().get("cpus").mean(), EPS);
    assertEquals(0.5, sum.cluster().utilization().get("cpus").last(), EPS);
    // mem: 0.25 on [1,4), 0.5 on [4,10) -> (0.75 + 3) / 10
    assertEquals(0.375, sum.cluster().utilization().get("mem").mean(), EPS);
    // A's dominant share is cpus all along
    assertEquals(0.525, fw(sum, "A").dominantShare().mean(), EPS);
    assertEquals(0.5, fw(sum, "A").dominantShare().last(), EPS);
    assertEquals("2", fw(sum, "A").allocated().get("cpus").toPlainString());
    assertEquals("1024", fw(sum, "A").allocated().get("mem").toPlainString());
    // Jain over (A, B): 1 on [0,1) (all zero), then 0.5 (only A holds anything)
    assertEquals((1.0 + 0.5 * 9) / 10, sum.fairness().jainIndex().mean(), EPS);
    assertEquals(0.5, sum.fairness().jainIndex().last(), EPS);
    assertEquals(0.5, sum.fairness().maxMinGap().last(), EPS);
    // B has no demand: over frameworks with demand the index is 1 throughout
    assertEquals(1.0, sum.fairness().jainIndexActive().mean(), EPS);
    assertEquals(4.0, sum.cluster().capacity().get("cpus").doubleValue(), EPS);
    assertEquals(1, sum.cluster().agents());
  }

  @Test
  void weightedShares_equalisedByRoleWeightsGiveJainOne() {
    TreeMap<String, Double> w = new TreeMap<>();
    w.put("a", 2.0);
    RunSetup setup = new RunSetup("t", 1, "drf", s(1), List.of("cpus", "mem"), AB, w, tmp);
    RunSummary sum = feed(new MetricsRecorder(setup), 2,
        agent(0, "a1", 4, 4096),
        launch(0, "A", "t1", "j", 2, 0),
        launch(0, "B", "t2", "j", 1, 0));
    assertEquals(0.5, fw(sum, "A").dominantShare().last(), EPS);
    assertEquals(0.25, fw(sum, "A").weightedShare().last(), EPS);
    assertEquals(0.25, fw(sum, "B").dominantShare().last(), EPS);
    assertEquals(1.0, sum.fairness().jainIndex().mean(), EPS);
    assertEquals(0.0, sum.fairness().maxMinGap().last(), EPS);
    assertEquals("a", sum.roles().get(0).role());
    assertEquals(2.0, sum.roles().get(0).weight(), EPS);
    assertEquals(0.5, sum.roles().get(0).dominantShare().last(), EPS);
  }

  @Test
  void capacity_followsAgentRegistrationAndRemoval() {
    RunSummary sum = feed(recorder(s(1)), 10,
        agent(0, "a1", 4, 4096),
        agent(0, "a2", 4, 4096),
        launch(0, "A", "t1", "j", 2, 0),
        agentRemoved(5, "a2"));
    // share 2/8 on [0,5), 2/4 on [5,10)
    assertEquals(0.375, fw(sum, "A").dominantShare().mean(), EPS);
    assertEquals(0.5, fw(sum, "A").dominantShare().last(), EPS);
    assertEquals(1, sum.cluster().agents());
    assertEquals(2, sum.cluster().agentsMax());
    assertEquals("4", sum.cluster().capacity().get("cpus").toPlainString());
  }

  @Test
  void jobs_waitCompletionAndSlowdownFromTwoJobStream() {
    RunSummary sum = feed(recorder(s(1)), 30,
        agent(0, "a1", 4, 4096),
        submit(0, "A", "j1", 1),
        submit(1, "A", "j2", 1),
        launch(2, "A", "t1", "j1", 1, 0),
        launch(5, "A", "t2", "j2", 1, 0),
        status(12, "A", "t1", TaskState.TASK_FINISHED, 1, 0),
        ended(12, "A", "j1", 0, 2, 1, "finished"),
        status(21, "A", "t2", TaskState.TASK_FINISHED, 1, 0),
        ended(21, "A", "j2", 1, 5, 1, "finished"));
    RunSummary.Jobs j = fw(sum, "A").jobs();
    assertEquals(2, j.submitted());
    assertEquals(2, j.finished());
    assertEquals(3.0, j.waitSeconds().mean(), EPS);
    assertEquals(2.0, j.waitSeconds().p50(), EPS);
    assertEquals(4.0, j.waitSeconds().p95(), EPS);
    assertEquals(16.0, j.completionSeconds().mean(), EPS);
    assertEquals(12.0, j.completionSeconds().p50(), EPS);
    assertEquals(20.0, j.completionSeconds().p95(), EPS);
    assertEquals(20.0, j.completionSeconds().p99(), EPS);
    // bounded slowdown: 12 / max(10, 10) and 20 / max(16, 10)
    assertEquals((1.2 + 1.25) / 2, j.slowdown().mean(), EPS);
    assertEquals(0, fw(sum, "B").jobs().submitted());
    assertEquals(0.0, fw(sum, "B").jobs().completionSeconds().p99(), EPS);
    assertEquals(2, sum.jobs().finished());
  }

  @Test
  void jobsCsv_rowsForEndedThenOpenJobs() throws IOException {
    feed(recorder(s(1)), 50,
        submit(0, "A", "j1", 2),
        submit(1, "B", "j2", 1),
        submit(2, "A", "j3", 1),
        launch(3, "A", "t1", "j1", 1, 0),
        launch(4, "A", "t3", "j3", 1, 0),
        status(6.5, "A", "t3", TaskState.TASK_FAILED, 1, 0),
        ended(6.5, "A", "j3", 2, 4, 1, "failed"));
    List<String> rows = Files.readAllLines(tmp.resolve("jobs.csv.partial"));
    assertEquals(List.of("framework,job,submit_s,start_s,end_s,tasks,state",
        "A,j3,2,4,6.5,1,failed",
        "A,j1,0,3,,2,running",
        "B,j2,1,,,1,pending"), rows);
  }

  @Test
  void jobsCsv_openJobsOfOneInstantKeepTheirSubmissionOrder() throws IOException {
    feed(recorder(s(1)), 50,
        submit(0, "A", "9", 1),
        submit(0, "A", "10", 1),
        submit(0, "B", "2", 1),
        submit(0, "A", "11", 1),
        launch(3, "A", "t10", "10", 1, 0));
    assertEquals(List.of("framework,job,submit_s,start_s,end_s,tasks,state",
        "A,9,0,,,1,pending",
        "A,10,0,3,,1,running",
        "A,11,0,,,1,pending",
        "B,2,0,,,1,pending"), Files.readAllLines(tmp.resolve("jobs.csv.partial")));
  }

  @Test
  void jobsCsv_startIsTheFirstTaskLaunchedAsInTheWait() throws IOException {
    // The model's JobEnded.startTime is when the framework decided to launch (before the master
    // accepted it, 1 ms earlier here); start_s, like waitSeconds and an open job's start_s, is the
    // first TaskLaunched.
    RunSummary sum = feed(recorder(s(1)), 50,
        agent(0, "a1", 4, 4096),
        submit(0, "A", "j1", 1),
        launch(3, "A", "t1", "j1", 1, 0),
        status(20, "A", "t1", TaskState.TASK_FINISHED, 1, 0),
        ended(20, "A", "j1", 0, 2.999, 1, "finished"));
    assertEquals(3.0, fw(sum, "A").jobs().waitSeconds().mean(), EPS);
    assertEquals(List.of("framework,job,submit_s,start_s,end_s,tasks,state", "A,j1,0,3,20,1,finished"),
        Files.readAllLines(tmp.resolve("jobs.csv.partial")));
    // bounded slowdown from the same start: 20 / max(17, 10)
    assertEquals(20.0 / 17, fw(sum, "A").jobs().slowdown().mean(), EPS);
  }

  @Test
  void tasks_firstTerminalStatusCountsOnceAndRecoveryReAdds() {
    RunSummary sum = feed(recorder(s(1)), 20,
        agent(0, "a1", 4, 4096),
        launch(1, "A", "t1", "j", 1, 1024),
        status(2, "A", "t1", TaskState.TASK_RUNNING, 1, 1024),
        status(5, "A", "t1", TaskState.TASK_LOST, 1, 1024),
        status(6, "A", "t1", TaskState.TASK_GONE, 1, 1024),
        recovered(8, "A", "t1", 1, 1024),
        status(10, "A", "t1", TaskState.TASK_FINISHED, 1, 1024),
        launch(11, "A", "t2", "j", 1, 0),
        status(12, "A", "t2", TaskState.TASK_ERROR, 1, 0),
        launch(13, "A", "t3", "j", 1, 0),
        status(14, "A", "t3", TaskState.TASK_KILLED, 1, 0),
        launch(15, "A", "t4", "j", 1, 0),
        status(15.5, "A", "t4", TaskState.TASK_RUNNING, 1, 0),
        launch(16, "A", "t5", "j", 1, 0),
        launch(16, "A", "t6", "j", 1, 0),
        status(17, "A", "t6", TaskState.TASK_UNREACHABLE, 1, 0));
    RunSummary.Tasks t = fw(sum, "A").tasks();
    assertEquals(6, t.launched());
    assertEquals(1, t.finished());
    assertEquals(1, t.failed());
    assertEquals(1, t.killed());
    assertEquals(1, t.lost());
    assertEquals(1, t.recovered());
    assertEquals(1, t.running());
    assertEquals(1, t.staging());
    // held: t1 on [1,5) and [8,10); t4 from 15, t5 from 16 -> 2 cpus at the end
    assertEquals("2", fw(sum, "A").allocated().get("cpus").toPlainString());
    // cpu share: .25*(4+2) + .25*1 (t2) + .25*1 (t3) + .25*1 (t4 15-16) + .5*1 (16-17 t4,t5,t6=.75)...
    double expected = (0.25 * 4 + 0.25 * 2 + 0.25 * 1 + 0.25 * 1 + 0.25 * 1 + 0.75 * 1 + 0.5 * 3) / 20;
    assertEquals(expected, fw(sum, "A").dominantShare().mean(), EPS);
  }

  @Test
  void offers_countedAndOfferToLaunchLatency() {
    RunSummary sum = feed(recorder(s(1)), 10,
        offer(1, "A", "o1"),
        offer(1, "A", "o2"),
        offer(2, "B", "o3"),
        launch(3, "A", "t1", "j", "o1", 1, 0),
        launch(3, "A", "t2", "j", "o1", 1, 0),
        decline(3, "A", "o1"),
        decline(4, "A", "o2"),
        rescind(6, "B", "o3"));
    RunSummary.FrameworkSummary a = fw(sum, "A");
    // o1 was used (its remainder returned at the launch instant is not a decline); o2 declined
    assertEquals(new RunSummary.Offers(2, 1, 0, 1), a.offers());
    assertEquals(new RunSummary.Offers(1, 0, 1, 0), fw(sum, "B").offers());
    assertEquals(1, a.offerToLaunchSeconds().count());
    assertEquals(2.0, a.offerToLaunchSeconds().mean(), EPS);
  }

  @Test
  void starvation_intervalLongerThanThresholdDetected() {
    RunSummary sum = feed(recorder(s(1)), 200,
        pending(0, "A", 3),
        offer(10, "A", "o1"),
        offer(100, "A", "o2"),
        pending(120, "A", 0),
        pending(130, "B", 1));
    RunSummary.Starvation a = fw(sum, "A").starvation();
    assertEquals(60.0, a.thresholdSeconds(), EPS);
    assertEquals(1, a.intervals());
    assertEquals(90.0, a.seconds(), EPS);
    assertEquals(90.0, a.longestSeconds(), EPS);
    // B waits from 130 to the end (200): 70 s > 60 s
    assertEquals(1, fw(sum, "B").starvation().intervals());
    assertEquals(70.0, fw(sum, "B").starvation().seconds(), EPS);
    // pending mean of A: 3 on [0,120)
    assertEquals(3.0 * 120 / 200, fw(sum, "A").pending().mean(), EPS);
  }

  @Test
  void starvation_thresholdIsConfigurable() {
    MetricsRecorder rec = new MetricsRecorder(Events.setup(tmp, AB, s(1)), s(5));
    RunSummary sum = feed(rec, 200, pending(0, "A", 3), offer(10, "A", "o1"), offer(100, "A", "o2"),
        pending(120, "A", 0));
    assertEquals(3, fw(sum, "A").starvation().intervals());
    assertEquals(120.0, fw(sum, "A").starvation().seconds(), EPS);
    assertEquals(5.0, fw(sum, "A").starvation().thresholdSeconds(), EPS);
  }

  @Test
  void starvation_notWhileTheFrameworkIsInactive() {
    RunSummary sum = feed(recorder(s(1)), 200,
        registered(0, "A", false),
        registered(0, "B", false),
        pending(0, "A", 3),
        pending(0, "B", 1),
        // B disconnects and fails over: it waits again only from its re-registration
        deactivated(5, "B", false),
        offer(10, "A", "o1"),
        // A's scheduler crashes and is removed: no offers can come, its queue stays to the end
        deactivated(20, "A", false),
        deactivated(20, "A", true),
        pending(30, "A", 2),
        registered(50, "B", true));
    // A: 10 → 20 only (10 s), not 10 → 200
    assertEquals(0, fw(sum, "A").starvation().intervals());
    assertEquals(0.0, fw(sum, "A").starvation().seconds(), EPS);
    // B: 0 → 5 (5 s), then 50 → 200 (150 s)
    assertEquals(1, fw(sum, "B").starvation().intervals());
    assertEquals(150.0, fw(sum, "B").starvation().seconds(), EPS);
  }

  @Test
  void leadership_changesAndTimeToRecover() {
    RunSummary sum = feed(recorder(s(1)), 300,
        new ModelEvent.LeaderElected(0, "master-1", 1),
        new ModelEvent.LeaderRecovered(s(1), "master-1"),
        new ModelEvent.LeaderLost(s(100), "master-1", "crash"),
        new ModelEvent.LeaderElected(s(110), "master-2", 2),
        new ModelEvent.LeaderRecovered(s(130), "master-2"),
        new ModelEvent.LeaderLost(s(280), "master-2", "crash"));
    assertEquals(List.of(new RunSummary.Leader("master-1", 0.0), new RunSummary.Leader("master-2", 110.0)),
        sum.leaders());
    assertEquals(2, sum.leadership().elections());
    assertEquals(1, sum.leadership().changes());
    assertEquals(2, sum.leadership().losses());
    assertEquals(1, sum.leadership().recoverySeconds().count());
    assertEquals(30.0, sum.leadership().recoverySeconds().mean(), EPS);
    assertEquals(50.0, sum.leadership().unavailableSeconds(), EPS);
  }

  @Test
  void timeseries_levelHoldSamplesWithoutSchedulingEvents() throws IOException {
    MetricsRecorder rec = recorder(s(10));
    feed(rec, 35,
        agent(0, "a1", 4, 4096),
        launch(10, "A", "t1", "j", 1, 0),
        status(25, "A", "t1", TaskState.TASK_FINISHED, 1, 0));
    List<String> rows = Files.readAllLines(tmp.resolve("timeseries.csv.partial"));
    assertEquals(6, rows.size());
    assertEquals("0,0,0,0,0,0,0,0,0,0,0,1,0,1,0,0", rows.get(1));
    assertEquals("10,0.25,0,0.25,1,0,0,0,0,0,0,0.5,0.25,1,0.25,0", rows.get(2));
    assertEquals("20,0.25,0,0.25,1,0,0,0,0,0,0,0.5,0.25,1,0.25,0", rows.get(3));
    assertEquals("30,0,0,0,0,0,0,0,0,0,0,1,0,1,0,0", rows.get(4));
    assertEquals("35,0,0,0,0,0,0,0,0,0,0,1,0,1,0,0", rows.get(5));
    assertEquals(5, rec.chartSeries().points());
  }

  @Test
  void unknownFramework_ignoredAndCounted() {
    RunSummary sum = feed(recorder(s(1)), 1, launch(0, "ghost", "t1", "j", 1, 0), offer(0, "ghost", "o"));
    assertEquals(2, sum.metrics().unknownFrameworkEvents());
    assertEquals(0, fw(sum, "A").tasks().launched());
  }

  @Test
  void faults_countedAndListedWithTimeActionAndTarget() {
    RunSummary sum = feed(recorder(s(1)), 200, new org.mesosim.model.events.ModelEvent.Fault(s(120), "crash", "master-1"),
        new org.mesosim.model.events.ModelEvent.Fault(s(150), "restart", "master-1"));
    assertEquals(2, sum.metrics().faults());
    assertEquals(List.of(new RunSummary.FaultEvent(120, "crash", "master-1"),
        new RunSummary.FaultEvent(150, "restart", "master-1")), sum.faultEvents());
  }

  @Test
  void timeCharts_markFaults() {
    MetricsRecorder rec = recorder(s(1));
    feed(rec, 200, agent(0, "a1", 4, 4096), new org.mesosim.model.events.ModelEvent.Fault(s(120), "crash", "a1"));
    assertEquals(List.of(120.0), rec.faultTimes());
    for (String c : List.of("utilization", "shares", "fairness", "queue")) {
      var markers = org.mesosim.reports.chart.RunCharts.build(rec, c).getXYPlot().getDomainMarkers(
          org.jfree.chart.ui.Layer.FOREGROUND);
      assertEquals(1, markers == null ? 0 : markers.size(), c);
    }
    assertEquals(null, org.mesosim.reports.chart.RunCharts.build(rec, "completion").getXYPlot().getDomainMarkers(
        org.jfree.chart.ui.Layer.FOREGROUND));
  }

  @Test
  void summary_isZeroMeanAtTimeZeroEnd() {
    RunSummary sum = feed(recorder(s(1)), 0, agent(0, "a1", 4, 4096), launch(0, "A", "t", "j", 2, 0));
    assertEquals(0.5, sum.cluster().utilization().get("cpus").mean(), EPS);
    assertEquals(0.0, sum.simulated().seconds(), EPS);
  }

  @Test
  void jobEnded_releasesTasksWhoseTerminalStatusWasNeverObserved() {
    RunSummary sum = feed(recorder(s(1)), 10,
        agent(0, "a1", 4, 4096),
        submit(0, "A", "j1", 2),
        launch(1, "A", "t1", "j1", 1, 0),
        launch(1, "A", "t2", "j1", 1, 0),
        status(4, "A", "t1", TaskState.TASK_FINISHED, 1, 0),
        ended(6, "A", "j1", 0, 1, 2, "finished"));
    RunSummary.Tasks t = fw(sum, "A").tasks();
    assertEquals(1, t.finished());
    assertEquals(1, t.endedUnseen());
    assertEquals(0, t.running() + t.staging());
    assertEquals("0", fw(sum, "A").allocated().get("cpus").toPlainString());
    // cpus held: 2 on [1,4), 1 on [4,6)
    assertEquals((0.5 * 3 + 0.25 * 2) / 10, sum.cluster().utilization().get("cpus").mean(), EPS);
  }

  @Test
  void jainActive_countsFrameworksWithPendingWorkButNoAllocation() {
    RunSummary sum = feed(recorder(s(1)), 10,
        agent(0, "a1", 4, 4096),
        launch(0, "A", "t1", "j", 2, 0),
        pending(5, "B", 3));
    // [0,5): only A active -> 1; [5,10): A 0.5 and B 0 both active -> 0.5
    assertEquals(0.75, sum.fairness().jainIndexActive().mean(), EPS);
    assertEquals(0.5, sum.fairness().jainIndexActive().last(), EPS);
    assertEquals(0.5, sum.fairness().jainIndex().mean(), EPS);
  }

  @Test
  void jainActive_aDeactivatedFrameworksQueueIsNoDemand() {
    RunSummary sum = feed(recorder(s(1)), 40,
        agent(0, "a1", 4, 4096),
        launch(0, "A", "t1", "j", 2, 0),
        pending(0, "B", 3),
        deactivated(10, "B", true),
        registered(30, "B", true));
    // [0,10): A 0.5 and B 0 -> 0.5; [10,30): B's scheduler is down, only A -> 1; [30,40): 0.5
    assertEquals((0.5 * 10 + 20 + 0.5 * 10) / 40, sum.fairness().jainIndexActive().mean(), EPS);
    assertEquals(0.5, sum.fairness().jainIndexActive().last(), EPS);
    // every framework, whatever its state
    assertEquals(0.5, sum.fairness().jainIndex().mean(), EPS);
  }
}
