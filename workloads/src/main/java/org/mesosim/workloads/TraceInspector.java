package org.mesosim.workloads;

import java.util.TreeSet;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;

/** Reads a whole trace (streaming) and summarises it ({@code mesosim trace inspect}). */
public final class TraceInspector {
  private TraceInspector() {}

  public static TraceInspection inspect(TraceSpec spec) {
    long jobs = 0;
    long tasks = 0;
    long first = -1;
    long last = -1;
    long[] totals = new long[8];
    long micros = 0; // exact while it fits
    double seconds = 0; // what did not
    long forever = 0;
    TreeSet<String> users = new TreeSet<>();
    WorkloadStats stats;
    try (Workload w = Workloads.traceWithRuntimes(spec)) {
      JobSpec j;
      while ((j = w.next()) != null) {
        jobs++;
        if (first < 0) {
          first = j.submitTime();
        }
        last = j.submitTime();
        String u = j.fields().get("user");
        if (u != null) {
          users.add(u);
        }
        for (TaskSpec t : j.tasks()) {
          tasks++;
          Resources r = t.resources();
          if (r.width() > totals.length) {
            totals = java.util.Arrays.copyOf(totals, r.width());
          }
          for (int i = 0; i < r.width(); i++) {
            long sum = totals[i] + r.milli(i);
            if (sum < 0) { // both >= 0: wrapped around
              throw new BadInputException(spec.files().get(0) + (spec.files().size() > 1 ? " …" : "") + ": job "
                  + j.id() + ": the tasks' " + ResourceNames.name(i) + " add up to more than "
                  + Long.MAX_VALUE / Resources.SCALE + " (Mesos' fixed point keeps thousandths in a long)");
            }
            totals[i] = sum;
          }
          if (t.duration() == SimTime.NEVER) {
            forever++;
          } else if (micros > Long.MAX_VALUE - t.duration()) { // would wrap: carry into the seconds
            seconds += micros / (double) SimTime.SECOND;
            micros = t.duration();
          } else {
            micros += t.duration();
          }
        }
      }
      stats = w.stats();
    }
    return new TraceInspection(spec.format(), stats.rows(), stats.malformed(), jobs, tasks, first, last,
        Resources.ofMilli(totals), seconds + micros / (double) SimTime.SECOND, forever, users.size(), stats.skipped());
  }
}
