package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.alibaba2018.AlibabaContainerMetaReader;

/**
 * alibaba-2018-containers on a hand-written {@code container_meta.csv} in the column order of
 * alibaba/clusterdata {@code cluster-trace-v2018/schema.txt} (container_id, machine_id,
 * time_stamp, app_du, status, cpu_request, cpu_limit, mem_size; no header, as published). No
 * sample of this table is in the repository.
 */
class AlibabaContainerMetaReaderTest {
  @TempDir
  Path tmp;

  static final String ROWS = ""
      + "c_1,m_1,0,app_1,started,400,400,1.56\n"
      + "c_2,m_2,0,app_1,started,400,400,1.56\n"
      + "c_1,m_1,3600,app_1,started,800,800,1.56\n" // a later event of c_1 with other requests
      + "c_3,m_3,100,app_2,allocated,-1,-1,101\n" // the schema's invalid markers
      + "c_4,m_3,100,app_2,started,200,400,3.13\n"
      + "c_5,m_4,50,app_3,started,100,100,0.78\n";

  private Path write(String text) throws IOException {
    Path p = tmp.resolve("container_meta.csv");
    Files.writeString(p, text);
    return p;
  }

  private static TaskSpec task(String name, double cpus, double mem) {
    return new TaskSpec(name, "", Resources.of(Map.of("cpus", cpus, "mem", mem)), SimTime.NEVER, TaskOutcome.FINISHED,
        0.0, List.of());
  }

  @Test
  void containers_groupedByDeployUnitAndFirstTime_runForever() throws IOException {
    Path f = write(ROWS);
    try (Workload w = Workloads.trace(TraceSpec.of("alibaba-2018-containers", List.of(f)))) {
      JobSpec a = w.next();
      assertEquals("app_1@0", a.id());
      assertEquals(0, a.submitTime());
      assertEquals(List.of(task("c_1", 4, 1.56 * 1024), task("c_2", 4, 1.56 * 1024)), a.tasks());
      assertEquals(Map.of("app_du", "app_1", "status", "started"), a.fields());
      JobSpec b = w.next();
      assertEquals("app_3@50", b.id());
      assertEquals(50 * SimTime.SECOND, b.submitTime());
      assertEquals(List.of(task("c_5", 1, 0.78 * 1024)), b.tasks());
      JobSpec c = w.next();
      assertEquals("app_2@100~allocated", c.id());
      assertEquals(List.of(task("c_3", 0.01, 32)), c.tasks()); // invalid -1/101: Mesos' minimum
      JobSpec d = w.next();
      assertEquals("app_2@100~started", d.id());
      assertEquals(List.of(task("c_4", 2, 3.13 * 1024)), d.tasks());
      assertNull(w.next());
      assertEquals(6, w.stats().rows());
      assertEquals(1L, w.stats().skipped().get(AlibabaContainerMetaReader.SKIP_CHANGED));
      assertEquals(1L, w.stats().skipped().get(AlibabaContainerMetaReader.SKIP_LATER_ROWS));
      assertEquals(2L, w.stats().skipped().get(AlibabaContainerMetaReader.SKIP_INVALID));
    }
  }

  @Test
  void headerRowAndUnits() throws IOException {
    Path f = write("container_id,machine_id,time_stamp,app_du,status,cpu_request,cpu_limit,mem_size\n"
        + "c_9,m_1,7,app_9,started,50,50,10\n");
    java.util.TreeMap<String, Double> u = new java.util.TreeMap<>();
    u.put("cpusPerCore", 2.0);
    u.put("memPerPercent", 100.0);
    try (Workload w = Workloads.trace(TraceSpec.of("alibaba-2018-containers", List.of(f)).withUnits(u))) {
      assertEquals(List.of(task("c_9", 1, 1000)), w.next().tasks());
      assertNull(w.next());
    }
  }

  @Test
  void malformedRows_fileAndLine_orSkippedAndCounted() throws IOException {
    Path f = write("c_1,m_1,0,app_1,started,400,400,1.56\nc_2,m_1,0,app_1,started,400,400\n");
    BadInputException e = assertThrows(BadInputException.class,
        () -> Workloads.trace(TraceSpec.of("alibaba-2018-containers", List.of(f))));
    assertEquals(f + ":2: expected 8 comma-separated columns (container_id, machine_id, time_stamp, app_du, status,"
        + " cpu_request, cpu_limit, mem_size), found 7", e.getMessage());
    Path g = write("c_1,m_1,0,app_1,started,-5,400,1.56\n");
    e = assertThrows(BadInputException.class, () -> Workloads.trace(TraceSpec.of("alibaba-2018-containers", List.of(g))));
    assertEquals(g + ":1: cpu_request must be >= 0 (or the invalid marker -1), not -5.0", e.getMessage());
    Path h = write("c_1,m_1,-3,app_1,started,5,400,1.56\nc_2,m_1,x,app_1,started,5,5,1\nc_3,m_1,4,app_1,started,5,5,1\n");
    try (Workload w = Workloads.trace(TraceSpec.of("alibaba-2018-containers", List.of(h)).withSkipMalformed(true))) {
      assertEquals("app_1@4", w.next().id());
      assertNull(w.next());
      assertEquals(2, w.stats().malformed());
    }
  }

  @Test
  void convertedToTheNativeCsv_andReadBackIdentically() throws IOException {
    Path f = write(ROWS);
    Path out = tmp.resolve("c.csv");
    TraceSpec in = TraceSpec.of("alibaba-2018-containers", List.of(f));
    TraceConverter.convert(in, out);
    try (Workload x = Workloads.traceWithRuntimes(in);
        Workload y = Workloads.traceWithRuntimes(TraceSpec.of("csv", List.of(out)))) {
      JobSpec j;
      while ((j = x.next()) != null) {
        assertEquals(j, y.next());
      }
      assertNull(y.next());
    }
  }
}
