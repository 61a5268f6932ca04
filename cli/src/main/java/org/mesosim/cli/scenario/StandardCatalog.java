package org.mesosim.cli.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.allocators.AllocatorRegistry;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.workloads.FieldFilter;
import org.mesosim.workloads.SyntheticSpec;
import org.mesosim.workloads.TraceFormat;
import org.mesosim.workloads.TraceSpec;
import org.mesosim.workloads.Workloads;
import org.mesosim.workloads.google.GoogleCell;

/** The catalog backed by the real modules (allocator registry, trace formats, workloads). */
public final class StandardCatalog implements ScenarioCatalog {
  private final AllocatorRegistry registry;

  public StandardCatalog() {
    this(AllocatorRegistry.standard());
  }

  public StandardCatalog(AllocatorRegistry registry) {
    this.registry = registry;
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
  public Map<String, Object> resolveOptions(AllocatorPolicy policy, Map<String, Object> raw) {
    return registry.resolveOptions(policy, raw);
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
  public List<String> distinctValues(Scenario.Trace trace, String field) {
    return Workloads.distinctValues(traceSpec(trace), field);
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
      return streams -> Workloads.googleLike(g.scale(), streams, frameworkName);
    }
    TraceSpec spec = traceSpec((Scenario.Trace) workload);
    if (splitField != null) {
      return streams -> Workloads.traceSplit(spec, splitField, splitValue);
    }
    return streams -> Workloads.trace(spec);
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
        new TreeMap<>(t.units()));
  }
}
