package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.List;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.model.events.ModelObserver;

/** Collects model events for assertions. */
final class Recorder implements ModelObserver {
  final List<ModelEvent> events = new ArrayList<>();

  @Override
  public void on(ModelEvent e) {
    events.add(e);
  }

  <T extends ModelEvent> List<T> of(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (ModelEvent e : events) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }
}
