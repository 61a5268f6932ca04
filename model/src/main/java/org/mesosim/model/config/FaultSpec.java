package org.mesosim.model.config;

import java.util.List;
import org.mesosim.engine.random.Distribution;

/**
 * One entry of the scenario's {@code faults} list.
 *
 * <p>Either {@code at} (a one-off at that time) or {@code every} (a random process per target,
 * inter-fault times drawn from the distribution, in microseconds) is set. {@code recoverAfter}
 * (restartAfter / healAfter) is null when the target stays down / partitioned.
 *
 * @param at time in microseconds, or -1
 * @param every distribution of times between faults, or null
 * @param action crash or partition
 * @param targets what is hit (for a partition: the side cut off from everyone else)
 * @param recoverAfter delay until restart or heal, or null
 */
public record FaultSpec(long at, Distribution every, Action action, List<FaultTarget> targets,
    Distribution recoverAfter) {

  public FaultSpec {
    if ((at < 0) == (every == null)) {
      throw new IllegalArgumentException("a fault needs exactly one of at / every");
    }
    targets = List.copyOf(targets);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("a fault needs a target");
    }
  }

  public enum Action {
    CRASH,
    PARTITION
  }
}
