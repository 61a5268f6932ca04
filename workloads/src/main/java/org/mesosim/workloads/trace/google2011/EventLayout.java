package org.mesosim.workloads.trace.google2011;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.engine.BadInputException;
import org.mesosim.workloads.TraceFormat;
import org.mesosim.workloads.trace.TraceLines;

/**
 * Where a task-event table keeps the columns {@link GoogleTaskEventsReader} reads, and how its
 * event types and priorities map onto the reader's episode rules (which are written in the 2011
 * trace's terms). Two layouts exist:
 *
 * <ul>
 *   <li>{@link #GOOGLE_2011}: the 13 positional columns of clusterdata-2011-2 {@code task_events}
 *       ({@link TaskEventField}), no header, priorities 0-11.
 *   <li>{@link #google2019}: clusterdata-2019 {@code instance_events} as a CSV with a header row,
 *       columns found by name. Schema: google/cluster-data {@code clusterdata_trace_format_v3.proto}
 *       (message {@code InstanceEvent}) and "Google cluster-usage traces v3" (Wilkes et al., 2020).
 *       Its event types are renumbered onto the 2011 ones; QUEUE and ENABLE act as UPDATE_PENDING
 *       (a pending task stays pending); instances of alloc sets ({@code collection_type} 1) are
 *       reservations, not tasks, and are skipped and counted.
 * </ul>
 */
public final class EventLayout {
  /** The 2019 event types ({@code EventType} in the v3 proto) as the 2011 codes the reader uses. */
  private static final int[] TYPES_2019 = {
    0, // SUBMIT -> SUBMIT
    7, // QUEUE (not eligible yet) -> UPDATE_PENDING: pending
    7, // ENABLE (eligible) -> UPDATE_PENDING: pending
    1, // SCHEDULE -> SCHEDULE
    2, // EVICT -> EVICT
    3, // FAIL -> FAIL
    4, // FINISH -> FINISH
    5, // KILL -> KILL
    6, // LOST -> LOST
    7, // UPDATE_PENDING -> UPDATE_PENDING
    8, // UPDATE_RUNNING -> UPDATE_RUNNING
  };

  /** The 2011 layout: 13 positional columns, no header. */
  public static final EventLayout GOOGLE_2011 = new EventLayout(TraceFormat.GOOGLE_2011, 13, null,
      TaskEventField.TIME.index(), TaskEventField.JOB_ID.index(), TaskEventField.TASK_INDEX.index(),
      TaskEventField.EVENT_TYPE.index(), TaskEventField.USER.index(), TaskEventField.SCHEDULING_CLASS.index(),
      TaskEventField.PRIORITY.index(), TaskEventField.CPU_REQUEST.index(), TaskEventField.MEMORY_REQUEST.index(),
      TaskEventField.DISK_REQUEST.index(), -1, null, 11, "job ID", "task index");

  /** The names a 2019 export's header must have (in any order, among others). */
  public static final List<String> REQUIRED_2019 = List.of("time", "type", "collection_id", "instance_index", "scheduling_class", "priority");

  /** The largest priority the 2019 reader accepts (the trace's go up to about 450). */
  public static final int MAX_PRIORITY_2019 = 1000;

  final TraceFormat format;
  final int columns;
  final String header; // the header line every file starts with, or null
  final int time;
  final int job;
  final int index;
  final int type;
  final int user; // -1: none
  final int klass; // -1: none
  final int prio; // -1: none
  final int cpu; // -1: none
  final int mem; // -1: none
  final int disk; // -1: none
  final int collectionType; // -1: none
  final int[] typeMap; // null: the 2011 codes
  final int maxPriority;
  final String jobName;
  final String indexName;

  private EventLayout(TraceFormat format, int columns, String header, int time, int job, int index, int type, int user,
      int klass, int prio, int cpu, int mem, int disk, int collectionType, int[] typeMap, int maxPriority,
      String jobName, String indexName) {
    this.format = format;
    this.columns = columns;
    this.header = header;
    this.time = time;
    this.job = job;
    this.index = index;
    this.type = type;
    this.user = user;
    this.klass = klass;
    this.prio = prio;
    this.cpu = cpu;
    this.mem = mem;
    this.disk = disk;
    this.collectionType = collectionType;
    this.typeMap = typeMap;
    this.maxPriority = maxPriority;
    this.jobName = jobName;
    this.indexName = indexName;
  }

  /** The largest event type code of the input. */
  int maxType() {
    return typeMap == null ? 8 : typeMap.length - 1;
  }

  /** The 2011 code of an input event type (checked to be within 0..{@link #maxType()}). */
  int type(int t) {
    return typeMap == null ? t : typeMap[t];
  }

  /**
   * The band of a priority. 2011: free 0-1, batch 2-8, production 9-11 (Reiss et al., SoCC 2012).
   * 2019: free up to 99, batch 100-119 (best-effort batch and mid tier), production 120 and above
   * (production and monitoring tiers), after the tiers of "Google cluster-usage traces v3".
   */
  String band(int p) {
    if (format == TraceFormat.GOOGLE_2011) {
      return p <= 1 ? "free" : p <= 8 ? "batch" : "production";
    }
    return p <= 99 ? "free" : p <= 119 ? "batch" : "production";
  }

  /**
   * The layout of a clusterdata-2019 {@code instance_events} export: its first file's header (see
   * docs/workloads.md, "google-2019", for the BigQuery query that writes it). Columns are found by
   * name: {@code time, type, collection_id, instance_index} are required; {@code scheduling_class,
   * priority, collection_type} and the requests ({@code cpus} and {@code memory}, as the query
   * flattens {@code resource_request}; {@code resource_request_cpus} and
   * {@code resource_request_memory} are accepted too) are used when present.
   */
  public static EventLayout google2019(List<Path> files) {
    String line;
    String file;
    try (TraceLines l = new TraceLines(files.subList(0, 1))) {
      file = l.file();
      if (!l.next()) {
        throw BadInputException.at(l.file(), 1, "empty file: expected a header row naming the columns ("
            + String.join(",", REQUIRED_2019) + ", ...)");
      }
      file = l.file();
      line = l.text().strip();
    }
    List<String> names = new ArrayList<>(List.of(line.split(",", -1)));
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i).strip();
      if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
        n = n.substring(1, n.length() - 1);
      }
      names.set(i, n);
    }
    for (String r : REQUIRED_2019) {
      if (!names.contains(r)) {
        throw BadInputException.at(file, 1, "the header has no column '" + r + "' (an instance_events export needs "
            + String.join(", ", REQUIRED_2019) + "; found: " + String.join(", ", names) + ")");
      }
    }
    int cpu = names.indexOf("cpus") >= 0 ? names.indexOf("cpus") : names.indexOf("resource_request_cpus");
    int mem = names.indexOf("memory") >= 0 ? names.indexOf("memory") : names.indexOf("resource_request_memory");
    return new EventLayout(TraceFormat.GOOGLE_2019, names.size(), line, names.indexOf("time"), names.indexOf("collection_id"),
        names.indexOf("instance_index"), names.indexOf("type"), -1, names.indexOf("scheduling_class"),
        names.indexOf("priority"), cpu, mem, -1, names.indexOf("collection_type"), TYPES_2019, MAX_PRIORITY_2019,
        "collection_id", "instance_index");
  }
}
