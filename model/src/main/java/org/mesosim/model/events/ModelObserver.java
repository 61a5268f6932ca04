package org.mesosim.model.events;

/**
 * Receives every observable model event, in order, at the virtual time it happens. Observers must
 * not change the simulation. The run digest is one observer ({@link DigestObserver}); the
 * metrics recorder in {@code reports} is another.
 */
@FunctionalInterface
public interface ModelObserver {
  void on(ModelEvent event);
}
