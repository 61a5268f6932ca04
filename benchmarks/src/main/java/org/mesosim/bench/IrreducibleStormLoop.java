package org.mesosim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The floor of the decline storm: a plain loop doing only the work one offer of the storm cannot
 * avoid (issue 17), on the shape of {@code mesosim bench --workload decline-storm}. Per simulated
 * second (one allocation run): shuffle the agents; for each, order the frameworks by weighted
 * dominant share, take the first whose filter on the agent has expired, offer it the agent's free
 * vector (add it to the framework's allocation, give the offer an id, fold it into a digest); then
 * the framework's fit test (does its queued shape fit the free vector: never here), the decline
 * (take it back out of the allocation, fold the decline into the digest) and a 1 s filter. No
 * messages, no events, no records: what the model spends above this is the cost of its design.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.mesosim.bench.IrreducibleStormLoop 10000 3 60
 * </pre>
 * Prints the simulation thread's CPU time per offer (ThreadMXBean), best of five repetitions.
 */
public final class IrreducibleStormLoop {
  private IrreducibleStormLoop() {}

  private static final int R = 2; // cpus, mem (thousandths)
  private static final long SECOND = 1_000_000L;

  /** One run of {@code seconds} simulated seconds; returns {offers, digest}. */
  static long[] run(int agents, int frameworks, int seconds, long seed) {
    long[] free = new long[agents * R];
    for (int a = 0; a < agents; a++) {
      free[a * R] = 1_000; // 1 cpu
      free[a * R + 1] = 63 * 1024 * 1_000L; // 63 GB
    }
    long[] total = {16_000L * agents, 64 * 1024 * 1_000L * agents};
    long[] alloc = new long[frameworks * R];
    double[] weight = new double[frameworks];
    java.util.Arrays.fill(weight, 1.0);
    long[] filterUntil = new long[frameworks * agents]; // expiry time per (framework, agent)
    long[] shape = {2_000, 1024 * 1_000L}; // the queued task: 2 cpus, 1 GB: fits nowhere
    int[] order = new int[agents];
    for (int i = 0; i < agents; i++) {
      order[i] = i;
    }
    long rng = seed;
    long digest = 0x9E3779B97F4A7C15L;
    long offerId = 0;
    long offers = 0;
    for (int s = 0; s < seconds; s++) {
      long now = s * SECOND;
      // Fisher-Yates with a xorshift generator.
      for (int i = agents - 1; i > 0; i--) {
        rng ^= rng << 13;
        rng ^= rng >>> 7;
        rng ^= rng << 17;
        int j = (int) Long.remainderUnsigned(rng, i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int k = 0; k < agents; k++) {
        int a = order[k];
        int best = -1;
        double bestShare = Double.MAX_VALUE;
        for (int f = 0; f < frameworks; f++) {
          if (filterUntil[f * agents + a] > now) {
            continue;
          }
          double share = 0;
          for (int r = 0; r < R; r++) {
            share = Math.max(share, alloc[f * R + r] / (double) total[r]);
          }
          share /= weight[f];
          if (share < bestShare) {
            bestShare = share;
            best = f;
          }
        }
        if (best < 0) {
          continue;
        }
        // Offer: into the allocation, an id, into the digest.
        long id = offerId++;
        for (int r = 0; r < R; r++) {
          alloc[best * R + r] += free[a * R + r];
        }
        digest = fold(digest, id, best, a, free[a * R], free[a * R + 1]);
        offers++;
        // The framework: does its queued shape fit? (never) -> decline with a 1 s filter.
        boolean fits = true;
        for (int r = 0; r < R; r++) {
          fits &= shape[r] <= free[a * R + r];
        }
        if (fits) {
          throw new IllegalStateException("the storm's tasks fit nowhere");
        }
        for (int r = 0; r < R; r++) {
          alloc[best * R + r] -= free[a * R + r];
        }
        digest = fold(digest, ~id, best, a, free[a * R], free[a * R + 1]);
        // Declined 2 ms later (two message latencies); filter max(interval, 1 s) from then.
        filterUntil[best * agents + a] = now + 2_000 + SECOND;
      }
    }
    return new long[] {offers, digest};
  }

  private static long fold(long h, long a, long b, long c, long d, long e) {
    h = (h ^ a) * 0x100000001B3L;
    h = (h ^ b) * 0x100000001B3L;
    h = (h ^ c) * 0x100000001B3L;
    h = (h ^ d) * 0x100000001B3L;
    return (h ^ e) * 0x100000001B3L;
  }

  public static void main(String[] args) {
    int agents = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int frameworks = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double best = Double.MAX_VALUE;
    long[] out = null;
    for (int rep = 0; rep < 5; rep++) {
      long t0 = threads.getCurrentThreadCpuTime();
      out = run(agents, frameworks, seconds, 42);
      long cpu = threads.getCurrentThreadCpuTime() - t0;
      best = Math.min(best, cpu / (double) out[0]);
    }
    System.out.println(String.format(Locale.ROOT,
        "irreducible storm loop: %d agents, %d frameworks, %d simulated s: %,d offers, %.1f ns of thread CPU per"
            + " offer (best of 5), digest %016x", agents, frameworks, seconds, out[0], best, out[1]));
  }
}
