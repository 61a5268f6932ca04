package org.mesosim.workloads;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;

/**
 * A trace workload as a scenario's {@code workload.trace} block describes it.
 *
 * @param format a {@link TraceFormat} id ({@code swf}, {@code google-2011}, {@code google-2019}, {@code alibaba-2018},
 *     {@code alibaba-2018-containers}, {@code csv})
 * @param files the input files, resolved, read in this order ({@code .gz} transparently)
 * @param filter keep only jobs whose field matches (all entries must match)
 * @param windowFrom start of the window in µs of trace time; 0 or {@link SimTime#NEVER} = open
 * @param windowTo end of the window (exclusive) in µs of trace time; {@link SimTime#NEVER} = open
 * @param timeScale multiplies the gaps between arrivals (0.5 = twice as dense); must be > 0
 * @param skipMalformed true: skip and count malformed rows instead of stopping
 * @param units the format's unit conversions ({@link TraceFormat#unitKeys()}); missing keys take defaults
 * @param index google-2011: a {@link org.mesosim.workloads.trace.google2011.TaskEndIndex} giving the ends
 *     of the tasks alive where the input stops (a window's end, the last part); null = none
 * @param dropUnended google-2011: a task whose end lies beyond the input (and the index) is dropped
 *     (true) or runs forever (false, the default)
 */
public record TraceSpec(
    String format,
    List<Path> files,
    SortedMap<String, FieldFilter> filter,
    long windowFrom,
    long windowTo,
    double timeScale,
    boolean skipMalformed,
    SortedMap<String, Double> units,
    Path index,
    boolean dropUnended) {

  /** A spec without index, whose tasks with an end beyond the input run forever. */
  public TraceSpec(String format, List<Path> files, SortedMap<String, FieldFilter> filter, long windowFrom,
      long windowTo, double timeScale, boolean skipMalformed, SortedMap<String, Double> units) {
    this(format, files, filter, windowFrom, windowTo, timeScale, skipMalformed, units, null, false);
  }

  public TraceSpec {
    if (format == null || format.isEmpty()) {
      throw new IllegalArgumentException("trace.format: required");
    }
    if (files == null || files.isEmpty()) {
      throw new IllegalArgumentException("trace.path: no files");
    }
    files = List.copyOf(files);
    filter = new TreeMap<>(filter == null ? new TreeMap<>() : filter);
    units = new TreeMap<>(units == null ? new TreeMap<>() : units);
    if (!(timeScale > 0) || !Double.isFinite(timeScale)) {
      throw new IllegalArgumentException("trace.timeScale: must be a number > 0");
    }
    if (hasFrom(windowFrom) && windowTo != SimTime.NEVER && windowTo <= windowFrom) {
      throw new IllegalArgumentException("trace.window: 'to' must be after 'from'");
    }
  }

  /** A spec with defaults: no filter, no window, time scale 1, strict, default units. */
  public static TraceSpec of(String format, List<Path> files) {
    return new TraceSpec(format, files, new TreeMap<>(), 0, SimTime.NEVER, 1.0, false, new TreeMap<>());
  }

  /** True when the window has a start. */
  public boolean hasWindowFrom() {
    return hasFrom(windowFrom);
  }

  private static boolean hasFrom(long from) {
    return from > 0 && from != SimTime.NEVER;
  }

  /** A copy with another filter. */
  public TraceSpec withFilter(SortedMap<String, FieldFilter> f) {
    return new TraceSpec(format, files, f, windowFrom, windowTo, timeScale, skipMalformed, units, index, dropUnended);
  }

  /** A copy with another window. */
  public TraceSpec withWindow(long from, long to) {
    return new TraceSpec(format, files, filter, from, to, timeScale, skipMalformed, units, index, dropUnended);
  }

  /** A copy with another time scale. */
  public TraceSpec withTimeScale(double scale) {
    return new TraceSpec(format, files, filter, windowFrom, windowTo, scale, skipMalformed, units, index, dropUnended);
  }

  /** A copy with skipMalformed set. */
  public TraceSpec withSkipMalformed(boolean skip) {
    return new TraceSpec(format, files, filter, windowFrom, windowTo, timeScale, skip, units, index, dropUnended);
  }

  /** A copy with an index ({@code null}: none) and the policy for tasks whose end is beyond the input. */
  public TraceSpec withIndex(Path idx, boolean drop) {
    return new TraceSpec(format, files, filter, windowFrom, windowTo, timeScale, skipMalformed, units, idx, drop);
  }

  /** A copy with other units. */
  public TraceSpec withUnits(SortedMap<String, Double> u) {
    return new TraceSpec(format, files, filter, windowFrom, windowTo, timeScale, skipMalformed, u, index, dropUnended);
  }
}
