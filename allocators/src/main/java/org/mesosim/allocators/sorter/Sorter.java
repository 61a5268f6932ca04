package org.mesosim.allocators.sorter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.mesosim.model.Resources;

/**
 * Orders the clients of one allocation level ("who is furthest below its fair share"), mirroring
 * Mesos' {@code src/master/allocator/sorter/sorter.hpp}: clients are added and removed,
 * activated and deactivated (inactive clients keep their allocation but are left out of
 * {@link #sort()}), are told what they were {@link #allocated} and what came back
 * ({@link #unallocated}), and the sorter knows a total the shares are measured against
 * ({@link #addTotal}/{@link #removeTotal}, Mesos' {@code add(slaveId, resources)} and
 * {@code remove(slaveId, resources)}).
 *
 * <p>Differences from sorter.hpp, all internal: clients also have an {@code int} handle for the
 * allocation cycle's hot path; allocations and totals are scalar <em>quantities</em> (Mesos keeps
 * a per-agent map too, which the allocator keeps itself here); {@link #first} finds the first
 * client in sort order satisfying a predicate without materialising the order, which lets a DRF
 * sorter whose total just changed answer in one linear pass instead of a full re-sort.
 */
public interface Sorter {

  /** Adds a client, active, with weight 1 (1.1 {@code DRFSorter::add} inserts it into the active set). Returns its handle. */
  int add(String client);

  /** Forgets a client and its allocation (the caller removes that allocation from totals). */
  void remove(String client);

  /** Puts a client back into the sort order. */
  void activate(String client);

  /** Leaves a client out of the sort order; its allocation still counts. */
  void deactivate(String client);

  /** Sets a client's weight (the share is divided by it). */
  void updateWeight(String client, double weight);

  boolean contains(String client);

  boolean isActive(String client);

  /** The handle of a client, or -1. */
  int handle(String client);

  /** The client name of a handle. */
  String name(int handle);

  /** Number of clients (active or not). */
  int size();

  /** The client was allocated {@code quantity} (thousandths by resource index). */
  void allocated(int handle, long[] quantity);

  /** {@code quantity} came back from the client; it must be part of its allocation. */
  void unallocated(int handle, long[] quantity);

  /** The client's allocated quantity (a copy). */
  Resources allocation(int handle);

  /** Adds to the total the shares are measured against. */
  void addTotal(long[] quantity);

  /** Removes from the total. */
  void removeTotal(long[] quantity);

  /** The total. */
  Resources total();

  /** Sum of all clients' allocations. */
  Resources allocatedSum();

  /** The client's sort key: its share divided by its weight ({@code DRFSorter::calculateShare}). */
  double share(int handle);

  /** The client's allocation count (tie-break after the share). */
  long allocationCount(int handle);

  /** Active client names in allocation order (Mesos {@code sort()}). */
  default List<String> sort() {
    int[] handles = new int[activeCount()];
    int n = sortInto(handles);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(name(handles[i]));
    }
    return out;
  }

  /**
   * Writes the active handles in allocation order into {@code out}, which must hold at least
   * {@link #activeCount()} entries, and returns how many were written. The snapshot Mesos'
   * allocation loop iterates ({@code foreach (role, roleSorter->sort())}).
   */
  int sortInto(int[] out);

  /**
   * The first active client, in {@link #sort()} order, that satisfies {@code eligible}, or -1.
   * The predicate must not modify the sorter.
   */
  int first(IntPredicate eligible);

  /** Number of active clients. */
  int activeCount();

  /**
   * Gives a sorter that orders randomly the generator for the next allocation run; others ignore
   * it.
   */
  default void useRandom(RunRandom random) {}
}
