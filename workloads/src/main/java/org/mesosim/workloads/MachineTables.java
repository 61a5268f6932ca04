package org.mesosim.workloads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mesosim.engine.BadInputException;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.workloads.trace.MalformedRowException;
import org.mesosim.workloads.trace.ReaderSupport;
import org.mesosim.workloads.trace.TraceLines;

/**
 * A cluster's machines from a trace's machine table, as agent groups (what {@code cluster.agents:
 * - machines: {format, path}} stands for). Machines of equal capacity (and, for Google, platform)
 * form one group; {@code scale} keeps round(machines × scale) of them (at least 1), apportioned to
 * the groups by largest remainder (ties in group order), as {@code preset: google-2011} does.
 *
 * <ul>
 *   <li>{@code alibaba-2018}: {@code machine_meta.csv} (alibaba/clusterdata,
 *       {@code cluster-trace-v2018/schema.txt}, "machine meta": {@code machine_id, time_stamp,
 *       failure_domain_1, failure_domain_2, cpu_num, mem_size, status}; no header, one tolerated).
 *       Every machine in the table is one agent with the capacity of its earliest row:
 *       {@code cpu_num × cpusPerCore} cpus and {@code mem_size × memPerPercent} MB (mem_size is
 *       normalised to the largest machine, 100). Groups are named {@code m<cpus>c-<mem_size>}.
 *   <li>{@code google-2019}: {@code machine_events} exported with a header (google/cluster-data
 *       {@code clusterdata_trace_format_v3.proto}, message {@code MachineEvent}: {@code time,
 *       machine_id, type, switch_id, capacity, platform_id, missing_data_reason}; the export
 *       flattens capacity into {@code cpus} and {@code memory}). The cell at the trace's start:
 *       machines added (type 1) at time 0, with the capacity of their last row at time 0 (UPDATE,
 *       type 3), less those removed (type 2) at time 0. Capacity is normalised: {@code cpus ×
 *       units.cpus} cores and {@code memory × units.mem} MB (defaults 32 and 65,536, as the
 *       google-2019 workload reader). Groups are named {@code p<k>-<cpus>-<memory>} (k: the
 *       platform's rank in sorted order) with the attribute {@code platform: <platform_id>}.
 * </ul>
 */
public final class MachineTables {
  private MachineTables() {}

  /** The formats with a machine table. */
  public static final List<String> FORMATS = List.of("alibaba-2018", "google-2019");

  /** Unit keys of a machine table's format (those of its workload format, without lookahead). */
  public static List<String> unitKeys(String format) {
    return switch (format) {
      case "alibaba-2018" -> List.of("cpusPerCore", "memPerPercent");
      case "google-2019" -> List.of("cpus", "mem");
      default -> throw new BadInputException("machines.format: unknown '" + format + "' (expected one of " + FORMATS + ")");
    };
  }

  /** The agent groups of a machine table, scaled. */
  public static List<AgentGroup> read(String format, List<Path> files, Map<String, Double> units, double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new BadInputException("machines: scale must be > 0");
    }
    for (String k : units.keySet()) {
      if (!unitKeys(format).contains(k)) {
        throw new BadInputException("machines.units." + k + ": unknown for format " + format + " (expected one of "
            + unitKeys(format) + ")");
      }
    }
    TreeMap<String, Integer> counts = new TreeMap<>();
    TreeMap<String, AgentGroup> shapes = new TreeMap<>();
    if (format.equals("alibaba-2018")) {
      alibaba(files, unit(units, "cpusPerCore", 1.0), unit(units, "memPerPercent", 1024.0), counts, shapes);
    } else {
      google(files, unit(units, "cpus", 32.0), unit(units, "mem", 65536.0), counts, shapes);
    }
    if (counts.isEmpty()) {
      throw new BadInputException(files.get(0) + ": no machines in the table");
    }
    List<String> names = new ArrayList<>(counts.keySet());
    int[] n = new int[names.size()];
    for (int i = 0; i < n.length; i++) {
      n[i] = counts.get(names.get(i));
    }
    int[] scaled = apportion(n, scale);
    List<AgentGroup> out = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      if (scaled[i] > 0) {
        AgentGroup g = shapes.get(names.get(i));
        out.add(new AgentGroup(g.name(), scaled[i], g.resources(), g.attributes(), new TreeMap<>()));
      }
    }
    return out;
  }

  private static double unit(Map<String, Double> units, String k, double d) {
    Double v = units.get(k);
    return v == null ? d : v;
  }

  /**
   * round(sum × scale) (at least 1) apportioned to {@code counts} by largest remainder; ties go
   * to the earlier group.
   */
  public static int[] apportion(int[] counts, double scale) {
    long sum = 0;
    for (int c : counts) {
      sum += c;
    }
    int total = (int) Math.max(1, Math.round(sum * scale));
    int[] out = new int[counts.length];
    double[] rem = new double[counts.length];
    int given = 0;
    double exact = (double) total / sum;
    for (int i = 0; i < counts.length; i++) {
      double q = counts[i] * exact;
      out[i] = (int) Math.floor(q);
      rem[i] = q - out[i];
      given += out[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < rem.length; i++) {
        if (rem[i] > rem[best]) {
          best = i;
        }
      }
      out[best]++;
      rem[best] = -1;
      given++;
    }
    return out;
  }

  private static void alibaba(List<Path> files, double cpusPerCore, double memPerPercent, TreeMap<String, Integer> counts,
      TreeMap<String, AgentGroup> shapes) {
    HashMap<String, long[]> first = new HashMap<>(); // machine -> {time, cpu_num, mem_size×1000}; looked up only
    List<String> order = new ArrayList<>();
    try (TraceLines l = new TraceLines(files)) {
      while (l.next()) {
        if (l.blank()) {
          continue;
        }
        int n = l.split((byte) ',');
        if (l.line() == 1 && l.stringField(0).equals("machine_id")) {
          continue;
        }
        try {
          if (n != 7) {
            throw new MalformedRowException("expected 7 comma-separated columns (machine_id, time_stamp, failure_domain_1,"
                + " failure_domain_2, cpu_num, mem_size, status), found " + n);
          }
          String id = l.stringField(0);
          if (id.isEmpty()) {
            throw new MalformedRowException("machine_id is empty");
          }
          long t = l.longField(1, "time_stamp");
          long cpu = l.longField(4, "cpu_num");
          double mem = l.doubleField(5, "mem_size");
          if (t < 0 || cpu <= 0 || !(mem > 0) || mem > 100) {
            throw new MalformedRowException("time_stamp must be >= 0, cpu_num > 0 and mem_size in (0, 100]");
          }
          ReaderSupport.amount(cpu * cpusPerCore, "cpu_num " + cpu + " × units", "cpus");
          long[] f = first.get(id);
          if (f == null) {
            first.put(id, new long[] {t, cpu, Math.round(mem * 1000)});
            order.add(id);
          } else if (t < f[0]) {
            f[0] = t;
            f[1] = cpu;
            f[2] = Math.round(mem * 1000);
          }
        } catch (MalformedRowException e) {
          throw l.error(e.getMessage());
        }
      }
    }
    for (String id : order) {
      long[] f = first.get(id);
      String name = "m" + f[1] + "c-" + trim(f[2] / 1000.0);
      counts.merge(name, 1, Integer::sum);
      shapes.putIfAbsent(name, new AgentGroup(name, 1, Resources.of(f[1] * cpusPerCore, f[2] / 1000.0 * memPerPercent),
          new TreeMap<>(), new TreeMap<>()));
    }
  }

  private static void google(List<Path> files, double cpuUnit, double memUnit, TreeMap<String, Integer> counts,
      TreeMap<String, AgentGroup> shapes) {
    TreeMap<Long, Object[]> cell = new TreeMap<>(); // machine -> {cpus, memory, platform}: machines up at time 0
    int time = -1;
    int id = -1;
    int type = -1;
    int cpus = -1;
    int mem = -1;
    int platform = -1;
    try (TraceLines l = new TraceLines(files)) {
      while (l.next()) {
        if (l.blank()) {
          continue;
        }
        int n = l.split((byte) ',');
        if (l.line() == 1) {
          List<String> names = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            names.add(l.stringField(i).strip());
          }
          for (String r : List.of("time", "machine_id", "type", "cpus", "memory")) {
            if (!names.contains(r)) {
              throw l.error("the header has no column '" + r + "' (a machine_events export needs time, machine_id, type,"
                  + " cpus, memory; found: " + String.join(", ", names) + ")");
            }
          }
          time = names.indexOf("time");
          id = names.indexOf("machine_id");
          type = names.indexOf("type");
          cpus = names.indexOf("cpus");
          mem = names.indexOf("memory");
          platform = names.indexOf("platform_id");
          continue;
        }
        try {
          long t = l.longField(time, "time");
          if (t > 0) {
            continue; // after the start: the cell at the start is what the agents stand for
          }
          long m = l.longField(id, "machine_id");
          long ty = l.longField(type, "type");
          if (ty < 0 || ty > 3) {
            throw new MalformedRowException("type must be 0-3 (MachineEvent.EventType), not " + ty);
          }
          if (ty == 2) {
            cell.remove(m);
            continue;
          }
          if (ty == 0) {
            continue; // EVENT_TYPE_UNKNOWN: "should never happen"
          }
          Object[] prev = cell.get(m);
          if (ty == 3 && prev == null) {
            continue; // an update of a machine not added: nothing to update
          }
          double c = l.empty(cpus) ? (prev == null ? Double.NaN : (double) prev[0]) : l.doubleField(cpus, "cpus");
          double me = l.empty(mem) ? (prev == null ? Double.NaN : (double) prev[1]) : l.doubleField(mem, "memory");
          if (!(c > 0) || !(me > 0) || Double.isInfinite(c) || Double.isInfinite(me)) {
            throw new MalformedRowException("cpus and memory of an added machine must be > 0");
          }
          ReaderSupport.amount(c * cpuUnit, "cpus " + c + " × units", "cpus");
          ReaderSupport.amount(me * memUnit, "memory " + me + " × units", "MB");
          String p = platform < 0 ? "" : l.stringField(platform);
          cell.put(m, new Object[] {c, me, p});
        } catch (MalformedRowException e) {
          throw l.error(e.getMessage());
        }
      }
    }
    TreeMap<String, Integer> platformRank = new TreeMap<>();
    for (Object[] v : cell.values()) {
      platformRank.put((String) v[2], 0);
    }
    int k = 0;
    for (Map.Entry<String, Integer> e : platformRank.entrySet()) {
      e.setValue(++k);
    }
    for (Object[] v : cell.values()) {
      double c = (double) v[0];
      double me = (double) v[1];
      String p = (String) v[2];
      String name = "p" + platformRank.get(p) + "-" + trim(c) + "-" + trim(me);
      counts.merge(name, 1, Integer::sum);
      TreeMap<String, String> attrs = new TreeMap<>();
      if (!p.isEmpty()) {
        attrs.put("platform", p);
      }
      shapes.putIfAbsent(name, new AgentGroup(name, 1, Resources.of(c * cpuUnit, me * memUnit), attrs, new TreeMap<>()));
    }
  }

  private static String trim(double v) {
    String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    return s;
  }
}
