package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import org.mesosim.model.workload.Workload;

/**
 * The workloads one run opened, so that the run closes them when it ends, however it ends (a
 * framework closes its workload only when it is exhausted; a run stopped by {@code until} or by an
 * error would otherwise leave trace files open, which matters when {@code compare} and
 * {@code sweep} run many scenarios in one JVM). Belongs to one run; not thread-safe.
 */
public final class OpenedWorkloads implements AutoCloseable {
  private final List<Workload> opened = new ArrayList<>();

  /** Registers {@code w} and returns it. */
  public Workload add(Workload w) {
    opened.add(w);
    return w;
  }

  /** How many workloads were opened. */
  public int size() {
    return opened.size();
  }

  /** Closes every registered workload (they must tolerate a second close), in opening order. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (Workload w : opened) {
      try {
        w.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    opened.clear();
    if (first != null) {
      throw first;
    }
  }
}
