package org.mesosim.allocators;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.Durations;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.Allocator;
import org.mesosim.model.allocation.AllocatorContext;
import org.mesosim.model.allocation.AllocatorPolicy;

/**
 * Drives an allocator as a master would, with simulated frameworks, on a virtual clock: offers are
 * recorded, and each framework answers at the same virtual time (after the run) as its
 * {@link Behavior} says. Tasks never finish unless a test recovers them.
 */
final class OfferHarness {
  /** How a simulated framework answers an offer. */
  enum Behavior {
    /** Launch one task per offered agent if it fits; return the rest (refuse {@code refuseOnAccept}); decline a misfit (refuse {@code refuseOnDecline}). */
    ONE_TASK,
    /** Launch as many tasks as fit per offered agent; return the rest as ONE_TASK does. */
    FILL,
    /** Keep everything, never answer. */
    HOLD,
    /** Decline everything with {@code refuseOnDecline}. */
    DECLINE
  }

  /** One recorded offer callback. */
  record Offer(long time, String framework, SortedMap<AgentId, ResourceSet> resources) {
    @Override
    public String toString() {
      return Durations.formatSeconds(time) + " " + framework + " " + resources;
    }
  }

  /** A simulated framework. */
  final class SimFramework {
    final FrameworkId id;
    final String role;
    final Resources task;
    Behavior behavior;
    long refuseOnAccept;
    long refuseOnDecline;
    int tasks;
    /** Virtual microseconds a task runs; 0 = forever. */
    long taskDuration;
    final TreeMap<AgentId, List<ResourceSet>> running = new TreeMap<>();

    SimFramework(FrameworkId id, String role, Resources task, Behavior behavior) {
      this.id = id;
      this.role = role;
      this.task = task;
      this.behavior = behavior;
    }

    void answer(SortedMap<AgentId, ResourceSet> offered) {
      for (Map.Entry<AgentId, ResourceSet> e : offered.entrySet()) {
        ResourceSet left = e.getValue();
        boolean launched = false;
        if (behavior == Behavior.ONE_TASK || behavior == Behavior.FILL) {
          while (!task.isEmpty() && left.quantity().contains(task)) {
            ResourceSet t = ResourceSets.trimTo(left, task);
            left = left.minus(t);
            running.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(t);
            tasks++;
            if (taskDuration > 0) {
              AgentId agent = e.getKey();
              sim.schedule(taskDuration, () -> finish(agent, t));
            }
            launched = true;
            if (behavior == Behavior.ONE_TASK) {
              break;
            }
          }
        }
        if (behavior == Behavior.HOLD) {
          continue;
        }
        if (!left.isEmpty()) {
          allocator.recoverResources(id, e.getKey(), left, launched ? refuseOnAccept : refuseOnDecline);
        }
      }
    }

    private void finish(AgentId agent, ResourceSet task) {
      List<ResourceSet> l = running.get(agent);
      for (int i = 0; i < l.size(); i++) {
        if (l.get(i) == task) {
          l.remove(i);
          allocator.recoverResources(id, agent, task, 0);
          return;
        }
      }
    }

    /** Total resources of its running tasks. */
    Resources used() {
      Resources r = Resources.EMPTY;
      for (List<ResourceSet> l : running.values()) {
        for (ResourceSet t : l) {
          r = r.plus(t.quantity());
        }
      }
      return r;
    }
  }

  final Simulation sim;
  final Allocator allocator;
  final List<Offer> offers = new ArrayList<>();
  final TreeMap<String, SimFramework> frameworks = new TreeMap<>();
  private final TreeMap<FrameworkId, SimFramework> byId = new TreeMap<>();

  OfferHarness(AllocatorPolicy policy, Map<String, Object> options, long seed) {
    this(policy.create(options), seed);
  }

  OfferHarness(Allocator allocator, long seed) {
    this.sim = new Simulation(seed);
    this.allocator = allocator;
    allocator.initialize(new AllocatorContext(sim, SimTime.SECOND, sim.random().stream("allocator"),
        this::onOffer, Map.of()));
  }

  private void onOffer(FrameworkId framework, SortedMap<AgentId, ResourceSet> resources) {
    offers.add(new Offer(sim.now(), framework.value(), resources));
    SimFramework f = byId.get(framework);
    if (f != null) {
      sim.schedule(0L, () -> f.answer(resources));
    }
  }

  AgentId addAgent(String name, ResourceSet total) {
    AgentId id = new AgentId(name);
    allocator.addAgent(id, AgentInfo.of(name, total), total, new TreeMap<>());
    return id;
  }

  AgentId addAgent(String name, double cpus, double mem) {
    return addAgent(name, ResourceSet.unreserved(Resources.of(cpus, mem)));
  }

  SimFramework addFramework(String name, String role, Resources task, Behavior behavior) {
    return addFramework(FrameworkInfo.of(name, role), task, behavior);
  }

  SimFramework addFramework(FrameworkInfo info, Resources task, Behavior behavior) {
    FrameworkId id = new FrameworkId(info.name());
    SimFramework f = new SimFramework(id, info.role(), task, behavior);
    frameworks.put(info.name(), f);
    byId.put(id, f);
    allocator.addFramework(id, info, new TreeMap<>());
    return f;
  }

  /** Runs the clock to {@code seconds}. */
  void runTo(double seconds) {
    sim.run(Durations.ofSeconds(seconds));
  }

  /** Every offer so far, as text ({@code <time> <framework> {agent=resources, ...}}). */
  List<String> offerLog() {
    List<String> out = new ArrayList<>();
    for (Offer o : offers) {
      out.add(o.toString());
    }
    return out;
  }

  /** Times (seconds) of the offers to one framework. */
  List<Double> offerTimes(String framework) {
    List<Double> out = new ArrayList<>();
    for (Offer o : offers) {
      if (o.framework().equals(framework)) {
        out.add(o.time() / (double) SimTime.SECOND);
      }
    }
    return out;
  }

  SimFramework framework(String name) {
    return frameworks.get(name);
  }
}
