package org.mesosim.model.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.model.Resources;

class JobSpecTest {
  private static final List<TaskSpec> TASKS = List.of(TaskSpec.of("0", Resources.of(1, 1), 5, TaskOutcome.FINISHED));

  @Test
  void fields_copiedUnlessShared_sharedOnesAreUnmodifiable() {
    TreeMap<String, String> f = new TreeMap<>();
    f.put("user", "u");
    JobSpec copied = new JobSpec("a", 0, TASKS, f);
    assertNotSame(f, copied.fields());
    f.put("user", "v");
    assertEquals("u", copied.fields().get("user"));
    SortedMap<String, String> shared = JobSpec.sharedFields(f);
    JobSpec a = new JobSpec("a", 0, TASKS, shared);
    JobSpec b = new JobSpec("b", 1, TASKS, shared);
    assertSame(shared, a.fields());
    assertSame(shared, b.fields());
    assertEquals("v", a.fields().get("user"));
    assertThrows(UnsupportedOperationException.class, () -> a.fields().put("user", "w"));
    f.put("user", "x"); // sharedFields copied it
    assertEquals("v", b.fields().get("user"));
    assertThrows(UnsupportedOperationException.class, () -> a.fields().entrySet().clear());
  }

  @Test
  void fields_anUnmodifiableViewOfTheCallersMap_isStillCopied() {
    TreeMap<String, String> mine = new TreeMap<>();
    mine.put("user", "u");
    JobSpec j = new JobSpec("a", 0, TASKS, java.util.Collections.unmodifiableSortedMap(mine));
    mine.put("user", "changed later");
    assertEquals("u", j.fields().get("user"));
  }
}
