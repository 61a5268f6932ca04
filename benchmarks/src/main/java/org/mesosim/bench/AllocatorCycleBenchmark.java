package org.mesosim.bench;

import java.util.ArrayList;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.mesosim.allocators.drf.HierarchicalDrfAllocator;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.AgentId;
import org.mesosim.model.AgentInfo;
import org.mesosim.model.FrameworkId;
import org.mesosim.model.FrameworkInfo;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One HierarchicalDRF allocation run, in the shapes of Mesos' allocator benchmarks
 * ({@code src/tests/hierarchical_allocator_tests.cpp}, {@code HierarchicalAllocator_BENCHMARK_Test},
 * 1.1.0; benchmarks/README.md). All frameworks are in role {@code *}. Agents are
 * {@code cpus:24;mem:4096;disk:4096}; each is added with part of it in use by framework
 * {@code i mod F} (round-robin); port ranges are not modelled.
 *
 * <ul>
 *   <li>{@code DeclineOffers}: used {@code cpus:16;mem:2014;disk:1024}. Every round declines every
 *       offer with {@code refuse_seconds = INT_MAX}, then one periodic run is timed. The timed run
 *       is round 3 (each agent has already been refused by three frameworks, so filtered
 *       frameworks must be passed over to find the first eligible one).
 *   <li>{@code SuppressOffers}: used {@code cpus:16;mem:1024;disk:1024}. Every round recovers every
 *       offer without a filter and suppresses another fifth of the frameworks, then one periodic
 *       run is timed. The timed run is Mesos' round 3: four fifths of the frameworks are
 *       suppressed, one fifth receives every agent.
 * </ul>
 *
 * <p>{@link #allocationRun} is one timed run (single shot; the state is rebuilt for every
 * iteration, outside the timing). {@link #unchangedRun} times a periodic run when nothing changed
 * since the last one (it is skipped in O(1)).
 *
 * <p>Run (short settings on a shared machine):
 * <pre>
 * mvn -B -ntp -q -pl benchmarks -am clean package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar AllocatorCycleBenchmark -f 1 -wi 1 -i 3 -w 1s -r 1s \
 *     -p agents=10000 -p frameworks=1000
 * </pre>
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AllocatorCycleBenchmark {
  /** Rounds run (untimed, in the iteration's setup) before the timed one. */
  public static final int TIMED_ROUND = 3;

  @Param({"1000", "10000", "20000", "50000"})
  public int agents;

  @Param({"100", "1000", "2000"})
  public int frameworks;

  @Param({"DeclineOffers", "SuppressOffers"})
  public String shape;

  private Simulation sim;
  private HierarchicalDrfAllocator allocator;
  private final ArrayList<Object[]> offers = new ArrayList<>();
  private FrameworkId[] fws;
  private int suppressed;

  @Setup(Level.Iteration)
  public void setUp(BenchmarkParams params) {
    sim = new Simulation(1L);
    allocator = new HierarchicalDrfAllocator();
    offers.clear();
    allocator.initialize(new AllocatorContext(sim, SimTime.SECOND, sim.random().stream("allocator/shuffle"),
        (f, r) -> offers.add(new Object[] {f, r}), Map.of()));
    boolean decline = shape.equals("DeclineOffers");
    Resources agentTotal = Resources.of(24, 4096, 4096);
    Resources used = decline ? Resources.of(16, 2014, 1024) : Resources.of(16, 1024, 1024);
    // Paused while building, so that adding 50k agents does not run 50k scoped allocations;
    // the first periodic run then offers every agent's free part once.
    allocator.pause();
    fws = new FrameworkId[frameworks];
    for (int i = 0; i < frameworks; i++) {
      fws[i] = new FrameworkId(String.format("framework-%05d", i));
      allocator.addFramework(fws[i], FrameworkInfo.of(fws[i].value(), "*"), new TreeMap<>());
    }
    ResourceSet total = ResourceSet.unreserved(agentTotal);
    for (int i = 0; i < agents; i++) {
      AgentId id = new AgentId(String.format("agent-%06d", i));
      TreeMap<FrameworkId, ResourceSet> u = new TreeMap<>();
      u.put(fws[i % frameworks], ResourceSet.unreserved(used));
      allocator.addAgent(id, AgentInfo.of(id.value(), total), total, u);
    }
    allocator.resume();
    suppressed = 0;
    for (int round = 0; round < TIMED_ROUND; round++) {
      prepareRound();
      tick();
    }
    prepareRound();
    if (params.getBenchmark().endsWith("unchangedRun")) {
      tick(); // the last run that changes something happens here, untimed
      offers.clear();
    }
  }

  /** Declines (or recovers) every outstanding offer as the shape says; suppresses for SuppressOffers. */
  private void prepareRound() {
    boolean decline = shape.equals("DeclineOffers");
    long refuse = decline ? Integer.MAX_VALUE * SimTime.SECOND : 0L;
    for (Object[] o : offers) {
      FrameworkId f = (FrameworkId) o[0];
      @SuppressWarnings("unchecked")
      SortedMap<AgentId, ResourceSet> m = (SortedMap<AgentId, ResourceSet>) o[1];
      for (Map.Entry<AgentId, ResourceSet> e : m.entrySet()) {
        allocator.recoverResources(f, e.getKey(), e.getValue(), refuse);
      }
    }
    offers.clear();
    if (!decline) {
      int target = Math.min(frameworks, suppressed + frameworks / 5);
      for (; suppressed < target; suppressed++) {
        allocator.suppressOffers(fws[suppressed]);
      }
    }
  }

  private int tick() {
    sim.run(sim.now() + SimTime.SECOND);
    return offers.size();
  }

  /** One periodic allocation run over every agent (Mesos: "allocate() took ..."). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  public int allocationRun() {
    return tick();
  }

  /**
   * A periodic run with nothing changed since the last (skipped in O(1)): the setup makes the
   * last real run; offers are kept, nothing comes back.
   */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int unchangedRun() {
    if (!offers.isEmpty()) {
      offers.clear(); // keep what was offered: nothing comes back, nothing changes
    }
    return tick();
  }
}
