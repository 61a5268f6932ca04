package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.google.GoogleCell;

class GoogleLikeTest {
  @Test
  void fullCell_isReissTable1() {
    List<AgentGroup> g = GoogleCell.machines(1.0);
    assertEquals(12583, g.stream().mapToInt(AgentGroup::count).sum());
    assertEquals(10, g.size());
    assertEquals("b50-50", g.get(0).name());
    assertEquals(6732, g.get(0).count());
    assertEquals(Resources.of(16, 32768), g.get(0).resources());
    assertEquals(3863, g.get(1).count());
    assertEquals(1001, g.get(2).count());
    assertEquals(795, g.get(3).count());
    assertEquals(Resources.of(32, 65536), g.get(3).resources());
    assertEquals("C", g.get(3).attributes().get("platform"));
  }

  @Test
  void scaledCell_keepsTheMixByLargestRemainder() {
    List<AgentGroup> g = GoogleCell.machines(0.01); // 126 machines
    assertEquals(126, g.stream().mapToInt(AgentGroup::count).sum());
    assertEquals(List.of("b50-50", "b50-25", "b50-75", "c100-100", "a25-25", "b50-12"),
        g.stream().map(AgentGroup::name).toList());
    assertEquals(List.of(67, 39, 10, 8, 1, 1), g.stream().map(AgentGroup::count).toList());
    assertEquals(1, GoogleCell.machines(1e-9).stream().mapToInt(AgentGroup::count).sum());
  }

  @Test
  void googleLike_servicesFirstThenPoissonArrivalsMostlyBatch() {
    double scale = 0.01;
    Workload w = Workloads.googleLike(scale, new RandomStreams(1), "G");
    assertTrue(w.endless());
    double capacity = GoogleCell.totalCpus(scale);
    double serviceCpus = 0;
    JobSpec j = w.next();
    while (j.submitTime() == 0) {
      assertEquals("service", j.fields().get("kind"));
      for (TaskSpec t : j.tasks()) {
        assertEquals(SimTime.NEVER, t.duration());
        serviceCpus += t.resources().cpus();
      }
      j = w.next();
    }
    assertTrue(serviceCpus >= 0.55 * capacity && serviceCpus < 0.60 * capacity, serviceCpus + " of " + capacity);
    long batch = 0;
    long jobs = 0;
    long singleTask = 0;
    long maxTasks = 0;
    long day = SimTime.DAY;
    while (j.submitTime() < day) {
      jobs++;
      if ("batch".equals(j.fields().get("kind"))) {
        batch++;
        assertTrue(j.tasks().get(0).duration() < SimTime.NEVER);
      }
      singleTask += j.tasks().size() == 1 ? 1 : 0;
      maxTasks = Math.max(maxTasks, j.tasks().size());
      j = w.next();
    }
    // 0.27 jobs/s * 0.01 * 86400 s = 233 expected (Poisson sd 15)
    assertEquals(233, jobs, 50);
    assertTrue(batch > 0.8 * jobs, batch + " of " + jobs);
    assertTrue(singleTask > 0.3 * jobs && singleTask < 0.7 * jobs, singleTask + " of " + jobs);
    assertTrue(maxTasks > 10, "heavy tail: " + maxTasks);
  }
}
