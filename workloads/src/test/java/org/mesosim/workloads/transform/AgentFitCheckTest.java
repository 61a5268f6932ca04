package org.mesosim.workloads.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.Workloads;

class AgentFitCheckTest {
  static final List<AgentGroup> AGENTS = List.of(
      new AgentGroup("gone", 0, Resources.of(128, 1 << 20), new TreeMap<>(), new TreeMap<>()),
      new AgentGroup("small", 4, Resources.of(8, 16384), new TreeMap<>(), new TreeMap<>()),
      new AgentGroup("himem", 1, Resources.of(4, 262144), new TreeMap<>(), new TreeMap<>()));

  static JobSpec job(String id, long at, Resources... tasks) {
    List<TaskSpec> ts = new ArrayList<>();
    for (int i = 0; i < tasks.length; i++) {
      ts.add(TaskSpec.of(Integer.toString(i), tasks[i], SimTime.SECOND, TaskOutcome.FINISHED));
    }
    return JobSpec.of(id, at, ts);
  }

  /** A workload of the given jobs that counts its closes. */
  static final class Jobs implements Workload {
    final ArrayDeque<JobSpec> left;
    int closes;

    Jobs(JobSpec... jobs) {
      left = new ArrayDeque<>(List.of(jobs));
    }

    @Override
    public JobSpec next() {
      return left.poll();
    }

    @Override
    public void close() {
      closes++;
    }
  }

  @Test
  void fittingJobs_passUnchanged() {
    JobSpec a = job("a", 0, Resources.of(8, 16384));
    JobSpec b = job("b", 5, Resources.of(4, 200000), Resources.of(1, 1));
    Workload w = Workloads.fitChecked(new Jobs(a, b), AGENTS, false, null, "t.csv", "A");
    assertSame(a, w.next());
    assertSame(b, w.next());
    assertNull(w.next());
  }

  @Test
  void oversizedTask_deliversItsJob_thenStopsAtTheNextPull() {
    JobSpec ok = job("1", 0, Resources.of(1, 1024));
    // cpus fit small, mem fits himem, but no single agent holds both; himem comes closest (4/6 vs 16384/100000)
    JobSpec big = job("2", 12_500_000, Resources.of(1, 1024), Resources.of(6, 100000), Resources.of(6, 100000),
        Resources.of(9, 1));
    Jobs src = new Jobs(ok, big, job("3", 20_000_000, Resources.of(1, 1)));
    Workload w = new AgentFitCheck(src, AGENTS, false, null, "t.csv (frameworks[0].workload.trace)", "A-u1");
    assertSame(ok, w.next());
    assertSame(big, w.next());
    BadInputException e = assertThrows(BadInputException.class, w::next);
    assertEquals("t.csv (frameworks[0].workload.trace): job 2 (framework A-u1, submitted at 12.500000 s): task 1 asks"
        + " {cpus:6; mem:100000}, larger than every agent (the closest, agents himem, have {cpus:4; mem:262144});"
        + " 2 more tasks of this job too; it could never run. Leave it out (trace.filter or trace.window) or add"
        + " larger agents", e.getMessage());
    assertEquals(1, src.left.size(), "nothing read past the oversized job");
  }

  @Test
  void oversizedLastJob_stopsWhenTheWorkloadWouldEnd() {
    Workload w = new AgentFitCheck(new Jobs(job("9", 0, Resources.of(2, 300000))), AGENTS, false, null, "x", "F");
    w.next();
    BadInputException e = assertThrows(BadInputException.class, w::next);
    assertEquals("x: job 9 (framework F, submitted at 0.000000 s): task 0 asks {cpus:2; mem:300000}, larger than"
        + " every agent (the closest, agents himem, have {cpus:4; mem:262144}); it could never run. Leave it out"
        + " (trace.filter or trace.window) or add larger agents", e.getMessage());
  }

  @Test
  void agentsWithGpus_countOnlyForGpuFrameworks() {
    // Mesos offers an agent with GPUs only to GPU_RESOURCES frameworks (MESOS-5634): a task that only
    // such agents hold never runs in a framework without it (a run until drained never ended)
    List<AgentGroup> agents = List.of(
        new AgentGroup("cpu", 2, Resources.of(4, 8192), new TreeMap<>(), new TreeMap<>()),
        new AgentGroup("gpu", 1, Resources.of(java.util.Map.of("cpus", 16, "mem", 65536, "gpus", 2)),
            new TreeMap<>(), new TreeMap<>()));
    JobSpec big = job("7", 0, Resources.of(8, 1024));
    Workload plain = new AgentFitCheck(new Jobs(big), agents, false, null, "x", "F");
    plain.next();
    BadInputException e = assertThrows(BadInputException.class, plain::next);
    assertEquals("x: job 7 (framework F, submitted at 0.000000 s): task 0 asks {cpus:8; mem:1024}, which only agents"
        + " with gpus hold, and Mesos offers those only to frameworks with gpuResources: true; it could never run."
        + " Set gpuResources: true or leave it out (trace.filter or trace.window)", e.getMessage());
    Workload gpu = new AgentFitCheck(new Jobs(big), agents, true, null, "x", "F");
    assertSame(big, gpu.next());
    assertNull(gpu.next());
    Workload small = new AgentFitCheck(new Jobs(job("8", 0, Resources.of(4, 1024))), agents, false, null, "x", "F");
    small.next();
    assertNull(small.next());
  }

  @Test
  void resourcesReservedForOtherRoles_countOnlyForThoseRoles_asInTheScenarioCheck() {
    // The agents of group "big" are whole only for role "a" (and its sub-roles, Mesos 1.4+); others
    // get what is left unreserved, 2 cpus: a task of 8 cpus could never run in role "b".
    TreeMap<String, Resources> reserved = new TreeMap<>();
    reserved.put("a", Resources.of(14, 1024));
    List<AgentGroup> agents = List.of(
        new AgentGroup("small", 2, Resources.of(4, 8192), new TreeMap<>(), new TreeMap<>()),
        new AgentGroup("big", 1, Resources.of(16, 65536), new TreeMap<>(), reserved));
    JobSpec big = job("3", 0, Resources.of(8, 1024));
    Workload other = new AgentFitCheck(new Jobs(big), agents, false, "b", "x", "F");
    other.next();
    BadInputException e = assertThrows(BadInputException.class, other::next);
    assertEquals("x: job 3 (framework F, submitted at 0.000000 s): task 0 asks {cpus:8; mem:1024}, which no agent"
        + " holds without resources reserved for roles other than 'b' (a framework is offered unreserved resources"
        + " and its role's reservations); it could never run. Leave it out (trace.filter or trace.window) or reserve"
        + " for this role", e.getMessage());
    for (String role : new String[] {"a", "a/x", null}) {
      Workload w = new AgentFitCheck(new Jobs(big), agents, false, role, "x", "F");
      assertSame(big, w.next(), String.valueOf(role));
      assertNull(w.next(), String.valueOf(role));
    }
  }

  @Test
  void groupsWithoutAgents_holdNothing() {
    Workload w = new AgentFitCheck(new Jobs(job("1", 0, Resources.of(100, 1))), AGENTS, false, null, "x", "F");
    w.next();
    assertThrows(BadInputException.class, w::next);
  }

  @Test
  void close_closesTheSourceOnce() {
    Jobs src = new Jobs(job("1", 0, Resources.of(1, 1)));
    Workload w = new AgentFitCheck(src, AGENTS, false, null, "x", "F");
    w.close();
    w.close();
    assertEquals(1, src.closes);
  }
}
