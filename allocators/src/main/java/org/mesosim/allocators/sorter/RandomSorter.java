package org.mesosim.allocators.sorter;

import java.util.Collection;

/**
 * Mesos 1.7's random sorter ({@code src/master/allocator/sorter/random/sorter.cpp},
 * {@code --role_sorter=random} / {@code --framework_sorter=random}): every {@code sort()} is a new
 * weighted random order at each level of the role tree (the first pick proportional to weight,
 * then among the rest, and so on). Shares play no part. Randomness comes from the allocation
 * run's {@link RunRandom}, so a seed fixes every order.
 */
public final class RandomSorter extends TreeSorter {
  public RandomSorter(Collection<String> excludedNames) {
    super(Order.RANDOM, excludedNames);
  }
}
