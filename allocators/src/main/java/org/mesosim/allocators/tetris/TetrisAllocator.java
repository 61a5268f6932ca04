package org.mesosim.allocators.tetris;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.mesosim.allocators.AbstractOfferAllocator;
import org.mesosim.allocators.AgentState;
import org.mesosim.allocators.FrameworkState;
import org.mesosim.allocators.PolicyOptions;
import org.mesosim.allocators.Shares;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * Multi-resource packing in the spirit of Tetris (Grandl, Ananthanarayanan, Kandula, Rao, Akella,
 * "Multi-Resource Packing for Cluster Schedulers", SIGCOMM 2014, its packing heuristic: among the
 * tasks whose peak demand fits a machine's free resources, pick the one with the highest
 * alignment score):
 * an agent goes first to the framework whose next task's demand vector is best aligned with the
 * agent's free resources, the alignment being the dot product Σ_r (demand_r / capacity_r) ×
 * (free_r / capacity_r), both normalised by the agent's capacity. A framework whose demand does not
 * fit the free resources is not offered the agent.
 *
 * <p>Demand comes from {@code Allocator#updateDemand} or, failing that, the size of the last task
 * the framework accepted ({@link FrameworkState#demand()}). Frameworks whose demand is still
 * unknown are offered first (in framework-id order) so that their size is learned; then known
 * demands by score descending, ties by framework id.
 *
 * <p>The paper's fairness knob: with {@code fairnessKnob} f in [0, 1), only the
 * ceil((1 − f) · n) eligible frameworks with the lowest dominant share are considered; f = 0 is
 * pure packing. Not modelled: the paper's shortest-remaining-time term and its barrier/DAG
 * awareness (frameworks expose no job structure to the allocator).
 */
public final class TetrisAllocator extends AbstractOfferAllocator {
  private final double fairnessKnob;
  private final List<FrameworkState> eligible = new ArrayList<>();
  private final Selecting selecting = new Selecting();

  public TetrisAllocator(Map<String, Object> options) {
    super(options);
    this.fairnessKnob = PolicyOptions.number(options, "fairnessKnob", 0.0); // in [0, 1) (TetrisPolicy)
  }

  /** The alignment score of {@code demand} with {@code free} on an agent of {@code capacity}. */
  public static double alignment(Resources demand, Resources free, Resources capacity) {
    double score = 0;
    int n = Math.min(demand.width(), capacity.width());
    for (int i = 0; i < n; i++) {
      long cap = capacity.milli(i);
      if (cap > 0) {
        score += (demand.milli(i) / (double) cap) * (free.milli(i) / (double) cap);
      }
    }
    return score;
  }

  /** Scores the eligible frameworks and returns them best first, selecting lazily (see {@link Selecting}). */
  @Override
  protected Iterator<FrameworkState> frameworkOrder(AgentState agent) {
    eligible.clear();
    boolean gpus = agent.hasGpus();
    for (FrameworkState f : frameworksInRegistrationOrder()) {
      if (f.active() && !f.suppressed() && org.mesosim.model.allocation.Offerability.agentOffered(gpus,
          f.info().gpuResources())) {
        eligible.add(f);
      }
    }
    restrictAndScore(agent, eligible);
    selecting.reset(eligible);
    return selecting;
  }

  /** The same order, fully sorted. */
  @Override
  protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    restrictAndScore(agent, eligible);
    sortByKey(eligible);
  }

  /** Applies the fairness knob, then sets each framework's key to minus its alignment score (−∞ if its demand is unknown). */
  private void restrictAndScore(AgentState agent, List<FrameworkState> eligible) {
    if (fairnessKnob > 0 && eligible.size() > 1) {
      Resources total = clusterTotal();
      for (int i = 0; i < eligible.size(); i++) {
        FrameworkState f = eligible.get(i);
        f.setSortKey(Shares.dominant(f.allocated(), total) / weight(f.role()));
        f.setTieKey(0);
      }
      sortByKey(eligible);
      int keep = (int) Math.ceil((1.0 - fairnessKnob) * eligible.size());
      while (eligible.size() > Math.max(1, keep)) {
        eligible.remove(eligible.size() - 1);
      }
    }
    Resources capacity = agent.total().quantity();
    for (int i = 0; i < eligible.size(); i++) {
      FrameworkState f = eligible.get(i);
      Resources d = f.demand();
      f.setTieKey(0);
      if (d.isEmpty()) {
        f.setSortKey(Double.NEGATIVE_INFINITY);
      } else {
        Resources free = agent.available().offerableTo(f.role()).quantity();
        f.setSortKey(-alignment(d, free, capacity));
      }
    }
  }

  /**
   * Yields a list in {@link #BY_KEY_THEN_ID} order: the first few by linear selection (a run
   * usually stops after one or two frameworks per agent), then the rest by one sort, so an agent
   * costs O(n) rather than O(n log n) in the common case and O(n log n) at worst.
   */
  private static final class Selecting implements Iterator<FrameworkState> {
    private static final int SELECT_FIRST = 4;
    private List<FrameworkState> list;
    private int pos;

    void reset(List<FrameworkState> list) {
      this.list = list;
      this.pos = 0;
    }

    @Override
    public boolean hasNext() {
      return pos < list.size();
    }

    @Override
    public FrameworkState next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      if (pos < SELECT_FIRST) {
        int best = pos;
        for (int i = pos + 1; i < list.size(); i++) {
          if (BY_KEY_THEN_ID.compare(list.get(i), list.get(best)) < 0) {
            best = i;
          }
        }
        FrameworkState f = list.get(best);
        list.set(best, list.get(pos));
        list.set(pos, f);
      } else if (pos == SELECT_FIRST) {
        list.subList(pos, list.size()).sort(BY_KEY_THEN_ID);
      }
      return list.get(pos++);
    }
  }

  @Override
  protected ResourceSet limit(FrameworkState framework, AgentState agent, ResourceSet candidate) {
    Resources d = framework.demand();
    if (!d.isEmpty() && !candidate.quantity().contains(d)) {
      return ResourceSet.EMPTY;
    }
    return candidate;
  }
}
