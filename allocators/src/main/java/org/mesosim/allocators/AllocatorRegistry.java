package org.mesosim.allocators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.mesosim.allocators.assetfairness.AssetFairnessPolicy;
import org.mesosim.allocators.capacity.CapacityPolicy;
import org.mesosim.allocators.drf.HierarchicalDrfPolicy;
import org.mesosim.allocators.fifo.FifoPolicy;
import org.mesosim.allocators.flatdrf.FlatDrfPolicy;
import org.mesosim.allocators.random.RandomPolicy;
import org.mesosim.allocators.slots.SlotsPolicy;
import org.mesosim.allocators.tetris.TetrisPolicy;
import org.mesosim.model.allocation.AllocatorPolicy;

/**
 * Every allocation policy by name: the built-ins plus any {@link AllocatorPolicy} found by
 * {@link ServiceLoader} (a jar on the classpath with a
 * {@code META-INF/services/org.mesosim.model.allocation.AllocatorPolicy} file). Listed sorted by
 * name, never in discovery order (cf. Caffeine's simulator {@code policy/Registry.java}).
 *
 * <p>A policy found twice under the same class (a built-in that is also in the services file) is
 * kept once; two different classes claiming one name are an error naming both.
 */
public final class AllocatorRegistry {
  private final TreeMap<String, AllocatorPolicy> byName;

  private AllocatorRegistry(TreeMap<String, AllocatorPolicy> byName) {
    this.byName = byName;
  }

  /** Built-ins plus {@code ServiceLoader.load(AllocatorPolicy.class)} on the context class loader. */
  public static AllocatorRegistry standard() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return standard(cl == null ? AllocatorRegistry.class.getClassLoader() : cl);
  }

  /** Built-ins plus the policies {@code ServiceLoader} finds through {@code loader}. */
  public static AllocatorRegistry standard(ClassLoader loader) {
    List<AllocatorPolicy> all = new ArrayList<>(builtIns());
    try {
      Iterator<AllocatorPolicy> it = ServiceLoader.load(AllocatorPolicy.class, loader).iterator();
      while (it.hasNext()) {
        all.add(it.next());
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load an allocator policy plug-in: " + e.getMessage(), e);
    }
    return of(all);
  }

  /** A registry of exactly these policies. */
  public static AllocatorRegistry of(List<? extends AllocatorPolicy> policies) {
    TreeMap<String, AllocatorPolicy> m = new TreeMap<>();
    for (AllocatorPolicy p : policies) {
      String name = p.name();
      if (name == null || name.isBlank()) {
        throw new IllegalStateException("allocator policy " + p.getClass().getName() + " has no name");
      }
      AllocatorPolicy prev = m.get(name);
      if (prev == null) {
        m.put(name, p);
      } else if (!prev.getClass().getName().equals(p.getClass().getName())) {
        throw new IllegalStateException("allocator policy name '" + name + "' is claimed by both "
            + prev.getClass().getName() + " and " + p.getClass().getName());
      }
    }
    return new AllocatorRegistry(m);
  }

  /**
   * The policies of this module. They are also in the services file; listing them here keeps them
   * available when a repackaged jar loses that file.
   */
  public static List<AllocatorPolicy> builtIns() {
    return List.of(
        new AssetFairnessPolicy(),
        new CapacityPolicy(),
        new FlatDrfPolicy(),
        new FifoPolicy(),
        new HierarchicalDrfPolicy(),
        new RandomPolicy(),
        new SlotsPolicy(),
        new TetrisPolicy());
  }

  /** Every policy, sorted by name. */
  public List<AllocatorPolicy> all() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  public Optional<AllocatorPolicy> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every policy name, sorted. */
  public List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(byName.keySet()));
  }

  /**
   * The policy of that name, or an {@link IllegalArgumentException} listing the names with a
   * did-you-mean.
   */
  public AllocatorPolicy require(String name) {
    AllocatorPolicy p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("policy: unknown allocator policy '" + name + "'"
          + PolicyOptions.didYouMean(name, byName.keySet()) + " (known: " + String.join(", ", byName.keySet()) + ")");
    }
    return p;
  }

  /**
   * {@code raw} checked against {@code p}'s options, typed, with defaults filled in, then
   * {@link AllocatorPolicy#validate validated} by the policy (ranges).
   *
   * @throws IllegalArgumentException {@code "<key>: <problem>"} for an unknown key (with a
   *     did-you-mean) or a bad value
   * @see PolicyOptions
   */
  public Map<String, Object> resolveOptions(AllocatorPolicy p, Map<String, Object> raw) {
    return validateOptions(p, raw).options();
  }

  /**
   * As {@link #resolveOptions}, keeping what the policy's validation built: the options are parsed
   * once, and every allocator of a run is built from the result.
   */
  public Resolved validateOptions(AllocatorPolicy p, Map<String, Object> raw) {
    Map<String, Object> typed = PolicyOptions.resolve(p, raw);
    return new Resolved(typed, p.validate(typed));
  }

  /**
   * A policy's options, resolved and validated.
   *
   * @param options typed, defaults filled in (as scenarios echo them and allocators read them)
   * @param allocators builds each allocator of a run from the options as validated
   */
  public record Resolved(Map<String, Object> options, AllocatorPolicy.Validated allocators) {}
}
