package org.mesosim.cli;

import org.mesosim.cli.scenario.StandardCatalog;

/** Builds {@link Services#standard()} from the real modules. */
final class Wiring {
  private Wiring() {}

  static Services standard() {
    Runner notYet = (req, progress) -> {
      throw new UnsupportedOperationException("simulation runs need the model and reports modules");
    };
    Services.ComparisonWriter noComparison = (dir, runs) -> {};
    return new Services(new StandardCatalog(), notYet, noComparison, new StandardTraceTools(), () -> System.console() != null);
  }
}
