package org.mesosim.allocators.drf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.model.AgentId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/** The array-backed offer map behaves as the TreeMap it replaced, for every SortedMap call. */
class OfferRunTest {
  private static final String[] NAMES = {"a-1", "a-10", "a-2", "b", "c-7"}; // sorted as strings

  private static ResourceSet cpus(int n) {
    return ResourceSet.unreserved(Resources.of("cpus", n));
  }

  private static OfferRun run() {
    AgentId[] ids = new AgentId[NAMES.length + 2]; // spare capacity past size, as the allocator's arrays have
    ResourceSet[] vals = new ResourceSet[NAMES.length + 2];
    for (int i = 0; i < NAMES.length; i++) {
      ids[i] = new AgentId(NAMES[i]);
      vals[i] = cpus(i + 1);
    }
    return new OfferRun(ids, vals, NAMES.length);
  }

  private static TreeMap<AgentId, ResourceSet> tree() {
    TreeMap<AgentId, ResourceSet> t = new TreeMap<>();
    for (int i = 0; i < NAMES.length; i++) {
      t.put(new AgentId(NAMES[i]), cpus(i + 1));
    }
    return t;
  }

  private static List<String> keys(SortedMap<AgentId, ResourceSet> m) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<AgentId, ResourceSet> e : m.entrySet()) {
      out.add(e.getKey().value() + "=" + e.getValue());
    }
    return out;
  }

  @Test
  void equalsTheTree_inContentOrderAndHash() {
    OfferRun r = run();
    TreeMap<AgentId, ResourceSet> t = tree();
    assertEquals(t, r);
    assertEquals(r, t);
    assertEquals(t.hashCode(), r.hashCode());
    assertEquals(keys(t), keys(r));
    assertEquals(t.toString(), r.toString());
    assertEquals(5, r.size());
  }

  @Test
  void lookups_findPresentKeys_andOnlyThem() {
    OfferRun r = run();
    assertEquals(cpus(2), r.get(new AgentId("a-10")));
    assertTrue(r.containsKey(new AgentId("c-7")));
    assertNull(r.get(new AgentId("a-3")));
    assertFalse(r.containsKey(new AgentId("zz")));
    assertFalse(r.containsKey("a-1")); // not an AgentId
    assertEquals(new AgentId("a-1"), r.firstKey());
    assertEquals(new AgentId("c-7"), r.lastKey());
  }

  @Test
  void subMaps_matchTheTreeAtEveryBound() {
    OfferRun r = run();
    TreeMap<AgentId, ResourceSet> t = tree();
    String[] bounds = {"0", "a-1", "a-10", "a-15", "a-2", "b", "bb", "c-7", "d"};
    for (String lo : bounds) {
      AgentId l = new AgentId(lo);
      assertEquals(keys(t.tailMap(l)), keys(r.tailMap(l)), "tailMap " + lo);
      assertEquals(keys(t.headMap(l)), keys(r.headMap(l)), "headMap " + lo);
      for (String hi : bounds) {
        AgentId h = new AgentId(hi);
        if (l.compareTo(h) > 0) {
          assertThrows(IllegalArgumentException.class, () -> r.subMap(l, h));
          continue;
        }
        SortedMap<AgentId, ResourceSet> sub = r.subMap(l, h);
        assertEquals(keys(t.subMap(l, h)), keys(sub), "subMap " + lo + ".." + hi);
        assertEquals(t.subMap(l, h).size(), sub.size());
        assertEquals(t.subMap(l, h), sub);
      }
    }
    SortedMap<AgentId, ResourceSet> mid = r.subMap(new AgentId("a-10"), new AgentId("c"));
    assertEquals(new AgentId("a-10"), mid.firstKey());
    assertEquals(new AgentId("b"), mid.lastKey());
    assertNull(mid.get(new AgentId("a-1"))); // outside the view though inside the arrays
    assertFalse(mid.containsKey(new AgentId("c-7")));
  }

  @Test
  void emptyViews_andReadOnly() {
    OfferRun r = run();
    SortedMap<AgentId, ResourceSet> none = r.headMap(new AgentId("a"));
    assertTrue(none.isEmpty());
    assertThrows(NoSuchElementException.class, none::firstKey);
    assertThrows(NoSuchElementException.class, none::lastKey);
    assertThrows(NoSuchElementException.class, () -> none.entrySet().iterator().next());
    assertThrows(UnsupportedOperationException.class, () -> r.put(new AgentId("x"), cpus(1)));
    assertThrows(UnsupportedOperationException.class, () -> r.entrySet().iterator().next().setValue(cpus(9)));
    assertThrows(UnsupportedOperationException.class, () -> r.entrySet().iterator().remove());
  }
}
