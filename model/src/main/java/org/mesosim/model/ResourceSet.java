package org.mesosim.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Resources with their reservation: an unreserved part (Mesos role {@code "*"}) plus, per role,
 * the part statically reserved for that role ({@code cpus(role1):2} in an agent's
 * {@code --resources}). What an agent has, what is offered, what a task uses.
 *
 * <p>Immutable. Roles are kept in a sorted map so iteration order is by role name.
 * Reserved resources count under their plain name in shares (DRFSorter::calculateShare, src/master/allocator/sorter/drf/sorter.cpp), which
 * {@link #quantity()} gives.
 *
 * <p>A third part holds <b>revocable</b> resources: unreserved resources with Mesos'
 * {@code RevocableInfo} ({@code include/mesos/mesos.proto}), the oversubscribed resources an
 * agent's resource estimator reports (docs/oversubscription.md). Mesos keeps them apart from the
 * non-revocable ones of the same name ({@code addable}/{@code subtractable} in
 * {@code src/common/resources.cpp} compare {@code has_revocable()}), and so does this class:
 * {@link #unreserved()} is the non-revocable unreserved part only, {@link #revocable()} the
 * revocable part; {@link #quantity()} counts both, as Mesos' {@code Resources::get<Scalar>(name)}
 * sums every resource of the name (so revocable cpus count in DRF shares). Sets without revocable
 * resources behave, print and compare exactly as before the part existed.
 */
public final class ResourceSet {
  /** Mesos' name for "no role": unreserved resources. */
  public static final String UNRESERVED = "*";

  public static final ResourceSet EMPTY = new ResourceSet(Resources.EMPTY, Collections.emptySortedMap());

  private final Resources unreserved;
  private final SortedMap<String, Resources> reserved;
  /** Revocable (oversubscribed) resources, unreserved; {@link Resources#EMPTY} almost always. */
  private final Resources revocable;
  private final Resources quantity;
  private final boolean anyReserved; // !reserved.isEmpty(), read on hot paths without touching the map
  /** Cached {@link #toString()} (the object is immutable; digests print offers twice). */
  private String text;

  private ResourceSet(Resources unreserved, SortedMap<String, Resources> reserved) {
    this(unreserved, reserved, Resources.EMPTY);
  }

  private ResourceSet(Resources unreserved, SortedMap<String, Resources> reserved, Resources revocable) {
    this.unreserved = unreserved;
    this.reserved = reserved;
    this.revocable = revocable;
    this.anyReserved = !reserved.isEmpty();
    Resources q = unreserved.plus(revocable);
    if (anyReserved) {
      for (Resources r : reserved.values()) {
        q = q.plus(r);
      }
    }
    this.quantity = q;
  }

  public static ResourceSet unreserved(Resources r) {
    return r.isEmpty() ? EMPTY : new ResourceSet(r, Collections.emptySortedMap());
  }

  /** Unreserved plus reservations by role; empty reservations are dropped. */
  public static ResourceSet of(Resources unreserved, Map<String, Resources> reservations) {
    TreeMap<String, Resources> m = new TreeMap<>();
    for (Map.Entry<String, Resources> e : reservations.entrySet()) {
      if (UNRESERVED.equals(e.getKey())) {
        unreserved = unreserved.plus(e.getValue());
      } else if (!e.getValue().isEmpty()) {
        m.put(e.getKey(), e.getValue());
      }
    }
    if (unreserved.isEmpty() && m.isEmpty()) {
      return EMPTY;
    }
    return new ResourceSet(unreserved, Collections.unmodifiableSortedMap(m));
  }

  /** Only revocable resources ({@code r} tagged as Mesos' {@code createRevocableResources} does). */
  public static ResourceSet revocable(Resources r) {
    return r.isEmpty() ? EMPTY : new ResourceSet(Resources.EMPTY, Collections.emptySortedMap(), r);
  }

  /** Unreserved, reservations by role and revocable resources; empty reservations are dropped. */
  public static ResourceSet of(Resources unreserved, Map<String, Resources> reservations, Resources revocable) {
    ResourceSet base = of(unreserved, reservations);
    if (revocable.isEmpty()) {
      return base;
    }
    return new ResourceSet(base.unreserved, base.reserved, revocable);
  }

  /** Resources reserved for exactly {@code role} (unreserved for {@code "*"}). */
  public static ResourceSet reservedFor(String role, Resources r) {
    return UNRESERVED.equals(role) ? unreserved(r) : of(Resources.EMPTY, Map.of(role, r));
  }

  /** The unreserved, non-revocable part. */
  public Resources unreserved() {
    return unreserved;
  }

  /** The revocable part (Mesos' {@code Resources::revocable()}). */
  public Resources revocable() {
    return revocable;
  }

  public boolean hasRevocable() {
    return !revocable.isEmpty();
  }

  /** Without the revocable part (Mesos' {@code Resources::nonRevocable()}). */
  public ResourceSet nonRevocable() {
    return revocable.isEmpty() ? this : (anyReserved || !unreserved.isEmpty()
        ? new ResourceSet(unreserved, reserved) : EMPTY);
  }

  /** The part reserved for {@code role} (not including unreserved). */
  public Resources reserved(String role) {
    Resources r = reserved.get(role);
    return r == null ? Resources.EMPTY : r;
  }

  /** Reservations by role, sorted by role name. */
  public SortedMap<String, Resources> reservations() {
    return reserved;
  }

  public boolean hasReservations() {
    return anyReserved;
  }

  /** Everything, reservation metadata stripped: the amounts that count in shares. */
  public Resources quantity() {
    return quantity;
  }

  public boolean isEmpty() {
    return quantity.isEmpty();
  }

  /**
   * What a framework of {@code role} may be offered from this set: unreserved (revocable included,
   * its role is {@code *}) plus its role's reservation.
   */
  public ResourceSet offerableTo(String role) {
    Resources r = reserved(role);
    if (r.isEmpty() && !anyReserved) {
      return this;
    }
    return of(unreserved, r.isEmpty() ? Map.of() : Map.of(role, r), revocable);
  }

  /** Only the part reserved for {@code role}. */
  public ResourceSet onlyReservedFor(String role) {
    Resources r = reserved(role);
    return r.isEmpty() ? EMPTY : of(Resources.EMPTY, Map.of(role, r));
  }

  /** Only the unreserved part. */
  public ResourceSet onlyUnreserved() {
    return unreserved(unreserved);
  }

  public ResourceSet plus(ResourceSet o) {
    if (o.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return o;
    }
    TreeMap<String, Resources> m = new TreeMap<>(reserved);
    for (Map.Entry<String, Resources> e : o.reserved.entrySet()) {
      m.merge(e.getKey(), e.getValue(), Resources::plus);
    }
    return of(unreserved.plus(o.unreserved), m, revocable.plus(o.revocable));
  }

  /** This minus {@code o}, reservation by reservation; {@code o} must be contained. */
  public ResourceSet minus(ResourceSet o) {
    if (o.isEmpty()) {
      return this;
    }
    if (!contains(o)) {
      throw new IllegalArgumentException("cannot subtract " + o + " from " + this);
    }
    TreeMap<String, Resources> m = new TreeMap<>(reserved);
    for (Map.Entry<String, Resources> e : o.reserved.entrySet()) {
      m.put(e.getKey(), m.get(e.getKey()).minus(e.getValue()));
    }
    return of(unreserved.minus(o.unreserved), m, revocable.minus(o.revocable));
  }

  /** True iff every reservation (and the unreserved part) of {@code o} is contained here. */
  public boolean contains(ResourceSet o) {
    if (!unreserved.contains(o.unreserved) || !revocable.contains(o.revocable)) {
      return false;
    }
    for (Map.Entry<String, Resources> e : o.reserved.entrySet()) {
      if (!reserved(e.getKey()).contains(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceSet r && unreserved.equals(r.unreserved) && reserved.equals(r.reserved)
        && revocable.equals(r.revocable);
  }

  @Override
  public int hashCode() {
    return (unreserved.hashCode() * 31 + reserved.hashCode()) * 31 + revocable.hashCode();
  }

  /** E.g. {@code cpus:1; mem:512 + (role1) cpus:2 + {REV} cpus:4} (the last part: revocable, as Mesos prints {@code cpus(*){REV}:4}). */
  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = format();
      text = t;
    }
    return t;
  }

  /** Feeds {@link #toString()} into {@code d} as {@code d.str(toString())} would, without building it when it can. */
  public void digestInto(org.mesosim.engine.Digest d) {
    String t = text;
    if (t == null && !anyReserved && revocable.isEmpty()) {
      unreserved.digestInto(d);
    } else {
      d.str(toString());
    }
  }

  private String format() {
    if (!revocable.isEmpty()) {
      String base = anyReserved ? formatReserved() : unreserved.isEmpty() ? "" : unreserved.toString();
      return (base.isEmpty() ? "" : base + " + ") + "{REV} " + revocable;
    }
    return formatReserved();
  }

  private String formatReserved() {
    if (!anyReserved) {
      return unreserved.toString();
    }
    StringBuilder sb = new StringBuilder(unreserved.isEmpty() ? "" : unreserved.toString());
    for (Map.Entry<String, Resources> e : reserved.entrySet()) {
      if (sb.length() > 0) {
        sb.append(" + ");
      }
      sb.append('(').append(e.getKey()).append(") ").append(e.getValue());
    }
    return sb.toString();
  }
}
