package org.mesosim.allocators.sorter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;

/**
 * Mesos' flat DRF sorter ({@code src/master/allocator/sorter/drf/sorter.{hpp,cpp}}, 1.1.0).
 *
 * <p><b>Share</b> ({@code DRFSorter::calculateShare}): the maximum, over the scalar resource names
 * whose total is positive and that are not excluded ({@code --fair_sharing_excluded_resource_names}),
 * of allocated ÷ total, then divided by the client's weight. As in Mesos, both operands are the
 * doubles Mesos' fixed-point {@code Value::Scalar} converts to (thousandths ÷ 1000.0), so exact
 * ties come out as Mesos computes them.
 *
 * <p><b>Order</b> ({@code DRFComparator}): share ascending, then the allocation count ascending,
 * then the client name. In 1.1 ({@code legacyCounts}) the count goes up by one per
 * {@link #allocated} call only while the client is active, is never decremented, and restarts
 * at 0 when a deactivated client is activated again (1.1 re-creates the {@code Client} entry). In
 * 1.3+ the count lives in the client's allocation record: it goes up on every allocation and
 * survives deactivation.
 *
 * <p><b>Speed.</b> Shares are cached. A change to one client's allocation recomputes that
 * client's share and moves it within the cached order (binary search and one array move), as
 * Mesos' incremental {@code clients.erase/insert} does. A change of the total invalidates every
 * share (Mesos marks the sorter dirty); then {@link #first} answers with one linear pass that
 * screens clients by a cheap reciprocal product and computes the exact share only for clients
 * that could beat the best so far, instead of re-sorting everything. This matters for the
 * framework sorters, whose total is the role's allocation and so changes with every allocation.
 */
public final class DrfSorter implements Sorter {
  /** Up to this many active clients, {@link #first} sorts instead of scanning share groups. */
  private static final int SMALL = 16;
  private final boolean legacyCounts;
  private final boolean[] excludedByIndex;

  private final TreeMap<String, Integer> index = new TreeMap<>();
  private String[] names = new String[8];
  private double[] weight = new double[8];
  private long[] count = new long[8];
  private boolean[] present = new boolean[8];
  private boolean[] active = new boolean[8];
  private double[] shareCache = new double[8];
  private int[] freeSlots = new int[8];
  private int freeCount;
  private int slots;
  private int clients;

  private int width;
  private long[] allocM = new long[0];
  private double[] allocD = new double[0];
  private long[] total = new long[0];
  private double[] totalD = new double[0];
  private double[] inverse = new double[0];
  private int[] counted = new int[0];
  private long[] allocSum = new long[0];

  private int[] act = new int[8];
  private int[] actPos = new int[8];
  private int actSize;

  private int[] rank = new int[8];
  // Active clients grouped by identical (allocation vector, weight): identical inputs give an
  // identical share whatever the total, so a dirty sorter compares one share per group.
  private final TreeMap<long[], ShareClass> classes = new TreeMap<>(Arrays::compare);
  private final ArrayList<ShareClass> classList = new ArrayList<>();
  private ShareClass[] classOf = new ShareClass[8];
  // Emptied groups kept for reuse (an allocation change moves a client to a new group every
  // time), and the lookup key of classInsert: no allocation per allocation change.
  private final ArrayList<ShareClass> classPool = new ArrayList<>();
  // The groups are built by the first scanClasses and kept up to date from then on: a sorter that
  // is only ever sorted (the role sorter) never pays for them on every allocation change.
  private boolean grouped;
  private long[] probe = new long[1];
  private long totalEpoch;
  private boolean ranksValid = true;
  private int[] order = new int[8];
  private int[] mergeTmp = new int[8];
  private boolean sharesValid = true;
  private boolean orderValid = true;
  private boolean scannedClean;

  /**
   * @param legacyCounts Mesos 1.1/1.2 allocation-count semantics (see the class comment)
   * @param excludedNames resource names left out of shares
   */
  public DrfSorter(boolean legacyCounts, Collection<String> excludedNames) {
    this.legacyCounts = legacyCounts;
    int max = -1;
    for (String n : excludedNames) {
      max = Math.max(max, ResourceNames.index(n));
    }
    this.excludedByIndex = new boolean[max + 1];
    for (String n : excludedNames) {
      excludedByIndex[ResourceNames.index(n)] = true;
    }
    ensureWidth(ResourceNames.count());
  }

  /** A 1.1 sorter without exclusions. */
  public DrfSorter() {
    this(true, List.of());
  }

  // ------------------------------------------------------------------ clients

  @Override
  public int add(String client) {
    if (index.containsKey(client)) {
      throw new IllegalArgumentException("sorter already has client " + client);
    }
    int h;
    if (freeCount > 0) {
      h = freeSlots[--freeCount];
    } else {
      h = slots++;
      growSlots(slots);
    }
    index.put(client, h);
    ranksValid = false;
    names[h] = client;
    weight[h] = 1.0;
    count[h] = 0;
    present[h] = true;
    active[h] = false;
    int base = h * width;
    Arrays.fill(allocM, base, base + width, 0L);
    Arrays.fill(allocD, base, base + width, 0.0);
    clients++;
    activateHandle(h);
    return h;
  }

  @Override
  public void remove(String client) {
    int h = require(client);
    if (active[h]) {
      deactivateHandle(h);
    }
    int base = h * width;
    for (int r = 0; r < width; r++) {
      allocSum[r] -= allocM[base + r];
      allocM[base + r] = 0;
      allocD[base + r] = 0;
    }
    index.remove(client);
    ranksValid = false;
    present[h] = false;
    names[h] = null;
    clients--;
    if (freeCount == freeSlots.length) {
      freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
    }
    freeSlots[freeCount++] = h;
    scannedClean = false;
  }

  @Override
  public void activate(String client) {
    int h = require(client);
    if (!active[h]) {
      if (legacyCounts) {
        count[h] = 0;
      }
      activateHandle(h);
    }
  }

  @Override
  public void deactivate(String client) {
    int h = require(client);
    if (active[h]) {
      deactivateHandle(h);
    }
  }

  @Override
  public void updateWeight(String client, double w) {
    if (!(w > 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException("weight must be > 0, not " + w);
    }
    int h = require(client);
    if (active[h]) {
      classRemove(h);
      weight[h] = w;
      classInsert(h);
    } else {
      weight[h] = w;
    }
    changedShare(h);
  }

  @Override
  public boolean contains(String client) {
    return index.containsKey(client);
  }

  @Override
  public boolean isActive(String client) {
    Integer h = index.get(client);
    return h != null && active[h];
  }

  @Override
  public int handle(String client) {
    Integer h = index.get(client);
    return h == null ? -1 : h;
  }

  @Override
  public String name(int h) {
    return names[h];
  }

  @Override
  public int size() {
    return clients;
  }

  @Override
  public int activeCount() {
    return actSize;
  }

  // ------------------------------------------------------------------ allocations and totals

  @Override
  public void allocated(int h, long[] q) {
    ensureWidth(q.length);
    boolean act = active[h];
    if (act) {
      classRemove(h);
    }
    int base = h * width;
    for (int r = 0; r < q.length; r++) {
      long x = q[r];
      if (x != 0) {
        long v = allocM[base + r] + x;
        allocM[base + r] = v;
        allocD[base + r] = v / 1000.0;
        allocSum[r] += x;
      }
    }
    if (active[h] || !legacyCounts) {
      count[h]++;
    }
    if (act) {
      classInsert(h);
    }
    changedShare(h);
  }

  @Override
  public void unallocated(int h, long[] q) {
    ensureWidth(q.length);
    int base = h * width;
    for (int r = 0; r < q.length; r++) {
      if (q[r] > allocM[base + r]) {
        throw new IllegalArgumentException(
            "client " + names[h] + " does not hold " + Resources.ofMilli(q) + " (holds " + allocation(h) + ")");
      }
    }
    boolean act = active[h];
    if (act) {
      classRemove(h);
    }
    for (int r = 0; r < q.length; r++) {
      long x = q[r];
      if (x != 0) {
        long v = allocM[base + r] - x;
        allocM[base + r] = v;
        allocD[base + r] = v / 1000.0;
        allocSum[r] -= x;
      }
    }
    if (act) {
      classInsert(h);
    }
    changedShare(h);
  }

  @Override
  public Resources allocation(int h) {
    return Resources.ofMilli(Arrays.copyOfRange(allocM, h * width, h * width + width));
  }

  @Override
  public void addTotal(long[] q) {
    ensureWidth(q.length);
    for (int r = 0; r < q.length; r++) {
      total[r] += q[r];
    }
    totalChanged();
  }

  @Override
  public void removeTotal(long[] q) {
    ensureWidth(q.length);
    Quantities.subtractInto(total, q);
    totalChanged();
  }

  @Override
  public Resources total() {
    return Resources.ofMilli(total);
  }

  @Override
  public Resources allocatedSum() {
    return Resources.ofMilli(allocSum);
  }

  /** The sum of all clients' allocations, written into {@code out} (at least as wide as any input). */
  public void allocatedSumInto(long[] out) {
    System.arraycopy(allocSum, 0, out, 0, Math.min(out.length, width));
  }

  @Override
  public double share(int h) {
    return exactShare(h);
  }

  @Override
  public long allocationCount(int h) {
    return count[h];
  }

  // ------------------------------------------------------------------ ordering

  @Override
  public int sortInto(int[] out) {
    ensureOrder();
    System.arraycopy(order, 0, out, 0, actSize);
    return actSize;
  }

  @Override
  public int first(IntPredicate eligible) {
    if (actSize <= 1) {
      // One active client is first in any order: no shares, no groups. Groups are dropped so that
      // allocation changes stop maintaining them (an offer storm to one framework changes its
      // allocation once per agent); the next scan of several clients rebuilds them.
      ungroup();
      return actSize == 1 && eligible.test(act[0]) ? act[0] : -1;
    }
    if (!orderValid && (scannedClean || actSize <= SMALL)) {
      // Asked twice with nothing changed in between: sorting now pays off. A small sorter (a
      // role's few frameworks, whose total changes with every allocation) is always sorted: n
      // exact shares and an insertion sort cost less than keeping share groups up to date.
      if (actSize <= SMALL) {
        ungroup();
      }
      ensureOrder();
    }
    if (orderValid) {
      for (int i = 0; i < actSize; i++) {
        if (eligible.test(order[i])) {
          return order[i];
        }
      }
      return -1;
    }
    scannedClean = true;
    return sharesValid ? scanCached(eligible) : scanClasses(eligible);
  }

  private int scanCached(IntPredicate eligible) {
    ensureRanks();
    int best = -1;
    for (int k = 0; k < actSize; k++) {
      int h = act[k];
      if ((best < 0 || less(h, shareCache[h], best, shareCache[best])) && eligible.test(h)) {
        best = h;
      }
    }
    return best;
  }

  /**
   * The first eligible client when the total changed since shares were last computed: one exact
   * share per group of clients with identical allocation and weight, then the groups' heads
   * (lowest count, then name) compared; an ineligible head gives way to the next member of its
   * group. O(groups + ineligible heads) instead of a re-sort.
   */
  private int scanClasses(IntPredicate eligible) {
    ensureRanks();
    if (!grouped) {
      grouped = true;
      for (int k = 0; k < actSize; k++) {
        classInsert(act[k]);
      }
    }
    int n = classList.size();
    for (int i = 0; i < n; i++) {
      ShareClass c = classList.get(i);
      if (c.epoch != totalEpoch) {
        double share = 0.0;
        for (int r : counted) {
          double x = c.vec[r] / totalD[r];
          if (share < x) { // std::max(share, x)
            share = x;
          }
        }
        c.share = share / c.weight;
        c.epoch = totalEpoch;
      }
      c.cursor = c.members.first();
    }
    while (true) {
      ShareClass best = null;
      int bh = -1;
      for (int i = 0; i < n; i++) {
        ShareClass c = classList.get(i);
        if (c.cursor == null) {
          continue;
        }
        int h = c.cursor;
        if (best == null || less(h, c.share, bh, best.share)) {
          best = c;
          bh = h;
        }
      }
      if (best == null) {
        return -1;
      }
      if (eligible.test(bh)) {
        return bh;
      }
      best.cursor = best.members.higher(bh);
    }
  }

  /** Clients with identical allocation and weight, ordered by allocation count then name. */
  private static final class ShareClass {
    final long[] key;
    final double[] vec;
    double weight;
    final TreeSet<Integer> members;
    double share;
    long epoch = -1;
    Integer cursor;
    int listIndex;

    ShareClass(long[] key, int width, double weight, TreeSet<Integer> members) {
      this.key = key;
      this.vec = new double[width];
      for (int r = 0; r < width; r++) {
        vec[r] = key[r] / 1000.0;
      }
      this.weight = weight;
      this.members = members;
    }

    /** Re-keys an empty pooled group (same width). */
    void reuse(long[] newKey, double newWeight) {
      System.arraycopy(newKey, 0, key, 0, key.length);
      for (int r = 0; r < vec.length; r++) {
        vec[r] = key[r] / 1000.0;
      }
      weight = newWeight;
      share = 0.0;
      epoch = -1;
      cursor = null;
    }
  }

  private long[] classKey(int h) {
    if (probe.length != width + 1) {
      probe = new long[width + 1];
    }
    long[] k = probe;
    System.arraycopy(allocM, h * width, k, 0, width);
    k[width] = Double.doubleToLongBits(weight[h]);
    return k;
  }

  private void classInsert(int h) {
    if (!grouped) {
      return;
    }
    ensureRanks();
    long[] key = classKey(h);
    ShareClass c = classes.get(key);
    if (c == null) {
      if (!classPool.isEmpty()) {
        c = classPool.remove(classPool.size() - 1);
        c.reuse(key, weight[h]);
      } else {
        c = new ShareClass(key.clone(), width, weight[h], new TreeSet<>(this::compareTies));
      }
      classes.put(c.key, c);
      c.listIndex = classList.size();
      classList.add(c);
    }
    c.members.add(h);
    classOf[h] = c;
  }

  private void ungroup() {
    if (grouped) {
      for (int k = 0; k < actSize; k++) {
        classRemove(act[k]);
      }
      grouped = false;
    }
  }

  private void classRemove(int h) {
    ShareClass c = classOf[h];
    if (c == null) {
      return;
    }
    c.members.remove(h);
    classOf[h] = null;
    if (c.members.isEmpty()) {
      classes.remove(c.key);
      ShareClass last = classList.remove(classList.size() - 1);
      if (last != c) {
        classList.set(c.listIndex, last);
        last.listIndex = c.listIndex;
      }
      c.cursor = null;
      classPool.add(c);
    }
  }

  private int compareTies(Integer a, Integer b) {
    if (count[a] != count[b]) {
      return count[a] < count[b] ? -1 : 1;
    }
    return Integer.compare(rank[a], rank[b]);
  }

  private void ensureRanks() {
    if (ranksValid) {
      return;
    }
    int i = 0;
    for (int h : index.values()) {
      rank[h] = i++;
    }
    ranksValid = true;
  }

  private boolean less(int a, double sa, int b, double sb) {
    if (sa != sb) {
      return sa < sb;
    }
    if (count[a] != count[b]) {
      return count[a] < count[b];
    }
    return rank[a] < rank[b];
  }

  private double exactShare(int h) {
    int base = h * width;
    double share = 0.0;
    for (int r : counted) {
      double x = allocD[base + r] / totalD[r];
      if (share < x) { // std::max(share, x)
        share = x;
      }
    }
    return share / weight[h];
  }

  private void ensureOrder() {
    ensureRanks();
    if (!sharesValid) {
      for (int k = 0; k < actSize; k++) {
        int h = act[k];
        shareCache[h] = exactShare(h);
      }
      sharesValid = true;
    }
    if (!orderValid) {
      System.arraycopy(act, 0, order, 0, actSize);
      mergeSort(0, actSize);
      orderValid = true;
    }
  }

  private void mergeSort(int lo, int hi) {
    if (hi - lo < 2) {
      return;
    }
    if (hi - lo <= 16) {
      for (int i = lo + 1; i < hi; i++) {
        int x = order[i];
        int j = i - 1;
        while (j >= lo && less(x, shareCache[x], order[j], shareCache[order[j]])) {
          order[j + 1] = order[j];
          j--;
        }
        order[j + 1] = x;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(lo, mid);
    mergeSort(mid, hi);
    if (!less(order[mid], shareCache[order[mid]], order[mid - 1], shareCache[order[mid - 1]])) {
      return; // already in order
    }
    System.arraycopy(order, lo, mergeTmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      int a = mergeTmp[i];
      int b = mergeTmp[j];
      if (less(b, shareCache[b], a, shareCache[a])) {
        order[k++] = b;
        j++;
      } else {
        order[k++] = a;
        i++;
      }
    }
    while (i < mid) {
      order[k++] = mergeTmp[i++];
    }
    while (j < hi) {
      order[k++] = mergeTmp[j++];
    }
  }

  private void changedShare(int h) {
    scannedClean = false;
    ensureRanks();
    if (!active[h] || !sharesValid) {
      return;
    }
    shareCache[h] = exactShare(h);
    if (orderValid) {
      removeFromOrder(h);
      insertIntoOrder(h);
    }
  }

  private void activateHandle(int h) {
    ensureRanks();
    active[h] = true;
    act[actSize] = h;
    actPos[h] = actSize;
    actSize++;
    classInsert(h);
    scannedClean = false;
    if (sharesValid) {
      shareCache[h] = exactShare(h);
      if (orderValid) {
        insertIntoOrder(h);
      }
    }
  }

  private void deactivateHandle(int h) {
    classRemove(h);
    int p = actPos[h];
    int last = act[--actSize];
    act[p] = last;
    actPos[last] = p;
    active[h] = false;
    scannedClean = false;
    if (orderValid) {
      // actSize is already decremented: the order still holds actSize + 1 entries.
      int n = actSize + 1;
      int i = indexInOrder(h, n);
      System.arraycopy(order, i + 1, order, i, n - i - 1);
    }
  }

  private void removeFromOrder(int h) {
    int i = indexInOrder(h, actSize);
    System.arraycopy(order, i + 1, order, i, actSize - i - 1);
  }

  /** Inserts {@code h} into the order, which currently holds {@code actSize - 1} entries. */
  private void insertIntoOrder(int h) {
    int n = actSize - 1;
    int lo = 0;
    int hi = n;
    double s = shareCache[h];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      int m = order[mid];
      if (less(m, shareCache[m], h, s)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    System.arraycopy(order, lo, order, lo + 1, n - lo);
    order[lo] = h;
  }

  private int indexInOrder(int h, int n) {
    for (int i = 0; i < n; i++) {
      if (order[i] == h) {
        return i;
      }
    }
    throw new IllegalStateException("client not in order: " + names[h]);
  }

  private void totalChanged() {
    int n = 0;
    for (int r = 0; r < width; r++) {
      boolean excluded = r < excludedByIndex.length && excludedByIndex[r];
      totalD[r] = total[r] / 1000.0;
      if (total[r] > 0 && !excluded) {
        n++;
      }
    }
    if (counted.length != n) {
      counted = new int[n];
    }
    int c = 0;
    for (int r = 0; r < width; r++) {
      boolean excluded = r < excludedByIndex.length && excludedByIndex[r];
      if (total[r] > 0 && !excluded) {
        counted[c++] = r;
        inverse[r] = 1.0 / totalD[r];
      } else {
        inverse[r] = 0.0;
      }
    }
    totalEpoch++;
    sharesValid = false;
    orderValid = false;
    scannedClean = false;
  }

  // ------------------------------------------------------------------ storage

  private int require(String client) {
    Integer h = index.get(client);
    if (h == null) {
      throw new IllegalArgumentException("sorter has no client " + client);
    }
    return h;
  }

  private void growSlots(int needed) {
    if (needed <= names.length) {
      return;
    }
    int cap = Math.max(needed, names.length * 2);
    names = Arrays.copyOf(names, cap);
    weight = Arrays.copyOf(weight, cap);
    count = Arrays.copyOf(count, cap);
    present = Arrays.copyOf(present, cap);
    active = Arrays.copyOf(active, cap);
    shareCache = Arrays.copyOf(shareCache, cap);
    rank = Arrays.copyOf(rank, cap);
    classOf = Arrays.copyOf(classOf, cap);
    act = Arrays.copyOf(act, cap);
    actPos = Arrays.copyOf(actPos, cap);
    order = Arrays.copyOf(order, cap);
    mergeTmp = Arrays.copyOf(mergeTmp, cap);
    allocM = Arrays.copyOf(allocM, cap * width);
    allocD = Arrays.copyOf(allocD, cap * width);
  }

  private void ensureWidth(int w) {
    if (w <= width) {
      return;
    }
    int cap = names.length;
    long[] m = new long[cap * w];
    double[] d = new double[cap * w];
    for (int h = 0; h < cap; h++) {
      System.arraycopy(allocM, h * width, m, h * w, width);
      System.arraycopy(allocD, h * width, d, h * w, width);
    }
    allocM = m;
    allocD = d;
    total = Arrays.copyOf(total, w);
    totalD = Arrays.copyOf(totalD, w);
    inverse = Arrays.copyOf(inverse, w);
    allocSum = Arrays.copyOf(allocSum, w);
    width = w;
    classes.clear();
    classList.clear();
    classPool.clear();
    for (int k = 0; k < actSize; k++) {
      classOf[act[k]] = null;
    }
    for (int k = 0; k < actSize; k++) {
      classInsert(act[k]);
    }
    totalChanged();
  }
}
