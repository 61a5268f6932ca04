package org.mesosim.cli.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.mesosim.engine.DurationFormatException;
import org.mesosim.engine.Durations;
import org.mesosim.engine.SimTime;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;

/**
 * Reads the scalar values of a scenario (text, booleans, numbers, durations, resource amounts, name
 * lists, role names) with the checks and messages every section shares. A bad value is reported to
 * the {@link LoadContext} with its location and YAML path, and the given default returned, so that
 * reading goes on.
 */
final class Scalars {
  private static final Pattern MEM = Pattern.compile("(?i)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|MB|GB|TB|K|M|G|T)?\\s*");

  final LoadContext ctx;

  Scalars(LoadContext ctx) {
    this.ctx = ctx;
  }

  String string(YNode n, String path, String dflt) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isScalar()) {
      ctx.error(n, path, "expected a string, not " + n.describe());
      return dflt;
    }
    return n.text();
  }

  boolean bool(YNode n, String path, boolean dflt) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (n.value() instanceof Boolean b) {
      return b;
    }
    ctx.error(n, path, "expected true or false, not " + n.describe());
    return dflt;
  }


  /** A finite number (YAML int or float, or a numeric string; not {@code .inf}, {@code .nan}). NaN after an error. */
  double number(YNode n, String path) {
    double v = Double.NaN;
    if (n.isScalar() && n.value() instanceof Number num) {
      v = num.doubleValue();
    } else if (n.isScalar() && n.value() instanceof String s) {
      try {
        v = new BigDecimal(s.trim()).doubleValue();
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    if (Double.isFinite(v)) {
      return v;
    }
    ctx.error(n, path, n.value() instanceof Double ? "expected a finite number, not " + n.describe() // .inf, .nan
        : Double.isInfinite(v) ? "is too large" : "expected a number, not " + n.describe());
    return Double.NaN;
  }

  double number(YNode n, String path, double dflt, double min, boolean minExclusive, double max) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    double v = number(n, path);
    if (Double.isNaN(v)) {
      return dflt;
    }
    if (minExclusive ? !(v > min) : !(v >= min)) {
      ctx.error(n, path, "must be " + (minExclusive ? "> " : ">= ") + Scalars.fmt(min) + ", not " + n.text());
      return dflt;
    }
    if (v > max) {
      ctx.error(n, path, "must be <= " + Scalars.fmt(max) + ", not " + n.text());
      return dflt;
    }
    return v;
  }


  static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }


  long integer(YNode n, String path, long dflt, long min, long max) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (n.isScalar() && n.value() instanceof Long l) {
      if (l < min) {
        ctx.error(n, path, "must be >= " + min + ", not " + l);
        return dflt;
      }
      if (l > max) {
        ctx.error(n, path, "must be <= " + max + ", not " + l);
        return dflt;
      }
      return l;
    }
    if (n.isScalar() && n.value() instanceof BigInteger) {
      ctx.error(n, path, "is too large");
      return dflt;
    }
    ctx.error(n, path, "expected a whole number, not " + n.describe());
    return dflt;
  }

  /** A duration in µs: a string with a unit or a bare number of seconds; {@code none}/{@code never} when allowed. */
  long duration(YNode n, String path, long dflt, boolean neverAllowed) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    if (!n.isScalar() || n.value() instanceof Boolean) {
      ctx.error(n, path, "expected a duration such as 250ms, 5s, 10m, not " + n.describe());
      return dflt;
    }
    String t = n.text().trim();
    if (neverAllowed && (t.equals("none") || t.equals("never"))) {
      return SimTime.NEVER;
    }
    try {
      return Durations.parse(t);
    } catch (DurationFormatException e) {
      ctx.error(n, path, e.getMessage() + (neverAllowed ? " (or none)" : ""));
      return dflt;
    }
  }


  long positive(YNode n, String path, long dflt) {
    long v = duration(n, path, dflt, false);
    if (v == 0) {
      ctx.error(n, path, "must be > 0");
      return dflt;
    }
    return v;
  }

  /**
   * Whether {@code value} (read at {@code at}) is one of {@code known}; if not, reports
   * {@code unknown <what> 'value'} with a did-you-mean and the known values.
   */
  boolean oneOf(YNode at, String path, String value, String what, List<String> known) {
    if (known.contains(value)) {
      return true;
    }
    ctx.error(at, path, "unknown " + what + " '" + value + "'" + DidYouMean.hint(value, known) + "; known: "
        + String.join(", ", known));
    return false;
  }

  /** Reports each of {@code keys} present in {@code m} with {@code why} (e.g. it cannot be combined with preset). */
  void absent(Fields m, String path, List<String> keys, String why) {
    for (String k : keys) {
      if (m.containsKey(k)) {
        ctx.error(m.get(k), LoadContext.join(path, k), why);
      }
    }
  }

  /** A resource quantity: mem and disk in MB, also "4GB"/"512MB"; others plain numbers. */
  double quantity(YNode n, String path, String resource) {
    if (n.isScalar() && n.value() instanceof String s && (resource.equals("mem") || resource.equals("disk"))) {
      java.util.regex.Matcher m = MEM.matcher(s);
      if (m.matches()) {
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "MB" : m.group(2).toUpperCase(Locale.ROOT);
        return switch (unit) {
          case "B" -> v / (1024.0 * 1024.0);
          case "KB", "K" -> v / 1024.0;
          case "MB", "M" -> v;
          case "GB", "G" -> v * 1024.0;
          default -> v * 1024.0 * 1024.0;
        };
      }
      ctx.error(n, path, "expected MB as a number (4096) or a size such as \"4GB\" or \"512MB\", not " + n.describe());
      return Double.NaN;
    }
    return number(n, path);
  }

  /**
   * A resource map {@code {cpus: 1, mem: 4GB}}.
   *
   * @param positive each amount must be > 0 (else >= 0)
   */
  Resources resources(YNode n, String path, boolean positive, boolean required) {
    if (n == null || n.isNull()) {
      if (required && n != null) {
        ctx.error(n, path, "is required");
      }
      return Resources.EMPTY;
    }
    if (!n.isMap()) {
      ctx.error(n, path, "expected resources as a mapping such as {cpus: 1, mem: 4096}, not " + n.describe());
      return Resources.EMPTY;
    }
    Map<String, Double> amounts = new LinkedHashMap<>();
    for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
      String name = e.getKey();
      String p = LoadContext.join(path, name);
      if (ResourceNames.RESERVED_WORD.equals(name)) {
        ctx.keyError(e.getValue(), p, "'" + name + "' cannot name a resource: events.jsonl"
            + " lists reserved amounts under that key; reserve resources with the agents' reservations key");
        continue;
      }
      if (!ResourceNames.valid(name)) {
        ctx.keyError(e.getValue(), p, "'" + name
            + "' is not a valid resource name (use [a-z][a-z0-9_.-]*)");
        continue;
      }
      double v = quantity(e.getValue(), p, name);
      if (Double.isNaN(v)) {
        continue;
      }
      if (positive ? !(v > 0) : !(v >= 0)) {
        ctx.error(e.getValue(), p, "must be " + (positive ? "> 0" : ">= 0") + ", not " + e.getValue().text());
        continue;
      }
      if (Double.isInfinite(v) || v > 1e15) {
        ctx.error(e.getValue(), p, "is too large");
        continue;
      }
      if (v > 0 && Resources.toMilli(name, v) == 0) {
        // Mesos keeps scalars in fixed point with three decimal digits (src/common/values.cpp),
        // so such an amount would silently vanish.
        ctx.error(e.getValue(), p, "must be at least 0.001 (scalar resources are kept to three decimals, as in"
            + " Mesos), not " + e.getValue().text());
        continue;
      }
      amounts.put(name, v);
    }
    if (required && amounts.isEmpty() && n.entries().isEmpty()) {
      ctx.error(n, path, "must name at least one resource, e.g. {cpus: 1, mem: 1024}");
    }
    return Resources.of(amounts);
  }
  List<String> names(YNode n, String path, List<String> known, List<String> dflt) {
    if (n == null || n.isNull()) {
      return dflt;
    }
    List<YNode> items = n.isList() ? n.items() : List.of(n);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      YNode it = items.get(i);
      String p = n.isList() ? path + "[" + i + "]" : path;
      String v = string(it, p, null);
      if (v == null) {
        continue;
      }
      if (!known.contains(v)) {
        ctx.error(it, p, "unknown '" + v + "'" + DidYouMean.hint(v, known) + "; known: " + String.join(", ", known));
      } else if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  void checkRole(String role, YNode at, String path) {
    if (!Scalars.validRole(role)) {
      ctx.keyError(at, path, "'" + role + "' is not a valid role name (no spaces, no leading"
          + " '-', path parts must not be '.' or '..'; '*' is the default role)");
    }
  }

  static boolean validRole(String role) {
    if (role.equals("*")) {
      return true;
    }
    if (role.isEmpty() || role.startsWith("/") || role.endsWith("/")) {
      return false;
    }
    for (String part : role.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..") || part.startsWith("-") || part.equals("*")) {
        return false;
      }
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (Character.isWhitespace(c) || c == '\\' || Character.isISOControl(c)) {
          return false;
        }
      }
    }
    return true;
  }

  void checkRoleValue(String role, YNode at, String path) {
    if (!Scalars.validRole(role)) {
      ctx.error(at, path, "'" + role + "' is not a valid role name (no spaces, no leading '-', path parts must not be"
          + " '.' or '..'; '*' is the default role)");
    }
  }
}
