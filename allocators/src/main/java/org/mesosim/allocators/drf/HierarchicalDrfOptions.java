package org.mesosim.allocators.drf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mesosim.allocators.sorter.Quantities;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.PolicyOption;

/**
 * The options of {@code hierarchical-drf}, parsed and checked.
 *
 * @param mesosVersion which Mesos behaviour to model: 11 (1.1, default), 12, 13, 14, 15 or 17
 *     (see {@link HierarchicalDrfPolicy})
 * @param roleSorter {@code drf} or {@code random} ({@code --role_sorter}, 1.7)
 * @param frameworkSorter {@code drf} or {@code random} ({@code --framework_sorter})
 * @param fairnessExcludeResourceNames {@code --fair_sharing_excluded_resource_names}
 * @param minAllocatable alternatives of {@code --min_allocatable_resources}: a candidate is
 *     allocatable iff it contains one of them (thousandths by resource index)
 */
public record HierarchicalDrfOptions(
    int mesosVersion,
    String roleSorter,
    String frameworkSorter,
    List<String> fairnessExcludeResourceNames,
    List<long[]> minAllocatable) {

  /** Allowed {@code mesosVersion} values: the versions at which a modelled switch takes effect. */
  public static final List<String> VERSIONS = List.of("1.1", "1.2", "1.3", "1.4", "1.5", "1.7");

  /** Mesos' {@code MIN_CPUS} / {@code MIN_MEM} ({@code src/master/constants.hpp}). */
  public static final String DEFAULT_MIN_ALLOCATABLE = "cpus:0.01|mem:32";

  /** The option declarations, with defaults, in listing order. */
  public static List<PolicyOption> declarations() {
    return List.of(
        PolicyOption.oneOf("mesosVersion", "1.1", VERSIONS,
            "Mesos allocator behaviour to model (the allocator only: the master, agents and schedulers stay Mesos 1.1,"
                + " see docs/mesos-model.md): 1.2 batches triggers and ends a role's quota at its first reached"
                + " guarantee, 1.3 tree sorter for a/b roles and no run on quota or weight changes, 1.4 descendant"
                + " reservations, 1.5 quota headroom + chopped quota, 1.7 filter expiry after the run"),
        PolicyOption.oneOf("roleSorter", "drf", List.of("drf", "random"),
            "order of roles (--role_sorter; random as Mesos 1.7)"),
        PolicyOption.oneOf("frameworkSorter", "drf", List.of("drf", "random"),
            "order of frameworks within a role (--framework_sorter)"),
        PolicyOption.text("fairnessExcludeResourceNames", "",
            "comma-separated resource names left out of DRF shares (--fair_sharing_excluded_resource_names)"),
        PolicyOption.text("minAllocatableResources", DEFAULT_MIN_ALLOCATABLE,
            "alternatives separated by |, each name:amount;...: smallest offerable pool (--min_allocatable_resources, 1.7; 1.1 hard-codes the default)"));
  }

  /** Mesos 1.1 defaults. */
  public static HierarchicalDrfOptions defaults() {
    return parse(Map.of());
  }

  /**
   * Parses raw option values (strings, numbers or lists as a scenario gives them); missing keys
   * take their defaults.
   *
   * @throws IllegalArgumentException {@code "<key>: <problem>"} for an unknown key or a bad value
   */
  public static HierarchicalDrfOptions parse(Map<String, ?> raw) {
    TreeSet<String> known = new TreeSet<>();
    for (PolicyOption o : declarations()) {
      known.add(o.name());
    }
    for (String k : raw.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException(k + ": unknown option of hierarchical-drf (known: " + String.join(", ", known) + ")");
      }
    }
    String v = text(raw.get("mesosVersion"), "1.1");
    if (!VERSIONS.contains(v)) {
      throw new IllegalArgumentException("mesosVersion: '" + v + "' is not one of " + VERSIONS);
    }
    int version = Integer.parseInt(v.substring(2)) + 10 * Integer.parseInt(v.substring(0, 1));
    String rs = sorter("roleSorter", text(raw.get("roleSorter"), "drf"));
    String fs = sorter("frameworkSorter", text(raw.get("frameworkSorter"), "drf"));
    List<String> excluded = names(raw.get("fairnessExcludeResourceNames"));
    List<long[]> min = minAllocatable(text(raw.get("minAllocatableResources"), DEFAULT_MIN_ALLOCATABLE));
    return new HierarchicalDrfOptions(version, rs, fs, excluded, min);
  }

  public HierarchicalDrfOptions {
    fairnessExcludeResourceNames = List.copyOf(fairnessExcludeResourceNames);
    minAllocatable = List.copyOf(minAllocatable);
  }

  private static String text(Object o, String dflt) {
    if (o == null) {
      return dflt;
    }
    return String.valueOf(o).trim();
  }

  private static String sorter(String key, String s) {
    if (!s.equals("drf") && !s.equals("random")) {
      throw new IllegalArgumentException(key + ": '" + s + "' is not one of [drf, random]");
    }
    return s;
  }

  private static List<String> names(Object o) {
    List<String> out = new ArrayList<>();
    if (o == null) {
      return out;
    }
    Collection<?> items = o instanceof Collection<?> c ? c : List.of(String.valueOf(o).split(","));
    for (Object item : items) {
      String n = String.valueOf(item).trim();
      if (n.isEmpty()) {
        continue;
      }
      if (!ResourceNames.valid(n)) {
        throw new IllegalArgumentException("fairnessExcludeResourceNames: '" + n + "' is not a valid resource name");
      }
      out.add(n);
    }
    return out;
  }

  /** Parses {@code cpus:0.01|mem:32} (alternatives by {@code |}, names by {@code ;}). */
  static List<long[]> minAllocatable(String text) {
    List<long[]> out = new ArrayList<>();
    for (String alt : text.split("\\|")) {
      alt = alt.trim();
      if (alt.isEmpty()) {
        throw new IllegalArgumentException("minAllocatableResources: empty alternative in '" + text + "'");
      }
      Resources r = Resources.EMPTY;
      for (String part : alt.split(";")) {
        String[] kv = part.trim().split(":");
        if (kv.length != 2 || !ResourceNames.valid(kv[0].trim())) {
          throw new IllegalArgumentException("minAllocatableResources: '" + part.trim() + "' is not name:amount");
        }
        double amount;
        try {
          amount = Double.parseDouble(kv[1].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("minAllocatableResources: '" + kv[1].trim() + "' is not a number");
        }
        if (!(amount >= 0) || Double.isInfinite(amount)) {
          throw new IllegalArgumentException("minAllocatableResources: amount must be >= 0 in '" + part.trim() + "'");
        }
        r = r.plus(Resources.of(kv[0].trim(), amount));
      }
      out.add(Quantities.of(r, 0));
    }
    return out;
  }
}
