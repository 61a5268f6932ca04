package org.mesosim.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.reports.csv.Num;

/**
 * Jobs per framework and in all (docs/outputs.md): submitted, how they ended, completion times,
 * waits and bounded slowdowns, and {@code jobs.csv}: one row per job as it ends, and at the end one
 * per job still open. Keeps only the open jobs.
 */
final class JobCounters {
  /** The columns of {@code jobs.csv}. */
  static final List<String> COLUMNS = List.of("framework", "job", "submit_s", "start_s", "end_s", "tasks", "state");

  private final RunSetup setup;
  private final Writer out;
  private final StringBuilder row = new StringBuilder(256);
  /** Per framework (scenario index): open jobs by job name. */
  private final List<Map<String, OpenJob>> open = new ArrayList<>();
  private long openCount;
  /** JobSubmitted events so far: an open job's place among those submitted at the same instant. */
  private long seen;
  private final long[] submitted;
  private final long[] finished;
  private final long[] failed;
  private final long[] killed;
  private final long[] abandoned;
  private final Quantiles[] completion;
  private final Quantiles[] waits;
  private final Quantiles[] slowdown;
  private final Quantiles allCompletion = new Quantiles();
  private final Quantiles allWaits = new Quantiles();
  private final Quantiles allSlowdown = new Quantiles();
  private long allSubmitted;
  private long allFinished;
  private long allFailed;
  private long allKilled;

  /** Writes the header of {@code jobs.csv} to {@code out}. */
  JobCounters(RunSetup setup, Writer out) throws IOException {
    this.setup = setup;
    this.out = out;
    int nFw = setup.frameworks().size();
    for (int f = 0; f < nFw; f++) {
      open.add(new HashMap<>());
    }
    submitted = new long[nFw];
    finished = new long[nFw];
    failed = new long[nFw];
    killed = new long[nFw];
    abandoned = new long[nFw];
    completion = Quantiles.array(nFw);
    waits = Quantiles.array(nFw);
    slowdown = Quantiles.array(nFw);
    out.write(String.join(",", COLUMNS) + "\n");
  }

  void submitted(int f, String job, int tasks, long t) {
    submitted[f]++;
    allSubmitted++;
    if (open.get(f).put(job, new OpenJob(f, job, t, tasks, seen++)) == null) {
      openCount++;
    }
  }

  /** The open job {@code job} of framework {@code f}, or null. */
  OpenJob open(int f, String job) {
    return open.get(f).get(job);
  }

  /** A task of {@code j} was launched at {@code t}: the job starts with its first. */
  void taskLaunched(int f, OpenJob j, long t) {
    if (j.start < 0) {
      j.start = t;
      double w = (t - j.submit) / 1e6;
      waits[f].add(w);
      allWaits.add(w);
    }
  }

  /** Job {@code job} ended: no longer open; the job as it was open, or null if it was not. */
  OpenJob close(int f, String job) {
    OpenJob j = open.get(f).remove(job);
    if (j != null) {
      openCount--;
    }
    return j;
  }

  /**
   * Counts a job that ended at {@code t} ({@code j} as {@link #close} returned it) and writes its row.
   */
  void ended(int f, OpenJob j, String framework, String job, long submitTime, long startTime, int tasks,
      String state, long t) throws IOException {
    // The first TaskLaunched (the master accepted the launch), as for waitSeconds and for open jobs'
    // start_s; JobEnded.startTime is when the framework decided to launch, a message delay earlier, and
    // stands in only when no launch of the job was seen
    long start = j != null && j.start >= 0 ? j.start : startTime;
    if ((j == null || j.start < 0) && start >= 0) {
      double w = (start - submitTime) / 1e6;
      waits[f].add(w);
      allWaits.add(w);
    }
    write(framework, job, submitTime, start, t, tasks, state);
    switch (state) {
      case "finished": {
        finished[f]++;
        allFinished++;
        double c = (t - submitTime) / 1e6;
        completion[f].add(c);
        allCompletion.add(c);
        if (start >= 0) {
          double sd = Math.max(1.0, (t - submitTime) / (double) Math.max(t - start, MetricsRecorder.SLOWDOWN_FLOOR));
          slowdown[f].add(sd);
          allSlowdown.add(sd);
        }
        break;
      }
      case "failed":
        failed[f]++;
        allFailed++;
        break;
      case "killed":
        killed[f]++;
        allKilled++;
        break;
      case "abandoned":
        abandoned[f]++;
        break;
      default:
        break;
    }
  }

  /**
   * One {@code jobs.csv} row per job still open (state {@code running} if it launched, else
   * {@code pending}; ordered by submit time, then scenario order, then submission order).
   */
  void finish() throws IOException {
    List<OpenJob> all = new ArrayList<>();
    for (Map<String, OpenJob> m : open) {
      all.addAll(m.values());
    }
    // Jobs submitted at one instant keep their submission order (job 2 before job 10), not the
    // text order of their names.
    all.sort(Comparator.comparingLong((OpenJob j) -> j.submit).thenComparingInt(j -> j.fw)
        .thenComparingLong(j -> j.seq));
    for (OpenJob j : all) {
      write(setup.frameworks().get(j.fw).name(), j.job, j.submit, j.start, -1, j.tasks,
          j.start >= 0 ? "running" : "pending");
    }
  }

  void close() throws IOException {
    out.close();
  }

  private void write(String framework, String job, long submit, long start, long endT, int tasks, String state)
      throws IOException {
    StringBuilder sb = row;
    sb.setLength(0);
    sb.append(Num.csv(framework)).append(',').append(Num.csv(job)).append(',');
    Num.appendMicros(sb, submit);
    sb.append(',');
    if (start >= 0) {
      Num.appendMicros(sb, start);
    }
    sb.append(',');
    if (endT >= 0) {
      Num.appendMicros(sb, endT);
    }
    sb.append(',').append(tasks).append(',').append(Num.csv(state)).append('\n');
    out.append(sb);
  }

  /** Completion seconds of finished jobs of framework {@code f}. */
  Quantiles completion(int f) {
    return completion[f];
  }

  /** Job waits (s) of framework {@code f}. */
  Quantiles waits(int f) {
    return waits[f];
  }

  /** Job waits (s) of every framework. */
  Quantiles waits() {
    return allWaits;
  }

  long abandoned(int f) {
    return abandoned[f];
  }

  RunSummary.Jobs summary(int f) {
    return new RunSummary.Jobs(submitted[f], finished[f], RunSummary.Dist.of(completion[f]),
        RunSummary.Dist.of(waits[f]), failed[f], killed[f], open.get(f).size(), RunSummary.Dist.of(slowdown[f]));
  }

  RunSummary.Jobs summary() {
    return new RunSummary.Jobs(allSubmitted, allFinished, RunSummary.Dist.of(allCompletion),
        RunSummary.Dist.of(allWaits), allFailed, allKilled, openCount, RunSummary.Dist.of(allSlowdown));
  }

  /** A job submitted and not yet ended. */
  static final class OpenJob {
    final int fw;
    final String job;
    final long submit;
    final int tasks;
    final long seq;
    long start = -1;
    int live;

    OpenJob(int fw, String job, long submit, int tasks, long seq) {
      this.fw = fw;
      this.job = job;
      this.submit = submit;
      this.tasks = tasks;
      this.seq = seq;
    }
  }
}
