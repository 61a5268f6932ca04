package org.mesosim.allocators;

import java.util.Arrays;
import java.util.function.Consumer;
import org.mesosim.engine.Simulation;

/**
 * Expiry timers of refused-offer filters, one per group of filters installed at one instant with one
 * timeout and no other event scheduled between them: what one DECLINE of many offers installs
 * ({@code Master::decline} calls {@code recoverResources} once per offer, {@code src/master/master.cpp}).
 *
 * <p>In Mesos each filter has its own timer ({@code HierarchicalAllocatorProcess::recoverResources}
 * does {@code delay(timeout, self(), &Self::expire, ...)}, {@code src/master/allocator/mesos/hierarchical.cpp};
 * from 1.7 the expiry takes one more dispatch). Those timers would be consecutive events at one
 * instant: the engine orders equal times by scheduling order and nothing was scheduled between
 * them, and with the extra dispatch their hops are consecutive too. So one timer (and one hop)
 * expiring every member in install order is the same sequence of state changes, at the same
 * position relative to every other event, as a timer per filter; it saves an engine event per
 * declined offer. When every member has gone (revive, deactivation) the timer is cancelled.
 *
 * <p>Shared by every policy's offer mechanics ({@link AbstractOfferAllocator} and
 * {@code HierarchicalDrfAllocator}).
 *
 * @param <T> the allocator's filter type; {@code expire} receives each member once at its expiry
 *     and must ignore a member that already went
 */
public final class FilterExpiry<T> {
  private final Simulation sim;
  private final boolean extraHop;
  private final Consumer<T> expire;
  // The batch the next filter may join: same instant, same timeout, nothing scheduled since its timer.
  private Batch<T> open;
  // Batches that fired, kept with their member arrays for the next DECLINEs (a storm declines
  // thousands of offers per call, and an array grown to that size is worth keeping).
  @SuppressWarnings("unchecked")
  private final Batch<T>[] pool = new Batch[64];
  private int poolSize;

  /**
   * @param extraHop expiry takes one more dispatch after the timer (Mesos 1.7+)
   * @param expire removes one filter at its expiry
   */
  public FilterExpiry(Simulation sim, boolean extraHop, Consumer<T> expire) {
    this.sim = sim;
    this.extraHop = extraHop;
    this.expire = expire;
  }

  /** Schedules {@code member}'s expiry {@code timeout} from now; the returned batch is its handle for {@link Batch#gone()}. */
  public Batch<T> add(T member, long timeout) {
    Batch<T> b = open;
    long now = sim.now();
    if (b == null || b.at != now || b.timeout != timeout || b.seqAfter != sim.scheduledCount()) {
      if (poolSize > 0) {
        b = pool[--poolSize];
        pool[poolSize] = null;
        b.at = now;
        b.timeout = timeout;
      } else {
        b = new Batch<>(this, now, timeout);
      }
      b.event = sim.schedule(timeout, b);
      b.seqAfter = sim.scheduledCount();
      open = b;
    }
    b.add(member);
    return b;
  }

  /** The filters sharing one expiry timer. */
  public static final class Batch<T> implements Runnable {
    private final FilterExpiry<T> owner;
    private long at;
    private long timeout;
    private long seqAfter;
    private long event = -1;
    private boolean hopped;
    private Object[] members = new Object[8];
    private int n;
    private int live;

    private Batch(FilterExpiry<T> owner, long at, long timeout) {
      this.owner = owner;
      this.at = at;
      this.timeout = timeout;
    }

    private void add(T member) {
      if (n == members.length) {
        members = Arrays.copyOf(members, n * 2);
      }
      members[n++] = member;
      live++;
    }

    /** A member went before its expiry (revive, deactivation): with none left, nothing needs to fire. */
    public void gone() {
      if (--live == 0) {
        owner.sim.cancel(event);
        event = -1;
        if (owner.open == this) {
          owner.open = null;
        }
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
      if (owner.open == this) {
        owner.open = null;
      }
      if (owner.extraHop && !hopped) {
        hopped = true;
        event = owner.sim.schedule(0, this);
        return;
      }
      event = -1;
      Object[] m = members;
      for (int i = 0; i < n; i++) {
        owner.expire.accept((T) m[i]);
        m[i] = null;
      }
      // Every member has expired or went earlier (policies call gone() only for a live member, so
      // none will again), and the queue dropped its entry when it fired: nothing uses this batch
      // any more, so it is reused.
      n = 0;
      live = 0;
      hopped = false;
      if (owner.poolSize < owner.pool.length) {
        owner.pool[owner.poolSize++] = this;
      }
    }
  }
}
