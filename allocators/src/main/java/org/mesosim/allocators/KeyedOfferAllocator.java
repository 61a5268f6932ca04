package org.mesosim.allocators;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mesosim.model.AgentId;
import org.mesosim.model.Resources;

/**
 * A policy whose order is a per-framework key ({@link FrameworkState#sortKey()}, then
 * {@link FrameworkState#tieKey()}, then framework id, ascending) that changes only when that
 * framework's allocation changes, or when every key goes stale at once (cluster total or weights
 * changed). The eligible frameworks are kept in a sorted set, re-keyed one at a time as their
 * allocation changes (after the run is done with the agent, so the order used for one agent is
 * the one computed when it started, as with a full re-sort per agent), and the run pulls them
 * lazily: offering an agent costs O(k log n) for the k frameworks looked at, not O(n log n).
 * Mesos' DRF sorter re-sorts per agent; the resulting order is the same.
 */
public abstract class KeyedOfferAllocator extends AbstractOfferAllocator {
  private final TreeSet<FrameworkState> order = new TreeSet<>(BY_KEY_THEN_ID);
  private final List<FrameworkState> pending = new ArrayList<>();
  private boolean inAgent;
  private boolean rekeyAll = true;

  protected KeyedOfferAllocator(Map<String, Object> options) {
    super(options);
  }

  /** Sets {@code f}'s {@link FrameworkState#setSortKey sort key} (and tie key, if used) from the current state. */
  protected abstract void computeKeys(FrameworkState f);

  /** Called before every key is recomputed (e.g. to rebuild per-role totals). */
  protected void beforeRekeyAll() {}

  /** Recomputes {@code f}'s keys now, or after the current agent if a run is iterating. */
  protected final void requestRekey(FrameworkState f) {
    if (inAgent) {
      pending.add(f);
    } else {
      rekey(f);
    }
  }

  private void rekey(FrameworkState f) {
    boolean had = order.remove(f);
    computeKeys(f);
    if (had) {
      order.add(f);
    }
  }

  private void rebuild() {
    order.clear();
    beforeRekeyAll();
    for (FrameworkState f : frameworksInRegistrationOrder()) {
      computeKeys(f);
      if (isEligible(f)) {
        order.add(f);
      }
    }
    rekeyAll = false;
  }

  @Override
  protected final Iterator<FrameworkState> frameworkOrder(AgentState agent) {
    if (rekeyAll) {
      rebuild();
    }
    inAgent = true;
    return order.iterator();
  }

  @Override
  protected void agentDone(AgentState agent) {
    inAgent = false;
    for (int i = 0; i < pending.size(); i++) {
      rekey(pending.get(i));
    }
    pending.clear();
  }

  /** Sorts by the keys as they stand (the run itself uses the sorted set). */
  @Override
  protected final void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {
    sortByKey(eligible);
  }

  @Override
  protected void frameworkAllocationChanged(FrameworkState framework, AgentId agent, Resources before) {
    requestRekey(framework);
  }

  @Override
  protected void frameworkEligibilityChanged(FrameworkState framework) {
    order.remove(framework);
    computeKeys(framework);
    if (isEligible(framework)) {
      order.add(framework);
    }
  }

  @Override
  protected void sharesInvalidated() {
    rekeyAll = true;
  }
}
