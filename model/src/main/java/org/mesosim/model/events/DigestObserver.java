package org.mesosim.model.events;

import org.mesosim.engine.Digest;

/** Folds every observable event into the run's {@link Digest}. */
public final class DigestObserver implements ModelObserver {
  private final Digest digest;

  public DigestObserver(Digest digest) {
    this.digest = digest;
  }

  @Override
  public void on(ModelEvent event) {
    event.digestInto(digest);
  }
}
