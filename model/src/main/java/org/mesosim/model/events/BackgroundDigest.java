package org.mesosim.model.events;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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

  private final Digest digest;
  private final BlockingQueue<ModelEvent[]> full = new ArrayBlockingQueue<>(BATCHES + 1);
  private final BlockingQueue<ModelEvent[]> free = new ArrayBlockingQueue<>(BATCHES);
  private final Thread worker;
  private ModelEvent[] batch;
  private int n;
  private volatile Throwable failure;
  private boolean finished;

  /** Starts the worker (a daemon thread named after {@code name}). */
  public BackgroundDigest(Digest digest, String name) {
    this.digest = digest;
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

  /** Folds every event handed so far and stops the worker; the digest is then complete. */
  public void finish() {
    if (finished) {
      return;
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
    if (failure != null) {
      throw new IllegalStateException("digest worker failed: " + failure, failure);
    }
  }

  /** Stops the worker without waiting for a result (a failed run). */
  @Override
  public void close() {
    if (!finished) {
      finished = true;
      worker.interrupt();
    }
  }

  private void hand(ModelEvent[] b) {
    try {
      if (failure != null) {
        throw new IllegalStateException("digest worker failed: " + failure, failure);
      }
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
    try {
      while (true) {
        ModelEvent[] b = full.take();
        if (b == END) {
          return;
        }
        int i = 0;
        for (; i < b.length && b[i] != null; i++) {
          b[i].digestInto(digest);
        }
        Arrays.fill(b, 0, i, null);
        free.put(b);
      }
    } catch (InterruptedException e) {
      // close(): the run failed, nobody reads the digest
    } catch (Throwable t) {
      failure = t;
      free.clear();
      free.offer(new ModelEvent[BATCH]); // never leave the simulation waiting; it sees the failure next
    }
  }
}
