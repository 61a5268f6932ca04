package org.mesosim.cli.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.mesosim.allocators.AllocatorRegistry;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.FieldFilter;
import org.mesosim.workloads.SyntheticSpec;
import org.mesosim.workloads.TraceFormat;
import org.mesosim.workloads.TraceInspector;
import org.mesosim.workloads.TraceSpec;
import org.mesosim.workloads.Workloads;
import org.mesosim.workloads.google.GoogleCell;
import org.mesosim.workloads.google.GoogleLikeWorkload;
import org.mesosim.workloads.transform.Transform;

/**
 * The catalog backed by the real modules (allocator registry, trace formats, workloads).
 *
 * <p>A run's trace workloads ({@link #workloads}) are, per framework: the trace (for a
 * {@code splitBy} entry, this framework's view of one reader shared by all frameworks of the
 * entry, made for this run only) → {@code loadScale} on stream {@code workload/<framework>/load}
 * (when not 1) → the check that stops the run at a task larger than every agent.
 */
public final class StandardCatalog implements ScenarioCatalog {
  private final AllocatorRegistry registry;
  private final Function<TraceSpec, Workload> traceOpener;

  public StandardCatalog() {
    this(AllocatorRegistry.standard());
  }

  public StandardCatalog(AllocatorRegistry registry) {
    this(registry, Workloads::trace);
  }

  /** With another way to open a trace (tests count the passes over a file); normally {@link Workloads#trace}. */
  public StandardCatalog(AllocatorRegistry registry, Function<TraceSpec, Workload> traceOpener) {
    this.registry = registry;
    this.traceOpener = traceOpener;
  }

  @Override
  public List<String> allocatorNames() {
    return registry.names();
  }

  @Override
  public Optional<AllocatorPolicy> policy(String name) {
    return registry.find(name);
  }

  @Override
  public AllocatorRegistry.Resolved resolveOptions(AllocatorPolicy policy, Map<String, Object> raw) {
    return registry.validateOptions(policy, raw);
  }

  @Override
  public List<String> traceFormats() {
    return TraceFormat.ids().stream().sorted().toList();
  }

  @Override
  public String traceFormatDescription(String format) {
    return TraceFormat.byId(format).map(TraceFormat::description).orElse("");
  }

  @Override
  public List<String> traceFields(String format) {
    return TraceFormat.byId(format).map(TraceFormat::fields).orElse(List.of());
  }

  @Override
  public List<String> traceUnitKeys(String format) {
    return TraceFormat.byId(format).map(TraceFormat::unitKeys).orElse(List.of());
  }

  @Override
  public List<AgentGroup> googleCell(double scale) {
    return GoogleCell.machines(scale);
  }

  @Override
  public List<String> presetValues(String field) {
    return GoogleLikeWorkload.values(field);
  }

  @Override
  public List<String> distinctValues(Scenario.Trace trace, String field) {
    return Workloads.distinctValues(traceSpec(trace), field);
  }

  @Override
  public long foreverTasks(Scenario.Trace trace) {
    return TraceInspector.inspect(traceSpec(trace)).foreverTasks();
  }

  @Override
  public FrameworkConfig.WorkloadFactory workload(Scenario.Workload workload, String frameworkName, String splitField,
      String splitValue) {
    if (workload instanceof Scenario.Synthetic s) {
      SyntheticSpec spec = new SyntheticSpec(s.jobs(), s.arrival() == null ? null : s.arrival().value(),
          s.arrival() == null ? s.arrivalAt() : -1, s.tasksPerJob().value(), s.task(),
          s.duration() == null ? null : s.duration().value(), s.failureProbability());
      return streams -> Workloads.synthetic(spec, streams, frameworkName);
    }
    if (workload instanceof Scenario.GoogleLike g) {
      return streams -> Workloads.googleLike(g.scale(), diurnal(g), streams, frameworkName);
    }
    TraceSpec spec = traceSpec((Scenario.Trace) workload);
    if (splitField != null) {
      return streams -> Workloads.traceSplit(spec, splitField, splitValue);
    }
    return streams -> Workloads.trace(spec);
  }

  /** The position of {@code f} among the scenario's framework entries (by identity: two entries may be equal). */
  private static int entryIndex(Scenario s, Scenario.Framework f) {
    for (int i = 0; i < s.frameworks().size(); i++) {
      if (s.frameworks().get(i) == f) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public List<FrameworkConfig.WorkloadFactory> workloads(Scenario s, List<AgentGroup> agents,
      OpenedWorkloads opened) {
    List<FrameworkConfig.WorkloadFactory> out = new ArrayList<>();
    SharedSplit split = null;
    for (Scenario.Expanded e : s.expanded()) {
      Scenario.Framework f = e.spec();
      if (f.workload() instanceof Scenario.GoogleLike g && f.splitBy() != null) {
        if (split == null || split.entry != f) { // the frameworks of one entry are consecutive
          // one generator on the streams of the entry's name (workload/<name>/…, as without splitBy)
          split = new SharedSplit(f, f.splitBy(), presetValues(f.splitBy()),
              streams -> Workloads.googleLike(g.scale(), diurnal(g), streams, f.name()));
        }
        SharedSplit group = split;
        String value = e.splitValue();
        out.add(streams -> group.view(streams, value));
        continue;
      }
      if (!(f.workload() instanceof Scenario.Trace t)) {
        FrameworkConfig.WorkloadFactory w = workload(f.workload(), e.name(), null, null);
        String source = s.file() + " (frameworks[" + entryIndex(s, f) + "].workload.synthetic)";
        out.add(f.workload() instanceof Scenario.Synthetic ? streams -> located(w.open(streams), source) : w);
        continue;
      }
      TraceSpec spec = traceSpec(t);
      String source = source(t, entryIndex(s, f));
      String name = e.name();
      if (f.splitBy() != null) {
        if (split == null || split.entry != f) { // the frameworks of one entry are consecutive
          List<String> values = new ArrayList<>();
          for (Scenario.Expanded x : s.expanded()) {
            if (x.spec() == f) {
              values.add(x.splitValue());
            }
          }
          split = new SharedSplit(f, f.splitBy(), values, streams -> traceOpener.apply(spec));
        }
        SharedSplit group = split;
        String value = e.splitValue();
        out.add(streams -> opened.add(perFramework(group.view(streams, value), t, agents, f.gpuResources(), e.role(), source, streams, name)));
      } else {
        out.add(streams -> opened.add(perFramework(traceOpener.apply(spec), t, agents, f.gpuResources(), e.role(), source, streams, name)));
      }
    }
    return out;
  }

  private static Workload perFramework(Workload w, Scenario.Trace t, List<AgentGroup> agents, boolean gpuResources,
      String role, String source, RandomStreams streams, String framework) {
    Workload scaled = Workloads.loadScaled(w, t.loadScale(), streams, framework);
    return Workloads.fitChecked(scaled, agents, gpuResources, role, source, framework);
  }

  /**
   * A synthetic workload whose bad input, found only while it runs (a tasksPerJob draw too large),
   * names the scenario file and the framework entry, as a trace's does.
   */
  private static Workload located(Workload w, String where) {
    return new Transform(w) {
      @Override
      protected JobSpec pull() {
        try {
          return source.next();
        } catch (BadInputException e) {
          throw new BadInputException(where + ": " + e.getMessage(), e);
        }
      }
    };
  }

  /** The trace's file(s) and YAML path, for messages about its jobs. */
  static String source(Scenario.Trace t, int frameworkIndex) {
    List<Path> files = t.files();
    String f = files.size() == 1 ? files.get(0).toString()
        : files.get(0) + " … " + files.get(files.size() - 1) + " (" + files.size() + " files)";
    return f + " (frameworks[" + frameworkIndex + "].workload.trace)";
  }

  /**
   * The frameworks of one {@code splitBy} entry in one run: a single source (a trace's one pass, or
   * the google-like preset's one generator), opened when the first of them starts and demultiplexed
   * by value, so that together they see the source's jobs. Made by {@link #workloads} for one run
   * and reachable only from that run's factories, so runs never share a reader; a run is
   * single-threaded.
   */
  private static final class SharedSplit {
    final Scenario.Framework entry;
    final String field;
    final List<String> values;
    final java.util.function.Function<RandomStreams, Workload> open;
    SortedMap<String, Workload> views;

    SharedSplit(Scenario.Framework entry, String field, List<String> values,
        java.util.function.Function<RandomStreams, Workload> open) {
      this.entry = entry;
      this.field = field;
      this.values = List.copyOf(values);
      this.open = open;
    }

    Workload view(RandomStreams streams, String value) {
      if (views == null) {
        views = Workloads.split(open.apply(streams), field, values);
      }
      return views.get(value);
    }
  }

  /** The workloads module's spec of a scenario trace block. */
  public static TraceSpec traceSpec(Scenario.Trace t) {
    SortedMap<String, FieldFilter> filter = new TreeMap<>();
    t.filter().forEach((k, v) -> {
      if (v instanceof Scenario.Equals e) {
        filter.put(k, new FieldFilter.Equals(e.value()));
      } else if (v instanceof Scenario.In in) {
        filter.put(k, new FieldFilter.In(in.values()));
      } else if (v instanceof Scenario.Range r) {
        filter.put(k, new FieldFilter.Range(r.min(), r.max()));
      }
    });
    return new TraceSpec(t.format(), t.files(), filter, t.windowFrom(), t.windowTo(), t.timeScale(), t.skipMalformed(),
        new TreeMap<>(t.units()), t.index(), t.dropUnended());
  }

  private static GoogleLikeWorkload.Diurnal diurnal(Scenario.GoogleLike g) {
    return new GoogleLikeWorkload.Diurnal(g.diurnalAmplitude(), g.diurnalPeakHour());
  }
}
