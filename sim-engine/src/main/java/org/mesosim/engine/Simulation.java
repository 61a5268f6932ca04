package org.mesosim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mesosim.engine.random.RandomStreams;

/**
 * One simulation run: a virtual clock, the pending events, named random streams and the digest of
 * observable events. Single-threaded by design; runs are parallel only across instances.
 *
 * <p>Events are plain {@link Runnable}s scheduled at an absolute time or after a delay; equal
 * times fire in scheduling order. Scheduling into the past is an error. The clock only moves
 * forward, to the time of the event being fired.
 */
public final class Simulation {
  private final EventQueue queue;
  private final RandomStreams random;
  private final Digest digest;
  private final List<RunListener> listeners = new ArrayList<>();
  private long now;
  private long fired;
  private boolean stopRequested;
  private long listenerEvery = 1 << 16;
  private ClockListener clockListener;

  public Simulation(long seed) {
    this(seed, new EventQueue());
  }

  public Simulation(long seed, EventQueue queue) {
    this.queue = queue;
    this.random = new RandomStreams(seed);
    this.digest = new Digest();
  }

  /** Current virtual time, in microseconds. */
  public long now() {
    return now;
  }

  public RandomStreams random() {
    return random;
  }

  public Digest digest() {
    return digest;
  }

  /** Events fired so far. */
  public long eventsFired() {
    return fired;
  }

  /**
   * Events ever scheduled (also the sequence number the next one gets). Two events scheduled with
   * no other scheduled between them have consecutive sequence numbers, so if they are due at the
   * same time nothing can fire between them: a component may then replace them by one event.
   */
  public long scheduledCount() {
    return queue.scheduledCount();
  }

  /** Live pending events. */
  public int pending() {
    return queue.size();
  }

  /** Schedules {@code action} at {@code now() + delay}. A delay of {@link SimTime#NEVER} schedules nothing and returns -1. */
  public long schedule(long delay, Runnable action) {
    if (delay < 0) {
      throw new IllegalArgumentException("negative delay " + delay + "us at " + Durations.formatSeconds(now));
    }
    if (delay == SimTime.NEVER) {
      return -1L;
    }
    return queue.add(SimTime.plus(now, delay), action);
  }

  /** Schedules {@code action} at absolute time {@code time}, which must not be in the past. */
  public long at(long time, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException(
          "cannot schedule at " + Durations.formatSeconds(time) + "s, before now ("
              + Durations.formatSeconds(now) + "s)");
    }
    if (time == SimTime.NEVER) {
      return -1L;
    }
    return queue.add(time, action);
  }

  /** Cancels a scheduled event; false if it already fired, was cancelled, or the handle is -1. */
  public boolean cancel(long handle) {
    return handle != -1L && queue.cancel(handle);
  }

  /** Asks the run loop to return after the current event. */
  public void stop() {
    stopRequested = true;
  }

  /** Time of the next pending event, or {@link SimTime#NEVER}. */
  public long nextEventTime() {
    return queue.peekTime();
  }

  /**
   * Fires events in order until the queue is empty, the next event is after {@code until}, or
   * {@link #stop()} is called. Events at exactly {@code until} fire. On return the clock reads
   * {@code until} if the run reached it (and was not stopped), otherwise the last event's time.
   *
   * @return true if stopped by {@link #stop()}
   */
  public boolean run(long until) {
    return runWhile(until, null);
  }

  /** Like {@link #run(long)}, also stopping before any event once {@code condition} is false. */
  public boolean runWhile(long until, BooleanSupplier condition) {
    stopRequested = false;
    while (!stopRequested) {
      if (condition != null && !condition.getAsBoolean()) {
        return false;
      }
      long t = queue.peekTime();
      if (t == SimTime.NEVER || t > until) {
        if (until != SimTime.NEVER && until > now) {
          advanceTo(until);
        }
        return false;
      }
      Runnable action = queue.poll();
      advanceTo(t);
      fired++;
      action.run();
      if (!listeners.isEmpty() && (fired & (listenerEvery - 1)) == 0) {
        for (RunListener l : listeners) {
          l.progress(this);
        }
      }
    }
    return true;
  }

  /** Runs exactly one event, if any is pending; returns false when the queue is empty. */
  public boolean step() {
    long t = queue.peekTime();
    if (t == SimTime.NEVER) {
      return false;
    }
    Runnable action = queue.poll();
    advanceTo(t);
    fired++;
    action.run();
    return true;
  }

  private void advanceTo(long t) {
    if (t > now && clockListener != null) {
      clockListener.beforeAdvance(t);
    }
    now = t;
  }

  /**
   * Sets the one listener told just before the clock moves forward (so it sees the state after
   * every event at times up to {@link #now()}), e.g. to sample a component's state at fixed
   * intervals without scheduling events. It must not change the simulation: no scheduling, no
   * random draws, no state of the model. {@code null} removes it.
   */
  public void setClockListener(ClockListener listener) {
    this.clockListener = listener;
  }

  /** Told before the clock moves forward; see {@link #setClockListener}. */
  @FunctionalInterface
  public interface ClockListener {
    /** The clock reads {@link #now()} and is about to read {@code next} (&gt; now). */
    void beforeAdvance(long next);
  }

  /**
   * Adds a listener called every {@code 2^k} fired events (for progress output). Listeners see
   * the simulation but must not change it.
   */
  public void addListener(RunListener listener, int everyPowerOfTwo) {
    listeners.add(listener);
    listenerEvery = 1L << Math.max(0, Math.min(30, everyPowerOfTwo));
  }

  /** Receives progress callbacks from the run loop. */
  @FunctionalInterface
  public interface RunListener {
    void progress(Simulation sim);
  }
}
