package org.mesosim.model.allocation;

import org.mesosim.engine.SimTime;

/**
 * When a machine is scheduled to be unavailable: Mesos' {@code Unavailability} message
 * ({@code include/mesos/mesos.proto}: a start time and an optional duration), on the virtual clock.
 * The master passes it to the allocator ({@code updateUnavailability}, {@code addSlave}), puts it
 * in every offer of an agent on that machine ({@code Master::offer}, src/master/master.cpp) and in
 * every inverse offer ({@code Master::inverseOffer}).
 *
 * @param start virtual time in microseconds at which the window starts (may be in the past)
 * @param duration length in microseconds, or {@link SimTime#NEVER} for none (Mesos' unset
 *     {@code duration}: unavailable from {@code start} on)
 */
public record Unavailability(long start, long duration) {
  public Unavailability {
    if (start < 0) {
      throw new IllegalArgumentException("unavailability start must be >= 0");
    }
    if (duration != SimTime.NEVER && duration < 0) {
      throw new IllegalArgumentException("unavailability duration must be >= 0");
    }
  }

  /** The end of the window, or {@link SimTime#NEVER} without a duration. */
  public long end() {
    return duration == SimTime.NEVER ? SimTime.NEVER : start + duration;
  }
}
