package org.mesosim.allocators.sorter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.model.Resources;

class DrfSorterTest {
  private static long[] q(double cpus, double mem) {
    return Quantities.of(Resources.of(cpus, mem), 0);
  }

  @Test
  void share_isMaxOverNamesOfAllocatedOverTotalDividedByWeight() {
    DrfSorter s = new DrfSorter();
    s.addTotal(q(10, 1000));
    int a = s.add("a");
    int b = s.add("b");
    s.allocated(a, q(2, 500)); // max(0.2, 0.5)
    s.allocated(b, q(4, 100)); // max(0.4, 0.1)
    assertEquals(0.5, s.share(a), 0);
    assertEquals(0.4, s.share(b), 0);
    assertEquals(List.of("b", "a"), s.sort());
    s.updateWeight("a", 2.0);
    assertEquals(0.25, s.share(a), 0);
    assertEquals(List.of("a", "b"), s.sort());
  }

  @Test
  void share_skipsExcludedNamesAndNamesWithoutTotal() {
    DrfSorter s = new DrfSorter(true, List.of("mem"));
    s.addTotal(Quantities.of(Resources.of(10, 1000, 0), 0));
    int a = s.add("a");
    s.allocated(a, Quantities.of(Resources.of(1, 900, 0), 0));
    assertEquals(0.1, s.share(a), 0);
  }

  @Test
  void sort_tieBreaksByAllocationCountThenName() {
    DrfSorter s = new DrfSorter();
    s.addTotal(q(10, 1000));
    int b = s.add("b");
    s.add("c");
    s.add("a");
    assertEquals(List.of("a", "b", "c"), s.sort());
    s.allocated(b, q(1, 100));
    s.unallocated(b, q(1, 100));
    assertEquals(List.of("a", "c", "b"), s.sort());
    assertEquals(1, s.allocationCount(b));
  }

  @Test
  void legacyCounts_restartAtZeroOnReactivationAndOnlyCountWhileActive() {
    DrfSorter s = new DrfSorter(true, List.of());
    s.addTotal(q(10, 1000));
    int a = s.add("a");
    s.allocated(a, q(1, 1));
    s.allocated(a, q(1, 1));
    assertEquals(2, s.allocationCount(a));
    s.deactivate("a");
    s.allocated(a, q(1, 1));
    assertEquals(2, s.allocationCount(a));
    s.activate("a");
    assertEquals(0, s.allocationCount(a));
  }

  @Test
  void counts_mesos13SurviveDeactivation() {
    DrfSorter s = new DrfSorter(false, List.of());
    s.addTotal(q(10, 1000));
    int a = s.add("a");
    s.allocated(a, q(1, 1));
    s.deactivate("a");
    s.allocated(a, q(1, 1));
    s.activate("a");
    assertEquals(2, s.allocationCount(a));
  }

  @Test
  void first_andSort_agreeWithAReferenceUnderRandomOperations() {
    for (long seed = 1; seed <= 20; seed++) {
      agreeWithReference(seed, 0, 40);
    }
  }

  /**
   * With at most one active client first() answers without shares or groups and drops the groups;
   * a later scan of several rebuilds them. Three clients toggled often cross that line both ways.
   */
  @Test
  void first_agreesWithTheReference_acrossOneAndSeveralActiveClients() {
    for (long seed = 41; seed <= 80; seed++) {
      agreeWithReference(seed, 0, 3);
    }
  }

  /**
   * The share groups that first() scans are built by the first scan and kept up to date from then
   * on: a sorter that was only sorted through a long history before its first scan must agree too.
   */
  @Test
  void first_agreesWithTheReference_whenFirstScannedAfterALongHistory() {
    for (long seed = 21; seed <= 40; seed++) {
      agreeWithReference(seed, 150 + (int) seed * 5, 40);
    }
  }

  /**
   * Up to 16 active clients first() sorts (and drops the share groups); above that it scans
   * groups, rebuilt on the way up. Twenty names keep the active count crossing the line both ways.
   */
  @Test
  void first_agreesWithTheReference_acrossTheSmallSorterLine() {
    for (long seed = 81; seed <= 120; seed++) {
      agreeWithReference(seed, 0, 20);
    }
  }

  private static void agreeWithReference(long seed, int firstScanAt, int nameSpace) {
    RunRandom r = new RunRandom(seed);
    DrfSorter s = new DrfSorter();
    TreeMap<String, long[]> alloc = new TreeMap<>();
    TreeMap<String, Double> weight = new TreeMap<>();
    TreeMap<String, Boolean> active = new TreeMap<>();
    TreeMap<String, Long> count = new TreeMap<>();
    long[] total = new long[4];
    for (int step = 0; step < 400; step++) {
      int op = r.nextInt(10);
      List<String> names = new ArrayList<>(alloc.keySet());
      if (op == 0 || names.isEmpty()) {
        String n = "c" + r.nextInt(nameSpace);
        if (!alloc.containsKey(n)) {
          s.add(n);
          alloc.put(n, new long[4]);
          weight.put(n, 1.0);
          active.put(n, true);
          count.put(n, 0L);
        }
      } else if (op <= 3) {
        long[] add = {r.nextInt(3) * 500L, r.nextInt(5) * 1000L * 256, 0, 0};
        s.addTotal(add);
        Quantities.addInto(total, add);
      } else if (op <= 6) {
        String n = names.get(r.nextInt(names.size()));
        long[] add = {r.nextInt(3) * 250L, r.nextInt(3) * 128_000L, 0, 0};
        s.allocated(s.handle(n), add);
        Quantities.addInto(alloc.get(n), add);
        if (active.get(n)) {
          count.merge(n, 1L, Long::sum);
        }
      } else if (op == 7) {
        String n = names.get(r.nextInt(names.size()));
        long[] held = alloc.get(n).clone();
        s.unallocated(s.handle(n), held);
        Quantities.clear(alloc.get(n));
      } else if (op == 8) {
        String n = names.get(r.nextInt(names.size()));
        if (active.get(n)) {
          s.deactivate(n);
          active.put(n, false);
        } else {
          s.activate(n);
          active.put(n, true);
          count.put(n, 0L);
        }
      } else {
        String n = names.get(r.nextInt(names.size()));
        double w = 1 + r.nextInt(3);
        s.updateWeight(n, w);
        weight.put(n, w);
      }
      // reference order
      List<String> ref = new ArrayList<>();
      for (String n : alloc.keySet()) {
        if (active.get(n)) {
          ref.add(n);
        }
      }
      long[] tot = total.clone();
      Comparator<String> cmp = Comparator.comparingDouble((String n) -> refShare(alloc.get(n), tot) / weight.get(n))
          .thenComparingLong(count::get)
          .thenComparing(Comparator.naturalOrder());
      ref.sort(cmp);
      int skip = r.nextInt(3);
      String expectFirst = ref.size() > skip ? ref.get(skip) : null;
      // first() with a predicate that rejects the first `skip` clients of the reference order
      List<String> rejected = ref.subList(0, Math.min(skip, ref.size()));
      if (step >= firstScanAt) {
        int got = s.first(h -> !rejected.contains(s.name(h)));
        assertEquals(expectFirst, got < 0 ? null : s.name(got), "seed " + seed + " step " + step);
      }
      if (step % 7 == 0) {
        assertEquals(ref, s.sort(), "seed " + seed + " step " + step);
      }
    }
  }

  private static double refShare(long[] alloc, long[] total) {
    double share = 0;
    for (int i = 0; i < total.length; i++) {
      if (total[i] > 0) {
        share = Math.max(share, (alloc[i] / 1000.0) / (total[i] / 1000.0));
      }
    }
    return share;
  }
}
