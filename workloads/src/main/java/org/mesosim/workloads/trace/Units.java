package org.mesosim.workloads.trace;

import java.util.Map;
import org.mesosim.engine.BadInputException;
import org.mesosim.workloads.TraceFormat;

/** Reads a format's {@code units:} map with defaults, rejecting unknown keys. */
public final class Units {
  private Units() {}

  /** Checks every key is one of the format's; throws a BadInputException naming the key. */
  public static void validate(TraceFormat format, Map<String, Double> units) {
    for (Map.Entry<String, Double> e : units.entrySet()) {
      if (!format.unitKeys().contains(e.getKey())) {
        throw new BadInputException("trace.units." + e.getKey() + ": unknown for format " + format.id()
            + (format.unitKeys().isEmpty() ? " (it takes no units)" : " (expected one of " + format.unitKeys() + ")"));
      }
      Double v = e.getValue();
      if (v == null || !(v >= 0) || !Double.isFinite(v)) {
        throw new BadInputException("trace.units." + e.getKey() + ": must be a number >= 0");
      }
    }
  }

  /** The value of {@code key}, or the format's default. */
  public static double get(TraceFormat format, Map<String, Double> units, String key) {
    Double v = units.get(key);
    return v == null ? format.unitDefault(key) : v;
  }
}
