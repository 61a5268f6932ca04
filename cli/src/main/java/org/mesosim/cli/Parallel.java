package org.mesosim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mesosim.engine.BadInputException;

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

  /**
   * The error that ends a command some of whose {@code total} runs failed ({@code failures} in run
   * order, each already named to the user): "N of M runs failed" plus {@code more}; the first
   * failure decides the kind (bad input stays bad input: exit code 2), and every failure is attached
   * as suppressed, so {@code --debug} shows each one's stack trace.
   */
  public static Exception failedRuns(List<Exception> failures, int total, String more) {
    String count = failures.size() + " of " + total + " run" + (total == 1 ? "" : "s") + " failed" + more;
    Exception e = failures.get(0) instanceof BadInputException ? new BadInputException(count)
        : new IllegalStateException(count);
    failures.forEach(e::addSuppressed);
    return e;
  }

  /** Default parallelism: the machine's processors. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }
}
