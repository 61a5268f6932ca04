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
import org.mesosim.workloads.google.GoogleLikeWorkload;

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
  void googleLike_snapshotBandByBandThenPoissonArrivalsOfAllBands() {
    double scale = 0.01;
    Workload w = Workloads.googleLike(scale, new RandomStreams(1), "G");
    assertTrue(w.endless());
    double capacity = GoogleCell.totalCpus(scale);
    java.util.TreeMap<String, Double> cpus = new java.util.TreeMap<>();
    List<String> order = new java.util.ArrayList<>();
    JobSpec j = w.next();
    while (j.submitTime() == 0) {
      String band = j.fields().get("band");
      if (order.isEmpty() || !order.get(order.size() - 1).equals(band)) {
        order.add(band);
      }
      assertEquals(band.equals("production") ? "service" : "batch", j.fields().get("kind"));
      assertTrue(j.tasks().size() <= Math.max(1, Math.round(20010 * scale)), "snapshot jobs are capped by the scale");
      for (TaskSpec t : j.tasks()) {
        if (band.equals("production")) {
          assertEquals(SimTime.NEVER, t.duration(), "production tasks of the snapshot are services");
        }
        cpus.merge(band, t.resources().cpus(), Double::sum);
      }
      j = w.next();
    }
    assertEquals(List.of("production", "batch", "free"), order);
    for (GoogleLikeWorkload.Band b : GoogleLikeWorkload.BANDS) {
      assertTrue(cpus.get(b.name()) >= b.startShare() * capacity, b.name() + ": " + cpus.get(b.name()));
    }
    java.util.TreeMap<String, Long> bands = new java.util.TreeMap<>();
    long jobs = 0;
    long killed = 0;
    long tasks = 0;
    while (j.submitTime() < SimTime.DAY) {
      jobs++;
      bands.merge(j.fields().get("band"), 1L, Long::sum);
      for (TaskSpec t : j.tasks()) {
        tasks++;
        assertTrue(t.duration() < SimTime.NEVER, "arriving tasks end");
        killed += t.outcome() == org.mesosim.model.workload.TaskOutcome.KILLED ? 1 : 0;
      }
      j = w.next();
    }
    // 0.1822 jobs/s * 0.01 * 86,400 s = 157 expected (Poisson sd 12.5)
    assertEquals(157, jobs, 40);
    assertEquals(List.of("batch", "free", "production"), List.copyOf(bands.keySet()));
    assertTrue(killed > 0.05 * tasks && killed < 0.3 * tasks, killed + " of " + tasks + " killed");
  }

  @Test
  void googleLike_sameSeedSameJobs() {
    Workload a = Workloads.googleLike(0.01, new RandomStreams(7), "G");
    Workload b = Workloads.googleLike(0.01, new RandomStreams(7), "G");
    for (int i = 0; i < 500; i++) {
      assertEquals(a.next(), b.next());
    }
  }
}
