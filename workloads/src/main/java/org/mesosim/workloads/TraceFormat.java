package org.mesosim.workloads;

import java.util.List;
import java.util.Optional;

/**
 * The registry of trace formats: one constant per format, each read by its own package
 * ({@code workloads.trace.swf}, {@code .google2011} (also google-2019, through its {@code EventLayout}),
 * {@code .alibaba2018} (batch_task and container_meta), {@code .csv}). The
 * mapping rules are in docs/workloads.md ("Trace formats").
 */
public enum TraceFormat {
  /** Standard Workload Format 2.2 (Parallel Workloads Archive). */
  SWF("swf", "Standard Workload Format 2.2 (Parallel Workloads Archive): one job per line, N processors = N tasks",
      List.of("user", "group", "executable", "queue", "partition", "status"),
      List.of("cpusPerProcessor", "memPerProcessor"), new double[] {1.0, 0.0}),
  /** Google clusterdata-2011-2 task_events. */
  GOOGLE_2011("google-2011", "Google cluster-data 2011 task_events: each task episode (SUBMIT..end) is a task; episodes of a trace"
      + " job submitted at the same instant form one job",
      List.of("user", "priority", "class", "band", "job"),
      List.of("cpus", "mem", "disk", "lookahead"), new double[] {32.0, 65536.0, 0.0, 300.0}),
  /** Google clusterdata-2019 instance_events, exported from BigQuery as CSV with a header. */
  GOOGLE_2019("google-2019", "Google cluster-data 2019 instance_events (CSV export with a header): the google-2011 episode"
      + " rules on the 2019 event types; alloc set instances skipped",
      List.of("priority", "class", "band", "job"),
      List.of("cpus", "mem", "lookahead"), new double[] {32.0, 65536.0, 300.0}),
  /** Alibaba cluster-trace-v2018 batch_task. */
  ALIBABA_2018("alibaba-2018", "Alibaba cluster-trace-v2018 batch_task: DAG jobs, instance_num instances per task",
      List.of("job", "status", "task_type"),
      List.of("cpusPerCore", "memPerPercent"), new double[] {1.0, 1024.0}),
  /** Alibaba cluster-trace-v2018 container_meta (the online services' containers). */
  ALIBABA_2018_CONTAINERS("alibaba-2018-containers", "Alibaba cluster-trace-v2018 container_meta: each container a"
      + " long-running task; containers of one app_du first seen at the same time form one job",
      List.of("app_du", "status"),
      List.of("cpusPerCore", "memPerPercent"), new double[] {1.0, 1024.0}),
  /** mesosim's native time-ordered CSV, what {@code mesosim trace convert} writes. */
  CSV("csv", "mesosim native CSV (what `mesosim trace convert` writes): one task per row, runtimes resolved",
      List.of("app_du", "band", "class", "executable", "group", "job", "partition", "priority", "queue", "status", "task_type",
          "user"),
      List.of(), new double[0]);

  private final String id;
  private final String description;
  private final List<String> fields;
  private final List<String> unitKeys;
  private final double[] unitDefaults;

  TraceFormat(String id, String description, List<String> fields, List<String> unitKeys, double[] unitDefaults) {
    this.id = id;
    this.description = description;
    this.fields = fields;
    this.unitKeys = unitKeys;
    this.unitDefaults = unitDefaults;
  }

  /** The name used in scenarios ({@code format: google-2011}). */
  public String id() {
    return id;
  }

  /** One line for {@code mesosim list formats}. */
  public String description() {
    return description;
  }

  /**
   * Fields a job carries, for {@code filter} and {@code splitBy}. For CSV: the fields any converted
   * trace can carry (a file has those of the trace it came from, as its header says; a field the
   * file lacks never matches).
   */
  public List<String> fields() {
    return fields;
  }

  /** Keys accepted under {@code units:}. */
  public List<String> unitKeys() {
    return unitKeys;
  }

  /** The default of a unit key. */
  public double unitDefault(String key) {
    int i = unitKeys.indexOf(key);
    if (i < 0) {
      throw new IllegalArgumentException("unknown unit key " + key + " for format " + id);
    }
    return unitDefaults[i];
  }

  /** The format with this id. */
  public static Optional<TraceFormat> byId(String id) {
    for (TraceFormat f : values()) {
      if (f.id.equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Every id, in declaration order. */
  public static List<String> ids() {
    return java.util.Arrays.stream(values()).map(TraceFormat::id).toList();
  }
}
