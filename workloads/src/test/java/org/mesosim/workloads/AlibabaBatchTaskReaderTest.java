package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.alibaba2018.AlibabaBatchTaskReader;
import org.mesosim.workloads.trace.alibaba2018.DagName;

class AlibabaBatchTaskReaderTest {
  @TempDir
  Path tmp;

  private static final String HEADER = "task_name,instance_num,job_name,task_type,status,start_time,end_time,plan_cpu,plan_mem\n";

  private Path write(String text) throws IOException {
    Path p = tmp.resolve("batch_task.csv");
    Files.writeString(p, text);
    return p;
  }

  private static Workload read(Path f) {
    return Workloads.trace(TraceSpec.of("alibaba-2018", List.of(f)));
  }

  @Test
  void selectedDags_totalsMatchAwk() {
    Path f = TraceSamples.require(TraceSamples.ALIBABA);
    // zcat alibaba*.gz | awk -F, 'NR>1{ if($5=="Waiting"){w++; next} n=$2+0; j[$3]=1; tasks+=n;
    //   c=($8=="")?10:int($8/100*1000+0.5); m=($9=="")?32000:int($9*1024*1000+0.5); cs+=n*c; ms+=n*m;
    //   if($7==0) forever+=n; else dur+=n*($7-$6)}
    //   END{printf "%d %d %.0f %.0f %d %.0f %d\n", length(j), tasks, cs, ms, forever, dur, w}'
    // -> 2120 3131376 2685839500 1232754913280 1002 816673115 192
    TraceInspection i = TraceInspector.inspect(TraceSpec.of("alibaba-2018", List.of(f)));
    assertEquals(55874, i.rows());
    assertEquals(2120, i.jobs());
    assertEquals(3131376, i.tasks());
    assertEquals(2685839500L, i.totals().milli(0));
    assertEquals(1232754913280L, i.totals().milli(1));
    assertEquals(1002, i.foreverTasks());
    assertEquals(816673115.0, i.taskSeconds(), 1e-6);
    assertEquals(192L, i.skipped().get("alibaba: Waiting task (never started; dropped)"));
    // per job, min start over non-Waiting rows: earliest 86207 s, latest 690803 s -> span 604596 s
    assertEquals(0, i.firstSubmit());
    assertEquals(604596 * SimTime.SECOND, i.lastSubmit());
  }

  @Test
  void selectedDags_job3DependenciesFromTaskNames() {
    Path f = TraceSamples.require(TraceSamples.ALIBABA);
    // zcat alibaba*.gz | awk -F, '$3=="j_3"': M3 x12846 starts 157213; J4_2_3 x1111 waits for R2_1 and M3
    try (Workload w = read(f)) {
      JobSpec j;
      do {
        j = w.next();
      } while (!j.id().equals("j_3"));
      assertEquals((157213 - 86207) * SimTime.SECOND, j.submitTime());
      assertEquals(12846 + 371 + 1111 + 1 + 1111 + 1 + 371 + 1 + 1, j.tasks().size());
      TaskSpec j4 = j.tasks().stream().filter(t -> t.group().equals("J4_2_3")).findFirst().orElseThrow();
      assertEquals(List.of("R2_1", "M3"), j4.dependsOn());
      assertEquals("J4_2_3-0", j4.name());
      assertEquals(Resources.of(1, 604.16), j4.resources()); // 0.59 * 1024
      assertEquals(47 * SimTime.SECOND, j4.duration());
      TaskSpec m3 = j.tasks().stream().filter(t -> t.group().equals("M3")).findFirst().orElseThrow();
      assertEquals(List.of(), m3.dependsOn());
      assertEquals("1", j.fields().get("task_type"));
      assertEquals("Terminated", j.fields().get("status"));
    }
  }

  @Test
  void waitingRunningFailedAndEmptyPlans_mapped() throws IOException {
    Path f = write(HEADER
        + "M1,2.0,j_1,1,Terminated,100,110,50.0,0.5\n"
        + "R2_1,1.0,j_1,1,Running,120,0,,\n"
        + "R3_2,,j_1,1,Waiting,0,0,,\n"
        + "J4_3_1,1.0,j_1,1,Failed,130,135,100.0,1\n"
        + "task_abc,1.0,j_0,2,Terminated,50,60,100.0,1\n");
    try (Workload w = read(f)) {
      JobSpec a = w.next(); // j_0 starts first, at the origin
      assertEquals("j_0", a.id());
      assertEquals(0, a.submitTime());
      assertEquals(List.of(), a.tasks().get(0).dependsOn());
      JobSpec b = w.next();
      assertEquals(50 * SimTime.SECOND, b.submitTime());
      assertEquals(4, b.tasks().size()); // Waiting R3_2 dropped
      assertEquals(Resources.of(0.5, 512), b.tasks().get(0).resources());
      assertEquals(10 * SimTime.SECOND, b.tasks().get(1).duration());
      TaskSpec r2 = b.tasks().get(2);
      assertEquals(Resources.of(0.01, 32), r2.resources()); // empty plans: Mesos minimum
      assertEquals(SimTime.NEVER, r2.duration()); // Running with end 0: alive at the end of the trace
      assertEquals(List.of("M1"), r2.dependsOn());
      TaskSpec j4 = b.tasks().get(3);
      assertEquals(TaskOutcome.FAILED, j4.outcome());
      assertEquals(List.of("M1"), j4.dependsOn()); // R3_2 was dropped: that dependency is ignored
      assertEquals("Failed", b.fields().get("status"));
      assertNull(w.next());
      assertEquals(1L, w.stats().skipped().get("alibaba: Waiting task (never started; dropped)"));
      assertEquals(1L, w.stats().skipped().get("alibaba: dependency on a task absent or dropped (ignored)"));
    }
  }

  @Test
  void dagCycle_theDependencyClosingItIsDroppedAndCounted() throws IOException {
    // M1 waits for 2 and 3, R2 for 1, R3 for 2. Depth-first from the first row: M1_2_3 -> R2_1
    // -> M1_2_3 closes a cycle (R2_1's dependency is dropped); M1_2_3 -> R3_2 -> R2_1 is none
    Path f = write(HEADER
        + "M1_2_3,1.0,j_1,1,Terminated,100,110,50.0,0.5\n"
        + "R2_1,1.0,j_1,1,Terminated,100,110,50.0,0.5\n"
        + "R3_2,1.0,j_1,1,Terminated,100,110,50.0,0.5\n");
    try (Workload w = read(f)) {
      JobSpec j = w.next();
      assertEquals(List.of("R2_1", "R3_2"), j.tasks().get(0).dependsOn());
      assertEquals(List.of(), j.tasks().get(1).dependsOn());
      assertEquals(List.of("R2_1"), j.tasks().get(2).dependsOn());
      assertNull(w.next());
      assertEquals(1L, w.stats().skipped().get(AlibabaBatchTaskReader.SKIP_CYCLE));
    }
  }

  @Test
  void selectedDags_noJobWaitsInACycle() {
    // 13 jobs of the sample name cycles, e.g. j_94055: M5_14_…_100_1 and R1_5 wait for each other
    Path f = TraceSamples.require(TraceSamples.ALIBABA);
    try (Workload w = read(f)) {
      JobSpec j;
      while ((j = w.next()) != null) {
        // Kahn: groups whose dependencies have all finished can start; every group must
        TreeMap<String, java.util.Set<String>> waits = new TreeMap<>();
        for (TaskSpec t : j.tasks()) {
          waits.computeIfAbsent(t.group(), g -> new java.util.TreeSet<>()).addAll(t.dependsOn());
        }
        boolean progress = true;
        while (progress) {
          progress = waits.values().removeIf(java.util.Set::isEmpty);
          for (java.util.Set<String> d : waits.values()) {
            d.retainAll(waits.keySet());
          }
          progress |= waits.values().stream().anyMatch(java.util.Set::isEmpty);
        }
        assertTrue(waits.isEmpty(), j.id() + ": " + waits.size() + " groups wait in a cycle");
      }
      assertEquals(13L, w.stats().skipped().get(AlibabaBatchTaskReader.SKIP_CYCLE));
    }
  }

  @Test
  void timesBeyondTheClock_malformed() throws IOException {
    // 1e15 s is more µs than a long holds: the job was taken for one that never started
    Path f = write(HEADER + "M1,1.0,j_1,1,Terminated,1000000000000000,1000000000000100,50.0,0.5\n");
    BadInputException e = assertThrows(BadInputException.class, () -> read(f));
    assertEquals(f + ":2: start_time is out of range: 1.0E15 s (at most 9223372036854 s)", e.getMessage());
  }

  @Test
  void planBeyondWhatATaskCanAsk_malformedWithFileAndLine() throws IOException {
    // 1e308 % × 1024 MB is infinite: it used to fail when the job was built (exit 1, no line)
    Path f = write(HEADER + "M1,1.0,j_1,1,Terminated,100,110,50.0,1e308\n");
    BadInputException e = assertThrows(BadInputException.class, () -> read(f));
    assertEquals(f + ":2: plan_mem 1.0E308 × units is out of range: Infinity MB (at most 9223372036854775)",
        e.getMessage());
  }

  @Test
  void instanceNumBeyondAnInt_malformedNotWrapped() throws IOException {
    // (int) -4294967295 is 1: the row used to give one instance
    Path f = write(HEADER + "M1,-4294967295,j_1,1,Terminated,100,110,50.0,0.5\n");
    BadInputException e = assertThrows(BadInputException.class, () -> read(f));
    assertEquals(f + ":2: instance_num must be 1..1000000, not -4294967295", e.getMessage());
  }

  @Test
  void malformedRow_stopsWithFileAndLine_orIsCounted() throws IOException {
    Path f = write(HEADER + "M1,1.0,j_1,1,Terminated,100,110,50.0,0.5\nM2,1.0,j_1,1,Done,100,110,50.0,0.5\n");
    BadInputException e = assertThrows(BadInputException.class, () -> read(f));
    assertEquals(f + ":3: status must be Terminated, Failed, Running or Waiting, not 'Done'", e.getMessage());
    try (Workload w = Workloads.trace(TraceSpec.of("alibaba-2018", List.of(f)).withSkipMalformed(true))) {
      assertEquals(1, w.next().tasks().size());
      assertEquals(1, w.stats().malformed());
    }
  }

  @Test
  void externalSortWithSmallRuns_givesTheSameJobsAsInMemory() throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    org.apache.commons.rng.UniformRandomProvider rng = org.mesosim.engine.random.RandomStreams.create(5, "test/alibaba");
    for (int j = 0; j < 300; j++) {
      int start = 1000 + rng.nextInt(500); // many ties on purpose
      sb.append("M1,2.0,j_").append(j).append(",1,Terminated,").append(start).append(',').append(start + 5).append(",50.0,0.5\n");
      sb.append("R2_1,1.0,j_").append(j).append(",1,").append(j % 7 == 0 ? "Waiting,0,0" : "Terminated," + (start + 5) + "," + (start + 9))
          .append(",100.0,1\n");
    }
    Path f = write(sb.toString());
    long n = 0;
    AlibabaBatchTaskReader spilled = new AlibabaBatchTaskReader(List.of(f), new TreeMap<>(), false, 7);
    try (AlibabaBatchTaskReader inMemory = new AlibabaBatchTaskReader(List.of(f), new TreeMap<>(), false)) {
      assertEquals(0, inMemory.spilledRuns());
      assertEquals(75, spilled.spilledRuns()); // 600 rows; a run once 7 rows (4 jobs) are held
      assertEquals(inMemory.origin(), spilled.origin());
      JobSpec j;
      while ((j = inMemory.next()) != null) {
        assertEquals(j, spilled.next());
        n++;
      }
      assertNull(spilled.next());
      assertEquals(inMemory.stats(), spilled.stats());
    } finally {
      spilled.close();
    }
    assertEquals(300, n);
  }

  @Test
  void externalSort_rowsOfAJobNotConsecutive_stopsWithAdvice() throws IOException {
    Path f = write(HEADER
        + "M1,1.0,j_1,1,Terminated,100,110,50.0,0.5\n"
        + "M1,1.0,j_2,1,Terminated,100,110,50.0,0.5\n"
        + "M1,1.0,j_3,1,Terminated,100,110,50.0,0.5\n"
        + "M2,1.0,j_1,1,Terminated,100,110,50.0,0.5\n");
    BadInputException e = assertThrows(BadInputException.class,
        () -> new AlibabaBatchTaskReader(List.of(f), new TreeMap<>(), false, 1).close());
    assertEquals(f + ":5: the rows of job j_1 are not consecutive, and the input is too large to sort in memory: "
        + "sort batch_task by job_name first (sort -t, -k3,3)", e.getMessage());
    try (Workload w = read(f)) { // in memory, scattered rows are fine
      assertEquals(2, w.next().tasks().size());
    }
  }

  @Test
  void dagName_parsesTypeIdAndDependencies() {
    assertEquals(new DagName(1, List.of()), DagName.parse("M1"));
    assertEquals(new DagName(3, List.of(1)), DagName.parse("R3_1"));
    assertEquals(new DagName(5, List.of(2, 4)), DagName.parse("J5_2_4"));
    assertTrue(!DagName.parse("task_LTg0MTUwNTA5Mjg4MDkwNjIzMA==").isDag());
    assertTrue(!DagName.parse("MergeTask").isDag());
    assertTrue(!DagName.parse("R3_").isDag());
  }
}
