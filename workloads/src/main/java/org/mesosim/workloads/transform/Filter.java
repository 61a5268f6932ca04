package org.mesosim.workloads.transform;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.FieldFilter;

/** Keeps the jobs whose fields pass every filter ({@code filter:}); the others are counted. */
public final class Filter extends Transform {
  private final SortedMap<String, FieldFilter> filters;

  public Filter(Workload source, SortedMap<String, FieldFilter> filters) {
    super(source);
    this.filters = new TreeMap<>(filters);
  }

  @Override
  protected JobSpec pull() {
    JobSpec j;
    while ((j = source.next()) != null) {
      if (matches(j)) {
        return j;
      }
      skip("filter: job did not match");
    }
    return null;
  }

  private boolean matches(JobSpec j) {
    for (Map.Entry<String, FieldFilter> e : filters.entrySet()) {
      if (!e.getValue().matches(j.fields().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
