package org.mesosim.model.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** How {@link BackgroundDigest} behaves when its worker fails or the run is abandoned. */
class BackgroundDigestFailureTest {
  private static ModelEvent event(int i) {
    return new ModelEvent.OffersRevived(i, "A");
  }

  @Test
  void anErrorInTheWorker_isRethrownAsItIs() {
    OutOfMemoryError oom = new OutOfMemoryError("test");
    BackgroundDigest bg = new BackgroundDigest(e -> {
      throw oom;
    }, "error");
    bg.on(event(0));
    assertSame(oom, assertThrows(OutOfMemoryError.class, bg::finish));
    assertFalse(bg.workerAlive());
  }

  @Test
  void aFailureWhileTheSimulationWaitsForABatch_doesNotLeaveItWaiting() {
    // The worker fails on its first batch after the simulation has taken every free buffer: the
    // simulation, blocked waiting for one, gets the failed batch back and sees the failure next.
    CountDownLatch release = new CountDownLatch(1);
    BackgroundDigest bg = new BackgroundDigest(e -> {
      try {
        release.await();
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalArgumentException("bad event");
    }, "stuck");
    IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      Thread releaser = new Thread(() -> {
        try {
          Thread.sleep(200); // by then the simulation has used every buffer and waits
        } catch (InterruptedException x) {
          return;
        }
        release.countDown();
      });
      releaser.start();
      return assertThrows(IllegalStateException.class, () -> {
        for (int i = 0; ; i++) {
          bg.on(event(i));
        }
      });
    });
    assertTrue(e.getMessage().startsWith("digest worker failed"), e.getMessage());
    assertTrue(e.getCause() instanceof IllegalArgumentException, String.valueOf(e.getCause()));
    bg.close();
  }

  @Test
  void closeAfterAFailedFinish_stopsTheWorker() throws InterruptedException {
    BackgroundDigest bg = new BackgroundDigest(e -> { }, "abandoned");
    bg.on(event(0));
    Thread.currentThread().interrupt(); // finish() fails handing over the last batch
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class, bg::finish);
      assertTrue(e.getMessage().startsWith("interrupted"), e.getMessage());
    } finally {
      Thread.interrupted();
    }
    assertTrue(bg.workerAlive(), "the worker still waits for batches");
    bg.close();
    for (int i = 0; i < 200 && bg.workerAlive(); i++) {
      Thread.sleep(10);
    }
    assertFalse(bg.workerAlive(), "close() stopped the worker");
    bg.close(); // idempotent
    assertThrows(IllegalStateException.class, bg::finish, "the digest is not whole: it must not be read");
  }

  @Test
  void finishAfterClose_throws_butCloseAfterFinish_keepsTheDigest() {
    BackgroundDigest closed = new BackgroundDigest(e -> { }, "closed");
    closed.on(event(0));
    closed.close();
    IllegalStateException e = assertThrows(IllegalStateException.class, closed::finish);
    assertTrue(e.getMessage().contains("abandoned"), e.getMessage());
    BackgroundDigest done = new BackgroundDigest(e2 -> { }, "done");
    done.on(event(0));
    done.finish();
    done.close();
    done.finish(); // still complete: nothing to do
  }
}
