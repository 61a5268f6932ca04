package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorContext;
import org.mesosim.model.allocation.Unavailability;

/**
 * Drives a {@link HierarchicalDrfAllocator} on a {@link Simulation} the way Mesos'
 * {@code hierarchical_allocator_tests.cpp} drives the real one: the clock moves only when the test
 * advances it ({@code Clock::advance} + {@code Clock::settle} = {@link #advance}), every call is
 * followed by a settle (running what is due at the current instant, e.g. 1.2 batched runs), and
 * offer callbacks land in a queue the test takes from ({@link #next}).
 */
final class AllocatorHarness {
  /** One offer callback. */
  record Offer(long time, FrameworkId framework, SortedMap<AgentId, ResourceSet> resources) {}

  /** One inverse-offer callback (Mesos' test fixture's {@code Deallocation}). */
  record Deallocation(long time, FrameworkId framework, SortedMap<AgentId, Unavailability> resources) {}

  final Simulation sim;
  final HierarchicalDrfAllocator allocator;
  final ArrayDeque<Offer> offers = new ArrayDeque<>();
  /** Mesos' fixture's {@code deallocations} queue. */
  final ArrayDeque<Deallocation> deallocations = new ArrayDeque<>();
  /**
   * Dispatch mode (Mesos 1.2+ tests, {@link #dispatching}): calls do not settle; what they trigger
   * runs when the test waits ({@link #next}, {@link #expectNoOffer}, {@link #settle},
   * {@link #advance}). This is libprocess' dispatch as the 1.2+ tests rely on it: the test thread
   * enqueues its calls to the allocator process, and the batched {@code _allocate} the first
   * trigger dispatched runs after all of them.
   */
  private final boolean dispatch;
  private int frameworks;
  private int agents;

  AllocatorHarness() {
    this(SimTime.SECOND, Map.of(), 42L);
  }

  AllocatorHarness(long interval, Map<String, Object> options, long seed) {
    this(interval, options, seed, false);
  }

  /** A harness in dispatch mode at {@code mesosVersion} (interval 1 s, seed 42). */
  static AllocatorHarness dispatching(String mesosVersion) {
    return dispatching(mesosVersion, 42L);
  }

  static AllocatorHarness dispatching(String mesosVersion, long seed) {
    return new AllocatorHarness(SimTime.SECOND, Map.of("mesosVersion", mesosVersion), seed, true);
  }

  /** Runs {@code test} at each version; a failure names the version it happened at. */
  static void atVersions(java.util.List<String> versions, java.util.function.Consumer<String> test) {
    for (String v : versions) {
      try {
        test.accept(v);
      } catch (AssertionError e) {
        throw new AssertionError("at mesosVersion " + v + ": " + e.getMessage(), e);
      }
    }
  }

  private AllocatorHarness(long interval, Map<String, Object> options, long seed, boolean dispatch) {
    this.dispatch = dispatch;
    sim = new Simulation(seed);
    allocator = new HierarchicalDrfAllocator(HierarchicalDrfOptions.parse(options));
    allocator.initialize(new AllocatorContext(sim, interval, sim.random().stream("allocator/shuffle"),
        (f, r) -> offers.add(new Offer(sim.now(), f, r)), options,
        (f, r) -> deallocations.add(new Deallocation(sim.now(), f, new TreeMap<>(r)))));
  }

  /**
   * Parses Mesos' resource text, e.g. {@code cpus:2;mem:1024;cpus(role1):1;disk:0}; a name ending in
   * {@code {REV}} (Mesos' print form of a revocable resource, {@code cpus(*){REV}:10}) is revocable.
   */
  static ResourceSet res(String text) {
    Resources un = Resources.EMPTY;
    Resources rev = Resources.EMPTY;
    TreeMap<String, Resources> reserved = new TreeMap<>();
    for (String part : text.split(";")) {
      String[] kv = part.trim().split(":");
      String name = kv[0].trim();
      double v = Double.parseDouble(kv[1].trim());
      int p = name.indexOf('(');
      if (name.endsWith("{REV}")) {
        String plain = name.substring(0, name.length() - 5).replace("(*)", "");
        rev = rev.plus(v == 0 ? Resources.EMPTY : Resources.of(plain, v));
      } else if (p >= 0) {
        String role = name.substring(p + 1, name.length() - 1);
        Resources r = v == 0 ? Resources.EMPTY : Resources.of(name.substring(0, p), v);
        reserved.merge(role, r, Resources::plus);
      } else if (v != 0) {
        un = un.plus(Resources.of(name, v));
      }
    }
    return ResourceSet.of(un, reserved, rev);
  }

  /** Mesos' {@code createRevocableResources(name, value)}. */
  static ResourceSet revocable(String name, String value) {
    return ResourceSet.revocable(Resources.of(name, Double.parseDouble(value)));
  }

  FrameworkId addFramework(String role) {
    return addFramework(role, Map.of());
  }

  FrameworkId addFramework(String role, Map<String, String> used) {
    FrameworkId id = new FrameworkId("framework" + (++frameworks));
    TreeMap<AgentId, ResourceSet> u = new TreeMap<>();
    used.forEach((a, r) -> u.put(new AgentId(a), res(r)));
    allocator.addFramework(id, FrameworkInfo.of(id.value(), role), u);
    afterCall();
    return id;
  }

  /** A framework with the GPU_RESOURCES capability ({@code createFrameworkInfo(role, {GPU_RESOURCES})}). */
  FrameworkId addGpuFramework(String role) {
    FrameworkId id = new FrameworkId("framework" + (++frameworks));
    allocator.addFramework(id, new FrameworkInfo(id.value(), role, 0L, false, false, true), new TreeMap<>());
    afterCall();
    return id;
  }

  /**
   * A framework with the REVOCABLE_RESOURCES capability
   * ({@code createFrameworkInfo(role, {REVOCABLE_RESOURCES})}).
   */
  FrameworkId addRevocableFramework(String role) {
    FrameworkId id = new FrameworkId("framework" + (++frameworks));
    allocator.addFramework(id, FrameworkInfo.of(id.value(), role).withRevocableResources(true), new TreeMap<>());
    afterCall();
    return id;
  }

  /** A framework with the SHARED_RESOURCES capability ({@code createFrameworkInfo(role, {SHARED_RESOURCES})}). */
  FrameworkId addSharedFramework(String role) {
    FrameworkId id = new FrameworkId("framework" + (++frameworks));
    allocator.addFramework(id, FrameworkInfo.of(id.value(), role).withSharedResources(true), new TreeMap<>());
    afterCall();
    return id;
  }

  /** {@code allocator->updateSlave(slaveId, oversubscribed)}; {@code oversubscribed} must be revocable only. */
  void updateSlave(AgentId agent, ResourceSet oversubscribed) {
    if (!oversubscribed.nonRevocable().isEmpty()) {
      throw new IllegalArgumentException("oversubscribed resources must be revocable: " + oversubscribed);
    }
    allocator.updateAgent(agent, oversubscribed.revocable());
    afterCall();
  }

  AgentId addAgent(String resources) {
    return addAgent(resources, Map.of());
  }

  AgentId addAgent(String resources, Map<FrameworkId, String> used) {
    AgentId id = new AgentId("agent" + (++agents));
    TreeMap<FrameworkId, ResourceSet> u = new TreeMap<>();
    used.forEach((f, r) -> u.put(f, res(r)));
    ResourceSet total = res(resources);
    allocator.addAgent(id, AgentInfo.of(id.value(), total), total, u);
    afterCall();
    return id;
  }

  /** Recovers everything in an offer, with a filter of {@code refuseMicros} (0: none). */
  void recover(Offer o, long refuseMicros) {
    for (Map.Entry<AgentId, ResourceSet> e : o.resources().entrySet()) {
      allocator.recoverResources(o.framework(), e.getKey(), e.getValue(), refuseMicros);
    }
    afterCall();
  }

  void settle() {
    sim.run(sim.now());
  }

  private void afterCall() {
    if (!dispatch) {
      settle();
    }
  }

  /** Clock::advance + settle. */
  void advance(long micros) {
    sim.run(sim.now() + micros);
  }

  void advanceTo(long time) {
    sim.run(time);
  }

  Offer next() {
    if (dispatch) {
      settle();
    }
    Offer o = offers.poll();
    assertNotNull(o, "expected an offer at t=" + sim.now());
    return o;
  }

  /** {@code deallocations.get()} + {@code AWAIT_READY}: the next inverse-offer callback. */
  Deallocation nextDeallocation() {
    if (dispatch) {
      settle();
    }
    Deallocation d = deallocations.poll();
    assertNotNull(d, "expected an inverse offer at t=" + sim.now());
    return d;
  }

  void expectNoDeallocation() {
    if (dispatch) {
      settle();
    }
    assertNull(deallocations.peek(), "expected no inverse offer");
  }

  /** {@code allocator->updateUnavailability(agent, unavailability)} ({@code null}: None()). */
  void updateUnavailability(AgentId agent, Unavailability unavailability) {
    allocator.updateUnavailability(agent, unavailability);
    afterCall();
  }

  void expectNoOffer() {
    if (dispatch) {
      settle();
    }
    assertNull(offers.peek(), "expected no offer");
  }

  /** Asserts the next offer exactly: framework, time, and agent → resources. */
  Offer expect(FrameworkId framework, Map<AgentId, String> resources) {
    Offer o = next();
    assertEquals(framework, o.framework(), "framework of the offer at t=" + o.time());
    assertEquals(sim.now(), o.time(), "offer time");
    LinkedHashMap<AgentId, ResourceSet> exp = new LinkedHashMap<>();
    resources.forEach((a, r) -> exp.put(a, res(r)));
    assertEquals(new TreeMap<>(exp), new TreeMap<>(o.resources()), "resources offered to " + framework);
    return o;
  }
}
