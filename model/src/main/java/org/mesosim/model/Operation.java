package org.mesosim.model;

/**
 * An offer operation other than {@code LAUNCH} (Mesos' {@code Offer.Operation},
 * {@code include/mesos/mesos.proto}, 1.1.0): a dynamic reservation ({@code RESERVE}/{@code UNRESERVE})
 * or a persistent volume ({@code CREATE}/{@code DESTROY}). {@link ResourceSet#apply} applies one as
 * Mesos' {@code Resources::apply} does ({@code src/common/resources.cpp}).
 *
 * <p>A reservation has a role and no principal here (the model has no authentication), so a dynamic
 * reservation cannot be told from a static one once made.
 */
public sealed interface Operation {

  /** {@code RESERVE}: unreserved {@code resources} become reserved for {@code role}. */
  record Reserve(String role, Resources resources) implements Operation {
    public Reserve {
      if (ResourceSet.UNRESERVED.equals(role)) {
        throw new IllegalArgumentException("cannot reserve for role '*'");
      }
    }
  }

  /** {@code UNRESERVE}: {@code resources} reserved for {@code role} become unreserved. */
  record Unreserve(String role, Resources resources) implements Operation {}

  /** {@code CREATE}: plain disk of the volume's role becomes the volume. */
  record Create(Volume volume) implements Operation {}

  /** {@code DESTROY}: the volume becomes plain disk of its role again. */
  record Destroy(Volume volume) implements Operation {}

  /**
   * {@code LAUNCH} as the allocator sees it ({@code updateAllocation}): tasks consuming
   * {@code resources}; it changes nothing ({@code Resources::apply}) but a task may use more copies
   * of a shared volume than were offered. The master's launch path is separate (Message.Launch).
   */
  record Launch(ResourceSet resources) implements Operation {}

  /** Mesos' operation type name: RESERVE, UNRESERVE, CREATE, DESTROY or LAUNCH. */
  default String type() {
    if (this instanceof Launch) {
      return "LAUNCH";
    }
    if (this instanceof Reserve) {
      return "RESERVE";
    }
    if (this instanceof Unreserve) {
      return "UNRESERVE";
    }
    return this instanceof Create ? "CREATE" : "DESTROY";
  }
}
