package org.mesosim.allocators.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.mesosim.allocators.AbstractOfferAllocator;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.PolicyOptions;

/**
 * Mesos 1.7's random sorter ({@code --role_sorter=random --framework_sorter=random};
 * {@code src/master/allocator/sorter/random/sorter.cpp} and {@code random/utils.hpp}):
 * {@code sort()} returns the clients in a <em>weighted random shuffle</em>: position by position,
 * a remaining client is drawn with probability proportional to its weight. The allocator sorts
 * roles (weighted by role weight) and then the frameworks of each role (weight 1), as the
 * hierarchical allocator does with two random sorters; no shares are computed.
 *
 * <p>Mesos calls {@code sort()} for every agent of a run, so by default a fresh order is drawn
 * per agent ({@code reshuffle: agent}); {@code reshuffle: run} draws one order per run. Draws
 * come only from the allocator's random stream.
 */
public final class RandomAllocator extends AbstractOfferAllocator {
  private final boolean perAgent;
  private final List<FrameworkState> runOrder = new ArrayList<>();
  private boolean runOrderValid;

  public RandomAllocator(Map<String, Object> options) {
    super(options);
    this.perAgent = !"run".equals(PolicyOptions.string(options, "reshuffle", "agent"));
  }

  @Override
  protected void beginRun(List<AgentState> agentsInOrder) {
    runOrderValid = false;
  }

  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    if (perAgent) {
      shuffle(eligible);
      return;
    }
    if (!runOrderValid) {
      runOrder.clear();
      runOrder.addAll(frameworksInRegistrationOrder());
      shuffle(runOrder);
      for (int i = 0; i < runOrder.size(); i++) {
        runOrder.get(i).setSortKey(i);
      }
      runOrderValid = true;
    }
    // Keep the run's order, restricted to who is eligible on this agent.
    sortByKey(eligible);
  }

  /** Two-level weighted shuffle: roles by weight, then each role's frameworks uniformly. */
  private void shuffle(List<FrameworkState> list) {
    TreeMap<String, List<FrameworkState>> byRole = new TreeMap<>();
    for (FrameworkState f : list) {
      byRole.computeIfAbsent(f.role(), k -> new ArrayList<>()).add(f);
    }
    List<String> roles = new ArrayList<>(byRole.keySet());
    double[] w = new double[roles.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = weight(roles.get(i));
    }
    weightedShuffle(roles, w, random());
    list.clear();
    for (String role : roles) {
      List<FrameworkState> fs = byRole.get(role);
      fs.sort(BY_REGISTRATION);
      double[] ones = new double[fs.size()];
      java.util.Arrays.fill(ones, 1.0);
      weightedShuffle(fs, ones, random());
      list.addAll(fs);
    }
  }

  /**
   * Mesos' {@code weightedShuffle} ({@code random/utils.hpp}): for each position in turn, draw one
   * of the remaining items with probability weight / remaining total and swap it into place.
   */
  static <T> void weightedShuffle(List<T> items, double[] weights, UniformRandomProvider rng) {
    double total = 0;
    for (double x : weights) {
      total += x;
    }
    for (int i = 0; i < items.size() - 1; i++) {
      double u = rng.nextDouble() * total;
      int pick = items.size() - 1;
      double acc = 0;
      for (int j = i; j < items.size(); j++) {
        acc += weights[j];
        if (u < acc) {
          pick = j;
          break;
        }
      }
      total -= weights[pick];
      T t = items.get(i);
      items.set(i, items.get(pick));
      items.set(pick, t);
      double tw = weights[i];
      weights[i] = weights[pick];
      weights[pick] = tw;
    }
  }
}
