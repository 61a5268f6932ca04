package org.mesosim.cli.scenario;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.mesosim.engine.SimTime;

/** Reads a {@code trace} workload: format, files (a path, a glob or a list), filter, window, scales and units. */
final class TraceSection extends Section {
  /** Upper bound of {@code trace.loadScale}: every job at most this many times. */
  static final double MAX_LOAD_SCALE = 1000;


  TraceSection(Scalars in) {
    super(in);
  }

  Scenario.Trace read(YNode n, String path) {
    Fields m = ctx.object(n, path, "trace");
    if (m == null) {
      return null;
    }
    int before = ctx.count();
    YNode fn = m.get("format");
    String format = in.string(fn, path + ".format", null);
    List<String> formats = ctx.catalog.traceFormats();
    if (format == null) {
      ctx.error(n, path + ".format", "is required: one of " + String.join(", ", formats));
    } else if (!formats.contains(format)) {
      ctx.error(fn, path + ".format", "unknown trace format '" + format + "'" + DidYouMean.hint(format, formats)
          + "; known: " + String.join(", ", formats) + " (mesosim list formats)");
      format = null;
    }
    List<String> paths = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    YNode pn = m.get("path");
    if (pn == null || pn.isNull()) {
      ctx.error(n, path + ".path", "is required: a file, a glob or a list, relative to the scenario file");
    } else if (pn.isList() && pn.items().isEmpty()) {
      ctx.error(pn, path + ".path", "needs at least one file (an empty list)");
    } else {
      List<YNode> items = pn.isList() ? pn.items() : List.of(pn);
      for (int i = 0; i < items.size(); i++) {
        String pp = pn.isList() ? path + ".path[" + i + "]" : path + ".path";
        String p = in.string(items.get(i), pp, null);
        if (p == null) {
          continue;
        }
        paths.add(p);
        files.addAll(resolveFiles(p, items.get(i), pp));
      }
    }
    SortedMap<String, Scenario.Filter> filter = filters(m.get("filter"), path + ".filter", format);
    long from = 0;
    long to = SimTime.NEVER;
    Fields w = ctx.object(m.get("window"), path + ".window", "window");
    if (w != null) {
      from = in.duration(w.get("from"), path + ".window.from", 0, false);
      to = in.duration(w.get("to"), path + ".window.to", SimTime.NEVER, true);
      if (to != SimTime.NEVER && to <= from) {
        ctx.error(w.get("to"), path + ".window.to", "must be after window.from");
      }
    }
    double timeScale = in.number(m.get("timeScale"), path + ".timeScale", 1.0, 0, true, 1e9);
    double loadScale = in.number(m.get("loadScale"), path + ".loadScale", 1.0, 0, true, MAX_LOAD_SCALE);
    boolean skip = in.bool(m.get("skipMalformed"), path + ".skipMalformed", false);
    SortedMap<String, Double> units = units(m.get("units"), path + ".units", format);
    Path index = null;
    YNode indexNode = m.get("index");
    if (indexNode != null && !indexNode.isNull()) {
      String ip = in.string(indexNode, path + ".index", null);
      if (format != null && !format.equals("google-2011")) {
        ctx.error(indexNode, path + ".index", "applies to format google-2011 only");
      } else if (ip != null) {
        index = ctx.baseDir.resolve(ip).normalize();
        if (!Files.isRegularFile(index)) {
          ctx.error(indexNode, path + ".index", "no such file: " + index + " (build it with mesosim trace index)");
        }
      }
    }
    boolean dropUnended = false;
    YNode ue = m.get("unended");
    if (ue != null && !ue.isNull()) {
      String u = in.string(ue, path + ".unended", "run");
      if (format != null && !format.equals("google-2011")) {
        ctx.error(ue, path + ".unended", "applies to format google-2011 only");
      } else if ("drop".equals(u)) {
        dropUnended = true;
      } else if (u != null && !"run".equals(u)) {
        ctx.error(ue, path + ".unended", "must be run or drop, not '" + u + "'");
      }
    }
    if (ctx.count() > before) {
      return null;
    }
    return new Scenario.Trace(format, paths, files, filter, from, to, timeScale, skip, units, loadScale, index,
        dropUnended);
  }

  /** {@code filter}: field → a value, a list of values or {@code {min, max}}; fields of {@code format} only (null: unknown). */
  private SortedMap<String, Scenario.Filter> filters(YNode fl, String path, String format) {
    return byKey(fl, path, "expected a mapping of field: value, [values] or {min, max}", format, "field", "fields",
        format == null ? List.of() : ctx.catalog.traceFields(format), this::filter);
  }

  /** {@code units}: unit → number, the unit keys of {@code format} only (null: unknown). */
  private SortedMap<String, Double> units(YNode un, String path, String format) {
    return byKey(un, path, "expected a mapping of unit: number", format, "unit", "units",
        format == null ? List.of() : ctx.catalog.traceUnitKeys(format), (v, up) -> {
          double d = in.number(v, up, Double.NaN, 0, false, 1e15);
          return Double.isNaN(d) ? null : d;
        });
  }

  /**
   * A mapping whose keys the trace format defines ({@code known}; not checked when the format is
   * unknown), each value read by {@code value} (null: reported, left out).
   */
  private <T> SortedMap<String, T> byKey(YNode n, String path, String notAMapping, String format, String what,
      String whats, List<String> known, BiFunction<YNode, String, T> value) {
    SortedMap<String, T> out = new TreeMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isMap()) {
      ctx.error(n, path, notAMapping);
      return out;
    }
    for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
      String p = path + "." + e.getKey();
      if (format != null && !known.contains(e.getKey())) {
        ctx.keyError(e.getValue(), p, "unknown " + what + " of format " + format + DidYouMean.hint(e.getKey(), known)
            + "; " + whats + ": " + (known.isEmpty() ? "(none)" : String.join(", ", known)));
        continue;
      }
      T v = value.apply(e.getValue(), p);
      if (v != null) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  private Scenario.Filter filter(YNode n, String path) {
    if (n.isList()) {
      List<String> vals = new ArrayList<>();
      for (int i = 0; i < n.items().size(); i++) {
        YNode it = n.items().get(i);
        if (!it.isScalar() || it.isNull()) {
          ctx.error(it, path + "[" + i + "]", "expected a value");
          return null;
        }
        vals.add(it.text());
      }
      return new Scenario.In(vals);
    }
    if (n.isMap()) {
      Fields m = ctx.object(n, path, "range");
      if (m == null) {
        return null;
      }
      double min = m.get("min") == null ? Double.NEGATIVE_INFINITY : in.number(m.get("min"), path + ".min");
      double max = m.get("max") == null ? Double.POSITIVE_INFINITY : in.number(m.get("max"), path + ".max");
      if (Double.isNaN(min) || Double.isNaN(max)) {
        return null;
      }
      if (max < min) {
        ctx.error(n, path + ".max", "must be >= min");
        return null;
      }
      return new Scenario.Range(min, max);
    }
    if (n.isNull()) {
      ctx.error(n, path, "expected a value, a list of values or {min, max}");
      return null;
    }
    return new Scenario.Equals(n.text());
  }

  private List<Path> resolveFiles(String p, YNode at, String path) {
    if (p.isBlank()) {
      ctx.error(at, path, "is empty: name a trace file, a folder's files or a glob such as traces/*.gz");
      return List.of();
    }
    String pattern = p.replace('\\', '/');
    boolean glob = pattern.contains("*") || pattern.contains("?") || pattern.contains("[");
    if (!glob) {
      Path f = ctx.baseDir.resolve(p).normalize();
      if (Files.isDirectory(f)) {
        ctx.error(at, path, f + " is a folder; name its files or a glob such as " + p.replaceAll("/+$", "") + "/*.gz");
        return List.of();
      }
      if (!Files.isRegularFile(f)) {
        ctx.error(at, path, "trace file not found: " + f);
        return List.of();
      }
      return List.of(f);
    }
    int slash = pattern.lastIndexOf('/', firstGlobChar(pattern));
    Path dir = slash < 0 ? ctx.baseDir : ctx.baseDir.resolve(pattern.substring(0, slash)).normalize();
    String namePattern = slash < 0 ? pattern : pattern.substring(slash + 1);
    if (namePattern.contains("/")) {
      ctx.error(at, path, "a glob may only use wildcards in the file name, not in folders");
      return List.of();
    }
    if (!Files.isDirectory(dir)) {
      ctx.error(at, path, "no such folder: " + dir);
      return List.of();
    }
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + namePattern);
    } catch (java.util.regex.PatternSyntaxException e) { // an unbalanced [ or {
      ctx.error(at, path, "not a valid glob: " + namePattern + " (" + e.getDescription() + "; write \\[ for a"
          + " literal [)");
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> found = s.filter(Files::isRegularFile).filter(f -> matcher.matches(f.getFileName()))
          .sorted(java.util.Comparator.comparing(f -> f.getFileName().toString())).toList();
      if (found.isEmpty()) {
        ctx.error(at, path, "no trace file matches " + dir.resolve(namePattern));
      }
      return found;
    } catch (IOException e) {
      ctx.error(at, path, "cannot list " + dir + ": " + e.getMessage());
      return List.of();
    }
  }

  private static int firstGlobChar(String s) {
    int i = s.length();
    for (char c : new char[] {'*', '?', '['}) {
      int k = s.indexOf(c);
      if (k >= 0 && k < i) {
        i = k;
      }
    }
    return i;
  }
}
