package org.mesosim.allocators.drf;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import org.mesosim.model.AgentId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.allocation.OfferBatch;

/**
 * One framework's offers of an allocation run, as the unmodifiable {@link SortedMap} the
 * allocator callback takes: agent ids in strictly increasing order in an array, the resources
 * beside them. The master walks every entry of it once per run and framework (up to every agent
 * of the cluster); walking arrays instead of a {@link java.util.TreeMap}'s nodes saves building
 * the tree and a pointer chase per entry. Lookups are binary searches; sub-maps are views of a
 * range of the same arrays.
 */
final class OfferRun extends AbstractMap<AgentId, ResourceSet> implements SortedMap<AgentId, ResourceSet>,
    OfferBatch {
  private final AgentId[] ids;
  private final ResourceSet[] vals;
  private final int[] tokens;
  private final int from;
  private final int to;

  /** Takes the arrays (not copied): {@code ids[0..size)} strictly increasing, no nulls; no tokens. */
  OfferRun(AgentId[] ids, ResourceSet[] vals, int size) {
    this(ids, vals, null, 0, size);
  }

  /** As {@link #OfferRun(AgentId[], ResourceSet[], int)} with the allocator's agent tokens beside. */
  OfferRun(AgentId[] ids, ResourceSet[] vals, int[] tokens, int size) {
    this(ids, vals, tokens, 0, size);
  }

  private OfferRun(AgentId[] ids, ResourceSet[] vals, int[] tokens, int from, int to) {
    this.ids = ids;
    this.vals = vals;
    this.tokens = tokens;
    this.from = from;
    this.to = to;
  }

  @Override
  public int count() {
    return to - from;
  }

  @Override
  public AgentId agent(int i) {
    return ids[from + i];
  }

  @Override
  public ResourceSet resources(int i) {
    return vals[from + i];
  }

  @Override
  public int token(int i) {
    return tokens == null ? -1 : tokens[from + i];
  }

  @Override
  public int size() {
    return to - from;
  }

  @Override
  public boolean isEmpty() {
    return to == from;
  }

  private int find(Object key) {
    if (!(key instanceof AgentId)) {
      return -1;
    }
    int i = Arrays.binarySearch(ids, from, to, (AgentId) key);
    return i >= 0 ? i : -1;
  }

  /** The first index in range whose id is not below {@code key}. */
  private int lowerBound(AgentId key) {
    int i = Arrays.binarySearch(ids, from, to, key);
    return i >= 0 ? i : -i - 1;
  }

  @Override
  public boolean containsKey(Object key) {
    return find(key) >= 0;
  }

  @Override
  public ResourceSet get(Object key) {
    int i = find(key);
    return i >= 0 ? vals[i] : null;
  }

  @Override
  public Comparator<? super AgentId> comparator() {
    return null;
  }

  @Override
  public Set<Map.Entry<AgentId, ResourceSet>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return to - from;
      }

      @Override
      public Iterator<Map.Entry<AgentId, ResourceSet>> iterator() {
        return new Iterator<>() {
          private int i = from;

          @Override
          public boolean hasNext() {
            return i < to;
          }

          @Override
          public Map.Entry<AgentId, ResourceSet> next() {
            if (i >= to) {
              throw new NoSuchElementException();
            }
            Map.Entry<AgentId, ResourceSet> e = new SimpleImmutableEntry<>(ids[i], vals[i]);
            i++;
            return e;
          }
        };
      }
    };
  }

  @Override
  public SortedMap<AgentId, ResourceSet> subMap(AgentId fromKey, AgentId toKey) {
    if (fromKey.compareTo(toKey) > 0) {
      throw new IllegalArgumentException("fromKey > toKey");
    }
    return new OfferRun(ids, vals, tokens, lowerBound(fromKey), lowerBound(toKey));
  }

  @Override
  public SortedMap<AgentId, ResourceSet> headMap(AgentId toKey) {
    return new OfferRun(ids, vals, tokens, from, lowerBound(toKey));
  }

  @Override
  public SortedMap<AgentId, ResourceSet> tailMap(AgentId fromKey) {
    return new OfferRun(ids, vals, tokens, lowerBound(fromKey), to);
  }

  @Override
  public AgentId firstKey() {
    if (to == from) {
      throw new NoSuchElementException();
    }
    return ids[from];
  }

  @Override
  public AgentId lastKey() {
    if (to == from) {
      throw new NoSuchElementException();
    }
    return ids[to - 1];
  }
}
