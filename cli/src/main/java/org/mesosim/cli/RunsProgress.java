package org.mesosim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One progress line for a batch of runs ({@code compare}, {@code sweep}) on stderr, rewritten in place
 * ({@code \r}) when a run starts or ends and once a second: runs done, running, failed, of the total,
 * and wall time. Only when enabled (stderr is a terminal and not {@code --quiet}); otherwise it prints
 * nothing. Wall-clock time is read here only, for the user's eyes; no result depends on it.
 */
public final class RunsProgress implements AutoCloseable {
  private final PrintWriter err;
  private final String what;
  private final int total;
  private final boolean enabled;
  private final long start = System.nanoTime();
  private int running;
  private int done;
  private int failed;
  private boolean printed;
  private boolean closed;
  private final ScheduledExecutorService ticker;

  /**
   * @param err where the line goes
   * @param what the command's name, first on the line
   * @param total runs to do
   * @param enabled whether to print at all
   */
  public RunsProgress(PrintWriter err, String what, int total, boolean enabled) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.enabled = enabled && total > 0;
    if (this.enabled) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mesosim-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    } else {
      ticker = null;
    }
  }

  /** {@code task} counted as running while it runs, then done or failed. */
  public <T> Callable<T> wrap(Callable<T> task) {
    return () -> {
      change(1, 0, 0);
      boolean ok = false;
      try {
        T v = task.call();
        ok = true;
        return v;
      } finally {
        change(-1, ok ? 1 : 0, ok ? 0 : 1);
      }
    };
  }

  private synchronized void change(int dRunning, int dDone, int dFailed) {
    running += dRunning;
    done += dDone;
    failed += dFailed;
    print();
  }

  /** The text of the line (without the carriage return). */
  public synchronized String line() {
    double wall = (System.nanoTime() - start) / 1e9;
    return String.format(Locale.ROOT, "%s: %d of %d runs done, %d running%s, %.0f s", what, done, total, running,
        failed > 0 ? ", " + failed + " failed" : "", wall);
  }

  private synchronized void print() {
    if (!enabled || closed) {
      return;
    }
    err.print("\r" + line() + "   ");
    err.flush();
    printed = true;
  }

  /** Clears the line. */
  @Override
  public synchronized void close() {
    closed = true;
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (printed) {
      err.print("\r" + " ".repeat(line().length() + 3) + "\r");
      err.flush();
    }
  }
}
