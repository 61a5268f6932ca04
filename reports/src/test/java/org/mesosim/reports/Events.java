package org.mesosim.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.OfferId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskId;
import org.mesosim.model.TaskState;
import org.mesosim.model.events.ModelEvent;

/** Hand-built event streams for tests (times in seconds unless named micros). */
final class Events {
  private Events() {}

  static long s(double seconds) {
    return Math.round(seconds * 1e6);
  }

  static RunSetup setup(Path out, List<FrameworkMeta> fws, long sampleMicros) {
    TreeMap<String, Double> w = new TreeMap<>();
    return new RunSetup("test", 1, "hierarchical-drf", sampleMicros, List.of("cpus", "mem"), fws, w, out);
  }

  static ModelEvent agent(double t, String id, double cpus, double mem) {
    return new ModelEvent.AgentRegistered(s(t), new AgentId(id), id, ResourceSet.unreserved(Resources.of(cpus, mem)),
        false);
  }

  static ModelEvent agentRemoved(double t, String id) {
    return new ModelEvent.AgentRemoved(s(t), new AgentId(id), id, "test");
  }

  static ModelEvent launch(double t, String fw, String task, String job, double cpus, double mem) {
    return new ModelEvent.TaskLaunched(s(t), fw, new TaskId(task), job, new AgentId("a1"), new OfferId("o-" + task),
        Resources.of(cpus, mem));
  }

  static ModelEvent launch(double t, String fw, String task, String job, String offer, double cpus, double mem) {
    return new ModelEvent.TaskLaunched(s(t), fw, new TaskId(task), job, new AgentId("a1"), new OfferId(offer),
        Resources.of(cpus, mem));
  }

  static ModelEvent status(double t, String fw, String task, TaskState st, double cpus, double mem) {
    return new ModelEvent.TaskStatus(s(t), fw, new TaskId(task), new AgentId("a1"), st, "", Resources.of(cpus, mem));
  }

  static ModelEvent recovered(double t, String fw, String task, double cpus, double mem) {
    return new ModelEvent.TaskRecovered(s(t), fw, new TaskId(task), new AgentId("a1"), TaskState.TASK_RUNNING,
        Resources.of(cpus, mem));
  }

  static ModelEvent offer(double t, String fw, String offer) {
    return new ModelEvent.OfferMade(s(t), new OfferId(offer), fw, new AgentId("a1"),
        ResourceSet.unreserved(Resources.of(1, 1)));
  }

  static ModelEvent decline(double t, String fw, String offer) {
    return new ModelEvent.OfferDeclined(s(t), new OfferId(offer), fw, new AgentId("a1"), ResourceSet.EMPTY, 5_000_000);
  }

  static ModelEvent rescind(double t, String fw, String offer) {
    return new ModelEvent.OfferRescinded(s(t), new OfferId(offer), fw, new AgentId("a1"), "test");
  }

  static ModelEvent pending(double t, String fw, int n) {
    return new ModelEvent.PendingChanged(s(t), fw, n);
  }

  static ModelEvent registered(double t, String fw, boolean reregistered) {
    return new ModelEvent.FrameworkRegistered(s(t), fw, new FrameworkId("id-" + fw), "r", reregistered);
  }

  static ModelEvent deactivated(double t, String fw, boolean removed) {
    return new ModelEvent.FrameworkDeactivated(s(t), fw, new FrameworkId("id-" + fw), removed, "test");
  }

  static ModelEvent submit(double t, String fw, String job, int tasks) {
    return new ModelEvent.JobSubmitted(s(t), fw, job, tasks);
  }

  static ModelEvent ended(double t, String fw, String job, double submit, double start, int tasks, String state) {
    return new ModelEvent.JobEnded(s(t), fw, job, s(submit), start < 0 ? -1 : s(start), tasks, state);
  }

  /**
   * A plausible stream: one 32-cpu agent per 4 ids, frameworks submit jobs of a few tasks with
   * heavy-tailed durations, FIFO-ish placement when capacity allows; deterministic for a seed.
   */
  static List<ModelEvent> synthetic(List<String> fws, int jobsPerFw, long seed) {
    Random rnd = new Random(seed);
    List<ModelEvent> out = new ArrayList<>();
    double capCpu = 64;
    double capMem = 131072;
    out.add(new ModelEvent.LeaderElected(0, "master-1", 1));
    out.add(new ModelEvent.LeaderRecovered(s(0.5), "master-1"));
    out.add(agent(1, "a1", 32, 65536));
    out.add(agent(1, "a2", 32, 65536));
    record Ev(double t, int kind, int fw, int job, int task, double cpus, double mem, double dur) {}
    PriorityQueue<Ev> q = new PriorityQueue<>((a, b) -> a.t != b.t ? Double.compare(a.t, b.t)
        : a.kind != b.kind ? Integer.compare(a.kind, b.kind) : Integer.compare(a.fw * 100000 + a.job * 100 + a.task,
            b.fw * 100000 + b.job * 100 + b.task));
    for (int f = 0; f < fws.size(); f++) {
      double t = 2 + f * 30;
      for (int j = 0; j < jobsPerFw; j++) {
        t += -Math.log(1 - rnd.nextDouble()) * (20 + 20 * f);
        int tasks = 1 + rnd.nextInt(6);
        q.add(new Ev(t, 0, f, j, tasks, 1 + f, 2048 * (2 - f % 2), 0));
      }
    }
    double usedCpu = 0;
    double usedMem = 0;
    List<ArrayList<Ev>> queues = new ArrayList<>();
    int[] pend = new int[fws.size()];
    int[] remaining = new int[fws.size() * jobsPerFw];
    double[] submitT = new double[fws.size() * jobsPerFw];
    double[] startT = new double[fws.size() * jobsPerFw];
    java.util.Arrays.fill(startT, -1);
    for (int f = 0; f < fws.size(); f++) {
      queues.add(new ArrayList<>());
    }
    int offerN = 0;
    int taskN = 0;
    while (!q.isEmpty()) {
      Ev e = q.poll();
      String fw = fws.get(e.fw);
      int jid = e.fw * jobsPerFw + e.job;
      if (e.kind == 0) {
        out.add(submit(e.t, fw, "j" + e.job, e.task));
        submitT[jid] = e.t;
        remaining[jid] = e.task;
        for (int k = 0; k < e.task; k++) {
          double dur = Math.exp(3.5 + 1.2 * rnd.nextGaussian());
          queues.get(e.fw).add(new Ev(0, 2, e.fw, e.job, taskN++, e.cpus, e.mem, dur));
        }
        pend[e.fw] += e.task;
        out.add(pending(e.t, fw, pend[e.fw]));
      } else if (e.kind == 1) {
        usedCpu -= e.cpus;
        usedMem -= e.mem;
        out.add(status(e.t, fw, "t" + e.task, rnd.nextDouble() < 0.03 ? TaskState.TASK_LOST : TaskState.TASK_FINISHED,
            e.cpus, e.mem));
        if (--remaining[jid] == 0) {
          out.add(ended(e.t, fw, "j" + e.job, submitT[jid], startT[jid], 0, "finished"));
        }
      }
      // allocate round robin, each framework gets an offer
      for (int f = 0; f < fws.size(); f++) {
        int ff = (f + (int) (e.t)) % fws.size();
        if (queues.get(ff).isEmpty()) {
          continue;
        }
        String o = "o" + offerN++;
        out.add(offer(e.t, fws.get(ff), o));
        boolean any = false;
        while (!queues.get(ff).isEmpty()) {
          Ev tk = queues.get(ff).get(0);
          if (usedCpu + tk.cpus > capCpu || usedMem + tk.mem > capMem) {
            break;
          }
          queues.get(ff).remove(0);
          usedCpu += tk.cpus;
          usedMem += tk.mem;
          int tj = ff * jobsPerFw + tk.job;
          if (startT[tj] < 0) {
            startT[tj] = e.t;
          }
          out.add(launch(e.t, fws.get(ff), "t" + tk.task, "j" + tk.job, o, tk.cpus, tk.mem));
          out.add(status(e.t + 0.01, fws.get(ff), "t" + tk.task, TaskState.TASK_RUNNING, tk.cpus, tk.mem));
          q.add(new Ev(e.t + tk.dur, 1, ff, tk.job, tk.task, tk.cpus, tk.mem, 0));
          pend[ff]--;
          any = true;
        }
        if (any) {
          out.add(pending(e.t, fws.get(ff), pend[ff]));
        } else {
          out.add(decline(e.t, fws.get(ff), o));
        }
      }
    }
    out.sort((a, b) -> Long.compare(a.time(), b.time()));
    return out;
  }
}
