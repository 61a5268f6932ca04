package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;

/** Omega's scheduler extensions: serial decisions, abandonment, and the decision/first-attempt records. */
class OmegaSchedulerTest {
  static final long S = SimTime.SECOND;
  static final long MS = SimTime.MILLISECOND;

  static SchedulerConfig sched(int maxPerOffer, long perOffer, boolean serial, int abandonAfter) {
    SchedulerConfig d = Defaults.SCHEDULER;
    return new SchedulerConfig(SchedulerConfig.SchedulerType.BATCH, d.maxAttempts(), maxPerOffer, d.refuseMicros(),
        d.suppressWhenIdle(), perOffer, 0, serial, abandonAfter, 0, 0);
  }

  static EndToEndTest.Run fourAgents(boolean serial) {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 4, 1, 2048))
        .framework(TestScenarios.framework(FrameworkInfo.of("A", "*"), sched(0, S, serial, 0),
            TestScenarios.jobs("j", 1, 4, Resources.of(1, 1024), S, 30 * S, TaskOutcome.FINISHED, 0)))
        .build();
    return FaultScenariosTest.run(cfg, SimTime.HOUR);
  }

  @Test
  void parallelDecisions_answerEveryOfferOfAMessageAtOnce() {
    EndToEndTest.Run r = fourAgents(false);
    List<ModelEvent.TaskLaunched> l = r.rec().of(ModelEvent.TaskLaunched.class);
    assertEquals(4, l.size());
    for (ModelEvent.TaskLaunched t : l) {
      assertEquals(l.get(0).time(), t.time(), "all four offers decided in parallel, 1 s each");
    }
    // one decision record for the one offer message, busy for 1 s
    List<ModelEvent.SchedulerDecision> d = r.rec().of(ModelEvent.SchedulerDecision.class);
    assertEquals(1, d.size());
    assertEquals(4, d.get(0).offers());
    assertEquals(S, d.get(0).end() - d.get(0).time());
  }

  @Test
  void serialDecisions_decideOneOfferAtATime() {
    EndToEndTest.Run r = fourAgents(true);
    List<ModelEvent.TaskLaunched> l = r.rec().of(ModelEvent.TaskLaunched.class);
    assertEquals(4, l.size());
    for (int i = 1; i < 4; i++) {
      assertEquals(S, l.get(i).time() - l.get(i - 1).time(), "launch " + i + " one decision (1 s) after the previous");
    }
    List<ModelEvent.SchedulerDecision> d = r.rec().of(ModelEvent.SchedulerDecision.class);
    assertEquals(4, d.size());
    for (int i = 1; i < 4; i++) {
      assertEquals(d.get(i - 1).end(), d.get(i).time(), "the next decision starts when the previous ends");
      assertEquals(1, d.get(i).offers());
    }
    // the job's first attempt is the first decision, 1 ms (the offer's latency) after the offer was made
    ModelEvent.JobAttempted a = r.rec().of(ModelEvent.JobAttempted.class).get(0);
    assertEquals(d.get(0).time(), a.time());
    assertEquals(1, r.rec().of(ModelEvent.JobAttempted.class).size());
  }

  @Test
  void noDecisionTime_noExtension_noRecords() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 1, 2048))
        .framework(TestScenarios.framework("A",
            TestScenarios.jobs("j", 2, 2, Resources.of(1, 1024), S, 10 * S, TaskOutcome.FINISHED, 0)))
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    assertEquals(0, r.rec().of(ModelEvent.SchedulerDecision.class).size());
    assertEquals(0, r.rec().of(ModelEvent.JobAttempted.class).size());
  }

  /** One agent of 4 cpus; a job of two 3-cpu tasks: the second cannot fit while the first runs (60 s). */
  static EndToEndTest.Run twoBigTasks(int abandonAfter) {
    List<TaskSpec> ts = List.of(
        new TaskSpec("t1", "", Resources.of(3, 1024), 60 * S, TaskOutcome.FINISHED, 0, List.of()),
        new TaskSpec("t2", "", Resources.of(3, 1024), 60 * S, TaskOutcome.FINISHED, 0, List.of()));
    List<JobSpec> jobs = List.of(JobSpec.of("j", 0, ts));
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 4, 8192))
        .framework(TestScenarios.framework(FrameworkInfo.of("A", "*"), sched(0, 10 * MS, false, abandonAfter),
            s -> TestScenarios.listWorkload(jobs)))
        .build();
    return FaultScenariosTest.run(cfg, SimTime.HOUR);
  }

  @Test
  void abandonAfter_dropsAJobStillUnplacedAfterNAttempts() {
    EndToEndTest.Run r = twoBigTasks(3);
    List<ModelEvent.JobEnded> ended = r.rec().of(ModelEvent.JobEnded.class);
    assertEquals(1, ended.size());
    assertEquals("abandoned", ended.get(0).state());
    assertEquals(1, r.rec().of(ModelEvent.TaskLaunched.class).size(), "the second task never launched");
    // the running task ran out: the job ended when it finished
    assertTrue(ended.get(0).time() >= 60 * S, "ended at " + ended.get(0).time());
  }

  @Test
  void abandonAfterZero_keepsTrying() {
    EndToEndTest.Run r = twoBigTasks(0);
    List<ModelEvent.JobEnded> ended = r.rec().of(ModelEvent.JobEnded.class);
    assertEquals("finished", ended.get(0).state());
    assertEquals(2, r.rec().of(ModelEvent.TaskLaunched.class).size());
  }

  static EndToEndTest.Run locality(long wait) {
    return locality(wait, false);
  }

  static EndToEndTest.Run locality(long wait, boolean perTask) {
    SchedulerConfig d = Defaults.SCHEDULER;
    SchedulerConfig sc = new SchedulerConfig(SchedulerConfig.SchedulerType.BATCH, d.maxAttempts(), 0, d.refuseMicros(),
        d.suppressWhenIdle(), 0, 0, false, 0, 1, wait, perTask);
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 4, 2, 4096))
        .framework(TestScenarios.framework(FrameworkInfo.of("H", "*"), sc,
            TestScenarios.jobs("j", 6, 4, Resources.of(1, 1024), 2 * S, 10 * S, TaskOutcome.FINISHED, 0)))
        .build();
    return FaultScenariosTest.run(cfg, SimTime.HOUR);
  }

  @Test
  void delayScheduling_longWait_runsEveryTaskWhereItsInputIs() {
    EndToEndTest.Run r = locality(SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.TaskPlaced> p = r.rec().of(ModelEvent.TaskPlaced.class);
    assertEquals(24, p.size());
    for (ModelEvent.TaskPlaced t : p) {
      assertTrue(t.local(), t.toString());
    }
    // every task of a job on its one input agent
    java.util.TreeMap<String, java.util.TreeSet<String>> agentsOfJob = new java.util.TreeMap<>();
    for (ModelEvent.TaskLaunched l : r.rec().of(ModelEvent.TaskLaunched.class)) {
      agentsOfJob.computeIfAbsent(l.job(), k -> new java.util.TreeSet<>()).add(l.agent().value());
    }
    agentsOfJob.values().forEach(a -> assertEquals(1, a.size(), agentsOfJob.toString()));
  }

  @Test
  void delayScheduling_noWait_takesNonLocalOffers() {
    EndToEndTest.Run r = locality(0);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.TaskPlaced> p = r.rec().of(ModelEvent.TaskPlaced.class);
    assertEquals(24, p.size());
    long local = p.stream().filter(ModelEvent.TaskPlaced::local).count();
    assertTrue(local < 24, "with no wait some tasks run away from their input: " + local + " of 24 local");
  }

  @Test
  void delayScheduling_perTask_longWait_eachTaskRunsWhereItsOwnInputIs_soAJobSpreads() {
    EndToEndTest.Run r = locality(SimTime.HOUR, true);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.TaskPlaced> p = r.rec().of(ModelEvent.TaskPlaced.class);
    assertEquals(24, p.size());
    p.forEach(t -> assertTrue(t.local(), t.toString()));
    java.util.TreeMap<String, java.util.TreeSet<String>> agentsOfJob = new java.util.TreeMap<>();
    for (ModelEvent.TaskLaunched l : r.rec().of(ModelEvent.TaskLaunched.class)) {
      agentsOfJob.computeIfAbsent(l.job(), k -> new java.util.TreeSet<>()).add(l.agent().value());
    }
    assertTrue(agentsOfJob.values().stream().anyMatch(a -> a.size() > 1),
        "per-task input: a job's tasks run on several agents: " + agentsOfJob);
  }

  @Test
  void delayScheduling_perTask_noWait_stillPicksALocalTaskFirst() {
    long perTask = locality(0, true).rec().of(ModelEvent.TaskPlaced.class).stream()
        .filter(ModelEvent.TaskPlaced::local).count();
    long perJob = locality(0, false).rec().of(ModelEvent.TaskPlaced.class).stream()
        .filter(ModelEvent.TaskPlaced::local).count();
    assertTrue(perTask > perJob, "a queued task whose input is on the offered agent goes first: " + perTask
        + " local per task vs " + perJob + " per job (of 24)");
  }

  @Test
  void delayScheduling_perTask_afterANonLocalLaunchTheJobDoesNotWaitAgain_untilALocalOne() {
    long wait = 3 * S;
    EndToEndTest.Run r = locality(wait, true);
    assertTrue(r.cluster().isDrained());
    // Per job, every launch restarts the wait, so two launches of a job with a non-local second one are
    // at least `wait` apart; per task only a local launch does, so a non-local launch can follow another
    // launch of its job at once (the port's lastMapWasLocal = false).
    java.util.TreeMap<String, Long> lastLaunch = new java.util.TreeMap<>();
    java.util.TreeMap<String, Boolean> lastLocal = new java.util.TreeMap<>();
    int quickNonLocal = 0;
    for (ModelEvent.TaskPlaced p : r.rec().of(ModelEvent.TaskPlaced.class)) {
      Long prev = lastLaunch.get(p.job());
      if (prev != null && !p.local()) {
        assertTrue(p.time() - prev >= wait || !lastLocal.get(p.job()),
            "right after a local launch a non-local one must wait: " + p);
        if (p.time() - prev < wait) {
          quickNonLocal++;
        }
      }
      lastLaunch.put(p.job(), p.time());
      lastLocal.put(p.job(), p.local());
    }
    assertTrue(quickNonLocal > 0, "some non-local launch followed a non-local one of its job within the wait");
  }
}
