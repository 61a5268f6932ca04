package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;

class SchedulersTest {
  static final long S = SimTime.SECOND;

  static SchedulerConfig sched(SchedulerConfig.SchedulerType type, int maxPerOffer, long perOffer, long perTask) {
    SchedulerConfig d = Defaults.SCHEDULER;
    return new SchedulerConfig(type, d.maxAttempts(), maxPerOffer, d.refuseMicros(), d.suppressWhenIdle(), perOffer,
        perTask);
  }

  @Test
  void batch_maxTasksPerOffer_limitsLaunchesPerOffer() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(TestScenarios.framework(FrameworkInfo.of("A", "*"), sched(SchedulerConfig.SchedulerType.BATCH, 2, 0, 0),
            TestScenarios.jobs("j", 1, 6, Resources.of(1, 1024), S, 30 * S, TaskOutcome.FINISHED, 0)))
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    // Launches come in groups of at most 2 per offer.
    java.util.TreeMap<String, Integer> perOffer = new java.util.TreeMap<>();
    for (ModelEvent.TaskLaunched l : r.rec().of(ModelEvent.TaskLaunched.class)) {
      perOffer.merge(l.offer().value(), 1, Integer::sum);
    }
    assertEquals(3, perOffer.size());
    perOffer.values().forEach(n -> assertEquals(2, n));
  }

  @Test
  void decisionTime_delaysTheAnswerByPerOfferPlusPerTask() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(TestScenarios.framework(FrameworkInfo.of("A", "*"),
            sched(SchedulerConfig.SchedulerType.BATCH, 0, 100 * SimTime.MILLISECOND, 10 * SimTime.MILLISECOND),
            TestScenarios.jobs("j", 1, 3, Resources.of(1, 1024), S, 30 * S, TaskOutcome.FINISHED, 0)))
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, SimTime.HOUR);
    ModelEvent.OfferMade offer = r.rec().of(ModelEvent.OfferMade.class).get(0);
    ModelEvent.TaskLaunched launch = r.rec().of(ModelEvent.TaskLaunched.class).get(0);
    // Offer reaches the framework after 1 ms; the answer leaves 130 ms later and arrives 1 ms after that.
    assertEquals(offer.time() + SimTime.MILLISECOND + 130 * SimTime.MILLISECOND + SimTime.MILLISECOND, launch.time());
  }

  @Test
  void service_relaunchesEveryTaskThatEnds() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(TestScenarios.framework(FrameworkInfo.of("S", "*"), sched(SchedulerConfig.SchedulerType.SERVICE, 0, 0, 0),
            TestScenarios.jobs("svc", 1, 2, Resources.of(1, 1024), S, 60 * S, TaskOutcome.FINISHED, 0)))
        .until(10 * SimTime.MINUTE)
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, 10 * SimTime.MINUTE + 1);
    assertTrue(r.cluster().anyEndlessWorkload());
    assertTrue(!r.cluster().isDrained());
    long finished = FaultScenariosTest.count(r.rec(), TaskState.TASK_FINISHED);
    // Each of the 2 tasks runs 60 s at a time, relaunched each time: about 9 ends each in 10 minutes.
    assertTrue(finished >= 16 && finished <= 20, "finished " + finished);
    assertEquals(finished + 2, r.rec().of(ModelEvent.TaskLaunched.class).size());
  }

  @Test
  void gang_launchesAJobOnlyWhenAllItsTasksFit() {
    // Two agents of 4 cpus. Job g0 needs 6 x 1 cpu (spans both agents); job g1 needs 4 x 1 cpu.
    List<JobSpec> jobs = new ArrayList<>();
    jobs.add(JobSpec.of("g0", 0, tasks(6, 40 * S)));
    jobs.add(JobSpec.of("g1", 0, tasks(4, 40 * S)));
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 4, 8192))
        .framework(TestScenarios.framework(FrameworkInfo.of("G", "*"), sched(SchedulerConfig.SchedulerType.GANG, 0, 0, 0),
            s -> TestScenarios.listWorkload(jobs)))
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.TaskLaunched> launches = r.rec().of(ModelEvent.TaskLaunched.class);
    assertEquals(10, launches.size());
    long g0 = launches.get(0).time();
    for (int i = 0; i < 6; i++) {
      assertEquals("g0", launches.get(i).job());
      assertEquals(g0, launches.get(i).time());
    }
    // g1 (4 tasks) fits only after g0 ends: all four launched together, after 40 s.
    long g1 = launches.get(6).time();
    assertTrue(g1 >= g0 + 40 * S);
    for (int i = 6; i < 10; i++) {
      assertEquals("g1", launches.get(i).job());
      assertEquals(g1, launches.get(i).time());
    }
  }

  @Test
  void dependencies_groupStartsOnlyAfterItsDependenciesFinish() {
    List<TaskSpec> ts = new ArrayList<>();
    ts.add(new TaskSpec("m1", "M1", Resources.of(1, 512), 30 * S, TaskOutcome.FINISHED, 0, List.of()));
    ts.add(new TaskSpec("m2", "M1", Resources.of(1, 512), 50 * S, TaskOutcome.FINISHED, 0, List.of()));
    ts.add(new TaskSpec("r1", "R2", Resources.of(1, 512), 10 * S, TaskOutcome.FINISHED, 0, List.of("M1")));
    List<JobSpec> jobs = List.of(JobSpec.of("j", 0, ts));
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(TestScenarios.framework("A", s -> TestScenarios.listWorkload(jobs)))
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    List<ModelEvent.TaskStatus> fin = r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(e -> e.state() == TaskState.TASK_FINISHED).toList();
    long m2done = fin.stream().filter(e -> e.task().value().startsWith("j-m2")).findFirst().orElseThrow().time();
    ModelEvent.TaskLaunched r1 = r.rec().of(ModelEvent.TaskLaunched.class).stream()
        .filter(e -> e.task().value().startsWith("j-r1")).findFirst().orElseThrow();
    assertTrue(r1.time() > m2done, "r1 launched " + r1.time() + " after M1 finished " + m2done);
    assertEquals("finished", r.rec().of(ModelEvent.JobEnded.class).get(0).state());
  }

  @Test
  void batch_exhaustedAttempts_failTheJob() {
    ModelConfig cfg = TestScenarios.builder()
        .agents(TestScenarios.agents("a", 2, 8, 16384))
        .framework(TestScenarios.framework("A", TestScenarios.jobs("j", 1, 3, Resources.of(1, 1024), S, 10 * S,
            TaskOutcome.SAMPLED, 1.0)))
        .build();
    EndToEndTest.Run r = FaultScenariosTest.run(cfg, SimTime.HOUR);
    assertTrue(r.cluster().isDrained());
    ModelEvent.JobEnded end = r.rec().of(ModelEvent.JobEnded.class).get(0);
    assertEquals("failed", end.state());
    // The first task to exhaust its 4 attempts aborts the job; no task runs more than 4 times.
    assertTrue(r.rec().of(ModelEvent.TaskLaunched.class).size() <= 12);
    assertTrue(FaultScenariosTest.count(r.rec(), TaskState.TASK_FAILED) >= 4);
  }

  private static List<TaskSpec> tasks(int n, long duration) {
    List<TaskSpec> ts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ts.add(TaskSpec.of(Integer.toString(i), Resources.of(1, 1024), duration, TaskOutcome.FINISHED));
    }
    return ts;
  }
}
