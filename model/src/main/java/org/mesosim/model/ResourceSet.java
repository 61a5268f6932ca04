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
 * <p>Persistent volumes ({@link Volume}) are kept apart from the plain amounts: {@link #unreserved()}
 * and {@link #reserved(String)} do not include a volume's disk, {@link #quantity()} does (once per
 * copy), as Mesos' {@code Resources} keeps {@code disk(role1):95} and {@code disk(role1)[id1]:5}
 * apart and {@code createStrippedScalarQuantity} sums them. A shared volume may be held with
 * several copies (Mesos counts shared resources); a non-shared one at most once.
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
  /** Persistent volumes and their copies (1 unless shared); empty for almost every set. */
  private final SortedMap<Volume, Integer> volumes;
  /** Cached {@link #toString()} (the object is immutable; digests print offers twice). */
  private String text;

  private ResourceSet(Resources unreserved, SortedMap<String, Resources> reserved) {
    this(unreserved, reserved, Resources.EMPTY, Collections.emptySortedMap());
  }

  private ResourceSet(Resources unreserved, SortedMap<String, Resources> reserved, Resources revocable,
      SortedMap<Volume, Integer> volumes) {
    this.unreserved = unreserved;
    this.reserved = reserved;
    this.revocable = revocable;
    this.volumes = volumes;
    this.anyReserved = !reserved.isEmpty();
    Resources q = revocable.isEmpty() ? unreserved : unreserved.plus(revocable);
    if (anyReserved) {
      for (Resources r : reserved.values()) {
        q = q.plus(r);
      }
    }
    if (!volumes.isEmpty()) { // no iterator for the sets of the offer path, which have none
      for (Map.Entry<Volume, Integer> e : volumes.entrySet()) {
        q = q.plus(e.getKey().disk().times(e.getValue()));
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
    return r.isEmpty() ? EMPTY : new ResourceSet(Resources.EMPTY, Collections.emptySortedMap(), r, Collections.emptySortedMap());
  }

  /** Unreserved, reservations by role and revocable resources; empty reservations are dropped. */
  public static ResourceSet of(Resources unreserved, Map<String, Resources> reservations, Resources revocable) {
    return of(unreserved, reservations, revocable, Map.of());
  }

  /**
   * Unreserved plus reservations by role plus persistent volumes with their copies (a non-shared
   * volume must have exactly one copy).
   */
  public static ResourceSet of(Resources unreserved, Map<String, Resources> reservations, Map<Volume, Integer> volumes) {
    return of(unreserved, reservations, Resources.EMPTY, volumes);
  }

  /**
   * Every part: unreserved, reservations by role, revocable resources and persistent volumes with
   * their copies; empty parts are dropped, sets with neither revocable resources nor volumes are
   * built as {@link #of(Resources, Map)} builds them.
   */
  public static ResourceSet of(Resources unreserved, Map<String, Resources> reservations, Resources revocable,
      Map<Volume, Integer> volumes) {
    ResourceSet base = of(unreserved, reservations);
    if (volumes.isEmpty()) {
      return revocable.isEmpty() ? base
          : new ResourceSet(base.unreserved, base.reserved, revocable, Collections.emptySortedMap());
    }
    TreeMap<Volume, Integer> v = new TreeMap<>();
    for (Map.Entry<Volume, Integer> e : volumes.entrySet()) {
      int n = e.getValue();
      if (n < 0 || (n > 1 && !e.getKey().shared())) {
        throw new IllegalArgumentException("persistent volume " + e.getKey() + " cannot be held " + n + " times");
      }
      if (n > 0) {
        v.put(e.getKey(), n);
      }
    }
    if (v.isEmpty()) {
      return revocable.isEmpty() ? base
          : new ResourceSet(base.unreserved, base.reserved, revocable, Collections.emptySortedMap());
    }
    return new ResourceSet(base.unreserved, base.reserved, revocable, Collections.unmodifiableSortedMap(v));
  }

  /** One copy of a persistent volume. */
  public static ResourceSet of(Volume volume) {
    return of(Resources.EMPTY, Map.of(), Map.of(volume, 1));
  }

  /** Persistent volumes held, with their copies, ordered by persistence id. */
  public SortedMap<Volume, Integer> volumes() {
    return volumes;
  }

  public boolean hasVolumes() {
    return !volumes.isEmpty();
  }

  /** The copies of {@code volume} held (0 if none). */
  public int copies(Volume volume) {
    Integer n = volumes.get(volume);
    return n == null ? 0 : n;
  }

  /** Everything but the shared volumes (Mesos' {@code Resources::nonShared}). */
  public ResourceSet nonShared() {
    if (volumes.isEmpty()) {
      return this;
    }
    TreeMap<Volume, Integer> v = new TreeMap<>();
    volumes.forEach((k, n) -> {
      if (!k.shared()) {
        v.put(k, n);
      }
    });
    return v.size() == volumes.size() ? this : of(unreserved, reserved, revocable, v);
  }

  /** Only the shared volumes (Mesos' {@code Resources::shared}). */
  public ResourceSet shared() {
    TreeMap<Volume, Integer> v = new TreeMap<>();
    volumes.forEach((k, n) -> {
      if (k.shared()) {
        v.put(k, n);
      }
    });
    return of(Resources.EMPTY, Map.of(), v);
  }

  /**
   * This set with {@code op} applied, as Mesos' {@code Resources::apply} (1.1.0
   * {@code src/common/resources.cpp}): RESERVE moves unreserved amounts to the role, UNRESERVE back;
   * CREATE takes the volume's plain disk of its role (never from a volume: the disk is stripped of
   * persistence and sharing) and adds one copy of the volume; DESTROY takes one copy and gives the
   * plain disk back. Amounts per name never change.
   *
   * @throws IllegalArgumentException with Mesos' message if this set does not contain what the
   *     operation takes
   */
  public ResourceSet apply(Operation op) {
    if (op instanceof Operation.Launch) {
      return this; // "Launch operation does not alter the offered resources."
    }
    if (op instanceof Operation.Reserve r) {
      ResourceSet from = unreserved(r.resources());
      if (!contains(from)) {
        throw new IllegalArgumentException("Invalid RESERVE Operation: " + this + " does not contain " + from);
      }
      return minus(from).plus(reservedFor(r.role(), r.resources()));
    }
    if (op instanceof Operation.Unreserve u) {
      ResourceSet from = reservedFor(u.role(), u.resources());
      if (!contains(from)) {
        throw new IllegalArgumentException("Invalid UNRESERVE Operation: " + this + " does not contain " + from);
      }
      return minus(from).plus(unreserved(u.resources()));
    }
    if (op instanceof Operation.Create c) {
      ResourceSet stripped = c.volume().stripped();
      if (!contains(stripped)) {
        throw new IllegalArgumentException(
            "Invalid CREATE Operation: Insufficient disk resources for persistent volume " + c.volume());
      }
      if (!c.volume().shared() && copies(c.volume()) > 0) {
        throw new IllegalArgumentException("Invalid CREATE Operation: persistent volume " + c.volume() + " exists");
      }
      return minus(stripped).plus(of(c.volume()));
    }
    Volume v = ((Operation.Destroy) op).volume();
    if (copies(v) == 0) {
      throw new IllegalArgumentException("Invalid DESTROY Operation: Persistent volume does not exist");
    }
    return minus(of(v)).plus(v.stripped());
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
    return revocable.isEmpty() ? this : of(unreserved, reserved, volumes);
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
    if (r.isEmpty() && !anyReserved && volumes.isEmpty()) {
      return this; // revocable included
    }
    if (volumes.isEmpty()) {
      return of(unreserved, r.isEmpty() ? Map.of() : Map.of(role, r), revocable);
    }
    return of(unreserved, r.isEmpty() ? Map.of() : Map.of(role, r), revocable, volumesOf(role, true));
  }

  /** Only the part reserved for {@code role}. */
  public ResourceSet onlyReservedFor(String role) {
    Resources r = reserved(role);
    if (!volumes.isEmpty()) {
      return of(r, Map.of(), volumesOf(role, false)).reservedAs(role);
    }
    return r.isEmpty() ? EMPTY : of(Resources.EMPTY, Map.of(role, r));
  }

  /** Only the unreserved part. */
  public ResourceSet onlyUnreserved() {
    return volumes.isEmpty() ? unreserved(unreserved) : of(unreserved, Map.of(), volumesOf(UNRESERVED, false));
  }

  /** The volumes of {@code role} (and, with {@code withUnreserved}, those on unreserved disk). */
  private SortedMap<Volume, Integer> volumesOf(String role, boolean withUnreserved) {
    TreeMap<Volume, Integer> v = new TreeMap<>();
    volumes.forEach((k, n) -> {
      if (k.role().equals(role) || (withUnreserved && k.role().equals(UNRESERVED))) {
        v.put(k, n);
      }
    });
    return v;
  }

  /** This set's unreserved amounts moved to {@code role} (volumes kept as they are). */
  private ResourceSet reservedAs(String role) {
    return of(Resources.EMPTY, UNRESERVED.equals(role) ? Map.of(UNRESERVED, unreserved) : Map.of(role, unreserved),
        volumes);
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
    if (volumes.isEmpty() && o.volumes.isEmpty()) {
      return of(unreserved.plus(o.unreserved), m, revocable.plus(o.revocable));
    }
    TreeMap<Volume, Integer> v = new TreeMap<>(volumes);
    o.volumes.forEach((k, n) -> v.merge(k, n, Integer::sum));
    return of(unreserved.plus(o.unreserved), m, revocable.plus(o.revocable), v);
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
    if (volumes.isEmpty()) {
      return of(unreserved.minus(o.unreserved), m, revocable.minus(o.revocable));
    }
    TreeMap<Volume, Integer> v = new TreeMap<>(volumes);
    o.volumes.forEach((k, n) -> v.merge(k, -n, Integer::sum));
    return of(unreserved.minus(o.unreserved), m, revocable.minus(o.revocable), v);
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
    for (Map.Entry<Volume, Integer> e : o.volumes.entrySet()) {
      if (copies(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResourceSet r && unreserved.equals(r.unreserved) && reserved.equals(r.reserved)
        && revocable.equals(r.revocable)
        && (volumes.isEmpty() ? r.volumes.isEmpty() : volumes.equals(r.volumes));
  }

  @Override
  public int hashCode() {
    int h = unreserved.hashCode() * 31 + reserved.hashCode();
    if (!revocable.isEmpty()) {
      h = h * 31 + revocable.hashCode();
    }
    return volumes.isEmpty() ? h : h * 31 + volumes.hashCode(); // as before volumes for sets without any
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
    if (t == null && !anyReserved && revocable.isEmpty() && volumes.isEmpty()) {
      unreserved.digestInto(d);
    } else {
      d.str(toString());
    }
  }

  private String format() {
    if (!revocable.isEmpty()) {
      String base = anyReserved || !volumes.isEmpty() ? formatReserved()
          : unreserved.isEmpty() ? "" : unreserved.toString();
      return (base.isEmpty() ? "" : base + " + ") + "{REV} " + revocable;
    }
    return formatReserved();
  }

  private String formatReserved() {
    if (!anyReserved && volumes.isEmpty()) {
      return unreserved.toString();
    }
    StringBuilder sb = new StringBuilder(unreserved.isEmpty() ? "" : unreserved.toString());
    for (Map.Entry<String, Resources> e : reserved.entrySet()) {
      if (sb.length() > 0) {
        sb.append(" + ");
      }
      sb.append('(').append(e.getKey()).append(") ").append(e.getValue());
    }
    for (Map.Entry<Volume, Integer> e : volumes.entrySet()) {
      if (sb.length() > 0) {
        sb.append(" + ");
      }
      sb.append(e.getKey());
      if (e.getValue() > 1) {
        sb.append(" x").append(e.getValue());
      }
    }
    return sb.toString();
  }
}
