package org.mesosim.allocators;

import java.util.Map;
import java.util.TreeMap;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/** Helpers on {@link ResourceSet}s shared by the policies. */
public final class ResourceSets {
  private ResourceSets() {}

  /**
   * The largest part of {@code set} whose quantity fits in {@code cap}, per resource name:
   * reserved parts first (by role name), then unreserved. Names absent from {@code cap} are
   * dropped. Used to chop an agent's free pool down to a policy's limit (capacity headroom,
   * whole slots) and by test frameworks to carve a task out of an offer.
   */
  public static ResourceSet trimTo(ResourceSet set, Resources cap) {
    if (cap.contains(set.quantity())) {
      return set;
    }
    Resources left = cap;
    TreeMap<String, Resources> reserved = new TreeMap<>();
    for (Map.Entry<String, Resources> e : set.reservations().entrySet()) {
      Resources take = e.getValue().min(left);
      if (!take.isEmpty()) {
        reserved.put(e.getKey(), take);
        left = left.minus(take);
      }
    }
    Resources unreserved = set.unreserved().min(left);
    return ResourceSet.of(unreserved, reserved);
  }
}
