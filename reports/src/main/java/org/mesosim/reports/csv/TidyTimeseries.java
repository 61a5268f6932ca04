package org.mesosim.reports.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.reports.FrameworkMeta;
import org.mesosim.reports.RunSetup;

/**
 * {@code timeseries_long.csv}: {@code timeseries.csv} in long ("tidy") form, one row per sample
 * and value: {@code time_s,entity_kind,entity,metric,unit,value}. The entity and metric of each
 * wide column come from the run's setup (never parsed out of a column name, which is ambiguous when
 * names contain {@code _}). Written from the wide file in one streaming pass (bounded memory);
 * empty cells are left out.
 *
 * <table>
 *   <tr><th>wide column</th><th>entity_kind</th><th>entity</th><th>metric</th><th>unit</th></tr>
 *   <tr><td>util_RES</td><td>resource</td><td>RES</td><td>utilization</td><td>fraction</td></tr>
 *   <tr><td>share_FW</td><td>framework</td><td>FW</td><td>dominant_share</td><td>fraction</td></tr>
 *   <tr><td>alloc_FW_RES</td><td>framework</td><td>FW</td><td>allocated_RES</td><td>RES's unit</td></tr>
 *   <tr><td>pending_FW</td><td>framework</td><td>FW</td><td>pending_tasks</td><td>count</td></tr>
 *   <tr><td>jain</td><td>cluster</td><td>cluster</td><td>jain</td><td>index</td></tr>
 *   <tr><td>gap</td><td>cluster</td><td>cluster</td><td>share_gap</td><td>fraction</td></tr>
 *   <tr><td>jain_active</td><td>cluster</td><td>cluster</td><td>jain_active</td><td>index</td></tr>
 *   <tr><td>roleshare_ROLE</td><td>role</td><td>ROLE</td><td>dominant_share</td><td>fraction</td></tr>
 *   <tr><td>allocator/mesos/...</td><td>allocator</td><td>the resource, role or {@code allocator}</td>
 *       <td>the Mesos name</td><td>see {@code AllocatorSeries}</td></tr>
 * </table>
 */
public final class TidyTimeseries {
  private TidyTimeseries() {}

  /** The file name. */
  public static final String FILE = "timeseries_long.csv";
  /**
   * Largest {@code timeseries.csv} (bytes) written in long form too: 64 MB. The long form repeats
   * each entity's name per value, about 12 times the wide file's size; above this a run writes no
   * {@code timeseries_long.csv} (its wide file holds the same data).
   */
  public static final long MAX_WIDE_BYTES = 64L << 20;

  /** Its header. */
  public static final String HEADER = "time_s,entity_kind,entity,metric,unit,value";

  /** The unit of a resource's amounts: MB for mem and disk, else the resource's own name. */
  public static String unit(String resource) {
    return resource.equals("mem") || resource.equals("disk") ? "MB" : resource;
  }

  /**
   * Per wide column (the order of {@code MetricsRecorder.timeseriesColumns}, after {@code time_s}):
   * the row prefix {@code entity_kind,entity,metric,unit,}.
   */
  static List<String> prefixes(RunSetup setup) {
    List<String> p = new ArrayList<>();
    for (String r : setup.resourceNames()) {
      p.add("resource," + Num.csv(r) + ",utilization,fraction,");
    }
    for (FrameworkMeta f : setup.frameworks()) {
      String fw = "framework," + Num.csv(f.name()) + ",";
      p.add(fw + "dominant_share,fraction,");
      for (String r : setup.resourceNames()) {
        p.add(fw + Num.csv("allocated_" + r) + "," + Num.csv(unit(r)) + ",");
      }
      p.add(fw + "pending_tasks,count,");
    }
    p.add("cluster,cluster,jain,index,");
    p.add("cluster,cluster,share_gap,fraction,");
    p.add("cluster,cluster,jain_active,index,");
    for (String role : setup.roles()) {
      p.add("role," + Num.csv(role) + ",dominant_share,fraction,");
    }
    return p;
  }

  /** Writes {@code out} from the wide file {@code wide} of a run of {@code setup}. */
  public static void write(RunSetup setup, Path wide, Path out) throws IOException {
    write(setup, List.of(), wide, out);
  }

  /**
   * As {@link #write(RunSetup, Path, Path)}, for a wide file with more columns after the setup's:
   * {@code extra} holds their row prefixes ({@code entity_kind,entity,metric,unit,}), in order
   * (the allocator's metrics: {@code AllocatorSeries.tidyPrefixes()}).
   */
  public static void write(RunSetup setup, List<String> extra, Path wide, Path out) throws IOException {
    List<String> prefixes = new ArrayList<>(prefixes(setup));
    prefixes.addAll(extra);
    try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      w.write(HEADER + "\n");
      StringBuilder sb = new StringBuilder(256);
      IOException[] failed = new IOException[1];
      CsvReader.read(wide, h -> {
        if (h.size() != prefixes.size() + 1) {
          throw new IllegalStateException(wide + ": " + h.size() + " columns, expected " + (prefixes.size() + 1));
        }
      }, r -> {
        if (failed[0] != null) {
          return;
        }
        String t = r.get(0);
        for (int i = 1; i < r.size() && i <= prefixes.size(); i++) {
          String v = r.get(i);
          if (v.isEmpty()) {
            continue;
          }
          sb.setLength(0);
          sb.append(t).append(',').append(prefixes.get(i - 1)).append(v).append('\n');
          try {
            w.append(sb);
          } catch (IOException e) {
            failed[0] = e;
            return;
          }
        }
      });
      if (failed[0] != null) {
        throw failed[0];
      }
    }
  }
}
