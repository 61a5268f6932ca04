package org.mesosim.allocators.random;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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
 * per agent ({@code reshuffle: agent}); {@code reshuffle: run} draws one order per run. The
 * shuffle is drawn lazily, only as far as the run looks (a role by weight, then its frameworks by
 * a partial Fisher-Yates), so offering an agent does not cost a full shuffle; the distribution of
 * every prefix is that of the full shuffle. Draws come only from the allocator's random stream.
 */
public final class RandomAllocator extends AbstractOfferAllocator {
  private final boolean perAgent;
  /** Eligible frameworks by role (roles by name, frameworks in registration order when rebuilt). */
  private final TreeMap<String, List<FrameworkState>> byRole = new TreeMap<>();
  private final List<List<FrameworkState>> roleLists = new ArrayList<>();
  private double[] roleWeights = new double[0];
  private boolean dirty = true;
  private final List<FrameworkState> runOrder = new ArrayList<>();
  private boolean runOrderValid;
  private final LazyShuffle lazy = new LazyShuffle();

  public RandomAllocator(Map<String, Object> options) {
    super(options);
    this.perAgent = !"run".equals(PolicyOptions.string(options, "reshuffle", "agent"));
  }

  /**
   * An index in {@code [0, n)} drawn with probability {@code weights[i] / Σ weights[0..n)} (one
   * step of Mesos' {@code weightedShuffle}); {@code n - 1} if rounding leaves nothing drawn.
   */
  public static int weightedIndex(double[] weights, int n, UniformRandomProvider rng) {
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += weights[i];
    }
    double u = rng.nextDouble() * total;
    double acc = 0;
    for (int i = 0; i < n; i++) {
      acc += weights[i];
      if (u < acc) {
        return i;
      }
    }
    return n - 1;
  }

  @Override
  protected void frameworkEligibilityChanged(FrameworkState framework) {
    dirty = true;
  }

  @Override
  protected void sharesInvalidated() {
    dirty = true; // weights may have changed
  }

  @Override
  protected void beginRun(List<AgentState> agentsInOrder) {
    runOrderValid = false;
  }

  private void rebuild() {
    byRole.clear();
    for (FrameworkState f : frameworksInRegistrationOrder()) {
      if (isEligible(f)) {
        byRole.computeIfAbsent(f.role(), k -> new ArrayList<>()).add(f);
      }
    }
    roleLists.clear();
    roleWeights = new double[byRole.size()];
    int i = 0;
    for (Map.Entry<String, List<FrameworkState>> e : byRole.entrySet()) {
      roleLists.add(e.getValue());
      roleWeights[i++] = weight(e.getKey());
    }
    dirty = false;
  }

  @Override
  protected Iterator<FrameworkState> frameworkOrder(AgentState agent) {
    if (dirty) {
      rebuild();
    }
    if (perAgent) {
      lazy.reset();
      return lazy;
    }
    if (!runOrderValid) {
      runOrder.clear();
      lazy.reset();
      while (lazy.hasNext()) {
        runOrder.add(lazy.next());
      }
      runOrderValid = true;
    }
    return runOrder.iterator();
  }

  /** Orders {@code eligible} by one full draw of the shuffle (the run itself draws lazily). */
  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    if (dirty) {
      rebuild();
    }
    lazy.reset();
    int rank = 0;
    while (lazy.hasNext()) {
      lazy.next().setSortKey(rank++);
    }
    sortByKey(eligible);
  }

  /** The two-level weighted shuffle, drawn on demand. Reused: one per allocator. */
  private final class LazyShuffle implements Iterator<FrameworkState> {
    private int[] roles = new int[0];
    private double[] weights = new double[0];
    private int rolesLeft;
    private List<FrameworkState> current;
    private int pos;

    void reset() {
      int n = roleLists.size();
      if (roles.length != n) {
        roles = new int[n];
        weights = new double[n];
      }
      for (int i = 0; i < n; i++) {
        roles[i] = i;
        weights[i] = roleWeights[i];
      }
      rolesLeft = n;
      current = null;
      pos = 0;
    }

    @Override
    public boolean hasNext() {
      while (current == null || pos >= current.size()) {
        if (rolesLeft == 0) {
          return false;
        }
        int j = weightedIndex(weights, rolesLeft, random());
        current = roleLists.get(roles[j]);
        pos = 0;
        // Move the drawn role out of the remaining prefix.
        int last = rolesLeft - 1;
        roles[j] = roles[last];
        weights[j] = weights[last];
        rolesLeft = last;
      }
      return true;
    }

    @Override
    public FrameworkState next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      // Partial Fisher-Yates: a uniform pick among the role's frameworks not yet drawn.
      int j = pos + random().nextInt(current.size() - pos);
      FrameworkState f = current.get(j);
      current.set(j, current.get(pos));
      current.set(pos, f);
      pos++;
      return f;
    }
  }
}
