package org.mesosim.allocators.sorter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;

/**
 * The tree-shaped sorter Mesos uses from 1.3 on for hierarchical role names such as
 * {@code eng/web} ({@code src/master/allocator/sorter/drf/sorter.cpp} at 1.3.0, and the random
 * sorter of 1.7, {@code src/master/allocator/sorter/random/sorter.cpp}).
 *
 * <p>Every path prefix is a node; a node's allocation is the sum over its subtree. A client whose
 * name is also a prefix of another client (say {@code eng} and {@code eng/web}) is represented, as
 * in Mesos, by a virtual leaf below the internal node, with the same path and weight. {@link
 * #sort()} orders the children of each node (internal nodes with at least one active leaf below,
 * and the node's own leaf if it is an active client) and lists the active leaves depth first.
 *
 * <p>In {@link Order#DRF} mode children are ordered by share ÷ weight (share = max over counted
 * names of subtree allocation ÷ sorter total, as in {@link DrfSorter}), then allocation count,
 * then path. The count lives in each node's allocation record and goes up on every allocation
 * below it (1.3+ semantics; it is not reset by deactivation). In {@link Order#RANDOM} mode each
 * level is a weighted random shuffle (the first pick is proportional to weight, and so on), drawn
 * from the run's {@link RunRandom}.
 *
 * <p>With names without {@code /} this degenerates to a flat sorter. Each {@code sort()} walks
 * the whole tree when something changed since the last one: fine for roles (hundreds), not meant
 * for thousands of frameworks.
 */
public class TreeSorter implements Sorter {
  /** How the children of a node are ordered. */
  public enum Order {
    DRF,
    RANDOM
  }

  private final Order mode;
  private final boolean[] excludedByIndex;
  private final Node root = new Node("", null);
  private final TreeMap<String, Node> clients = new TreeMap<>();
  private final TreeMap<String, Double> weights = new TreeMap<>();
  private final ArrayList<Node> byHandle = new ArrayList<>();
  private long[] total = new long[ResourceNames.count()];
  private long[] allocSum = new long[ResourceNames.count()];
  private int activeLeaves;
  private int[] order = new int[8];
  private int orderSize;
  private boolean dirty = true;
  private RunRandom random = new RunRandom(0);

  /**
   * @param mode DRF or weighted random order at each level
   * @param excludedNames resource names left out of shares
   */
  public TreeSorter(Order mode, Collection<String> excludedNames) {
    this.mode = mode;
    int max = -1;
    for (String n : excludedNames) {
      max = Math.max(max, ResourceNames.index(n));
    }
    this.excludedByIndex = new boolean[max + 1];
    for (String n : excludedNames) {
      excludedByIndex[ResourceNames.index(n)] = true;
    }
  }

  private static final class Node {
    final String path;
    final Node parent;
    final TreeMap<String, Node> children = new TreeMap<>();
    long[] sub = new long[0];
    long subCount;
    boolean isClient;
    boolean clientActive;
    long[] self = new long[0];
    long selfCount;
    int handle = -1;
    int activeBelow; // active client leaves in this subtree, own leaf included

    Node(String path, Node parent) {
      this.path = path;
      this.parent = parent;
    }
  }

  /** One sortable item at a level: a child subtree or the node's own (virtual) leaf. */
  private static final class Item {
    final Node node;
    final boolean selfLeaf;
    final double share;
    final long count;
    final double weight;

    Item(Node node, boolean selfLeaf, double share, long count, double weight) {
      this.node = node;
      this.selfLeaf = selfLeaf;
      this.share = share;
      this.count = count;
      this.weight = weight;
    }
  }

  @Override
  public int add(String client) {
    if (clients.containsKey(client)) {
      throw new IllegalArgumentException("sorter already has client " + client);
    }
    if (client.isEmpty() || client.startsWith("/") || client.endsWith("/") || client.contains("//")) {
      throw new IllegalArgumentException("invalid hierarchical name '" + client + "'");
    }
    Node n = root;
    for (String seg : client.split("/", -1)) {
      String path = n == root ? seg : n.path + "/" + seg;
      Node c = n.children.get(seg);
      if (c == null) {
        c = new Node(path, n);
        n.children.put(seg, c);
      }
      n = c;
    }
    n.isClient = true;
    n.self = new long[0];
    n.selfCount = 0;
    n.handle = byHandle.size();
    byHandle.add(n);
    clients.put(client, n);
    setActive(n, true);
    return n.handle;
  }

  @Override
  public void remove(String client) {
    Node n = require(client);
    if (n.clientActive) {
      setActive(n, false);
    }
    subtractUp(n, n.self);
    n.isClient = false;
    byHandle.set(n.handle, null);
    n.handle = -1;
    clients.remove(client);
    // prune empty nodes
    Node c = n;
    while (c != root && !c.isClient && c.children.isEmpty()) {
      Node p = c.parent;
      p.children.remove(c.path.substring(c.path.lastIndexOf('/') + 1));
      c = p;
    }
    dirty = true;
  }

  @Override
  public void activate(String client) {
    Node n = require(client);
    if (!n.clientActive) {
      setActive(n, true);
    }
  }

  @Override
  public void deactivate(String client) {
    Node n = require(client);
    if (n.clientActive) {
      setActive(n, false);
    }
  }

  private void setActive(Node n, boolean on) {
    n.clientActive = on;
    int d = on ? 1 : -1;
    for (Node c = n; c != null; c = c.parent) {
      c.activeBelow += d;
    }
    activeLeaves += d;
    dirty = true;
  }

  @Override
  public void updateWeight(String client, double w) {
    if (!(w > 0) || Double.isInfinite(w)) {
      throw new IllegalArgumentException("weight must be > 0, not " + w);
    }
    weights.put(client, w);
    dirty = true;
  }

  @Override
  public boolean contains(String client) {
    return clients.containsKey(client);
  }

  @Override
  public boolean isActive(String client) {
    Node n = clients.get(client);
    return n != null && n.clientActive;
  }

  @Override
  public int handle(String client) {
    Node n = clients.get(client);
    return n == null ? -1 : n.handle;
  }

  @Override
  public String name(int handle) {
    return byHandle.get(handle).path;
  }

  @Override
  public int size() {
    return clients.size();
  }

  @Override
  public int activeCount() {
    return activeLeaves;
  }

  @Override
  public void allocated(int handle, long[] q) {
    Node n = byHandle.get(handle);
    n.self = add(n.self, q);
    n.selfCount++;
    for (Node c = n; c != root; c = c.parent) {
      c.sub = add(c.sub, q);
      c.subCount++;
    }
    allocSum = add(allocSum, q);
    dirty = true;
  }

  @Override
  public void unallocated(int handle, long[] q) {
    Node n = byHandle.get(handle);
    if (!Quantities.contains(n.self, q)) {
      throw new IllegalArgumentException(
          "client " + n.path + " does not hold " + Resources.ofMilli(q) + " (holds " + Resources.ofMilli(n.self) + ")");
    }
    Quantities.subtractInto(n.self, q);
    subtractUp(n, q);
  }

  private void subtractUp(Node n, long[] q) {
    long[] copy = q.clone();
    for (Node c = n; c != root; c = c.parent) {
      Quantities.subtractInto(c.sub, copy);
    }
    Quantities.subtractInto(allocSum, copy);
    dirty = true;
  }

  private static long[] add(long[] acc, long[] q) {
    long[] a = Quantities.widen(acc, q.length);
    for (int i = 0; i < q.length; i++) {
      a[i] += q[i];
    }
    return a;
  }

  @Override
  public Resources allocation(int handle) {
    return Resources.ofMilli(byHandle.get(handle).self);
  }

  @Override
  public void addTotal(long[] q) {
    total = add(total, q);
    dirty = true;
  }

  @Override
  public void removeTotal(long[] q) {
    total = Quantities.widen(total, q.length);
    Quantities.subtractInto(total, q);
    dirty = true;
  }

  @Override
  public Resources total() {
    return Resources.ofMilli(total);
  }

  @Override
  public Resources allocatedSum() {
    return Resources.ofMilli(allocSum);
  }

  @Override
  public double share(int handle) {
    Node n = byHandle.get(handle);
    return share(n.self) / weightOf(n.path);
  }

  @Override
  public long allocationCount(int handle) {
    return byHandle.get(handle).selfCount;
  }

  private double weightOf(String path) {
    Double w = weights.get(path);
    return w == null ? 1.0 : w;
  }

  private double share(long[] alloc) {
    double s = 0.0;
    for (int r = 0; r < total.length; r++) {
      if (total[r] > 0 && !(r < excludedByIndex.length && excludedByIndex[r])) {
        s = Math.max(s, (Quantities.get(alloc, r) / 1000.0) / (total[r] / 1000.0));
      }
    }
    return s;
  }

  @Override
  public void useRandom(RunRandom r) {
    this.random = r;
  }

  // ------------------------------------------------------------------ ordering

  @Override
  public int sortInto(int[] out) {
    ensureOrder();
    System.arraycopy(order, 0, out, 0, orderSize);
    return orderSize;
  }

  @Override
  public int first(IntPredicate eligible) {
    ensureOrder();
    for (int i = 0; i < orderSize; i++) {
      if (eligible.test(order[i])) {
        return order[i];
      }
    }
    return -1;
  }

  private void ensureOrder() {
    if (!dirty && mode == Order.DRF) {
      return;
    }
    if (order.length < activeLeaves) {
      order = new int[Math.max(activeLeaves, order.length * 2)];
    }
    orderSize = 0;
    visit(root);
    dirty = false;
  }

  private void visit(Node n) {
    List<Item> items = new ArrayList<>(n.children.size() + 1);
    if (n.isClient && n.clientActive) {
      double w = weightOf(n.path);
      items.add(new Item(n, true, share(n.self) / w, n.selfCount, w));
    }
    for (Node c : n.children.values()) {
      if (c.activeBelow > 0) {
        double w = weightOf(c.path);
        items.add(new Item(c, false, share(c.sub) / w, c.subCount, w));
      }
    }
    if (mode == Order.DRF) {
      items.sort(TreeSorter::compare);
    } else {
      weightedShuffle(items);
    }
    for (Item it : items) {
      if (it.selfLeaf || it.node.children.isEmpty()) {
        order[orderSize++] = it.node.handle;
      } else {
        visit(it.node);
      }
    }
  }

  private static int compare(Item a, Item b) {
    if (a.share != b.share) {
      return a.share < b.share ? -1 : 1;
    }
    if (a.count != b.count) {
      return a.count < b.count ? -1 : 1;
    }
    String pa = a.node.path;
    String pb = b.node.path;
    return pa.compareTo(pb);
  }

  /** Weighted shuffle without replacement: each next pick is chosen with probability ∝ weight. */
  private void weightedShuffle(List<Item> items) {
    int n = items.size();
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = items.get(i).weight;
      sum += w[i];
    }
    Item[] out = new Item[n];
    boolean[] taken = new boolean[n];
    for (int k = 0; k < n; k++) {
      double x = random.nextDouble() * sum;
      int pick = -1;
      for (int i = 0; i < n; i++) {
        if (taken[i]) {
          continue;
        }
        pick = i;
        x -= w[i];
        if (x < 0) {
          break;
        }
      }
      taken[pick] = true;
      sum -= w[pick];
      out[k] = items.get(pick);
    }
    items.clear();
    items.addAll(Arrays.asList(out));
  }

  private Node require(String client) {
    Node n = clients.get(client);
    if (n == null) {
      throw new IllegalArgumentException("sorter has no client " + client);
    }
    return n;
  }
}
