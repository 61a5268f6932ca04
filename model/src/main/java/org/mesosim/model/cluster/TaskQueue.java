package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.TreeMap;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * A framework's tasks waiting for an offer: one FIFO in queue order, and the same tasks grouped by
 * resource shape (each group FIFO in queue order; all of a shape fit an offer, or none does), the
 * non-empty shapes ordered by the queue position of their first task, which is the order
 * {@code Framework#decide} scans them in. Also the "nothing fits" memo of that scan, which is a fact
 * about what is queued. Moved out of {@link Framework} as is.
 */
final class TaskQueue {
  private final Cluster cluster;
  // queue of logical tasks waiting for an offer
  LogicalTask qHead;
  private LogicalTask qTail;
  int pending;
  /** Queued tasks grouped by resource shape, each group FIFO in queue order. */
  private final TreeMap<Resources, Shape> shapes = new TreeMap<>();
  /** Non-empty shapes by the queue position of their first task. */
  final TreeMap<Long, Shape> byHead = new TreeMap<>();
  // "Nothing fits" memo of decide(), per agent index (see nothingFits): the unreserved vector a
  // full scan found no queued shape to fit, and the position in enteredNeeds (the needs of shapes
  // entering byHead, in order, from enteredBase on) at that scan. Shapes leaving the queue cannot
  // make a shape fit, so only the needs that entered since are tested again.
  private final ArrayList<Resources> enteredNeeds = new ArrayList<>();
  private long enteredBase;
  private Resources[] noFitRem;
  private long[] noFitAt;
  private long nextSeq;

  TaskQueue(Cluster cluster) {
    this.cluster = cluster;
  }

  void enqueue(LogicalTask lt) {
    lt.queued = true;
    lt.seq = nextSeq++;
    lt.prev = qTail;
    lt.next = null;
    if (qTail == null) {
      qHead = lt;
    } else {
      qTail.next = lt;
    }
    qTail = lt;
    pending++;
    Shape sh = shapes.get(lt.spec.resources());
    if (sh == null) {
      sh = new Shape(lt.spec.resources());
      shapes.put(sh.need, sh);
    }
    lt.shape = sh;
    lt.sNext = null;
    if (sh.last == null) {
      sh.first = lt;
      byHead.put(lt.seq, sh);
      enteredNeeds.add(sh.need);
    } else {
      sh.last.sNext = lt;
    }
    sh.last = lt;
    sh.count++;
  }

  /**
   * Removes a queued task. Tasks leave a shape's FIFO from its head (launches) except when a job
   * is aborted; then the FIFO is searched (aborts are rare).
   */
  void dequeue(LogicalTask lt) {
    if (!lt.queued) {
      return;
    }
    lt.queued = false;
    if (lt.prev == null) {
      qHead = lt.next;
    } else {
      lt.prev.next = lt.next;
    }
    if (lt.next == null) {
      qTail = lt.prev;
    } else {
      lt.next.prev = lt.prev;
    }
    lt.prev = null;
    lt.next = null;
    pending--;
    Shape sh = lt.shape;
    if (sh.first == lt) {
      byHead.remove(lt.seq);
      sh.first = lt.sNext;
      if (sh.first == null) {
        sh.last = null;
      } else {
        byHead.put(sh.first.seq, sh);
      }
    } else {
      LogicalTask p = sh.first;
      while (p.sNext != lt) {
        p = p.sNext;
      }
      p.sNext = lt.sNext;
      if (sh.last == lt) {
        sh.last = p;
      }
    }
    lt.sNext = null;
    lt.shape = null;
    if (--sh.count == 0) {
      shapes.remove(sh.need);
    }
  }

  /**
   * True iff a full scan is known to find no queued shape fitting {@code rem}: an earlier full scan
   * of an offer on this agent with the same unreserved vector (and no reservations) found none,
   * and none of the shapes that entered the queue since fits either. Then the scan's answer is a
   * decline with nothing examined that matters (no task picked, no locality state read), so
   * skipping it changes nothing but its cost: in a decline storm every agent is offered every
   * second with the same free vector, and each scan walks up to {@link Framework#SCAN_LIMIT} shapes.
   */
  boolean nothingFits(int agent, ResourceSet rem) {
    if (noFitRem == null || rem.hasReservations() || rem.hasRevocable()) {
      return false;
    }
    Resources known = noFitRem[agent];
    Resources un = rem.unreserved();
    if (known == null || !(known == un || known.equals(un))) {
      return false;
    }
    long at = noFitAt[agent];
    if (at < enteredBase) {
      return false; // the log was cleared since
    }
    int n = enteredNeeds.size();
    for (int i = (int) (at - enteredBase); i < n; i++) {
      if (un.contains(enteredNeeds.get(i))) {
        return false;
      }
    }
    noFitAt[agent] = enteredBase + n;
    return true;
  }

  void rememberNothingFits(int agent, Resources un) {
    if (noFitRem == null) {
      noFitRem = new Resources[cluster.agents.length];
      noFitAt = new long[cluster.agents.length];
    }
    if (enteredNeeds.size() > (1 << 16)) {
      enteredBase += enteredNeeds.size(); // every memo made before becomes stale
      enteredNeeds.clear();
    }
    noFitRem[agent] = un;
    noFitAt[agent] = enteredBase + enteredNeeds.size();
  }
}
