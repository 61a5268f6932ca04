package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/**
 * Random task_events streams (few tasks, many ties, every event type in any order) replayed by the
 * reader and by a straightforward reference implementation of the episode rules written here
 * with maps; both must give the same tasks in the same order, in non-decreasing submit time.
 */
class GoogleEpisodeFuzzTest {
  @TempDir
  Path tmp;

  private static final class Ep {
    long job;
    int index;
    long submit;
    long sched = -1;
    long end = -1;
    int endType;
    boolean dropped;
    String cpu = "";
  }

  @Test
  void randomStreams_readerMatchesReference() throws IOException {
    UniformRandomProvider rng = RandomStreams.create(11, "test/google-fuzz");
    for (int round = 0; round < 200; round++) {
      StringBuilder sb = new StringBuilder();
      List<Ep> order = new ArrayList<>();
      TreeMap<String, Ep> live = new TreeMap<>();
      long t = 0;
      int rows = 5 + rng.nextInt(60);
      for (int r = 0; r < rows; r++) {
        t += rng.nextInt(4); // ties on purpose
        long job = 1 + rng.nextInt(4);
        int index = rng.nextInt(3);
        int type = rng.nextInt(9);
        String cpu = rng.nextInt(4) == 0 ? "" : "0.0" + (1 + rng.nextInt(9));
        sb.append(t).append(",,").append(job).append(',').append(index).append(",1,").append(type)
            .append(",u,1,5,").append(cpu).append(",0.01,,0\n");
        String key = job + "/" + index;
        Ep e = live.get(key);
        if (type == 0 || type == 7 || type == 1 || type == 8) {
          boolean running = type == 1 || type == 8;
          if (e == null) {
            e = new Ep();
            e.job = job;
            e.index = index;
            e.submit = t;
            e.cpu = cpu;
            if (running) {
              e.sched = t;
            }
            live.put(key, e);
            order.add(e);
          } else if (e.sched < 0) {
            if (!cpu.isEmpty()) {
              e.cpu = cpu;
            }
            if (running) {
              e.sched = t;
            }
          }
        } else if (e != null) {
          live.remove(key);
          if (e.sched < 0) {
            e.dropped = true;
          } else {
            e.end = t;
            e.endType = type;
          }
        }
      }
      Path f = tmp.resolve("fuzz-" + round + ".csv");
      Files.writeString(f, sb.toString());
      List<String> expected = new ArrayList<>();
      for (Ep e : order) {
        if (!e.dropped) {
          String outcome = e.end < 0 ? "FINISHED" : switch (e.endType) {
            case 3 -> "FAILED";
            case 4 -> "FINISHED";
            case 6 -> "LOST";
            default -> "KILLED";
          };
          double cpus = e.cpu.isEmpty() ? 0.01 : Double.parseDouble(e.cpu) * 32;
          expected.add(e.job + "/" + e.index + "@" + e.submit + " d=" + (e.end < 0 ? "forever" : e.end - e.sched)
              + " " + outcome + " cpus=" + Math.round(cpus * 1000));
        }
      }
      List<String> actual = new ArrayList<>();
      long last = -1;
      try (Workload w = Workloads.trace(TraceSpec.of("google-2011", List.of(f)))) {
        JobSpec j;
        while ((j = w.next()) != null) {
          assertTrue(j.submitTime() >= last);
          last = j.submitTime();
          for (TaskSpec task : j.tasks()) {
            actual.add(j.fields().get("job") + "/" + task.name() + "@" + j.submitTime() + " d="
                + (task.duration() == SimTime.NEVER ? "forever" : task.duration()) + " " + task.outcome()
                + " cpus=" + task.resources().milli(0));
          }
        }
      }
      assertEquals(expected, actual, "round " + round + ":\n" + sb);
    }
  }
}
