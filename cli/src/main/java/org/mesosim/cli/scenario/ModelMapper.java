package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.AllocatorConfig;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.NetworkConfig;
import org.mesosim.model.config.RoleConfig;

/** Maps a validated {@link Scenario} onto the model's {@link ModelConfig}. */
public final class ModelMapper {
  private ModelMapper() {}

  /**
   * The model configuration of a scenario (frameworks expanded, presets resolved) for one run;
   * nobody closes the workloads a run leaves open (see the overload).
   */
  public static ModelConfig toModel(Scenario s, ScenarioCatalog catalog, boolean checkInvariants) {
    return toModel(s, catalog, checkInvariants, new OpenedWorkloads());
  }

  /**
   * The model configuration of a scenario for <em>one</em> run: its workload factories may share
   * per-run state (one reader per {@code splitBy} entry), so a configuration is never run twice.
   * The workloads the run opens are registered with {@code opened}; close it when the run ends.
   */
  public static ModelConfig toModel(Scenario s, ScenarioCatalog catalog, boolean checkInvariants,
      OpenedWorkloads opened) {
    List<AgentGroup> agents = agentGroups(s, catalog);
    List<FrameworkConfig.WorkloadFactory> factories = catalog.workloads(s, agents, opened);
    List<FrameworkConfig> frameworks = new ArrayList<>();
    for (int i = 0; i < s.expanded().size(); i++) {
      Scenario.Expanded e = s.expanded().get(i);
      Scenario.Framework f = e.spec();
      FrameworkInfo info = new FrameworkInfo(e.name(), e.role(), f.failoverTimeout(), f.checkpoint(),
          f.partitionAware(), f.gpuResources(), f.revocableResources(), f.sharedResources());
      frameworks.add(new FrameworkConfig(info, f.scheduler(), factories.get(i), f.revocableTasks()));
    }
    List<FaultSpec> faults = new ArrayList<>();
    for (Scenario.Fault f : s.faults()) {
      List<FaultTarget> targets = new ArrayList<>();
      for (String t : f.targets()) {
        targets.add(target(t));
      }
      faults.add(new FaultSpec(f.at(), f.every() == null ? null : f.every().value(), f.action(), targets,
          f.recoverAfter() == null ? null : f.recoverAfter().value()));
    }
    AllocatorConfig allocator = new AllocatorConfig(catalog.policy(s.allocator().policy()).orElseThrow(),
        s.allocator().interval(), s.allocator().typedOptions(), s.allocator().allocators());
    Scenario.Cluster c = s.cluster();
    return new ModelConfig(s.name(), s.seed(), s.until(), c.zookeeper(), c.masters(), c.master(), c.agent(),
        new NetworkConfig(c.latency().value(), c.loss(), c.lossModel()), agents, new TreeMap<>(s.roles()), allocator, frameworks,
        faults, checkInvariants, s.maintenance(), oversubscription(s));
  }

  /** The agent groups' resource estimators (docs/oversubscription.md); none unless a group sets one. */
  static org.mesosim.model.config.Oversubscription oversubscription(Scenario s) {
    TreeMap<String, org.mesosim.model.config.Oversubscription.Estimator> m = new TreeMap<>();
    for (Scenario.Agents a : s.cluster().agents()) {
      if (a.estimator() != null && a.name() != null) {
        m.put(a.name(), a.estimator());
      }
    }
    return m.isEmpty() ? org.mesosim.model.config.Oversubscription.NONE
        : new org.mesosim.model.config.Oversubscription(m);
  }

  /** Agent groups in scenario order, presets expanded. */
  public static List<AgentGroup> agentGroups(Scenario s, ScenarioCatalog catalog) {
    List<AgentGroup> agents = new ArrayList<>();
    for (Scenario.Agents a : s.cluster().agents()) {
      if (a.preset() != null || a.machines() != null) {
        agents.addAll(catalog.presetGroups(a));
      } else {
        agents.add(new AgentGroup(a.name(), a.count(), a.resources(), a.attributes(), a.reservations()));
      }
    }
    return agents;
  }

  /** Resource names of the cluster's agents, in output order. */
  public static List<String> resourceNames(List<AgentGroup> agents) {
    List<String> names = new ArrayList<>();
    for (AgentGroup g : agents) {
      names.addAll(g.resources().names());
    }
    return ResourceNames.outputOrder(names);
  }

  /** Role weights of every role a framework uses or the scenario lists (unlisted: 1). */
  public static SortedMap<String, Double> roleWeights(Scenario s) {
    SortedMap<String, Double> w = new TreeMap<>();
    for (Scenario.Expanded e : s.expanded()) {
      RoleConfig r = s.roles().get(e.role());
      w.put(e.role(), r == null ? 1.0 : r.weight());
    }
    s.roles().forEach((k, v) -> w.put(k, v.weight()));
    return w;
  }

  /** Parses a fault target as written in scenarios (already validated). */
  public static FaultTarget target(String t) {
    if (t.equals("leading-master")) {
      return new FaultTarget(FaultTarget.Kind.LEADING_MASTER, "leading-master");
    }
    if (t.startsWith("master-")) {
      return new FaultTarget(FaultTarget.Kind.MASTER, t);
    }
    if (t.startsWith("zookeeper-")) {
      return new FaultTarget(FaultTarget.Kind.ZOOKEEPER, t);
    }
    int sp = t.indexOf(' ');
    String kind = t.substring(0, sp);
    String name = t.substring(sp + 1).trim();
    return switch (kind) {
      case "agent" -> new FaultTarget(FaultTarget.Kind.AGENT, name);
      case "agents" -> new FaultTarget(FaultTarget.Kind.AGENT_GROUP, name);
      default -> new FaultTarget(FaultTarget.Kind.FRAMEWORK, name);
    };
  }
}
