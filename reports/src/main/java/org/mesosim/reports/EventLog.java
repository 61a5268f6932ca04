package org.mesosim.reports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mesosim.model.AgentId;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.OfferId;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskId;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.events.ModelObserver;

/**
 * {@code events.jsonl}: the run's observable event stream, the one the digest covers, one JSON
 * object per line, in stream order (written as {@code events.jsonl.partial} and renamed by
 * {@link ReportWriter} when the run completes).
 *
 * <p>Every line has {@code seq} (the event's position in the whole stream, from 1, also when a
 * kind filter leaves events out), {@code t} (simulated seconds, exact to the microsecond),
 * {@code kind} (one of {@link ModelEvent#KINDS}), then the record's other fields under their
 * names in declaration order: other virtual times ({@code submitTime}, {@code startTime}) in
 * seconds, {@code null} when negative (none); IDs as their strings; resources as an object of
 * amounts by resource name ({@code {"cpus":1.5,"mem":4096}}; with reservations, the total plus a
 * {@code reservations} object by role); task states by their Mesos names. No field is ever
 * omitted, so every line of a kind has the same keys.
 *
 * <p>Fields are read through the records' accessors once per class (cached), so a new
 * {@link ModelEvent} record appears in the log without changes here.
 */
public final class EventLog implements ModelObserver, AutoCloseable {
  /** The file of a complete log. */
  public static final String FILE = "events.jsonl";
  /** The file while the run goes (and after a failed run). */
  public static final String PARTIAL = "events.jsonl.partial";

  private final Writer out;
  private final boolean[] keep;
  /** Per record class: its kind's index in {@link ModelEvent#KINDS} and its fields after {@code time}. */
  private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
    @Override
    protected Shape computeValue(Class<?> c) {
      List<Field> list = new ArrayList<>();
      for (RecordComponent rc : c.getRecordComponents()) {
        String n = rc.getName();
        if (!n.equals("time")) {
          list.add(new Field(n, rc.getAccessor(), rc.getType() == long.class && n.endsWith("Time")));
        }
      }
      return new Shape(list.toArray(new Field[0]));
    }
  };
  private final StringBuilder line = new StringBuilder(256);
  private long seq;
  private long written;
  private boolean closed;

  private record Field(String name, Method accessor, boolean time) {}

  private record Shape(Field[] fields) {}

  /**
   * Opens {@code dir/events.jsonl.partial}.
   *
   * @param kinds the kinds to write; empty = all
   * @throws IllegalArgumentException for a kind not in {@link ModelEvent#KINDS}
   */
  public EventLog(Path dir, Collection<String> kinds) throws IOException {
    keep = new boolean[ModelEvent.KINDS.size()];
    for (String k : kinds) {
      int i = ModelEvent.KINDS.indexOf(k);
      if (i < 0) {
        throw new IllegalArgumentException("unknown event kind '" + k + "'; kinds: "
            + String.join(", ", ModelEvent.KINDS));
      }
      keep[i] = true;
    }
    if (kinds.isEmpty()) {
      java.util.Arrays.fill(keep, true);
    }
    Files.createDirectories(dir);
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(dir.resolve(PARTIAL)),
        StandardCharsets.UTF_8), 1 << 16);
  }

  /** Checks kinds without opening anything: the problem, or null when all are known. */
  public static String checkKinds(Collection<String> kinds) {
    TreeSet<String> unknown = new TreeSet<>();
    for (String k : kinds) {
      if (!ModelEvent.KINDS.contains(k)) {
        unknown.add(k);
      }
    }
    return unknown.isEmpty() ? null : "unknown event kind" + (unknown.size() == 1 ? " '" : "s '")
        + String.join("', '", unknown) + "'; kinds: " + String.join(", ", ModelEvent.KINDS);
  }

  @Override
  public void on(ModelEvent event) {
    seq++;
    if (closed || !keep[ModelEvent.KINDS.indexOf(event.kind())]) {
      return;
    }
    StringBuilder b = line;
    b.setLength(0);
    b.append("{\"seq\":").append(seq).append(",\"t\":");
    seconds(b, event.time());
    b.append(",\"kind\":");
    string(b, event.kind());
    for (Field f : SHAPES.get(event.getClass()).fields()) {
      b.append(",\"").append(f.name).append("\":");
      Object v;
      try {
        v = f.accessor.invoke(event);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + event.getClass().getSimpleName() + "." + f.name, e);
      }
      if (f.time) {
        long t = (Long) v;
        if (t < 0) {
          b.append("null");
        } else {
          seconds(b, t);
        }
      } else {
        value(b, v);
      }
    }
    b.append("}\n");
    try {
      out.append(b);
    } catch (IOException e) {
      throw new UncheckedIOException("events.jsonl: " + e.getMessage(), e);
    }
    written++;
  }

  /** Lines written so far. */
  public long written() {
    return written;
  }

  /** Flushes and closes the file; {@link ReportWriter} then renames it to {@link #FILE}. */
  public void finish() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }

  /** Closes without completing (a failed run): the file stays {@link #PARTIAL}. */
  @Override
  public void close() throws IOException {
    finish();
  }

  /** Microseconds as exact decimal seconds: 0, 1.5, 12.000001. */
  static void seconds(StringBuilder b, long micros) {
    b.append(micros / 1_000_000);
    long frac = micros % 1_000_000;
    if (frac != 0) {
      String f = Long.toString(1_000_000 + frac).substring(1);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      b.append('.').append(f, 0, end);
    }
  }

  static void value(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Long || v instanceof Integer) {
      b.append(v);
    } else if (v instanceof Boolean x) {
      b.append(x.booleanValue());
    } else if (v instanceof Resources r) {
      resources(b, r);
    } else if (v instanceof ResourceSet rs) {
      resourceSet(b, rs);
    } else if (v instanceof AgentId || v instanceof FrameworkId || v instanceof OfferId || v instanceof TaskId
        || v instanceof Enum<?>) {
      string(b, v.toString());
    } else {
      throw new IllegalStateException("events.jsonl: no JSON form for " + v.getClass().getName());
    }
  }

  private static void resources(StringBuilder b, Resources r) {
    b.append('{');
    boolean first = true;
    // In output order, not index order: custom names get indices in the order parallel runs register them.
    for (int i : ResourceNames.outputIndices()) {
      long m = i < r.width() ? r.milli(i) : 0;
      if (m == 0) {
        continue;
      }
      if (!first) {
        b.append(',');
      }
      first = false;
      string(b, ResourceNames.name(i));
      b.append(':').append(Resources.format(m));
    }
    b.append('}');
  }

  private static void resourceSet(StringBuilder b, ResourceSet rs) {
    resources(b, rs.quantity());
    if (!rs.hasReservations() && !rs.hasVolumes()) {
      return;
    }
    b.setLength(b.length() - 1); // reopen the object
    if (rs.hasReservations()) {
      if (b.charAt(b.length() - 1) != '{') {
        b.append(',');
      }
      b.append("\"reservations\":{");
      boolean first = true;
      for (Map.Entry<String, Resources> e : rs.reservations().entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(b, e.getKey());
        b.append(':');
        resources(b, e.getValue());
      }
      b.append('}');
    }
    if (rs.hasVolumes()) {
      // Persistent volumes (docs/operations.md), by persistence id; their disk is in the amounts above.
      if (b.charAt(b.length() - 1) != '{') {
        b.append(',');
      }
      b.append("\"volumes\":[");
      boolean first = true;
      for (Map.Entry<org.mesosim.model.Volume, Integer> e : rs.volumes().entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        org.mesosim.model.Volume v = e.getKey();
        b.append("{\"id\":");
        string(b, v.id());
        b.append(",\"role\":");
        string(b, v.role());
        b.append(",\"disk\":").append(Resources.format(v.diskMilli()));
        b.append(",\"shared\":").append(v.shared());
        b.append(",\"copies\":").append(e.getValue()).append('}');
      }
      b.append(']');
    }
    b.append('}');
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
