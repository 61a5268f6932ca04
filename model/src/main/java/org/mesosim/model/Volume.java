package org.mesosim.model;

/**
 * A persistent volume: disk with a persistence id (Mesos' {@code Resource.disk.persistence},
 * {@code include/mesos/mesos.proto}), as {@code CREATE} makes it and {@code DESTROY} turns back into
 * plain disk ({@code Resources::apply}, {@code src/common/resources.cpp} at 1.1.0).
 *
 * <p>It keeps the reservation of the disk it was made from: {@code role} is a reservation role or
 * {@code "*"} (the allocator's {@code Resources::apply} accepts a volume on unreserved disk, as
 * Mesos' test {@code UpdateAllocation} does; the master's validation does not, see
 * docs/operations.md). A {@code shared} volume (Mesos' {@code Resource.shared}, 1.1.0) may be
 * offered to and used by several frameworks at once; a {@link ResourceSet} then holds it with a
 * number of copies, as Mesos' {@code Resources} counts shared resources.
 *
 * @param id the persistence id, unique on its agent ({@code validateUniquePersistenceID})
 * @param role the reservation role of its disk, or {@code "*"}
 * @param diskMilli its size in thousandths of a MB
 * @param shared whether it is a shared persistent volume
 */
public record Volume(String id, String role, long diskMilli, boolean shared) implements Comparable<Volume> {

  public Volume {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("a persistent volume needs a persistence id");
    }
    if (role == null || role.isEmpty()) {
      throw new IllegalArgumentException("a persistent volume needs a role ('*' for unreserved disk)");
    }
    if (diskMilli <= 0) {
      throw new IllegalArgumentException("persistent volume '" + id + "' must have disk > 0");
    }
  }

  /** A volume of {@code disk} MB. */
  public static Volume of(String id, String role, double disk, boolean shared) {
    return new Volume(id, role, Resources.toMilli("disk", disk), shared);
  }

  /** Its disk as plain resources (no reservation). */
  public Resources disk() {
    long[] v = new long[ResourceNames.DISK + 1];
    v[ResourceNames.DISK] = diskMilli;
    return Resources.ofMilli(v);
  }

  /** The disk it was made from, as a resource set: reserved for {@link #role} (unreserved for {@code "*"}). */
  public ResourceSet stripped() {
    return ResourceSet.reservedFor(role, disk());
  }

  @Override
  public int compareTo(Volume o) {
    int c = id.compareTo(o.id);
    if (c == 0) {
      c = role.compareTo(o.role);
    }
    if (c == 0) {
      c = Long.compare(diskMilli, o.diskMilli);
    }
    if (c == 0) {
      c = Boolean.compare(shared, o.shared);
    }
    return c;
  }

  /** Mesos' text form, e.g. {@code disk(role1)[id1]:5} or {@code disk(role1)[id1,shared]:5}. */
  @Override
  public String toString() {
    return "disk(" + role + ")[" + id + (shared ? ",shared" : "") + "]:" + Resources.format(diskMilli);
  }
}
