package org.mesosim.workloads.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the dependencies that close a cycle among a job's task groups. The model starts a task
 * only when every group it depends on has finished, so the tasks of a cycle would wait for each
 * other forever (and a run {@code until: drained} would never end).
 */
public final class DependencyCycles {
  private DependencyCycles() {}

  /**
   * The cycles closed by back edges of a depth-first search that starts from each group in the
   * map's order and follows each group's dependencies in their order. Each cycle is the path
   * {@code [v, …, u, v]}: its last edge {@code u -> v} is the back edge; removing every back
   * edge leaves no cycle. A dependency on a group that is not a key has no dependencies itself.
   */
  public static List<List<String>> backEdges(Map<String, List<String>> dependsOn) {
    List<List<String>> cycles = new ArrayList<>();
    TreeMap<String, Boolean> onPath = new TreeMap<>(); // true while on the path, false once done
    List<String> path = new ArrayList<>();
    List<Integer> nextEdge = new ArrayList<>();
    for (String root : dependsOn.keySet()) {
      if (onPath.containsKey(root)) {
        continue;
      }
      path.add(root);
      nextEdge.add(0);
      onPath.put(root, true);
      while (!path.isEmpty()) {
        int top = path.size() - 1;
        String u = path.get(top);
        List<String> deps = dependsOn.getOrDefault(u, List.of());
        int i = nextEdge.get(top);
        if (i == deps.size()) {
          onPath.put(u, false);
          path.remove(top);
          nextEdge.remove(top);
          continue;
        }
        nextEdge.set(top, i + 1);
        String v = deps.get(i);
        Boolean state = onPath.get(v);
        if (state == null) {
          path.add(v);
          nextEdge.add(0);
          onPath.put(v, true);
        } else if (state) {
          List<String> cycle = new ArrayList<>(path.subList(path.indexOf(v), path.size()));
          cycle.add(v);
          cycles.add(cycle);
        }
      }
    }
    return cycles;
  }
}
