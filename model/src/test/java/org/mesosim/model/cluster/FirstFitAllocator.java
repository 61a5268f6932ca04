package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorContext;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/**
 * Test-only allocator: every interval (and on add framework/agent, revive, activate) each
 * activated agent's whole free pool goes to the first active, unsuppressed, unfiltered framework
 * in registration order. Filters expire after max(interval, refuse).
 */
final class FirstFitAllocator implements Allocator {
  private AllocatorContext ctx;
  private final TreeMap<AgentId, AgentState> agents = new TreeMap<>();
  private final LinkedHashMap<FrameworkId, FwState> frameworks = new LinkedHashMap<>();
  private boolean paused;

  static final class AgentState {
    ResourceSet total;
    ResourceSet allocated = ResourceSet.EMPTY;
    boolean active = true;
  }

  static final class FwState {
    FrameworkInfo info;
    boolean active = true;
    boolean suppressed;
    final TreeMap<AgentId, Long> filters = new TreeMap<>();
  }

  static AllocatorPolicy policy() {
    return new AllocatorPolicy() {
      @Override
      public String name() {
        return "first-fit-test";
      }

      @Override
      public String description() {
        return "test allocator";
      }

      @Override
      public List<PolicyOption> options() {
        return List.of();
      }

      @Override
      public Allocator create(Map<String, Object> options) {
        return new FirstFitAllocator();
      }
    };
  }

  @Override
  public void initialize(AllocatorContext context) {
    this.ctx = context;
    schedule();
  }

  private void schedule() {
    ctx.simulation().schedule(ctx.allocationInterval(), () -> {
      allocate(null);
      schedule();
    });
  }

  private void allocate(AgentId only) {
    if (paused) {
      return;
    }
    long now = ctx.simulation().now();
    LinkedHashMap<FrameworkId, TreeMap<AgentId, ResourceSet>> out = new LinkedHashMap<>();
    for (var e : agents.entrySet()) {
      if (only != null && !only.equals(e.getKey())) {
        continue;
      }
      AgentState a = e.getValue();
      if (!a.active) {
        continue;
      }
      ResourceSet free = a.total.minus(a.allocated);
      for (var fe : frameworks.entrySet()) {
        FwState f = fe.getValue();
        if (!f.active || f.suppressed) {
          continue;
        }
        Long until = f.filters.get(e.getKey());
        if (until != null) {
          if (until > now) {
            continue;
          }
          f.filters.remove(e.getKey());
        }
        ResourceSet cand = free.offerableTo(f.info.role());
        if (cand.quantity().cpus() < 0.01 && cand.quantity().mem() < 32) {
          break;
        }
        a.allocated = a.allocated.plus(cand);
        out.computeIfAbsent(fe.getKey(), k -> new TreeMap<>()).put(e.getKey(), cand);
        break;
      }
    }
    for (var e : out.entrySet()) {
      ctx.offers().offer(e.getKey(), e.getValue());
    }
  }

  @Override
  public void addFramework(FrameworkId id, FrameworkInfo info, SortedMap<AgentId, ResourceSet> used) {
    FwState f = new FwState();
    f.info = info;
    frameworks.put(id, f);
    allocate(null);
  }

  @Override
  public void removeFramework(FrameworkId id) {
    frameworks.remove(id);
  }

  @Override
  public void activateFramework(FrameworkId id) {
    FwState f = frameworks.get(id);
    if (f != null) {
      f.active = true;
      allocate(null);
    }
  }

  @Override
  public void deactivateFramework(FrameworkId id) {
    FwState f = frameworks.get(id);
    if (f != null) {
      f.active = false;
      f.suppressed = false;
      f.filters.clear();
    }
  }

  @Override
  public void addAgent(AgentId id, AgentInfo info, ResourceSet total, SortedMap<FrameworkId, ResourceSet> used) {
    AgentState a = new AgentState();
    a.total = total;
    for (ResourceSet u : used.values()) {
      a.allocated = a.allocated.plus(u);
    }
    agents.put(id, a);
    allocate(id);
  }

  @Override
  public void removeAgent(AgentId id) {
    agents.remove(id);
  }

  @Override
  public void activateAgent(AgentId id) {
    AgentState a = agents.get(id);
    if (a != null) {
      a.active = true;
    }
  }

  @Override
  public void deactivateAgent(AgentId id) {
    AgentState a = agents.get(id);
    if (a != null) {
      a.active = false;
    }
  }

  @Override
  public void recoverResources(FrameworkId framework, AgentId agent, ResourceSet resources, long refuseMicros) {
    AgentState a = agents.get(agent);
    if (a != null) {
      a.allocated = a.allocated.minus(resources);
    }
    FwState f = frameworks.get(framework);
    if (f != null && a != null && refuseMicros > 0) {
      f.filters.put(agent, ctx.simulation().now() + Math.max(refuseMicros, ctx.allocationInterval()));
    }
  }

  @Override
  public void suppressOffers(FrameworkId framework) {
    FwState f = frameworks.get(framework);
    if (f != null) {
      f.suppressed = true;
    }
  }

  @Override
  public void reviveOffers(FrameworkId framework) {
    FwState f = frameworks.get(framework);
    if (f != null) {
      f.suppressed = false;
      f.filters.clear();
      allocate(null);
    }
  }

  final TreeMap<String, org.mesosim.model.Resources> quotas = new TreeMap<>();

  @Override
  public void recover(int expectedAgents, SortedMap<String, org.mesosim.model.Resources> recovered) {
    for (var e : recovered.entrySet()) {
      setQuota(e.getKey(), e.getValue());
    }
  }

  @Override
  public void setQuota(String role, org.mesosim.model.Resources guarantee) {
    // As HierarchicalDRF: setting a quota twice is an error.
    if (quotas.putIfAbsent(role, guarantee) != null) {
      throw new IllegalArgumentException("quota for role '" + role + "' is already set");
    }
  }

  @Override
  public void removeQuota(String role) {}

  @Override
  public void updateWeights(SortedMap<String, Double> weights) {}

  @Override
  public void pause() {
    paused = true;
  }

  List<AgentId> agentIds() {
    return new ArrayList<>(agents.keySet());
  }
}
