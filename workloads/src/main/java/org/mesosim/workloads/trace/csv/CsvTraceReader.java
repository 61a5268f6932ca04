package org.mesosim.workloads.trace.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.mesosim.workloads.trace.DependencyCycles;
import org.mesosim.workloads.trace.Fields;
import org.mesosim.workloads.trace.MalformedRowException;
import org.mesosim.workloads.trace.ReaderSupport;
import org.mesosim.workloads.trace.TraceLines;
import org.mesosim.workloads.trace.Units;

/**
 * Reads the native CSV format ({@link CsvTraceFormat}): consecutive rows with the same job id
 * form one job; a job id that comes back after another job is malformed (its rows are, each one
 * counted with {@code skipMalformed}): job ids are unique. Memory: one job and the set of job ids
 * read ({@link org.mesosim.workloads.trace.JobIds}).
 */
public final class CsvTraceReader implements Workload {
  private static final int FIXED = CsvTraceFormat.COLUMNS.size();
  private final TraceLines lines;
  private final ReaderSupport support;
  private List<String> fieldNames;
  private String headerFile;
  private long lastSubmit = Long.MIN_VALUE;
  private boolean done;
  private final org.mesosim.workloads.trace.JobIds jobIds = new org.mesosim.workloads.trace.JobIds();

  // the first task of the next job, read ahead
  private String pendingJob;
  private long pendingSubmit;
  private TaskSpec pendingTask;
  private TreeMap<String, String> pendingFields;

  public CsvTraceReader(List<Path> files, Map<String, Double> units, boolean skipMalformed) {
    Units.validate(TraceFormat.CSV, units);
    this.lines = new TraceLines(files);
    this.support = new ReaderSupport(skipMalformed);
  }

  /** The field columns of the header (after reading has started; empty before). */
  public List<String> fieldNames() {
    return fieldNames == null ? List.of() : fieldNames;
  }

  /** The field columns of a file's header. */
  public static List<String> readFieldNames(List<Path> files) {
    try (CsvTraceReader r = new CsvTraceReader(files, Map.of(), true)) {
      r.advance();
      return r.fieldNames();
    }
  }

  @Override
  public JobSpec next() {
    while (true) {
      if (pendingTask == null && !done) {
        advance();
      }
      if (pendingTask == null) {
        return null;
      }
      String job = pendingJob;
      long submit = pendingSubmit;
      String file = lines.file();
      long line = lines.line();
      if (!jobIds.firstSight(job)) {
        // two jobs with one id would run tasks with one task id: refused (each of its rows counted)
        pendingTask = null;
        support.malformed(file, line, "job " + job + " comes back after another job (job ids are unique and"
            + " a job's rows consecutive)");
        while (!done) {
          advance();
          if (pendingTask == null || !pendingJob.equals(job)) {
            break;
          }
          support.malformed(lines, "job " + job + " comes back after another job (job ids are unique and a job's"
              + " rows consecutive)");
          pendingTask = null;
        }
        continue;
      }
      TreeMap<String, String> fields = pendingFields;
      List<TaskSpec> tasks = new ArrayList<>();
      tasks.add(pendingTask);
      HashSet<String> names = new HashSet<>(); // lookups only
      names.add(pendingTask.name());
      pendingTask = null;
      while (!done) {
        advance();
        if (pendingTask == null) {
          break;
        }
        if (!pendingJob.equals(job)) {
          break;
        }
        if (pendingSubmit != submit) {
          support.malformed(lines, "job " + job + ": submit_us differs from the job's first row (" + submit + ")");
          pendingTask = null;
          continue;
        }
        if (!names.add(pendingTask.name())) { // the model knows a job's tasks by name: one would be lost
          support.malformed(lines, "job " + job + ": task " + pendingTask.name() + " repeated (task names are unique in a job)");
          pendingTask = null;
          continue;
        }
        tasks.add(pendingTask);
        pendingTask = null;
      }
      String cycle = dependencyCycle(tasks);
      if (cycle != null) { // its tasks would wait for each other forever: skipped as one malformed row
        support.malformed(file, line, "job " + job + ": its tasks' dependencies form a cycle (" + cycle + ")");
        continue;
      }
      countAbsentDependencies(tasks);
      support.job();
      return new JobSpec(job, submit, tasks, fields);
    }
  }

  /** Skip reason: a {@code depends} group the job has no task of (a typo?); the model ignores it. */
  public static final String SKIP_ABSENT_DEPENDENCY = "csv: dependency on a group its job does not have (ignored)";

  /**
   * Counts each dependency on a group the job has no task of, as the Alibaba reader counts its
   * absent ones: the model treats such a dependency as met, so {@code trace inspect} should show it.
   */
  private void countAbsentDependencies(List<TaskSpec> tasks) {
    java.util.TreeSet<String> groups = null;
    for (TaskSpec t : tasks) {
      for (String g : t.dependsOn()) {
        if (groups == null) {
          groups = new java.util.TreeSet<>();
          for (TaskSpec u : tasks) {
            groups.add(u.group());
          }
        }
        if (!groups.contains(g)) {
          support.skip(SKIP_ABSENT_DEPENDENCY);
        }
      }
    }
  }

  /** The first cycle among the groups the job's tasks depend on ({@code a -> b -> a}), or null. */
  private static String dependencyCycle(List<TaskSpec> tasks) {
    LinkedHashMap<String, List<String>> graph = null;
    for (TaskSpec t : tasks) {
      if (!t.dependsOn().isEmpty()) {
        if (graph == null) {
          graph = new LinkedHashMap<>();
        }
        List<String> edges = graph.computeIfAbsent(t.group(), g -> new ArrayList<>());
        for (String g : t.dependsOn()) {
          if (!edges.contains(g)) {
            edges.add(g);
          }
        }
      }
    }
    if (graph == null) {
      return null;
    }
    List<List<String>> cycles = DependencyCycles.backEdges(graph);
    return cycles.isEmpty() ? null : String.join(" -> ", cycles.get(0));
  }

  /** Reads rows until one task is pending or the input ends. */
  private void advance() {
    while (lines.next()) {
      if (lines.blank()) {
        continue;
      }
      if (lines.line() == 1) {
        header();
        continue;
      }
      if (fieldNames == null) {
        throw lines.error("missing header line (expected it first in the file)");
      }
      support.row();
      try {
        row();
        return;
      } catch (MalformedRowException e) {
        support.malformed(lines, e.getMessage());
      } catch (IllegalArgumentException e) {
        support.malformed(lines, e.getMessage());
      }
    }
    done = true;
    lines.close();
  }

  private void header() {
    int n = lines.split((byte) ',');
    for (int i = 0; i < FIXED; i++) {
      if (i >= n || !Fields.equalsAscii(lines.buf(), lines.fieldStart(i), lines.fieldEnd(i), CsvTraceFormat.COLUMNS.get(i))) {
        throw lines.error("not a mesosim csv trace: the header must start with " + String.join(",", CsvTraceFormat.COLUMNS));
      }
    }
    if (n > lines.fieldCount()) {
      throw lines.error("too many columns");
    }
    List<String> names = new ArrayList<>();
    for (int i = FIXED; i < n; i++) {
      String f = CsvTraceFormat.decode(lines.utf8Field(i));
      if (f.isEmpty()) {
        throw lines.error("header: empty field name in column " + (i + 1));
      }
      if (names.contains(f)) { // a job keeps one value per field: the other column would be lost
        throw lines.error("header: field '" + f + "' in columns " + (FIXED + names.indexOf(f) + 1) + " and " + (i + 1));
      }
      names.add(f);
    }
    if (fieldNames != null && !fieldNames.equals(names)) {
      throw lines.error("header differs from " + headerFile + "'s");
    }
    fieldNames = List.copyOf(names);
    headerFile = lines.file();
  }

  private void row() {
    int n = lines.split((byte) ',');
    int expected = FIXED + fieldNames.size();
    if (n != expected) {
      throw new MalformedRowException("expected " + expected + " columns, found " + n);
    }
    String job = text(0);
    if (job.isEmpty()) {
      throw new MalformedRowException("job is empty");
    }
    long submit = lines.longField(1, "submit_us");
    if (submit < 0 || submit == SimTime.NEVER) { // NEVER: the job would never arrive
      throw new MalformedRowException("submit_us must be >= 0 and < " + SimTime.NEVER);
    }
    if (submit < lastSubmit) {
      throw new MalformedRowException("submit_us goes backwards (" + submit + " after " + lastSubmit + ")");
    }
    String task = text(2);
    String group = text(3);
    long[] milli = new long[ResourceNames.GPUS + 1];
    String[] names = {"cpus", "mem", "disk", "gpus"};
    for (int i = 0; i < 4; i++) {
      if (!lines.empty(4 + i)) {
        double v = lines.doubleField(4 + i, names[i]);
        if (!(v >= 0)) {
          throw new MalformedRowException(names[i] + " must be >= 0");
        }
        if (Math.rint(v * Resources.SCALE) != v * Resources.SCALE && moreThanThousandths(4 + i)) {
          // Mesos keeps thousandths (fixed point): 0.0004 cpus would be rounded away silently
          throw new MalformedRowException(names[i] + " " + lines.utf8Field(4 + i) + " has more than 3 decimals"
              + " (amounts are kept in thousandths, as in Mesos)");
        }
        milli[i] = Resources.toMilli(names[i], ReaderSupport.amount(v, names[i], names[i]));
      }
    }
    long duration;
    if (Fields.equalsAscii(lines.buf(), lines.fieldStart(8), lines.fieldEnd(8), "forever")) {
      duration = SimTime.NEVER;
    } else {
      duration = lines.longField(8, "duration_us");
      if (duration < 0) {
        throw new MalformedRowException("duration_us must be >= 0 or forever");
      }
    }
    String oc = lines.stringField(9);
    TaskOutcome outcome;
    double p = 0;
    if (oc.startsWith("SAMPLED:")) {
      outcome = TaskOutcome.SAMPLED;
      p = Fields.parseDouble(lines.buf(), lines.fieldStart(9) + 8, lines.fieldEnd(9), "outcome's failure probability");
    } else {
      outcome = switch (oc) { // not valueOf: a bare SAMPLED would fail with probability 0
        case "FINISHED" -> TaskOutcome.FINISHED;
        case "FAILED" -> TaskOutcome.FAILED;
        case "KILLED" -> TaskOutcome.KILLED;
        case "LOST" -> TaskOutcome.LOST;
        default -> throw new MalformedRowException(
            "outcome must be FINISHED, FAILED, KILLED, LOST or SAMPLED:p, not '" + oc + "'");
      };
    }
    List<String> deps = new ArrayList<>();
    String d = lines.utf8Field(10);
    if (!d.isEmpty()) {
      for (String g : d.split(";", -1)) {
        deps.add(CsvTraceFormat.decode(g));
      }
    }
    TreeMap<String, String> fields = null;
    if (pendingTask == null && (pendingJob == null || !pendingJob.equals(job))) {
      fields = new TreeMap<>();
      for (int i = 0; i < fieldNames.size(); i++) {
        String v = text(FIXED + i);
        if (!v.isEmpty()) {
          fields.put(fieldNames.get(i), v);
        }
      }
    }
    TaskSpec t = new TaskSpec(task, group, Resources.ofMilli(milli), duration, outcome, p, deps);
    lastSubmit = submit;
    pendingJob = job;
    pendingSubmit = submit;
    pendingTask = t;
    if (fields != null) {
      pendingFields = fields;
    }
  }

  /** True if field {@code i}, as written, has a non-zero digit beyond the thousandths. */
  private boolean moreThanThousandths(int i) {
    try {
      return new java.math.BigDecimal(lines.utf8Field(i).strip()).stripTrailingZeros().scale() > 3;
    } catch (NumberFormatException e) {
      return false; // parsed as a double already (NaN and such were refused there)
    }
  }

  private String text(int i) {
    return CsvTraceFormat.decode(lines.utf8Field(i));
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
