package org.mesosim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mesosim.cli.Services;
import org.mesosim.cli.commands.BenchCommand;
import org.mesosim.cli.scenario.ModelMapper;
import org.mesosim.cli.scenario.OpenedWorkloads;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.Simulation;
import org.mesosim.model.MesosCluster;
import org.mesosim.model.events.BackgroundDigest;
import org.mesosim.model.events.ModelEvent;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The decline storm end to end (the same scenario as {@code mesosim bench --workload
 * decline-storm}, {@link BenchCommand#stormYaml}): {@code agents} agents kept nearly full, {@code
 * frameworks} frameworks whose queued tasks fit nowhere, each declining what it is offered with
 * {@code refuseSeconds: 1}. The whole model runs (master, allocator, schedulers, messages, the
 * digest on its worker thread); one operation is one simulated second, which offers about every
 * agent once. The {@code offers} counter gives offers per second of benchmark time: its inverse is
 * the cost of one offer (offer, decline, filter, records and digest included).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DeclineStormBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s \
 *     -p agents=10000 -p frameworks=3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeclineStormBenchmark {
  @Param({"1000", "10000"})
  public int agents;

  @Param({"3", "100"})
  public int frameworks;

  private Simulation sim;
  private BackgroundDigest digest;
  private OpenedWorkloads opened;
  private long offersMade;

  /** Offers made per second of benchmark time (JMH reports the rate): ns per offer = 1e9 / rate. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Offers {
    public long offers;
  }

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Services services = Services.standard();
    // A year of simulated time: never reached, the benchmark advances it second by second.
    String yaml = BenchCommand.stormYaml(agents, frameworks, 1, 365L * 86_400, "hierarchical-drf");
    Scenario s = new ScenarioLoader(services.catalog()).parse(yaml, "bench", Path.of("bench.yaml"), List.of());
    opened = new OpenedWorkloads();
    sim = new Simulation(s.seed());
    MesosCluster cluster = new MesosCluster(sim, ModelMapper.toModel(s, services.catalog(), false, opened));
    digest = cluster.digestInBackground();
    cluster.addObserver(e -> {
      if (e instanceof ModelEvent.OfferMade) {
        offersMade++;
      }
    });
    cluster.start();
    // Past the filler's placements and the storm frameworks' first offers.
    sim.run(10 * SimTime.SECOND);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    digest.close();
    opened.close();
  }

  /** One simulated second of the storm: one allocation run over every agent and its declines. */
  @Benchmark
  public long oneSimulatedSecond(Offers counter) {
    long before = offersMade;
    sim.run(sim.now() + SimTime.SECOND);
    counter.offers += offersMade - before;
    return offersMade;
  }
}
