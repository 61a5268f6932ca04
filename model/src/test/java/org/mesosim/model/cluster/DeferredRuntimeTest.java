package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.workload.DeferredRuntime;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * Tasks whose runtime the workload learns after handing them out ({@link DeferredRuntime}): the
 * agent finishes them at start + runtime when the runtime is resolved in time, at the resolution
 * otherwise, never when they were killed or lost meanwhile, and retries use the same cell.
 */
class DeferredRuntimeTest {
  static final long S = SimTime.SECOND;
  static final long L = FaultScenariosTest.L;
  static final Resources R = Resources.of(1, 1024);

  /**
   * A workload of {@code jobs} that runs {@code beforePull.get(k)} before answering its k-th
   * {@code next()} (k from 0); the k-th call (k >= 1) happens when job k-1 arrives, at its submit time.
   */
  static FrameworkConfig.WorkloadFactory scripted(List<JobSpec> jobs, Map<Integer, Runnable> beforePull) {
    return streams -> new Workload() {
      int k;

      @Override
      public JobSpec next() {
        Runnable r = beforePull.get(k);
        if (r != null) {
          r.run();
        }
        return k < jobs.size() ? jobs.get(k++) : null;
      }
    };
  }

  static JobSpec job(String id, long at, TaskSpec t) {
    return JobSpec.of(id, at, List.of(t));
  }

  /** A 0.1-cpu, 1 s job at {@code at}: its arrival is when the next pull (and resolution) happens. */
  static JobSpec tick(String id, long at) {
    return job(id, at, TaskSpec.of("0", Resources.of(0.1, 1), S, TaskOutcome.FINISHED));
  }

  static EndToEndTest.Run run(FrameworkInfo info, FrameworkConfig.WorkloadFactory w, FaultSpecs faults) {
    TestScenarios.Builder b = TestScenarios.builder().agents(TestScenarios.agents("a", 1, 8, 16384))
        .framework(TestScenarios.framework(info, org.mesosim.model.config.Defaults.SCHEDULER, w));
    faults.addTo(b);
    ModelConfig cfg = b.build();
    return FaultScenariosTest.run(cfg, SimTime.HOUR);
  }

  /** Optional faults for {@link #run}. */
  interface FaultSpecs {
    void addTo(TestScenarios.Builder b);
  }

  static final FaultSpecs NONE = b -> {};

  /** "time task state" of every status of the tasks of job {@code jobId}. */
  static List<String> statuses(EndToEndTest.Run r, String jobId) {
    TreeMap<String, String> taskJob = new TreeMap<>();
    for (ModelEvent.TaskLaunched l : r.rec().of(ModelEvent.TaskLaunched.class)) {
      taskJob.put(l.task().value(), l.job());
    }
    List<String> out = new ArrayList<>();
    for (ModelEvent.TaskStatus s : r.rec().of(ModelEvent.TaskStatus.class)) {
      if (jobId.equals(taskJob.get(s.task().value()))) {
        out.add(s.time() + " " + s.task().value() + " " + s.state());
      }
    }
    return out;
  }

  static List<ModelEvent.TaskLaunched> launches(EndToEndTest.Run r, String jobId) {
    return r.rec().of(ModelEvent.TaskLaunched.class).stream().filter(l -> l.job().equals(jobId)).toList();
  }

  static long firstTime(EndToEndTest.Run r, String jobId, TaskState state) {
    TreeMap<String, String> taskJob = new TreeMap<>();
    launches(r, jobId).forEach(l -> taskJob.put(l.task().value(), l.job()));
    return r.rec().of(ModelEvent.TaskStatus.class).stream()
        .filter(s -> s.state() == state && taskJob.containsKey(s.task().value()))
        .findFirst().orElseThrow().time();
  }

  @Test
  void deferred_resolvedBeforeItsEnd_finishesExactlyAsAKnownRuntime() {
    FrameworkInfo fw = FrameworkInfo.of("A", "*");
    EndToEndTest.Run known = run(fw, scripted(List.of(
        job("t", 0, TaskSpec.of("0", R, 60 * S, TaskOutcome.FINISHED)), tick("tick", 30 * S)), Map.of()), NONE);
    DeferredRuntime rt = new DeferredRuntime();
    EndToEndTest.Run deferred = run(fw, scripted(List.of(
        job("t", 0, TaskSpec.deferred("0", "", R, rt)), tick("tick", 30 * S)),
        Map.of(2, () -> rt.resolve(60 * S, TaskOutcome.FINISHED))), NONE);
    assertTrue(rt.isResolved());
    List<String> expected = statuses(known, "t");
    assertEquals(expected, statuses(deferred, "t"));
    assertEquals(launches(known, "t").get(0).time() + L + 60 * S + L, firstTime(deferred, "t", TaskState.TASK_FINISHED));
    assertEquals(known.sim().digest().hex(), deferred.sim().digest().hex());
    assertTrue(deferred.cluster().isDrained());
  }

  @Test
  void deferred_resolvedAfterItsEnd_endsAtTheResolution_withTheCellsOutcome() {
    DeferredRuntime rt = new DeferredRuntime();
    EndToEndTest.Run r = run(FrameworkInfo.of("A", "*"), scripted(List.of(
        job("t", 0, TaskSpec.deferred("0", "", R, rt)), tick("tick", 30 * S)),
        Map.of(2, () -> rt.resolve(10 * S, TaskOutcome.FAILED))), NONE);
    List<ModelEvent.TaskLaunched> ls = launches(r, "t");
    assertEquals(1, ls.size()); // an outcome written in the trace is not retried
    // it should have ended at about 10 s; it ends when the runtime is learnt, at 30 s
    assertEquals(List.of((30 * S + L) + " " + ls.get(0).task().value() + " TASK_FAILED"),
        statuses(r, "t").stream().filter(s -> s.endsWith("TASK_FAILED")).toList());
    assertTrue(r.cluster().isDrained());
  }

  @Test
  void deferred_resolvedForever_neverEnds() {
    DeferredRuntime rt = new DeferredRuntime();
    EndToEndTest.Run r = run(FrameworkInfo.of("A", "*"), scripted(List.of(
        job("t", 0, TaskSpec.deferred("0", "", R, rt)), tick("tick", 30 * S)),
        Map.of(2, () -> rt.resolve(SimTime.NEVER, TaskOutcome.FINISHED))), NONE);
    assertEquals(List.of(TaskState.TASK_STARTING.name(), TaskState.TASK_RUNNING.name()),
        statuses(r, "t").stream().map(s -> s.substring(s.lastIndexOf(' ') + 1)).toList());
    assertFalse(r.cluster().isDrained());
  }

  @Test
  void deferred_lostBeforeResolution_neverFinishes_itsRetryFinishesAtItsOwnStartPlusRuntime() {
    // one agent, crashed at 40 s and restarted at 60 s: the task of a non-checkpointing framework
    // is lost (and retried on the same agent); the runtime (100 s) is learnt at 90 s
    DeferredRuntime rt = new DeferredRuntime();
    EndToEndTest.Run r = run(FrameworkInfo.of("N", "*"), scripted(List.of(
        job("t", 0, TaskSpec.deferred("0", "", R, rt)), tick("tick", 90 * S)),
        Map.of(2, () -> rt.resolve(100 * S, TaskOutcome.FINISHED))),
        b -> b.fault(FaultScenariosTest.crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), 20 * S)));
    List<ModelEvent.TaskLaunched> ls = launches(r, "t");
    assertEquals(2, ls.size());
    assertTrue(ls.get(1).time() < 90 * S, "the retry must start before the resolution");
    List<String> ends = statuses(r, "t").stream().filter(s -> !s.endsWith("TASK_RUNNING") && !s.endsWith("TASK_STARTING"))
        .toList();
    assertEquals(2, ends.size());
    assertTrue(ends.get(0).endsWith(ls.get(0).task().value() + " TASK_LOST"), ends.get(0));
    assertEquals((ls.get(1).time() + L + 100 * S + L) + " " + ls.get(1).task().value() + " TASK_FINISHED", ends.get(1));
    assertTrue(r.cluster().isDrained());
    assertEquals(0, r.cluster().invariantViolations());
  }

  @Test
  void deferred_resolvedWhileItsAgentIsDown_retryLaunchedWithTheKnownRuntime() {
    // the first attempt dies with the agent at 40 s; the runtime is learnt at 50 s, before the retry
    DeferredRuntime rt = new DeferredRuntime();
    EndToEndTest.Run r = run(FrameworkInfo.of("N", "*"), scripted(List.of(
        job("t", 0, TaskSpec.deferred("0", "", R, rt)), tick("tick", 50 * S)),
        Map.of(2, () -> rt.resolve(100 * S, TaskOutcome.FINISHED))),
        b -> b.fault(FaultScenariosTest.crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), 20 * S)));
    List<ModelEvent.TaskLaunched> ls = launches(r, "t");
    assertEquals(2, ls.size());
    assertTrue(ls.get(1).time() > 50 * S, "the retry must start after the resolution");
    List<String> ends = statuses(r, "t").stream().filter(s -> s.endsWith("TASK_FINISHED") || s.endsWith("TASK_LOST"))
        .toList();
    assertEquals(2, ends.size());
    assertTrue(ends.get(0).endsWith(ls.get(0).task().value() + " TASK_LOST"), ends.get(0));
    assertEquals((ls.get(1).time() + L + 100 * S + L) + " " + ls.get(1).task().value() + " TASK_FINISHED", ends.get(1));
  }

  @Test
  void deferred_checkpointedTaskSurvivesAgentRestart_finishesOnceAtStartPlusRuntime() {
    DeferredRuntime rt = new DeferredRuntime();
    FrameworkInfo ckpt = new FrameworkInfo("C", "*", 0, true, false, false);
    EndToEndTest.Run r = run(ckpt, scripted(List.of(
        job("t", 0, TaskSpec.deferred("0", "", R, rt)), tick("tick", 90 * S)),
        Map.of(2, () -> rt.resolve(100 * S, TaskOutcome.FINISHED))),
        b -> b.fault(FaultScenariosTest.crashAt(40 * S, new FaultTarget(FaultTarget.Kind.AGENT, "a-1"), 20 * S)));
    List<ModelEvent.TaskLaunched> ls = launches(r, "t");
    assertEquals(1, ls.size());
    assertEquals(ls.get(0).time() + L + 100 * S + L, firstTime(r, "t", TaskState.TASK_FINISHED));
    assertEquals(1, statuses(r, "t").stream().filter(s -> s.endsWith("TASK_FINISHED")).count());
    assertTrue(r.cluster().isDrained());
  }

  @Test
  void cell_waitersRunInRegistrationOrder_onceOnly_lateWaiterRunsAtOnce() {
    DeferredRuntime rt = new DeferredRuntime();
    List<String> seen = new ArrayList<>();
    rt.whenResolved(() -> seen.add("a"));
    rt.whenResolved(() -> seen.add("b"));
    rt.whenResolved(() -> seen.add("c"));
    assertFalse(rt.isResolved());
    assertThrows(IllegalStateException.class, rt::micros);
    rt.resolve(5, TaskOutcome.KILLED);
    rt.whenResolved(() -> seen.add("d"));
    assertEquals(List.of("a", "b", "c", "d"), seen);
    assertEquals(5, rt.micros());
    assertEquals(TaskOutcome.KILLED, rt.outcome());
    assertThrows(IllegalStateException.class, () -> rt.resolve(6, TaskOutcome.KILLED));
    assertThrows(IllegalArgumentException.class, () -> new DeferredRuntime().resolve(1, TaskOutcome.SAMPLED));
  }

  @Test
  void taskSpec_deferredNeedsTheSentinel_knownDurationFollowsTheCell() {
    DeferredRuntime rt = new DeferredRuntime();
    TaskSpec t = TaskSpec.deferred("0", "", R, rt);
    assertTrue(t.isDeferred());
    assertEquals(TaskSpec.DEFERRED, t.duration());
    assertEquals(TaskSpec.DEFERRED, t.knownDuration());
    rt.resolve(7, TaskOutcome.LOST);
    assertEquals(7, t.knownDuration());
    assertEquals(TaskOutcome.LOST, t.knownOutcome());
    assertThrows(IllegalArgumentException.class,
        () -> new TaskSpec("0", "", R, 5, TaskOutcome.FINISHED, 0, List.of(), new DeferredRuntime()));
    assertThrows(IllegalArgumentException.class, () -> TaskSpec.of("0", R, TaskSpec.DEFERRED, TaskOutcome.FINISHED));
    assertFalse(TaskSpec.of("0", R, 5, TaskOutcome.FINISHED).isDeferred());
  }
}
