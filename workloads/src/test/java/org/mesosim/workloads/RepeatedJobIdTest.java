package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.csv.CsvTraceFormat;

/**
 * A job id that comes back is malformed with file:line (skipped and counted with skipMalformed),
 * never two jobs with one id, whose tasks would share task ids (issue 24, item 2); the Google and
 * Alibaba readers make ids unique by construction.
 */
class RepeatedJobIdTest {
  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static List<JobSpec> all(TraceSpec spec) {
    List<JobSpec> out = new ArrayList<>();
    try (Workload w = Workloads.trace(spec)) {
      JobSpec j;
      while ((j = w.next()) != null) {
        out.add(j);
      }
    }
    return out;
  }

  private static void assertUniqueTaskIds(List<JobSpec> jobs) {
    HashSet<String> ids = new HashSet<>();
    for (JobSpec j : jobs) {
      for (TaskSpec t : j.tasks()) {
        assertEquals(true, ids.add(j.id() + "-" + t.name()), j.id() + "-" + t.name());
      }
    }
  }

  @Test
  void swf_repeatedJobNumber_isMalformedAtItsLine() throws IOException {
    Path f = write("r.swf", "; Version: 2.2\n"
        + "1 0 5 10 2 -1 -1 2 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "2 1 5 10 2 -1 -1 2 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "1 2 5 10 2 -1 -1 2 -1 -1 1 7 2 3 1 -1 -1 -1\n");
    BadInputException e = assertThrows(BadInputException.class, () -> all(TraceSpec.of("swf", List.of(f))));
    assertEquals(f + ":4: job number 1 repeated: an earlier row is that job (SWF job numbers are unique; two jobs"
        + " with one id would run tasks with one task id)", e.getMessage());
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)).withSkipMalformed(true))) {
      assertEquals("1", w.next().id());
      assertEquals("2", w.next().id());
      assertNull(w.next());
      assertEquals(1, w.stats().malformed());
      assertEquals(2, w.stats().jobs());
    }
  }

  @Test
  void csv_jobIdComingBackAfterAnotherJob_isMalformedAtItsFirstRow() throws IOException {
    String header = String.join(",", CsvTraceFormat.COLUMNS) + "\n";
    Path f = write("r.csv", header
        + "a,0,0,,1,512,,,10000000,FINISHED,\n"
        + "a,0,1,,1,512,,,10000000,FINISHED,\n"
        + "b,5,0,,1,512,,,10000000,FINISHED,\n"
        + "a,7,0,,1,512,,,10000000,FINISHED,\n"
        + "a,7,1,,1,512,,,10000000,FINISHED,\n"
        + "c,8,0,,1,512,,,10000000,FINISHED,\n");
    BadInputException e = assertThrows(BadInputException.class, () -> all(TraceSpec.of("csv", List.of(f))));
    assertEquals(f + ":5: job a comes back after another job (job ids are unique and a job's rows consecutive)",
        e.getMessage());
    try (Workload w = Workloads.trace(TraceSpec.of("csv", List.of(f)).withSkipMalformed(true))) {
      assertEquals("a", w.next().id());
      assertEquals("b", w.next().id());
      JobSpec c = w.next();
      assertEquals("c", c.id());
      assertNull(w.next());
      assertEquals(2, w.stats().malformed(), "both rows of the second a");
      assertEquals(3, w.stats().jobs());
    }
    // numeric ids are compared as written: 7 and 007 are two jobs
    Path g = write("n.csv", header
        + "7,0,0,,1,512,,,1,FINISHED,\n"
        + "007,1,0,,1,512,,,1,FINISHED,\n"
        + "7,2,0,,1,512,,,1,FINISHED,\n");
    e = assertThrows(BadInputException.class, () -> all(TraceSpec.of("csv", List.of(g))));
    assertEquals(g + ":4: job 7 comes back after another job (job ids are unique and a job's rows consecutive)",
        e.getMessage());
  }

  @Test
  void google_aTaskSubmittedAgain_isAnotherJobId() throws IOException {
    // job 9 task 0 runs, ends, and is submitted again; task 1 of job 9 comes between
    Path f = write("task_events.csv", ev(0, 9, 0, 0) + ev(1, 9, 0, 1) + ev(2, 9, 1, 0) + ev(3, 9, 1, 1)
        + ev(5, 9, 0, 4) + ev(6, 9, 0, 0) + ev(7, 9, 0, 1) + ev(9, 9, 0, 4) + ev(10, 9, 1, 4));
    List<JobSpec> jobs = all(TraceSpec.of("google-2011", List.of(f)));
    assertEquals(3, jobs.size(), jobs.toString());
    assertUniqueTaskIds(jobs);
  }

  @Test
  void alibaba_aJobsRowsApart_areOneJob() throws IOException {
    Path f = write("batch_task.csv", "task_name,instance_num,job_name,task_type,status,start_time,end_time,plan_cpu,plan_mem\n"
        + "M1,1,j_1,1,Terminated,100,110,50,0.5\n"
        + "M1,1,j_2,1,Terminated,101,110,50,0.5\n"
        + "M1,1,j_1,1,Terminated,102,110,50,0.5\n");
    List<JobSpec> jobs = all(TraceSpec.of("alibaba-2018", List.of(f)));
    assertEquals(List.of("j_1", "j_2"), jobs.stream().map(JobSpec::id).toList());
    assertUniqueTaskIds(jobs);
  }

  /** One google task_events row: time (s), job, index, event type; 0.1 cpu, 0.1 mem. */
  private static String ev(long seconds, long job, int index, int type) {
    return seconds * 1_000_000 + ",," + job + "," + index + ",77," + type + ",u1,2,9,0.1,0.1,0.001,0\n";
  }
}
