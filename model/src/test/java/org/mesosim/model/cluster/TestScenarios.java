package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.AllocatorConfig;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.config.NetworkConfig;
import org.mesosim.model.config.SchedulerConfig;
import org.mesosim.model.config.ZooKeeperConfig;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;

/** Builders for small test clusters. */
final class TestScenarios {
  private TestScenarios() {}

  /** {@code jobs} jobs of {@code tasks} tasks each, submitted every {@code gap}, each task running {@code duration}. */
  static FrameworkConfig.WorkloadFactory jobs(String prefix, int jobs, int tasks, Resources res, long gap,
      long duration, TaskOutcome outcome, double failureProbability) {
    return streams -> {
      List<JobSpec> list = new ArrayList<>();
      for (int j = 0; j < jobs; j++) {
        List<TaskSpec> ts = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
          ts.add(new TaskSpec(Integer.toString(t), "", res, duration, outcome, failureProbability, List.of()));
        }
        list.add(JobSpec.of(prefix + j, j * gap, ts));
      }
      return listWorkload(list);
    };
  }

  static Workload listWorkload(List<JobSpec> list) {
    Iterator<JobSpec> it = list.iterator();
    return () -> it.hasNext() ? it.next() : null;
  }

  static FrameworkConfig framework(String name, FrameworkConfig.WorkloadFactory w) {
    return new FrameworkConfig(FrameworkInfo.of(name, "*"), Defaults.SCHEDULER, w);
  }

  static FrameworkConfig framework(FrameworkInfo info, SchedulerConfig sc, FrameworkConfig.WorkloadFactory w) {
    return new FrameworkConfig(info, sc, w);
  }

  static AgentGroup agents(String name, int count, double cpus, double mem) {
    return new AgentGroup(name, count, Resources.of(cpus, mem), new TreeMap<>(), new TreeMap<>());
  }

  static Builder builder() {
    return new Builder();
  }

  /** A mutable builder of {@link ModelConfig}. */
  static final class Builder {
    long seed = 1;
    long until = SimTime.NEVER;
    int zkServers = 3;
    long zkTimeout = 10 * SimTime.SECOND;
    int masters = 1;
    MasterFlags master = Defaults.MASTER;
    NetworkConfig network = Defaults.NETWORK;
    List<AgentGroup> agents = new ArrayList<>();
    List<FrameworkConfig> frameworks = new ArrayList<>();
    List<FaultSpec> faults = new ArrayList<>();
    TreeMap<String, org.mesosim.model.config.RoleConfig> roles = new TreeMap<>();
    org.mesosim.model.config.MaintenanceConfig maintenance = org.mesosim.model.config.MaintenanceConfig.NONE;

    Builder maintenance(org.mesosim.model.config.MaintenanceConfig m) {
      maintenance = m;
      return this;
    }

    Builder role(String name, double weight, Resources quota) {
      roles.put(name, new org.mesosim.model.config.RoleConfig(weight, quota));
      return this;
    }

    Builder seed(long s) {
      seed = s;
      return this;
    }

    Builder until(long u) {
      until = u;
      return this;
    }

    Builder masters(int m) {
      masters = m;
      return this;
    }

    Builder zk(int servers) {
      zkServers = servers;
      return this;
    }

    Builder master(MasterFlags f) {
      master = f;
      return this;
    }

    Builder loss(double loss) {
      network = new NetworkConfig(network.latency(), loss, network.lossModel());
      return this;
    }

    Builder lossModel(NetworkConfig.LossModel m) {
      network = new NetworkConfig(network.latency(), network.loss(), m);
      return this;
    }

    Builder latency(Distribution d) {
      network = new NetworkConfig(d, network.loss(), network.lossModel());
      return this;
    }

    Builder agents(AgentGroup g) {
      agents.add(g);
      return this;
    }

    Builder framework(FrameworkConfig f) {
      frameworks.add(f);
      return this;
    }

    Builder fault(FaultSpec f) {
      faults.add(f);
      return this;
    }

    /**
     * The allocator: the test-only first-fit one, or the policy class named by the system property
     * {@code mesosim.test.policy} (to run these scenarios against a real allocator by hand).
     */
    static AllocatorConfig allocator() {
      String policy = System.getProperty("mesosim.test.policy");
      if (policy == null) {
        return new AllocatorConfig(FirstFitAllocator.policy(), Defaults.ALLOCATION_INTERVAL, Map.of());
      }
      try {
        return new AllocatorConfig((org.mesosim.model.allocation.AllocatorPolicy) Class.forName(policy)
            .getDeclaredConstructor().newInstance(), Defaults.ALLOCATION_INTERVAL, Map.of());
      } catch (ReflectiveOperationException e) {
        throw new IllegalArgumentException(policy, e);
      }
    }

    ModelConfig build() {
      return new ModelConfig("test", seed, until, new ZooKeeperConfig(zkServers, zkTimeout), masters, master,
          Defaults.AGENT, network, agents, roles,
          allocator(), frameworks, faults,
          true, maintenance);
    }
  }
}
