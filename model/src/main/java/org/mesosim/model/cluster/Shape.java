package org.mesosim.model.cluster;

import org.mesosim.model.Resources;

/** The queued tasks of one resource shape, in queue order (all fit an offer, or none does): see {@link TaskQueue}. */
final class Shape {
  final Resources need;
  LogicalTask first;
  LogicalTask last;
  int count;
  int failedStamp;

  Shape(Resources need) {
    this.need = need;
  }
}
