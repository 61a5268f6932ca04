package org.mesosim.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.google.GoogleLikeWorkload;
import org.mesosim.workloads.synthetic.SyntheticWorkload;
import org.mesosim.workloads.trace.alibaba2018.AlibabaBatchTaskReader;
import org.mesosim.workloads.trace.alibaba2018.AlibabaContainerMetaReader;
import org.mesosim.workloads.trace.csv.CsvTraceReader;
import org.mesosim.workloads.trace.google2011.EventLayout;
import org.mesosim.workloads.trace.google2011.GoogleTaskEventsReader;
import org.mesosim.workloads.trace.swf.SwfReader;
import org.mesosim.workloads.transform.AgentFitCheck;
import org.mesosim.workloads.transform.Demultiplexer;
import org.mesosim.workloads.transform.Filter;
import org.mesosim.workloads.transform.LoadScaling;
import org.mesosim.workloads.transform.TimeScale;
import org.mesosim.workloads.transform.Window;

/**
 * Builds workloads: synthetic generators, the google-like preset, and trace replays with their
 * transforms. A trace replay is {@code reader -> window -> filter -> time base and scale}:
 * simulated time = (trace time - origin) × timeScale, where the origin is the window's start when
 * one is given, else 0 (SWF, Google and CSV time is simulated time) or, for Alibaba (whose clock
 * starts days before its first job), the earliest job's start.
 */
public final class Workloads {
  private Workloads() {}

  /** A synthetic workload on streams {@code workload/<framework>/arrivals|tasks|durations|failures}. */
  public static Workload synthetic(SyntheticSpec spec, RandomStreams streams, String frameworkName) {
    return new SyntheticWorkload(spec, streams, frameworkName);
  }

  /** The google-like preset at {@code scale} (1.0 = the full 2011 cell); endless. */
  public static Workload googleLike(double scale, RandomStreams streams, String frameworkName) {
    return new GoogleLikeWorkload(scale, streams, frameworkName);
  }

  /** The google-like preset with a daily cycle of its arrivals (docs/workload-fitting.md, "Daily cycle"). */
  public static Workload googleLike(double scale, GoogleLikeWorkload.Diurnal diurnal, RandomStreams streams,
      String frameworkName) {
    return new GoogleLikeWorkload(scale, diurnal, streams, frameworkName);
  }

  /** The format of a spec, or a BadInputException listing the known ones. */
  public static TraceFormat format(TraceSpec spec) {
    return TraceFormat.byId(spec.format()).orElseThrow(() -> new BadInputException(
        "trace.format: unknown format '" + spec.format() + "' (expected one of " + TraceFormat.ids() + ")"));
  }

  /** The fields a trace's jobs carry (for CSV, the header's columns; reads the first line). */
  public static List<String> fields(TraceSpec spec) {
    TraceFormat f = format(spec);
    if (f != TraceFormat.CSV) {
      return f.fields();
    }
    return CsvTraceReader.readFieldNames(spec.files());
  }

  /** Checks a field name for filter/splitBy; throws BadInputException naming the valid ones. */
  public static void checkField(TraceSpec spec, String field, String where) {
    TraceFormat f = format(spec);
    if (f == TraceFormat.CSV) {
      return; // CSV fields come from the file's header; an absent field simply never matches
    }
    if (!f.fields().contains(field)) {
      throw new BadInputException(where + ": format " + f.id() + " has no field '" + field + "' (fields: "
          + String.join(", ", f.fields()) + ")");
    }
  }

  /**
   * Replays a trace (streaming). Google 2011 tasks alive past the reader's lookahead are handed
   * out with a deferred runtime ({@link org.mesosim.model.workload.DeferredRuntime}), resolved as
   * the reading goes on; see {@link #traceWithRuntimes} for tools that need every runtime at once.
   */
  public static Workload trace(TraceSpec spec) {
    return trace(spec, false);
  }

  /**
   * Replays a trace with every task's runtime known when its job is handed out (Google 2011:
   * unbounded lookahead, so the reader buffers episodes until the earlier ones ended). For
   * {@code trace inspect} and {@code trace convert}, which write or sum the runtimes.
   */
  public static Workload traceWithRuntimes(TraceSpec spec) {
    return trace(spec, true);
  }

  private static Workload trace(TraceSpec spec, boolean runtimesKnown) {
    TraceFormat f = format(spec);
    if (f != TraceFormat.GOOGLE_2011 && (spec.index() != null || spec.dropUnended())) {
      throw new BadInputException("trace.index and trace.unended apply to format google-2011 only, not " + f.id());
    }
    for (String field : spec.filter().keySet()) {
      checkField(spec, field, "trace.filter." + field);
    }
    Workload raw;
    long origin = 0;
    switch (f) {
      case SWF -> raw = new SwfReader(spec.files(), spec.units(), spec.skipMalformed());
      case GOOGLE_2011 -> raw = new GoogleTaskEventsReader(spec.files(), spec.units(), spec.skipMalformed(),
          spec.hasWindowFrom() ? spec.windowFrom() : 0, spec.windowTo(),
          runtimesKnown ? GoogleTaskEventsReader.UNBOUNDED : GoogleTaskEventsReader.lookaheadOf(spec.units()),
          spec.index(), spec.dropUnended());
      case ALIBABA_2018 -> {
        AlibabaBatchTaskReader r = new AlibabaBatchTaskReader(spec.files(), spec.units(), spec.skipMalformed());
        origin = r.origin();
        raw = r;
      }
      case ALIBABA_2018_CONTAINERS -> raw = new AlibabaContainerMetaReader(spec.files(), spec.units(), spec.skipMalformed());
      case GOOGLE_2019 -> raw = new GoogleTaskEventsReader(EventLayout.google2019(spec.files()), spec.files(), spec.units(),
          spec.skipMalformed(), spec.hasWindowFrom() ? spec.windowFrom() : 0, spec.windowTo(),
          runtimesKnown ? GoogleTaskEventsReader.UNBOUNDED : GoogleTaskEventsReader.lookaheadOf(f, spec.units()),
          null, spec.dropUnended());
      case CSV -> raw = new CsvTraceReader(spec.files(), spec.units(), spec.skipMalformed());
      default -> throw new IllegalStateException(f.id());
    }
    Workload w = raw;
    if (spec.hasWindowFrom() || spec.windowTo() != SimTime.NEVER) {
      w = new Window(w, spec.hasWindowFrom() ? spec.windowFrom() : 0, spec.windowTo());
    }
    if (!spec.filter().isEmpty()) {
      w = new Filter(w, spec.filter());
    }
    if (spec.hasWindowFrom()) {
      origin = spec.windowFrom();
    }
    if (origin != 0 || spec.timeScale() != 1.0) {
      w = new TimeScale(w, origin, spec.timeScale());
    }
    return w;
  }

  /** The distinct values of {@code field} over the trace's jobs (after filter and window), sorted. */
  public static List<String> distinctValues(TraceSpec spec, String field) {
    checkField(spec, field, "splitBy");
    TreeSet<String> values = new TreeSet<>();
    try (Workload w = trace(spec)) {
      JobSpec j;
      while ((j = w.next()) != null) {
        String v = j.fields().get(field);
        if (v != null) {
          values.add(v);
        }
      }
    }
    return new ArrayList<>(values);
  }

  /**
   * The jobs whose {@code field} equals {@code value}: an independent pass over the trace. For
   * many values prefer {@link #split}, which reads the trace once for all of them.
   */
  public static Workload traceSplit(TraceSpec spec, String field, String value) {
    checkField(spec, field, "splitBy");
    TreeMap<String, FieldFilter> f = new TreeMap<>();
    f.put(field, new FieldFilter.Equals(value));
    return new Filter(trace(spec), f);
  }

  /**
   * One workload per value (in value order), all fed by a single pass over the trace through a
   * shared {@link Demultiplexer}. Values are {@link #distinctValues} (one extra pass) when null.
   */
  public static SortedMap<String, Workload> split(TraceSpec spec, String field, List<String> values) {
    checkField(spec, field, "splitBy");
    List<String> vs = values == null ? distinctValues(spec, field) : values;
    return new Demultiplexer(trace(spec), field, vs).views();
  }

  /**
   * One workload per value (in value order), all fed by a single pass over {@code source} (an
   * already opened {@link #trace}) through a shared {@link Demultiplexer}: the caller owns the
   * sharing (one call per run).
   */
  public static SortedMap<String, Workload> split(Workload source, String field, List<String> values) {
    return new Demultiplexer(source, field, values).views();
  }

  /**
   * Stops the run at a job with a task that no agent of {@code agents} could ever offer the
   * framework (with {@code gpuResources} false, agents with GPUs do not count; resources reserved
   * for roles other than {@code role} do not count, none when it is null; see
   * {@link AgentFitCheck}); {@code sourceName} (e.g. the trace file) and {@code frameworkName} go
   * into the message.
   */
  public static Workload fitChecked(Workload w, List<AgentGroup> agents, boolean gpuResources, String role,
      String sourceName, String frameworkName) {
    return new AgentFitCheck(w, agents, gpuResources, role, sourceName, frameworkName);
  }

  /**
   * Thins or replicates a workload's arrivals by {@code factor} on stream
   * {@code workload/<framework>/load} (see {@link LoadScaling}); returns {@code w} when factor is 1.
   */
  public static Workload loadScaled(Workload w, double factor, RandomStreams streams, String frameworkName) {
    if (factor == 1.0) {
      return w;
    }
    return new LoadScaling(w, factor, streams.stream("workload/" + frameworkName + "/load"));
  }

  /** Unit values of a spec with defaults filled in, in the format's key order. */
  public static Map<String, Double> resolvedUnits(TraceSpec spec) {
    TraceFormat f = format(spec);
    java.util.LinkedHashMap<String, Double> out = new java.util.LinkedHashMap<>();
    for (String k : f.unitKeys()) {
      Double v = spec.units().get(k);
      out.put(k, v == null ? f.unitDefault(k) : v);
    }
    return out;
  }
}
