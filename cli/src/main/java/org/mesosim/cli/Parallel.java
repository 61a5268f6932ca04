package org.mesosim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks on a bounded pool and returns their outcomes in submission order. Each
 * simulation is single-threaded and owns all its state, so running them in parallel gives the
 * same results as running them one by one.
 */
public final class Parallel {
  private Parallel() {}

  /** A task's outcome: a value or the exception it threw. */
  public record Outcome<T>(T value, Exception error) {}

  /** Runs {@code tasks} on at most {@code threads} threads; outcomes in the order of {@code tasks}. */
  public static <T> List<Outcome<T>> runAll(List<Callable<T>> tasks, int threads) throws InterruptedException {
    int n = Math.max(1, Math.min(threads, tasks.size()));
    ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, "mesosim-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> c : tasks) {
        futures.add(pool.submit(c));
      }
      List<Outcome<T>> out = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          out.add(new Outcome<>(f.get(), null));
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          out.add(new Outcome<>(null, c instanceof Exception ex ? ex : new RuntimeException(c)));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Default parallelism: the machine's processors. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }
}
