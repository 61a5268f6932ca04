package org.mesosim.workloads.trace.swf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.mesosim.workloads.trace.TaskNames;
import org.mesosim.workloads.trace.TraceLines;
import org.mesosim.workloads.trace.Units;

/**
 * Reads Standard Workload Format 2.2 (Feitelson et al., Parallel Workloads Archive,
 * https://www.cs.huji.ac.il/labs/parallel/workload/swf.html): {@code ;} header lines, then one
 * job per line of 18 blank-separated fields, -1 meaning unknown.
 *
 * <p>A job becomes one {@link JobSpec} (id = the job number, submitted at field 2 seconds) of N
 * tasks, N = allocated processors (field 5; requested processors, field 8, when -1). Each task has
 * {@code cpusPerProcessor} cpus and the job's memory per processor in MB (requested memory, field
 * 10, else used memory, field 7, in KB / 1024; else {@code memPerProcessor} MB), and runs for the
 * run time (field 4). Status 1 ends the tasks FINISHED, 0 FAILED, 5 KILLED; -1 and the partial-run
 * codes 2, 3, 4 end FINISHED. Jobs with a negative run time, no processors or empty resources are
 * skipped and counted. A job number an earlier job had is malformed. Memory held: one line, one job
 * and the set of job numbers read ({@link org.mesosim.workloads.trace.JobIds}).
 */
public final class SwfReader implements Workload {
  /** Field indexes (0-based) of the 18 SWF fields used here. */
  static final int JOB = 0;
  static final int SUBMIT = 1;
  static final int RUN = 3;
  static final int ALLOC_PROCS = 4;
  static final int USED_MEM = 6;
  static final int REQ_PROCS = 7;
  static final int REQ_MEM = 9;
  static final int STATUS = 10;
  static final int USER = 11;
  static final int GROUP = 12;
  static final int EXECUTABLE = 13;
  static final int QUEUE = 14;
  static final int PARTITION = 15;

  private final TraceLines lines;
  private final ReaderSupport support;
  private final double cpusPerProcessor;
  private final double memPerProcessor;
  private final ByteInterner interner = new ByteInterner();
  private final org.mesosim.workloads.trace.JobIds jobIds = new org.mesosim.workloads.trace.JobIds();
  private long lastSubmit = Long.MIN_VALUE;
  private boolean done;

  public SwfReader(List<Path> files, Map<String, Double> units, boolean skipMalformed) {
    Units.validate(TraceFormat.SWF, units);
    this.lines = new TraceLines(files);
    this.support = new ReaderSupport(skipMalformed);
    this.cpusPerProcessor = Units.get(TraceFormat.SWF, units, "cpusPerProcessor");
    this.memPerProcessor = Units.get(TraceFormat.SWF, units, "memPerProcessor");
  }

  @Override
  public JobSpec next() {
    while (!done) {
      if (!lines.next()) {
        done = true;
        lines.close();
        return null;
      }
      if (lines.firstByte() == ';' || lines.blank()) {
        continue;
      }
      int n = lines.splitWhitespace();
      if (n > 0 && lines.buf()[lines.fieldStart(0)] == ';') {
        continue; // indented comment
      }
      support.row();
      try {
        if (n != 18) {
          throw new MalformedRowException("expected 18 fields, found " + n);
        }
        JobSpec j = parse();
        if (j != null) {
          support.job();
          return j;
        }
      } catch (MalformedRowException e) {
        support.malformed(lines, e.getMessage());
      } catch (IllegalArgumentException e) {
        support.malformed(lines, e.getMessage());
      }
    }
    return null;
  }

  /** Reads only the rows, for throughput measurements: returns rows read. */
  public long scanRowsOnly() {
    long rows = 0;
    while (lines.next()) {
      if (lines.firstByte() == ';') {
        continue;
      }
      if (lines.splitWhitespace() == 18) {
        rows++;
      }
    }
    return rows;
  }

  private JobSpec parse() {
    long submit = ReaderSupport.micros(lines.doubleField(SUBMIT, "submit time"), "submit time");
    if (submit < 0) {
      throw new MalformedRowException("submit time must be >= 0");
    }
    if (submit < lastSubmit) {
      throw new MalformedRowException("submit time goes backwards (SWF jobs are in submit order)");
    }
    lastSubmit = submit;
    double run = lines.doubleField(RUN, "run time");
    long procs = Math.round(lines.doubleField(ALLOC_PROCS, "allocated processors"));
    if (procs < 0) {
      procs = Math.round(lines.doubleField(REQ_PROCS, "requested processors"));
    }
    long status = lines.longField(STATUS, "status");
    if (status < -1 || status > 5) { // checked before the cast: 4294967297 is no 1
      throw new MalformedRowException("status must be -1, 0, 1, 2, 3, 4 or 5, not " + status);
    }
    TaskOutcome outcome = switch ((int) status) {
      case 0 -> TaskOutcome.FAILED;
      case 5 -> TaskOutcome.KILLED;
      default -> TaskOutcome.FINISHED; // 1, and -1 and the partial-run codes 2, 3, 4
    };
    if (run < 0) {
      support.skip("swf: negative (unknown) run time");
      return null;
    }
    if (procs <= 0) {
      support.skip("swf: no processors");
      return null;
    }
    double memKb = lines.doubleField(REQ_MEM, "requested memory");
    String memField = "requested memory";
    if (memKb < 0) {
      memKb = lines.doubleField(USED_MEM, "used memory");
      memField = "used memory";
    }
    double memMb = memKb < 0 ? memPerProcessor : ReaderSupport.amount(memKb / 1024.0, memField, "MB");
    long[] milli = new long[ResourceNames.MEM + 1];
    milli[ResourceNames.CPUS] = Resources.toMilli("cpus", cpusPerProcessor);
    milli[ResourceNames.MEM] = Resources.toMilli("mem", memMb);
    Resources r = Resources.ofMilli(milli);
    if (r.isEmpty()) {
      support.skip("swf: empty task resources (cpusPerProcessor and memory are 0)");
      return null;
    }
    if (procs > 1_000_000) {
      throw new MalformedRowException("processors out of range: " + procs);
    }
    long duration = ReaderSupport.micros(run, "run time");
    String id = lines.stringField(JOB);
    if (!jobIds.firstSight(id)) {
      throw new MalformedRowException("job number " + id + " repeated: an earlier row is that job (SWF job numbers"
          + " are unique; two jobs with one id would run tasks with one task id)");
    }
    List<TaskSpec> tasks = new ArrayList<>((int) procs);
    for (int i = 0; i < procs; i++) {
      tasks.add(new TaskSpec(TaskNames.of(i), "", r, duration, outcome, 0.0, List.of()));
    }
    TreeMap<String, String> fields = new TreeMap<>();
    fields.put("user", field(USER));
    fields.put("group", field(GROUP));
    fields.put("executable", field(EXECUTABLE));
    fields.put("queue", field(QUEUE));
    fields.put("partition", field(PARTITION));
    fields.put("status", field(STATUS));
    return new JobSpec(id, submit, tasks, fields);
  }

  private String field(int i) {
    return interner.intern(lines.buf(), lines.fieldStart(i), lines.fieldEnd(i));
  }

  @Override
  public WorkloadStats stats() {
    return support.stats();
  }

  @Override
  public void close() {
    lines.close();
  }
}
