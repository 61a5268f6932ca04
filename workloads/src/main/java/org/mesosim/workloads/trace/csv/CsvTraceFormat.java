package org.mesosim.workloads.trace.csv;

import java.util.List;

/**
 * The native CSV trace format (version 1): what {@code mesosim trace convert} writes and the
 * {@code csv} trace format reads. UTF-8 text, optionally gzip-compressed ({@code .gz}).
 *
 * <pre>
 * job,submit_us,task,group,cpus,mem,disk,gpus,duration_us,outcome,depends[,field...]
 * 6251537638:12,600046926,1832,,0.8,5216.06,,,1204000,FINISHED,,batch,0,2,6251537638,fJYe...
 * </pre>
 *
 * <ul>
 *   <li>The first line is the header: the 11 fixed columns, then one column per job field
 *       ({@code user}, {@code queue} …). Every file of a multi-file input has the same header. A
 *       field named as a fixed column (google-2011's and alibaba-2018's {@code job}) has the column
 *       {@code field.<name>} ({@link #fieldColumn}), so that no column name appears twice (tools
 *       such as pandas rename a repeated one); it is read back as field {@code <name>}.
 *   <li>One row per task. The rows of a job are consecutive and repeat the job's id, submit time
 *       and fields (the first row's fields count). Rows are in non-decreasing {@code submit_us}.
 *   <li>{@code submit_us}, {@code duration_us}: integer microseconds of simulated time (the
 *       converter has already applied window, filter and time scale); {@code duration_us} may be
 *       {@code forever}.
 *   <li>{@code cpus}, {@code mem} (MB), {@code disk} (MB), {@code gpus}: decimals with at most 3
 *       fractional digits (Mesos' fixed point); empty = 0.
 *   <li>{@code outcome}: {@code FINISHED}, {@code FAILED}, {@code KILLED}, {@code LOST}, or
 *       {@code SAMPLED:p} (fails with probability p at each attempt).
 *   <li>{@code depends}: the task groups of the same job this task waits for, separated by
 *       {@code ;}; empty = none.
 *   <li>Text values escape {@code %}, {@code ,}, {@code ;}, CR and LF as {@code %25}, {@code %2C},
 *       {@code %3B}, {@code %0D}, {@code %0A}. An empty field value means the job lacks the field.
 * </ul>
 */
public final class CsvTraceFormat {
  /** The fixed columns, in order. */
  public static final List<String> COLUMNS = List.of(
      "job", "submit_us", "task", "group", "cpus", "mem", "disk", "gpus", "duration_us", "outcome", "depends");

  /** Prefix of a field column whose field is named as a fixed column. */
  public static final String FIELD_PREFIX = "field.";

  private CsvTraceFormat() {}

  /** The header column of field {@code name}: {@code field.<name>} if a fixed column has that name. */
  public static String fieldColumn(String name) {
    return COLUMNS.contains(name) ? FIELD_PREFIX + name : name;
  }

  /** The field a header column names (the inverse of {@link #fieldColumn}). */
  public static String fieldName(String column) {
    if (column.startsWith(FIELD_PREFIX) && COLUMNS.contains(column.substring(FIELD_PREFIX.length()))) {
      return column.substring(FIELD_PREFIX.length());
    }
    return column;
  }

  /** Escapes a text value. */
  public static String encode(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep = switch (c) {
        case '%' -> "%25";
        case ',' -> "%2C";
        case ';' -> "%3B";
        case '\r' -> "%0D";
        case '\n' -> "%0A";
        default -> null;
      };
      if (rep != null && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (rep != null) {
          sb.append(rep);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Undoes {@link #encode}; an unknown escape is kept as written. */
  public static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()) {
        String code = s.substring(i + 1, i + 3);
        String rep = switch (code) {
          case "25" -> "%";
          case "2C" -> ",";
          case "3B" -> ";";
          case "0D" -> "\r";
          case "0A" -> "\n";
          default -> null;
        };
        if (rep != null) {
          sb.append(rep);
          i += 2;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
