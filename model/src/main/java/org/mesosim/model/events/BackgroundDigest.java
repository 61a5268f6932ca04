package org.mesosim.model.events;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.mesosim.engine.Digest;

/**
 * Folds the event stream into the run's {@link Digest} on a worker thread instead of the
 * simulation's: the simulation hands over references to the (immutable) event records in batches,
 * in emission order, and the worker folds them in that order, so the digest is the same value as
 * with {@link DigestObserver}, bit for bit. The event loop itself stays single-threaded; only this
 * pure function of its output moves to the machine's other core.
 *
 * <p>Memory is bounded: at most {@code BATCHES} batches of {@code BATCH} references are in flight;
 * the simulation waits for the worker when they are all taken. Read the digest only after
 * {@link #finish}, which folds what is left and waits for the worker.
 */
public final class BackgroundDigest implements ModelObserver, AutoCloseable {
  /** Event references per batch. */
  public static final int BATCH = 4096;
  /** Batches in flight at most (the simulation waits when the worker holds them all). */
  public static final int BATCHES = 8;
  private static final ModelEvent[] END = new ModelEvent[0];

  private final Consumer<ModelEvent> fold;
  private final BlockingQueue<ModelEvent[]> full = new ArrayBlockingQueue<>(BATCHES + 1);
  private final BlockingQueue<ModelEvent[]> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread worker;
  private ModelEvent[] batch;
  private int n;
  private volatile Throwable failure;
  private boolean finished; // finish() began
  private boolean complete; // finish() succeeded: the digest is whole
  private boolean closed;

  /** Starts the worker (a daemon thread named after {@code name}). */
  public BackgroundDigest(Digest digest, String name) {
    this(e -> e.digestInto(digest), name);
  }

  /** As above, with the worker applying {@code fold} to each event (tests inject failures here). */
  BackgroundDigest(Consumer<ModelEvent> fold, String name) {
    this.fold = fold;
    for (int i = 0; i < BATCHES - 1; i++) {
      free.add(new ModelEvent[BATCH]);
    }
    batch = new ModelEvent[BATCH];
    worker = new Thread(this::work, "digest-" + name);
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void on(ModelEvent event) {
    ModelEvent[] b = batch;
    b[n++] = event;
    if (n == b.length) {
      hand(b);
      batch = take();
      n = 0;
    }
  }

  /**
   * Folds every event handed so far and stops the worker; the digest is then complete. Again after
   * that, it does nothing; after {@link #close} or a finish that failed, it throws: the digest is not
   * whole and must not be read.
   */
  public void finish() {
    if (complete) {
      return;
    }
    if (closed || finished) {
      throw new IllegalStateException("the digest was abandoned before it was complete");
    }
    finished = true;
    if (n < batch.length) {
      batch[n] = null; // the worker stops at the first null
    }
    hand(batch);
    hand(END);
    try {
      worker.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the digest was being completed", e);
    }
    rethrowFailure();
    complete = true;
  }

  /**
   * Stops the worker without waiting for a result (a failed run, or a {@link #finish} that threw).
   * Safe to call at any time and more than once.
   */
  @Override
  public void close() {
    closed = true;
    if (worker.isAlive()) {
      worker.interrupt();
    }
  }

  /** Whether the worker thread still runs (tests). */
  boolean workerAlive() {
    return worker.isAlive();
  }

  /** An Error in the worker (out of memory, say) is rethrown as it is; anything else is wrapped. */
  private void rethrowFailure() {
    Throwable f = failure;
    if (f instanceof Error err) {
      throw err;
    }
    if (f != null) {
      throw new IllegalStateException("digest worker failed: " + f, f);
    }
  }

  private void hand(ModelEvent[] b) {
    rethrowFailure();
    try {
      full.put(b);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing events to the digest", e);
    }
  }

  private ModelEvent[] take() {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the digest", e);
    }
  }

  private void work() {
    ModelEvent[] b = null;
    try {
      while (true) {
        b = full.take();
        if (b == END) {
          return;
        }
        int i = 0;
        for (; i < b.length && b[i] != null; i++) {
          fold.accept(b[i]);
        }
        Arrays.fill(b, 0, i, null);
        free.put(b);
        b = null;
      }
    } catch (InterruptedException e) {
      // close(): the run failed, nobody reads the digest
    } catch (Throwable t) {
      failure = t;
      // Never leave the simulation waiting for a free batch: hand back the one in hand (no new
      // allocation, which may be what just failed); the simulation sees the failure next.
      if (b != null && b != END) {
        Arrays.fill(b, null);
        free.offer(b);
      }
    }
  }
}
