package org.mesosim.allocators.tetris;

import java.util.List;
import org.mesosim.allocators.OfferAllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/** The {@code tetris} policy: {@link TetrisAllocator}. */
public final class TetrisPolicy extends OfferAllocatorPolicy {
  public TetrisPolicy() {
    super("tetris",
        "packing in the spirit of Tetris (Grandl et al. SIGCOMM 2014): best alignment of next-task demand with free resources",
        List.of(PolicyOption.number("fairnessKnob", "0", PolicyOption.Range.closedOpen(0, 1),
            "f: consider only the ceil((1-f)n) frameworks furthest below fair share; 0 = pure packing")),
        TetrisAllocator::new);
  }
}
