package org.mesosim.reports;

import java.util.Arrays;

/**
 * The tasks of a small run as bars (agent, framework, launch → first terminal status), for the
 * task Gantt chart. Kept only while the run stays within {@link #MAX_TASKS} launches and
 * {@link #MAX_AGENTS} agents; beyond either the bars are dropped (memory freed) and
 * {@link #skipped()} says why. Primitive arrays, no object per task.
 */
public final class TaskGantt {
  /** Most task bars (launches and recoveries) drawn. */
  public static final int MAX_TASKS = 5_000;
  /** Most agents drawn. */
  public static final int MAX_AGENTS = 200;

  private int[] agent = new int[64];
  private int[] fw = new int[64];
  private long[] start = new long[64];
  private long[] end = new long[64];
  private int n;
  private String skipped;

  /**
   * A bar from {@code now} on agent {@code a} (index in first-appearance order) for framework
   * {@code f}; its index (for {@link #ended}) or -1 when bars are no longer kept.
   */
  public int started(int a, int f, long now) {
    if (skipped != null) {
      return -1;
    }
    if (n == MAX_TASKS) {
      skip("it launched more than " + MAX_TASKS + " tasks");
      return -1;
    }
    if (a >= MAX_AGENTS) {
      skip("it has more than " + MAX_AGENTS + " agents");
      return -1;
    }
    if (n == agent.length) {
      int c = n * 2;
      agent = Arrays.copyOf(agent, c);
      fw = Arrays.copyOf(fw, c);
      start = Arrays.copyOf(start, c);
      end = Arrays.copyOf(end, c);
    }
    agent[n] = a;
    fw[n] = f;
    start[n] = now;
    end[n] = -1;
    return n++;
  }

  /** Bar {@code i} (from {@link #started}) ends at {@code now}. */
  public void ended(int i, long now) {
    if (skipped == null && i >= 0 && i < n) {
      end[i] = now;
    }
  }

  /** Agents seen so far exceed the limit (called on registration). */
  public void agentSeen(int a) {
    if (skipped == null && a >= MAX_AGENTS) {
      skip("it has more than " + MAX_AGENTS + " agents");
    }
  }

  private void skip(String why) {
    skipped = why;
    agent = fw = null;
    start = end = null;
    n = 0;
  }

  /** Why no bars are kept, or null. */
  public String skipped() {
    return skipped;
  }

  /** Bars kept. */
  public int size() {
    return n;
  }

  public int agent(int i) {
    return agent[i];
  }

  public int framework(int i) {
    return fw[i];
  }

  /** Start, µs. */
  public long start(int i) {
    return start[i];
  }

  /** End, µs, or -1 while the task is live (drawn to the run's end). */
  public long end(int i) {
    return end[i];
  }
}
