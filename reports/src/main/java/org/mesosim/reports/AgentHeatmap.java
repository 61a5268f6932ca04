package org.mesosim.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;

/**
 * Per-agent allocation over time at a bounded resolution, for the utilization heatmap
 * (docs/outputs.md, {@code agents_heatmap.csv}). Agents are numbered in order of first appearance
 * (registration, or a task launched on an agent not yet seen) and grouped into rows of
 * 2<sup>k</sup> consecutive agents, k growing so that there are never more than {@code rows}
 * rows; time is cut into columns of {@code interval}·2<sup>j</sup>, j growing so that there are
 * never more than {@code columns}. A cell holds, per resource, the integral over its time span of
 * the allocation and of the capacity of its agents; its value is their ratio (the time-weighted
 * allocated fraction of the row's capacity). Merging two rows or two columns adds integrals, so a
 * coarser grid is exact, not resampled.
 *
 * <p>Memory: two double arrays of resources × rows × columns, plus 2 longs a row and one entry an
 * agent (its id and capacity): about 1 MB for 12,583 agents at 64 × 256. Cost: O(resources) per
 * allocation or capacity change (no objects), O(rows × resources) per closed column, O(grid) per
 * merge (at most log₂ of the run's length / interval merges of time, log₂ agents of rows).
 */
public final class AgentHeatmap {
  /**
   * The heatmap's resolution ({@code metrics.agentHeatmap}).
   *
   * @param rows at most this many rows of agents; 0 records nothing
   * @param columns at most this many columns of time (≥ 2 and even when rows &gt; 0)
   * @param interval the finest column width, µs (&gt; 0)
   */
  public record Options(int rows, int columns, long interval) {
    /** 64 rows, 256 columns, 1 s. */
    public static final Options DEFAULT = new Options(64, 256, 1_000_000L);
    /** Records nothing. */
    public static final Options OFF = new Options(0, 2, 1_000_000L);

    public Options {
      if (rows < 0 || interval <= 0 || (rows > 0 && (columns < 2 || columns % 2 != 0))) {
        throw new IllegalArgumentException("agent heatmap: rows >= 0, even columns >= 2, interval > 0; not "
            + rows + ", " + columns + ", " + interval);
      }
    }
  }

  private final Options opt;
  private final int maxRows;
  private final int maxCols;
  private final int nr;
  private final int[] resIdx;
  private final List<String> resNames = new ArrayList<>();
  private final Map<String, Integer> agentIndex = new HashMap<>();
  private final List<String> agentIds = new ArrayList<>();
  /** Capacity of each agent while registered (milli, nr per agent), 0 when not. */
  private long[] agentCap = new long[0];
  private int shift;
  // per row (index row*nr + r): current levels and the integrals of the open column
  private final long[] allocLevel;
  private final long[] capLevel;
  private final double[] allocAcc;
  private final double[] capAcc;
  private final long[] since;
  // closed columns: index (r * maxRows + row) * maxCols + col
  private final double[] gridAlloc;
  private final double[] gridCap;
  private int cols;
  private long colWidth;
  private long colStart;
  private long end = -1;

  /**
   * @param resourceNames the run's resources; the heatmap covers {@code cpus} and {@code mem} among
   *     them (or the first resource when neither is there)
   */
  public AgentHeatmap(List<String> resourceNames, Options options) {
    opt = options;
    maxRows = options.rows();
    maxCols = options.columns();
    for (String r : resourceNames) {
      if (r.equals("cpus") || r.equals("mem")) {
        resNames.add(r);
      }
    }
    if (resNames.isEmpty() && !resourceNames.isEmpty()) {
      resNames.add(resourceNames.get(0));
    }
    nr = resNames.size();
    resIdx = new int[nr];
    for (int r = 0; r < nr; r++) {
      resIdx[r] = ResourceNames.index(resNames.get(r));
    }
    int cells = maxRows * nr;
    allocLevel = new long[cells];
    capLevel = new long[cells];
    allocAcc = new double[cells];
    capAcc = new double[cells];
    since = new long[Math.max(maxRows, 0)];
    gridAlloc = new double[cells * maxCols];
    gridCap = new double[cells * maxCols];
    colWidth = options.interval();
  }

  /** Whether anything is recorded (rows &gt; 0). */
  public boolean enabled() {
    return maxRows > 0 && nr > 0;
  }

  public Options options() {
    return opt;
  }

  /** The index of agent {@code id} (first appearance order), giving it one if new. */
  public int agent(String id, long now) {
    Integer i = agentIndex.get(id);
    if (i != null) {
      return i;
    }
    int a = agentIds.size();
    agentIndex.put(id, a);
    agentIds.add(id);
    if ((a + 1) * nr > agentCap.length) {
      agentCap = Arrays.copyOf(agentCap, Math.max(16 * nr, agentCap.length * 2));
    }
    while (enabled() && (a >> shift) >= maxRows) {
      mergeRows(now);
    }
    return a;
  }

  /** Agent {@code id} registered (or re-registered) with {@code total}. */
  public void registered(String id, Resources total, long now) {
    if (!enabled()) {
      return;
    }
    advance(now);
    int a = agent(id, now);
    int row = a >> shift;
    integrate(row, now);
    for (int r = 0; r < nr; r++) {
      long v = total.milli(resIdx[r]);
      capLevel[row * nr + r] += v - agentCap[a * nr + r];
      agentCap[a * nr + r] = v;
    }
  }

  /** Agent {@code id} was removed: its capacity no longer counts. */
  public void removed(String id, long now) {
    Integer i = agentIndex.get(id);
    if (!enabled() || i == null) {
      return;
    }
    advance(now);
    int a = i;
    int row = a >> shift;
    integrate(row, now);
    for (int r = 0; r < nr; r++) {
      capLevel[row * nr + r] -= agentCap[a * nr + r];
      agentCap[a * nr + r] = 0;
    }
  }

  /** {@code sign} × {@code res} more allocated on agent {@code a} (an index from {@link #agent}). */
  public void allocate(int a, Resources res, int sign, long now) {
    if (!enabled() || a < 0) {
      return;
    }
    advance(now);
    int row = a >> shift;
    integrate(row, now);
    for (int r = 0; r < nr; r++) {
      allocLevel[row * nr + r] += sign * res.milli(resIdx[r]);
    }
  }

  /** Closes every column that ends at or before {@code t}. */
  public void advance(long t) {
    while (enabled() && t >= colStart + colWidth) {
      closeColumn(colStart + colWidth);
      if (cols == maxCols) {
        // before the next column opens, so that it opens with the doubled width
        mergeColumns();
      }
    }
  }

  /** Ends the recording at {@code t}: the last column is cut at t (when it holds any time). */
  public void finish(long t) {
    if (end >= 0 || !enabled()) {
      end = Math.max(end, t);
      return;
    }
    advance(t);
    if (t > colStart) {
      closeColumn(t);
    }
    end = t;
  }

  private void integrate(int row, long t) {
    long dt = t - since[row];
    if (dt > 0) {
      for (int r = 0; r < nr; r++) {
        int k = row * nr + r;
        allocAcc[k] += (double) allocLevel[k] * dt;
        capAcc[k] += (double) capLevel[k] * dt;
      }
      since[row] = t;
    }
  }

  private int rowsUsed() {
    return agentIds.isEmpty() ? 0 : ((agentIds.size() - 1) >> shift) + 1;
  }

  private void closeColumn(long colEnd) {
    int rows = Math.min(maxRows, rowsUsed());
    for (int row = 0; row < rows; row++) {
      integrate(row, colEnd);
      for (int r = 0; r < nr; r++) {
        int k = row * nr + r;
        int g = (r * maxRows + row) * maxCols + cols;
        gridAlloc[g] = allocAcc[k];
        gridCap[g] = capAcc[k];
        allocAcc[k] = 0;
        capAcc[k] = 0;
      }
    }
    for (int row = rows; row < maxRows; row++) {
      since[row] = colEnd;
    }
    cols++;
    colStart = colEnd;
  }

  /** Halves the columns: column c becomes the sum of 2c and 2c+1; the width doubles. */
  private void mergeColumns() {
    int half = maxCols / 2;
    for (int r = 0; r < nr; r++) {
      for (int row = 0; row < maxRows; row++) {
        int base = (r * maxRows + row) * maxCols;
        for (int c = 0; c < half; c++) {
          gridAlloc[base + c] = gridAlloc[base + 2 * c] + gridAlloc[base + 2 * c + 1];
          gridCap[base + c] = gridCap[base + 2 * c] + gridCap[base + 2 * c + 1];
        }
        Arrays.fill(gridAlloc, base + half, base + maxCols, 0);
        Arrays.fill(gridCap, base + half, base + maxCols, 0);
      }
    }
    cols = half;
    colWidth *= 2;
    // called when every column is closed: the next opens at colStart = half × the new width
  }

  /** Halves the rows: row i becomes rows 2i and 2i+1 (integrated to {@code now} first). */
  private void mergeRows(long now) {
    int rows = maxRows;
    for (int row = 0; row < rows; row++) {
      integrate(row, Math.max(now, since[row]));
    }
    for (int i = 0; i < rows / 2 + rows % 2; i++) {
      int a = 2 * i;
      int b = 2 * i + 1;
      for (int r = 0; r < nr; r++) {
        int ka = a * nr + r;
        int kb = b * nr + r;
        int ki = i * nr + r;
        allocLevel[ki] = allocLevel[ka] + (b < rows ? allocLevel[kb] : 0);
        capLevel[ki] = capLevel[ka] + (b < rows ? capLevel[kb] : 0);
        allocAcc[ki] = allocAcc[ka] + (b < rows ? allocAcc[kb] : 0);
        capAcc[ki] = capAcc[ka] + (b < rows ? capAcc[kb] : 0);
        int ga = (r * maxRows + a) * maxCols;
        int gb = (r * maxRows + b) * maxCols;
        int gi = (r * maxRows + i) * maxCols;
        for (int c = 0; c < cols; c++) {
          gridAlloc[gi + c] = gridAlloc[ga + c] + (b < rows ? gridAlloc[gb + c] : 0);
          gridCap[gi + c] = gridCap[ga + c] + (b < rows ? gridCap[gb + c] : 0);
        }
      }
      since[i] = since[a];
    }
    for (int i = rows / 2 + rows % 2; i < rows; i++) {
      for (int r = 0; r < nr; r++) {
        int k = i * nr + r;
        allocLevel[k] = 0;
        capLevel[k] = 0;
        allocAcc[k] = 0;
        capAcc[k] = 0;
        Arrays.fill(gridAlloc, (r * maxRows + i) * maxCols, (r * maxRows + i + 1) * maxCols, 0);
        Arrays.fill(gridCap, (r * maxRows + i) * maxCols, (r * maxRows + i + 1) * maxCols, 0);
      }
    }
    shift++;
  }

  // ----------------------------------------------------------------------------------- results

  /** Resources covered, in the run's order. */
  public List<String> resources() {
    return List.copyOf(resNames);
  }

  /** Closed columns (after {@link #finish}, every column). */
  public int columns() {
    return cols;
  }

  /** Rows holding at least one agent. */
  public int rows() {
    return enabled() ? Math.min(maxRows, rowsUsed()) : 0;
  }

  /** Agents per row (a power of two). */
  public int agentsPerRow() {
    return 1 << shift;
  }

  /** Agents seen, in first-appearance order. */
  public List<String> agentIds() {
    return java.util.Collections.unmodifiableList(agentIds);
  }

  /** Column width, µs (the last column may be shorter: it ends at the run's end). */
  public long columnWidth() {
    return colWidth;
  }

  /** The run's end as given to {@link #finish}, µs; -1 before. */
  public long end() {
    return end;
  }

  /** Start of column {@code c}, µs. */
  public long columnStart(int c) {
    return c * colWidth;
  }

  /** End of column {@code c}, µs (the run's end for the last). */
  public long columnEnd(int c) {
    return c == cols - 1 && end >= 0 ? Math.max(columnStart(c), Math.min(end, (c + 1) * colWidth))
        : (c + 1) * colWidth;
  }

  /**
   * The time-weighted allocated fraction of row {@code row}'s capacity of resource {@code r}
   * (index into {@link #resources()}) in column {@code c}; NaN when the row had no capacity then.
   */
  public double fraction(int r, int row, int c) {
    int g = (r * maxRows + row) * maxCols + c;
    return gridCap[g] > 0 ? gridAlloc[g] / gridCap[g] : Double.NaN;
  }
}
