package org.mesosim.allocators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mesosim.engine.text.DidYouMean;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.DurationFormatException;
import org.mesosim.engine.Durations;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/**
 * Checks and types a policy's {@code allocator.options} against its {@link PolicyOption}s. Typed
 * values: {@code boolean} → {@link Boolean}; {@code integer} → {@link Long}; {@code number} →
 * {@link Double}; {@code string} and {@code enum} → {@link String}; {@code duration} → {@link Long}
 * microseconds ({@link Durations#parse}; a bare number is seconds); {@code resources} →
 * {@link Resources} (a map {@code {cpus: 1, mem: 512}} or text {@code cpus:1;mem:512});
 * {@code map} → {@code SortedMap<String, Double>} (a map or text {@code a=0.6,b=0.4}). Already
 * typed values pass through unchanged, so resolving twice is harmless (for {@code duration}, a
 * {@link Long} is taken as already-resolved microseconds; YAML integers arrive as
 * {@link Integer} and mean seconds).
 */
public final class PolicyOptions {
  private PolicyOptions() {}

  /**
   * Every option of {@code policy}, from {@code raw} or its default, typed.
   *
   * @throws IllegalArgumentException {@code "<key>: <problem>"} for an unknown key (with a
   *     did-you-mean) or a bad value
   */
  public static Map<String, Object> resolve(AllocatorPolicy policy, Map<String, ?> raw) {
    Map<String, PolicyOption> known = new LinkedHashMap<>();
    for (PolicyOption o : policy.options()) {
      known.put(o.name(), o);
    }
    if (raw != null) {
      for (String key : new TreeMap<String, Object>(raw).keySet()) {
        if (!known.containsKey(key)) {
          throw new IllegalArgumentException(key + ": unknown option of allocator policy '" + policy.name() + "'"
              + didYouMean(key, known.keySet()) + " (options: " + (known.isEmpty() ? "none" : String.join(", ", new TreeMap<>(known).keySet())) + ")");
        }
      }
    }
    TreeMap<String, Object> out = new TreeMap<>();
    for (PolicyOption o : known.values()) {
      Object v = raw == null ? null : raw.get(o.name());
      if (v == null) {
        try {
          out.put(o.name(), parse(o, o.defaultValue()));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("policy '" + policy.name() + "' has a bad default for " + e.getMessage(), e);
        }
      } else {
        out.put(o.name(), parse(o, v));
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Parses one value of option {@code o} and checks it against the option's range; throws
   * {@code IllegalArgumentException("<key>: <problem>")} (for a map value, {@code "<key>.<name>: ..."}).
   */
  public static Object parse(PolicyOption o, Object v) {
    String key = o.name();
    switch (o.type()) {
      case BOOLEAN:
        if (v instanceof Boolean) {
          return v;
        }
        if (v instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))) {
          return Boolean.valueOf(s.trim().toLowerCase(Locale.ROOT));
        }
        throw bad(key, "expected true or false, not '" + v + "'");
      case INTEGER: {
        double d = number(key, v);
        if (d != Math.rint(d) || Math.abs(d) > 9.0e15) {
          throw bad(key, "expected a whole number, not '" + v + "'");
        }
        long l = (long) d;
        inRange(o.range(), key, d, l);
        return l;
      }
      case NUMBER: {
        double d = number(key, v);
        inRange(o.range(), key, d, d);
        return d;
      }
      case STRING:
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
          return String.valueOf(v);
        }
        throw bad(key, "expected a string, not " + describe(v));
      case ENUM: {
        String s = String.valueOf(v).trim();
        if (o.allowed().contains(s)) {
          return s;
        }
        throw bad(key, "'" + s + "' is not one of " + String.join(", ", o.allowed()) + didYouMean(s, o.allowed()));
      }
      case DURATION:
        if (v instanceof Long l && l >= 0) {
          return l;
        }
        try {
          return Durations.parse(String.valueOf(v));
        } catch (DurationFormatException e) {
          throw bad(key, e.getMessage());
        }
      case RESOURCES:
        return resources(key, v);
      default: { // MAP, ROLE_MAP: the scenario loader checks a roleMap's keys against the frameworks' roles
        SortedMap<String, Double> m = map(key, v);
        m.forEach((name, d) -> inRange(o.range(), key + "." + name, d, d));
        return m;
      }
    }
  }

  /** Throws {@code "<key>: must be in [0, 1), not <shown>"} when {@code v} is outside {@code range} (null: any). */
  private static void inRange(PolicyOption.Range range, String key, double v, Object shown) {
    if (range != null && !range.contains(v)) {
      throw bad(key, "must be " + range.describe() + ", not " + shown);
    }
  }

  private static double number(String key, Object v) {
    double d;
    if (v instanceof Number n) {
      d = n.doubleValue();
    } else if (v instanceof String s) {
      try {
        d = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw bad(key, "expected a number, not '" + s + "'");
      }
    } else {
      throw bad(key, "expected a number, not " + describe(v));
    }
    if (!Double.isFinite(d)) {
      throw bad(key, "expected a finite number, not '" + v + "'");
    }
    return d;
  }

  private static Resources resources(String key, Object v) {
    if (v instanceof Resources r) {
      return r;
    }
    TreeMap<String, Double> amounts = new TreeMap<>();
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        amounts.put(String.valueOf(e.getKey()), number(key + "." + e.getKey(), e.getValue()));
      }
    } else if (v instanceof String s) {
      if (!s.isBlank()) {
        for (String part : s.split(";")) {
          int c = part.indexOf(':');
          if (c <= 0) {
            throw bad(key, "expected name:amount pairs separated by ';' (e.g. cpus:1;mem:512), not '" + s + "'");
          }
          String name = part.substring(0, c).trim();
          amounts.put(name, number(key + "." + name, part.substring(c + 1).trim()));
        }
      }
    } else {
      throw bad(key, "expected resources such as {cpus: 1, mem: 512}, not " + describe(v));
    }
    for (Map.Entry<String, Double> e : amounts.entrySet()) {
      if (!ResourceNames.valid(e.getKey())) {
        throw bad(key, "'" + e.getKey() + "' is not a valid resource name");
      }
      if (e.getValue() < 0) {
        throw bad(key + "." + e.getKey(), "must be >= 0, not " + e.getValue());
      }
    }
    return Resources.of(amounts);
  }

  private static SortedMap<String, Double> map(String key, Object v) {
    TreeMap<String, Double> out = new TreeMap<>();
    if (v instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), number(key + "." + e.getKey(), e.getValue()));
      }
    } else if (v instanceof String s) {
      String t = s.trim();
      if (t.startsWith("{") && t.endsWith("}")) {
        t = t.substring(1, t.length() - 1);
      }
      if (!t.isBlank()) {
        for (String part : t.split(",")) {
          int c = part.indexOf('=');
          if (c < 0) {
            c = part.indexOf(':');
          }
          if (c <= 0) {
            throw bad(key, "expected name=number pairs separated by ',' (e.g. a=0.6,b=0.4), not '" + s + "'");
          }
          String name = part.substring(0, c).trim();
          out.put(name, number(key + "." + name, part.substring(c + 1).trim()));
        }
      }
    } else {
      throw bad(key, "expected a map such as {a: 0.6, b: 0.4}, not " + describe(v));
    }
    return Collections.unmodifiableSortedMap(out);
  }

  private static String describe(Object v) {
    return v instanceof List<?> ? "a list" : v instanceof Map<?, ?> ? "a map" : "'" + v + "'";
  }

  private static IllegalArgumentException bad(String key, String problem) {
    return new IllegalArgumentException(key + ": " + problem);
  }

  /** {@code "; did you mean 'x'?"} for the closest candidate, else empty ({@link DidYouMean}). */
  static String didYouMean(String word, Iterable<String> candidates) {
    return DidYouMean.closest(word, candidates).map(best -> "; did you mean '" + best + "'?").orElse("");
  }

  // Typed accessors for policies (values already resolved).

  public static double number(Map<String, Object> options, String key, double dflt) {
    Object v = options.get(key);
    return v instanceof Number n ? n.doubleValue() : dflt;
  }

  public static String string(Map<String, Object> options, String key, String dflt) {
    Object v = options.get(key);
    return v == null ? dflt : String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  public static SortedMap<String, Double> map(Map<String, Object> options, String key) {
    Object v = options.get(key);
    return v instanceof SortedMap<?, ?> m ? (SortedMap<String, Double>) m : Collections.emptySortedMap();
  }
}
