package org.mesosim.allocators.sorter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.model.Resources;

class TreeSorterTest {
  private static long[] q(double cpus, double mem) {
    return Quantities.of(Resources.of(cpus, mem), 0);
  }

  @Test
  void sort_ordersEachLevelBySubtreeShareAndListsLeavesDepthFirst() {
    TreeSorter s = new TreeSorter(TreeSorter.Order.DRF, List.of());
    s.addTotal(q(100, 100_000));
    int web = s.add("eng/web");
    int batch = s.add("eng/batch");
    int ops = s.add("ops");
    s.allocated(web, q(10, 0));
    s.allocated(batch, q(20, 0));
    s.allocated(ops, q(25, 0));
    // ops (0.25) before eng (0.30); inside eng, web (0.10) before batch (0.20)
    assertEquals(List.of("ops", "eng/web", "eng/batch"), s.sort());
    s.deactivate("ops");
    assertEquals(List.of("eng/web", "eng/batch"), s.sort());
  }

  @Test
  void sort_clientThatIsAlsoAParentIsAVirtualLeafBesideItsChildren() {
    TreeSorter s = new TreeSorter(TreeSorter.Order.DRF, List.of());
    s.addTotal(q(100, 100_000));
    int eng = s.add("eng");
    int web = s.add("eng/web");
    int ops = s.add("ops");
    s.allocated(eng, q(5, 0));
    s.allocated(web, q(1, 0));
    s.allocated(ops, q(10, 0));
    // eng subtree 0.06 < ops 0.10; inside eng: eng/web (0.01) before eng's own leaf (0.05)
    assertEquals(List.of("eng/web", "eng", "ops"), s.sort());
    assertEquals(2, s.allocationCount(eng) + s.allocationCount(web));
  }

  @Test
  void randomSorter_sameSeedSameOrderOtherSeedOtherOrder() {
    List<String> a = randomOrder(1);
    assertEquals(a, randomOrder(1));
    boolean differs = false;
    for (long seed = 2; seed < 10 && !differs; seed++) {
      differs = !a.equals(randomOrder(seed));
    }
    assertEquals(true, differs);
    assertNotEquals(0, a.size());
  }

  private static List<String> randomOrder(long seed) {
    RandomSorter s = new RandomSorter(List.of());
    s.useRandom(new RunRandom(seed));
    for (String n : List.of("a", "b", "c", "d", "e", "f/x", "f/y")) {
      s.add(n);
    }
    return s.sort();
  }
}
