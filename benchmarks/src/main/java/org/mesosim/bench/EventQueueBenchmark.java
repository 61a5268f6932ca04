package org.mesosim.bench;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.mesosim.engine.EventQueue;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The classic hold model on several pending-event sets: the queue holds {@code pending} events;
 * each step removes the earliest, advances the clock to it, and its action schedules one
 * successor at {@code now + Exp(mean 1 s)} (microsecond times). The pending size is therefore
 * constant, and the score is events fired per microsecond (= millions of events per second).
 *
 * <p>Implementations, all measured in the same run so that ratios are meaningful on a shared
 * machine:
 *
 * <ul>
 *   <li>{@code ours}: {@link EventQueue}, with one pre-built {@link Runnable} reused for every
 *       event, so the steady state allocates nothing;
 *   <li>{@code priorityQueue}: {@link java.util.PriorityQueue} of immutable event objects
 *       (time, seq, action) ordered by (time, seq), one new object per scheduled event — the
 *       straightforward Java event list;
 *   <li>{@code ssjHenriksen}, {@code ssjSplayTree}, {@code ssjBinaryTree}: SSJ 3.3.2's event
 *       lists with a reused {@link Event} (SSJ allocates its own list entry per add).
 * </ul>
 *
 * <p>The exponential increments are drawn once in {@code @Setup} from a fixed seeded stream and
 * replayed cyclically, identically for every implementation, so generator cost is not measured.
 *
 * <p>Run (see benchmarks/README.md): {@code java -jar benchmarks/target/benchmarks.jar
 * EventQueueBenchmark -f 1 -wi 2 -i 3 -w 1s -r 1s -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EventQueueBenchmark {
  /** Events fired per benchmark invocation. */
  static final int BATCH = 1024;

  private static final int DELTAS = 1 << 20;
  private static final int MASK = DELTAS - 1;

  /** Exp(mean 1 s) increments in microseconds, at least 1, from a fixed stream. */
  static long[] deltas() {
    UniformRandomProvider rng = RandomStreams.create(1, "bench/event-queue/hold");
    ContinuousDistribution.Sampler s = ExponentialDistribution.of(SimTime.SECOND).createSampler(rng);
    long[] d = new long[DELTAS];
    for (int i = 0; i < DELTAS; i++) {
      d[i] = Math.max(1, Math.round(s.sample()));
    }
    return d;
  }

  /** Our {@link EventQueue}. */
  @State(Scope.Thread)
  public static class Ours {
    @Param({"1000", "10000", "100000", "1000000"})
    int pending;

    EventQueue queue;
    long now;
    long[] deltas;
    int next;

    @Setup
    public void setup() {
      deltas = deltas();
      queue = new EventQueue(pending);
      Runnable hold = new Runnable() {
        @Override
        public void run() {
          queue.add(now + deltas[next++ & MASK], this);
        }
      };
      for (int i = 0; i < pending; i++) {
        queue.add(deltas[next++ & MASK], hold);
      }
    }
  }

  /** An immutable event object for the {@link PriorityQueue} baseline. */
  static final class Ev implements Comparable<Ev> {
    final long time;
    final long seq;
    final Runnable action;

    Ev(long time, long seq, Runnable action) {
      this.time = time;
      this.seq = seq;
      this.action = action;
    }

    @Override
    public int compareTo(Ev o) {
      int c = Long.compare(time, o.time);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  /** {@link PriorityQueue} of {@link Ev}. */
  @State(Scope.Thread)
  public static class Pq {
    @Param({"1000", "10000", "100000", "1000000"})
    int pending;

    PriorityQueue<Ev> queue;
    long now;
    long seq;
    long[] deltas;
    int next;

    @Setup
    public void setup() {
      deltas = deltas();
      queue = new PriorityQueue<>(pending + 1);
      Runnable hold = new Runnable() {
        @Override
        public void run() {
          queue.add(new Ev(now + deltas[next++ & MASK], seq++, this));
        }
      };
      for (int i = 0; i < pending; i++) {
        queue.add(new Ev(deltas[next++ & MASK], seq++, hold));
      }
    }
  }

  /** An SSJ event list; subclasses choose which. */
  @State(Scope.Thread)
  public abstract static class Ssj {
    @Param({"1000", "10000", "100000", "1000000"})
    int pending;

    EventList list;
    double now;
    long[] deltas;
    int next;

    abstract EventList create();

    @Setup
    public void setup() {
      deltas = deltas();
      list = create();
      for (int i = 0; i < pending; i++) {
        Event e = new HoldEvent(this);
        e.setTime(deltas[next++ & MASK]);
        list.add(e);
      }
    }
  }

  /** Reschedules itself on its list, like {@code ours}' action. */
  static final class HoldEvent extends Event {
    private final Ssj s;

    HoldEvent(Ssj s) {
      this.s = s;
    }

    /**
     * What SSJ's {@code Event.schedule(delay)} does minus its checks: SSJ's own simulator marks a
     * fired event unscheduled ({@code eventTime = -10}) before running it, and {@code setTime}
     * refuses a scheduled event, so the time is set directly here.
     */
    @Override
    public void actions() {
      eventTime = s.now + s.deltas[s.next++ & MASK];
      s.list.add(this);
    }
  }

  /** SSJ's Henriksen list. */
  @State(Scope.Thread)
  public static class SsjHenriksen extends Ssj {
    @Override
    EventList create() {
      return new Henriksen();
    }
  }

  /** SSJ's splay tree. */
  @State(Scope.Thread)
  public static class SsjSplay extends Ssj {
    @Override
    EventList create() {
      return new SplayTree();
    }
  }

  /** SSJ's binary tree. */
  @State(Scope.Thread)
  public static class SsjBinaryTree extends Ssj {
    @Override
    EventList create() {
      return new BinaryTree();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long ours(Ours s) {
    EventQueue q = s.queue;
    for (int k = 0; k < BATCH; k++) {
      long t = q.peekTime();
      Runnable action = q.poll();
      s.now = t;
      action.run();
    }
    return s.now;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public long priorityQueue(Pq s) {
    PriorityQueue<Ev> q = s.queue;
    for (int k = 0; k < BATCH; k++) {
      Ev e = q.poll();
      s.now = e.time;
      e.action.run();
    }
    return s.now;
  }

  private static double ssj(Ssj s) {
    EventList l = s.list;
    for (int k = 0; k < BATCH; k++) {
      Event e = l.removeFirst();
      s.now = e.time();
      e.actions();
    }
    return s.now;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double ssjHenriksen(SsjHenriksen s) {
    return ssj(s);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double ssjSplayTree(SsjSplay s) {
    return ssj(s);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double ssjBinaryTree(SsjBinaryTree s) {
    return ssj(s);
  }
}
