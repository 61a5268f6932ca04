package org.mesosim.workloads.trace.alibaba2018;

import java.util.ArrayList;
import java.util.List;

/**
 * An Alibaba 2018 {@code task_name}: {@code M1}, {@code R3_1}, {@code J5_2_4} = a type (letters),
 * the task's id, then the ids it depends on. Names that do not have that shape ({@code task_*},
 * {@code MergeTask}) are not part of a DAG.
 *
 * @param id the task's id within its job, or -1 when the name is not a DAG name
 * @param dependsOn ids this task waits for
 */
public record DagName(int id, List<Integer> dependsOn) {
  /** Not a DAG name. */
  public static final DagName NONE = new DagName(-1, List.of());

  public DagName {
    dependsOn = List.copyOf(dependsOn);
  }

  /** Parses a name; never throws. */
  public static DagName parse(String name) {
    int n = name.length();
    int i = 0;
    while (i < n && Character.isLetter(name.charAt(i))) {
      i++;
    }
    if (i == 0 || i == n) {
      return NONE;
    }
    List<Integer> parts = new ArrayList<>();
    while (i < n) {
      int s = i;
      long v = 0;
      while (i < n && name.charAt(i) >= '0' && name.charAt(i) <= '9') {
        v = v * 10 + (name.charAt(i) - '0');
        if (v > Integer.MAX_VALUE) {
          return NONE;
        }
        i++;
      }
      if (i == s) {
        return NONE;
      }
      parts.add((int) v);
      if (i < n) {
        if (name.charAt(i) != '_' || i == n - 1) {
          return NONE;
        }
        i++;
      }
    }
    return new DagName(parts.get(0), parts.subList(1, parts.size()));
  }

  public boolean isDag() {
    return id >= 0;
  }
}
