package org.mesosim.workloads.trace.alibaba2018;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;
import org.mesosim.workloads.TraceFormat;
import org.mesosim.workloads.trace.ByteInterner;
import org.mesosim.workloads.trace.DependencyCycles;
import org.mesosim.workloads.trace.Fields;
import org.mesosim.workloads.trace.LongLongMap;
import org.mesosim.workloads.trace.MalformedRowException;
import org.mesosim.workloads.trace.ReaderSupport;
import org.mesosim.workloads.trace.TraceLines;
import org.mesosim.workloads.trace.Units;
import org.mesosim.workloads.trace.csv.CsvTraceReader;
import org.mesosim.workloads.trace.csv.CsvTraceWriter;

/**
 * Reads Alibaba cluster-trace-v2018 {@code batch_task} (schema: alibaba/clusterdata,
 * {@code cluster-trace-v2018/schema.txt}): {@code task_name, instance_num, job_name, task_type,
 * status, start_time, end_time, plan_cpu, plan_mem}; a header row is skipped when present.
 *
 * <p>A job ({@code job_name}) becomes one {@link JobSpec} submitted at the earliest
 * {@code start_time} of its tasks (the trace has no submit time). Each row becomes
 * {@code instance_num} tasks named {@code <task_name>-<i>} in group {@code <task_name>}, with
 * {@code plan_cpu / 100 * cpusPerCore} cpus and {@code plan_mem * memPerPercent} MB (an empty
 * value takes Mesos' minimum, 0.01 cpus or 32 MB), running {@code end_time - start_time} seconds.
 * DAG names ({@code J5_2_4}) give {@link TaskSpec#dependsOn()}: the groups of the same job with
 * those ids. Terminated ends FINISHED, Failed FAILED; Running rows run for the observed
 * {@code end - start} (forever when {@code end_time} is 0); Waiting rows (never started) are
 * dropped and counted, and a dependency on a dropped or absent task is ignored and counted, as is
 * one that closes a cycle ({@link DependencyCycles}: its tasks would wait for each other forever).
 *
 * <p>{@code batch_task} is grouped by job but not ordered by time, so this reader sorts: it holds
 * jobs' rows (compactly, not the text) and emits jobs by (submit time, first row). Beyond
 * {@code spillRows} held rows (default {@value #DEFAULT_SPILL_ROWS}) it sorts what it holds and
 * spills it as a temporary native-CSV run, then merges the runs while replaying (an external merge
 * sort): memory is bounded by {@code spillRows} rows plus one job per run. Spilling needs each
 * job's rows to be consecutive (as in Alibaba's file); otherwise it stops with a message.
 * {@link #origin()} is the earliest submit time, the time base the scenario replays from.
 */
public final class AlibabaBatchTaskReader implements Workload {
  private static final int NAME = 0;
  private static final int INSTANCES = 1;
  private static final int JOB = 2;
  private static final int TYPE = 3;
  private static final int STATUS = 4;
  private static final int START = 5;
  private static final int END = 6;
  private static final int CPU = 7;
  private static final int MEM = 8;

  private final ReaderSupport support;
  private final double cpusPerCore;
  private final double memPerPercent;
  private final List<JobRows> ordered;
  private int nextJob;
  private long origin = Long.MAX_VALUE;

  /** The rows of one job, as read. */
  private static final class JobRows {
    final String name;
    final long firstRow;
    final String taskType;
    final List<Row> rows = new ArrayList<>();
    long submit = Long.MAX_VALUE;

    JobRows(String name, long firstRow, String taskType) {
      this.name = name;
      this.firstRow = firstRow;
      this.taskType = taskType;
    }
  }

  private record Row(String task, int instances, byte status, long start, long end, double cpu, double mem) {}

  private static final byte TERMINATED = 0;
  private static final byte FAILED = 1;
  private static final byte RUNNING = 2;
  private static final byte WAITING = 3;
  private static final String[] STATUS_NAMES = {"Terminated", "Failed", "Running", "Waiting"};

  /** Rows held in memory before sorted runs are spilled to temporary files. */
  public static final long DEFAULT_SPILL_ROWS = 1_000_000;

  /** Skip reason: a dependency that closes a cycle of the job's DAG (its tasks would wait forever). */
  public static final String SKIP_CYCLE = "alibaba: dependency closing a cycle (ignored)";

  private final long spillRows;
  private final List<Path> runs = new ArrayList<>();
  private final LongLongMap spilledJobs = new LongLongMap();
  private Path spillDir;
  private List<CsvTraceReader> merging;
  private JobSpec[] heads;

  public AlibabaBatchTaskReader(List<Path> files, Map<String, Double> units, boolean skipMalformed) {
    this(files, units, skipMalformed, DEFAULT_SPILL_ROWS);
  }

  /**
   * @param spillRows rows held in memory at most: beyond, jobs are sorted and spilled to
   *     temporary native-CSV runs (deleted on close) that are merged while replaying
   */
  public AlibabaBatchTaskReader(List<Path> files, Map<String, Double> units, boolean skipMalformed, long spillRows) {
    Units.validate(TraceFormat.ALIBABA_2018, units);
    if (spillRows < 1) {
      throw new IllegalArgumentException("spillRows must be >= 1");
    }
    this.spillRows = spillRows;
    this.support = new ReaderSupport(skipMalformed);
    this.cpusPerCore = Units.get(TraceFormat.ALIBABA_2018, units, "cpusPerCore");
    this.memPerPercent = Units.get(TraceFormat.ALIBABA_2018, units, "memPerPercent");
    List<JobRows> read;
    try {
      read = readAll(files);
    } catch (RuntimeException e) {
      close(); // remove any temporary runs already written
      throw e;
    }
    this.ordered = read;
  }

  private List<JobRows> readAll(List<Path> files) {
    TreeMap<String, JobRows> jobs = new TreeMap<>();
    ByteInterner names = new ByteInterner();
    long rowNo = 0;
    long held = 0;
    try (TraceLines lines = new TraceLines(files)) {
      while (lines.next()) {
        if (lines.blank()) {
          continue;
        }
        int n = lines.split((byte) ',');
        if (lines.headerRow(n, "task_name")) {
          continue; // header row
        }
        support.row();
        rowNo++;
        try {
          if (n != 9) {
            throw new MalformedRowException("expected 9 comma-separated columns, found " + n);
          }
          String job = lines.stringField(JOB);
          if (job.isEmpty()) {
            throw new MalformedRowException("job_name is empty");
          }
          Row r = row(lines, names);
          if (!Double.isNaN(r.cpu)) {
            ReaderSupport.amount(r.cpu / 100.0 * cpusPerCore, "plan_cpu " + r.cpu + " × units", "cpus");
          }
          if (!Double.isNaN(r.mem)) {
            ReaderSupport.amount(r.mem * memPerPercent, "plan_mem " + r.mem + " × units", "MB");
          }
          JobRows jr = jobs.get(job);
          if (jr == null) {
            if (!runs.isEmpty() && spilledJobs.get(nameHash(job), 0) != 0) {
              throw lines.error("the rows of job " + job + " are not consecutive, and the input is too large to sort "
                  + "in memory: sort batch_task by job_name first (sort -t, -k3,3)");
            }
            if (held >= spillRows) {
              spill(jobs);
              held = 0;
              names = new ByteInterner();
            }
            jr = new JobRows(job, rowNo, lines.stringField(TYPE));
            jobs.put(job, jr);
          }
          jr.rows.add(r);
          held++;
          if (r.status != WAITING) {
            jr.submit = Math.min(jr.submit, r.start);
          }
        } catch (MalformedRowException e) {
          support.malformed(lines, e.getMessage());
        }
      }
    }
    if (!runs.isEmpty()) {
      spill(jobs);
      if (origin == Long.MAX_VALUE) {
        origin = 0;
      }
      return new ArrayList<>();
    }
    List<JobRows> out = sortable(jobs);
    if (origin == Long.MAX_VALUE) {
      origin = 0;
    }
    return out;
  }

  /** Jobs with a started task, sorted by (submit time, first row); updates the origin. */
  private List<JobRows> sortable(TreeMap<String, JobRows> jobs) {
    List<JobRows> out = new ArrayList<>();
    for (JobRows jr : jobs.values()) {
      if (jr.submit == Long.MAX_VALUE) {
        support.skip("alibaba: job with no started task (all Waiting)");
        support.skip("alibaba: Waiting task (never started; dropped)", jr.rows.size());
        continue;
      }
      origin = Math.min(origin, jr.submit);
      out.add(jr);
    }
    out.sort(Comparator.comparingLong((JobRows j) -> j.submit).thenComparingLong(j -> j.firstRow));
    return out;
  }

  /** Writes the held jobs, sorted, as one temporary run, and forgets them. */
  private void spill(TreeMap<String, JobRows> jobs) {
    try {
      if (spillDir == null) {
        spillDir = Files.createTempDirectory("mesosim-alibaba-");
      }
      Path run = spillDir.resolve("run-" + runs.size() + ".csv");
      try (CsvTraceWriter w = new CsvTraceWriter(run, List.of("job", "status", "task_type"))) {
        for (JobRows jr : sortable(jobs)) {
          JobSpec j = build(jr);
          if (j != null) {
            w.write(j);
          }
        }
      }
      for (String name : jobs.keySet()) {
        spilledJobs.put(nameHash(name), 1);
      }
      runs.add(run);
      jobs.clear();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a temporary sort run: " + e.getMessage(), e);
    }
  }

  private static long nameHash(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h == Long.MIN_VALUE ? 1 : h;
  }

  /** Temporary sorted runs written (0 when the input fitted in memory). */
  public int spilledRuns() {
    return runs.size();
  }

  private static Row row(TraceLines l, ByteInterner names) {
    String task = names.intern(l.buf(), l.fieldStart(NAME), l.fieldEnd(NAME));
    if (task.isEmpty()) {
      throw new MalformedRowException("task_name is empty");
    }
    byte status;
    byte[] b = l.buf();
    int s = l.fieldStart(STATUS);
    int e = l.fieldEnd(STATUS);
    if (Fields.equalsAscii(b, s, e, "Terminated")) {
      status = TERMINATED;
    } else if (Fields.equalsAscii(b, s, e, "Failed")) {
      status = FAILED;
    } else if (Fields.equalsAscii(b, s, e, "Running")) {
      status = RUNNING;
    } else if (Fields.equalsAscii(b, s, e, "Waiting")) {
      status = WAITING;
    } else {
      throw new MalformedRowException("status must be Terminated, Failed, Running or Waiting, not '" + Fields.text(b, s, e) + "'");
    }
    if (status == WAITING) {
      return new Row(task, 0, status, 0, 0, Double.NaN, Double.NaN);
    }
    long instanceNum = l.longField(INSTANCES, "instance_num");
    if (instanceNum < 1 || instanceNum > 1_000_000) { // checked before the cast: -4294967295 is no 1
      throw new MalformedRowException("instance_num must be 1..1000000, not " + instanceNum);
    }
    int instances = (int) instanceNum;
    long start = l.longField(START, "start_time");
    long end = l.longField(END, "end_time");
    if (start <= 0) {
      throw new MalformedRowException("start_time must be > 0 for a " + STATUS_NAMES[status] + " task");
    }
    if (end != 0 && end < start) {
      throw new MalformedRowException("end_time " + end + " is before start_time " + start);
    }
    if (end == 0 && status != RUNNING) {
      throw new MalformedRowException("end_time is 0 for a " + STATUS_NAMES[status] + " task");
    }
    double cpu = l.empty(CPU) ? Double.NaN : l.doubleField(CPU, "plan_cpu");
    double mem = l.empty(MEM) ? Double.NaN : l.doubleField(MEM, "plan_mem");
    if (cpu < 0 || mem < 0) {
      throw new MalformedRowException("plan_cpu and plan_mem must be >= 0");
    }
    return new Row(task, instances, status, ReaderSupport.micros(start, "start_time"),
        end == 0 ? -1 : ReaderSupport.micros(end, "end_time"), cpu, mem);
  }

  /** The earliest submit time of the input, in µs of trace time. */
  public long origin() {
    return origin;
  }

  @Override
  public JobSpec next() {
    if (!runs.isEmpty()) {
      return nextMerged();
    }
    while (nextJob < ordered.size()) {
      JobRows jr = ordered.get(nextJob);
      ordered.set(nextJob, null);
      nextJob++;
      JobSpec j = build(jr);
      if (j != null) {
        support.job();
        return j;
      }
    }
    return null;
  }

  private JobSpec build(JobRows jr) {
    TreeMap<Integer, String> groupById = new TreeMap<>();
    byte jobStatus = TERMINATED;
    boolean anyWaiting = false;
    for (Row r : jr.rows) {
      if (r.status == WAITING) {
        anyWaiting = true;
        continue;
      }
      DagName d = DagName.parse(r.task);
      if (d.isDag()) {
        groupById.putIfAbsent(d.id(), r.task);
      }
      if (r.status == FAILED) {
        jobStatus = FAILED;
      } else if (r.status == RUNNING && jobStatus != FAILED) {
        jobStatus = RUNNING;
      }
    }
    if (anyWaiting && jobStatus == TERMINATED) {
      jobStatus = WAITING;
    }
    // the groups each row waits for (null for Waiting rows), and the graph they form
    List<List<String>> rowDeps = new ArrayList<>(jr.rows.size());
    LinkedHashMap<String, List<String>> graph = new LinkedHashMap<>();
    for (Row r : jr.rows) {
      if (r.status == WAITING) {
        rowDeps.add(null);
        continue;
      }
      List<String> deps = new ArrayList<>();
      for (int dep : DagName.parse(r.task).dependsOn()) {
        String g = groupById.get(dep);
        if (g == null) {
          support.skip("alibaba: dependency on a task absent or dropped (ignored)");
        } else if (!g.equals(r.task) && !deps.contains(g)) {
          deps.add(g);
        }
      }
      rowDeps.add(deps);
      List<String> edges = graph.computeIfAbsent(r.task, k -> new ArrayList<>());
      for (String g : deps) {
        if (!edges.contains(g)) {
          edges.add(g);
        }
      }
    }
    // names such as M5_…_1 with R1_5 wait for each other (13 jobs of the sample): drop the
    // dependency that closes each cycle, or its tasks would never start
    TreeMap<String, List<String>> cyclic = new TreeMap<>();
    for (List<String> c : DependencyCycles.backEdges(graph)) {
      cyclic.computeIfAbsent(c.get(c.size() - 2), k -> new ArrayList<>()).add(c.get(c.size() - 1));
    }
    List<TaskSpec> tasks = new ArrayList<>();
    TreeMap<String, Boolean> seenGroups = new TreeMap<>();
    for (int k = 0; k < jr.rows.size(); k++) {
      Row r = jr.rows.get(k);
      if (r.status == WAITING) {
        support.skip("alibaba: Waiting task (never started; dropped)");
        continue;
      }
      int dup = 0;
      if (seenGroups.put(r.task, Boolean.TRUE) != null) {
        support.skip("alibaba: task name repeated in its job (rows kept, names suffixed)");
        for (TaskSpec t : tasks) {
          if (t.group().equals(r.task)) {
            dup++;
          }
        }
      }
      List<String> deps = rowDeps.get(k);
      List<String> dropped = cyclic.get(r.task);
      if (dropped != null) {
        for (String g : dropped) {
          if (deps.remove(g)) {
            support.skip(SKIP_CYCLE);
          }
        }
      }
      long[] milli = new long[ResourceNames.MEM + 1];
      milli[ResourceNames.CPUS] = Double.isNaN(r.cpu) ? Resources.toMilli("cpus", ReaderSupport.MIN_CPUS)
          : Resources.toMilli("cpus", r.cpu / 100.0 * cpusPerCore);
      milli[ResourceNames.MEM] = Double.isNaN(r.mem) ? Resources.toMilli("mem", ReaderSupport.MIN_MEM)
          : Resources.toMilli("mem", r.mem * memPerPercent);
      if (milli[0] == 0 && milli[1] == 0) {
        milli[0] = Resources.toMilli("cpus", ReaderSupport.MIN_CPUS);
      }
      Resources res = Resources.ofMilli(milli);
      long duration = r.end < 0 ? SimTime.NEVER : r.end - r.start;
      TaskOutcome out = r.status == FAILED ? TaskOutcome.FAILED : TaskOutcome.FINISHED;
      String prefix = r.task + "-";
      for (int i = 0; i < r.instances; i++) {
        tasks.add(new TaskSpec(prefix + (dup + i), r.task, res, duration, out, 0.0, deps));
      }
    }
    if (tasks.isEmpty()) {
      support.skip("alibaba: job with no started task (all Waiting)");
      return null;
    }
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("job", jr.name);
    fields.put("status", STATUS_NAMES[jobStatus]);
    fields.put("task_type", jr.taskType);
    return new JobSpec(jr.name, jr.submit, tasks, fields);
  }

  /** k-way merge of the sorted runs by (submit time, run): runs are in file order. */
  private JobSpec nextMerged() {
    if (merging == null) {
      merging = new ArrayList<>();
      heads = new JobSpec[runs.size()];
      for (int i = 0; i < runs.size(); i++) {
        CsvTraceReader r = new CsvTraceReader(List.of(runs.get(i)), Map.of(), false);
        merging.add(r);
        heads[i] = r.next();
      }
    }
    int best = -1;
    for (int i = 0; i < heads.length; i++) {
      if (heads[i] != null && (best < 0 || heads[i].submitTime() < heads[best].submitTime())) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    JobSpec j = heads[best];
    heads[best] = merging.get(best).next();
    support.job();
    return j;
  }

  @Override
  public WorkloadStats stats() {
    return support.stats();
  }

  @Override
  public void close() {
    if (merging != null) {
      for (CsvTraceReader r : merging) {
        r.close();
      }
    }
    try {
      for (Path p : runs) {
        Files.deleteIfExists(p);
      }
      if (spillDir != null) {
        Files.deleteIfExists(spillDir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
