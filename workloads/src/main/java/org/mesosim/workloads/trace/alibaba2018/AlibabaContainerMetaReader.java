package org.mesosim.workloads.trace.alibaba2018;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
import org.mesosim.workloads.trace.MalformedRowException;
import org.mesosim.workloads.trace.ReaderSupport;
import org.mesosim.workloads.trace.TraceLines;
import org.mesosim.workloads.trace.Units;

/**
 * Reads Alibaba cluster-trace-v2018 {@code container_meta} (schema: alibaba/clusterdata,
 * {@code cluster-trace-v2018/schema.txt}, "container meta", whose column order is the file's):
 * {@code container_id, machine_id, time_stamp, app_du, status, cpu_request, cpu_limit, mem_size}.
 * The published files have no header; a header row starting {@code container_id} is skipped.
 *
 * <p>A container ({@code container_id}, with one row per observed event) is one task of the
 * online services, which Sigma places and which run for the whole trace: it is submitted at its
 * earliest {@code time_stamp} (0, "before or after the 8-day span", is the trace's start) with the
 * requests of that row, {@code cpu_request / 100 × cpusPerCore} cpus and {@code mem_size ×
 * memPerPercent} MB, and runs forever: the table publishes no end event, and the meaning of its
 * status values is not published either, so {@code status} is a field to filter on, not an
 * outcome. {@code cpu_limit} is not used (Mesos offers and launches requests). The invalid
 * values the schema documents (-1 or 101 in normalised columns) take Mesos' minimum, counted;
 * later rows that change a container's requests are counted and ignored.
 *
 * <p>The containers of one {@code app_du} (deploy unit) first seen at the same second with the
 * same first status form one job, id {@code <app_du>@<seconds>} (with {@code ~<status>} when
 * another status shares both), tasks named by {@code container_id} in the order of their first
 * row. The table is not ordered by time, so the reader reads it whole (one small record per
 * container, about 71,000 in the trace) and emits jobs by (submit time, app_du, status). Time
 * base: the trace's own 0, as the schema defines it.
 */
public final class AlibabaContainerMetaReader implements Workload {
  private static final int ID = 0;
  private static final int TIME = 2;
  private static final int APP = 3;
  private static final int STATUS = 4;
  private static final int CPU = 5;
  private static final int LIMIT = 6;
  private static final int MEM = 7;

  /** Skip reason: a documented invalid value (-1 or 101) in a request column. */
  public static final String SKIP_INVALID = "alibaba-2018-containers: invalid request value -1 or 101 (Mesos minimum used)";
  /** Skip reason: a later row of a container with other requests than its first. */
  public static final String SKIP_CHANGED = "alibaba-2018-containers: requests changed after the first row (first kept)";
  /** Skip reason: rows after a container's first (its events; the container is already a task). */
  public static final String SKIP_LATER_ROWS = "alibaba-2018-containers: later row of a container (event; not a new task)";

  private final ReaderSupport support;
  private final double cpusPerCore;
  private final double memPerPercent;
  private final List<JobSpec> jobs = new ArrayList<>();
  private int next;

  /** One container as first seen. */
  private static final class Container {
    final String id;
    final long order;
    long time;
    String app;
    String status;
    double cpu;
    double mem;

    Container(String id, long order) {
      this.id = id;
      this.order = order;
    }
  }

  public AlibabaContainerMetaReader(List<Path> files, Map<String, Double> units, boolean skipMalformed) {
    Units.validate(TraceFormat.ALIBABA_2018_CONTAINERS, units);
    this.support = new ReaderSupport(skipMalformed);
    this.cpusPerCore = Units.get(TraceFormat.ALIBABA_2018_CONTAINERS, units, "cpusPerCore");
    this.memPerPercent = Units.get(TraceFormat.ALIBABA_2018_CONTAINERS, units, "memPerPercent");
    build(read(files));
  }

  private List<Container> read(List<Path> files) {
    HashMap<String, Container> byId = new HashMap<>(); // looked up only; output order is sorted below
    List<Container> all = new ArrayList<>();
    ByteInterner strings = new ByteInterner();
    try (TraceLines lines = new TraceLines(files)) {
      while (lines.next()) {
        if (lines.blank()) {
          continue;
        }
        int n = lines.split((byte) ',');
        if (lines.headerRow(n, "container_id")) {
          continue; // header row
        }
        support.row();
        try {
          if (n != 8) {
            throw new MalformedRowException("expected 8 comma-separated columns (container_id, machine_id, time_stamp,"
                + " app_du, status, cpu_request, cpu_limit, mem_size), found " + n);
          }
          String id = lines.stringField(ID);
          if (id.isEmpty()) {
            throw new MalformedRowException("container_id is empty");
          }
          long t = lines.longField(TIME, "time_stamp");
          if (t < 0) {
            throw new MalformedRowException("time_stamp must be >= 0, not " + t);
          }
          long time = ReaderSupport.micros(t, "time_stamp");
          String app = strings.intern(lines.buf(), lines.fieldStart(APP), lines.fieldEnd(APP));
          if (app.isEmpty()) {
            throw new MalformedRowException("app_du is empty");
          }
          String status = strings.intern(lines.buf(), lines.fieldStart(STATUS), lines.fieldEnd(STATUS));
          double cpu = request(lines, CPU, "cpu_request", cpusPerCore / 100.0, "cpus", false);
          if (!lines.empty(LIMIT)) {
            lines.doubleField(LIMIT, "cpu_limit"); // not used, but a non-number is malformed
          }
          double mem = request(lines, MEM, "mem_size", memPerPercent, "MB", true);
          Container c = byId.get(id);
          if (c == null) {
            c = new Container(id, all.size());
            byId.put(id, c);
            all.add(c);
            set(c, time, app, status, cpu, mem);
          } else {
            support.skip(SKIP_LATER_ROWS);
            if (time < c.time) { // an earlier row read later: it is the first
              if (!same(cpu, c.cpu) || !same(mem, c.mem)) {
                support.skip(SKIP_CHANGED);
              }
              set(c, time, app, status, cpu, mem);
            } else if (!same(cpu, c.cpu) || !same(mem, c.mem)) {
              support.skip(SKIP_CHANGED);
            }
          }
        } catch (MalformedRowException e) {
          support.malformed(lines, e.getMessage());
        }
      }
    }
    return all;
  }

  private static void set(Container c, long time, String app, String status, double cpu, double mem) {
    c.time = time;
    c.app = app;
    c.status = status;
    c.cpu = cpu;
    c.mem = mem;
  }

  private static boolean same(double a, double b) {
    return Double.compare(a, b) == 0;
  }

  /** A request column: NaN when empty or a documented invalid value (-1, or 101 when normalised). */
  private double request(TraceLines l, int col, String name, double unit, String resource, boolean normalised) {
    if (l.empty(col)) {
      return Double.NaN;
    }
    double v = l.doubleField(col, name);
    if (v == -1 || (normalised && v == 101)) {
      support.skip(SKIP_INVALID);
      return Double.NaN;
    }
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new MalformedRowException(name + " must be >= 0 (or the invalid marker -1), not " + v);
    }
    ReaderSupport.amount(v * unit, name + " " + v + " × units", resource);
    return v;
  }

  private void build(List<Container> all) {
    all.sort(Comparator.comparingLong((Container c) -> c.time).thenComparing(c -> c.app)
        .thenComparing(c -> c.status).thenComparingLong(c -> c.order));
    int i = 0;
    while (i < all.size()) {
      Container f = all.get(i);
      int j = i;
      List<TaskSpec> tasks = new ArrayList<>();
      while (j < all.size() && all.get(j).time == f.time && all.get(j).app.equals(f.app)
          && all.get(j).status.equals(f.status)) {
        tasks.add(task(all.get(j)));
        j++;
      }
      boolean shared = (i > 0 && all.get(i - 1).time == f.time && all.get(i - 1).app.equals(f.app))
          || (j < all.size() && all.get(j).time == f.time && all.get(j).app.equals(f.app));
      TreeMap<String, String> fields = new TreeMap<>();
      fields.put("app_du", f.app);
      fields.put("status", f.status);
      String id = f.app + "@" + (f.time / SimTime.SECOND) + (shared ? "~" + f.status : "");
      jobs.add(new JobSpec(id, f.time, tasks, fields));
      i = j;
    }
  }

  private TaskSpec task(Container c) {
    long[] milli = new long[ResourceNames.MEM + 1];
    milli[ResourceNames.CPUS] = Double.isNaN(c.cpu) ? Resources.toMilli("cpus", ReaderSupport.MIN_CPUS)
        : Resources.toMilli("cpus", c.cpu / 100.0 * cpusPerCore);
    milli[ResourceNames.MEM] = Double.isNaN(c.mem) ? Resources.toMilli("mem", ReaderSupport.MIN_MEM)
        : Resources.toMilli("mem", c.mem * memPerPercent);
    if (milli[ResourceNames.CPUS] == 0 && milli[ResourceNames.MEM] == 0) {
      milli[ResourceNames.CPUS] = Resources.toMilli("cpus", ReaderSupport.MIN_CPUS);
    }
    return new TaskSpec(c.id, "", Resources.ofMilli(milli), SimTime.NEVER, TaskOutcome.FINISHED, 0.0, List.of());
  }

  @Override
  public JobSpec next() {
    if (next >= jobs.size()) {
      return null;
    }
    JobSpec j = jobs.get(next);
    jobs.set(next, null);
    next++;
    support.job();
    return j;
  }

  @Override
  public WorkloadStats stats() {
    return support.stats();
  }

  @Override
  public void close() {}
}
