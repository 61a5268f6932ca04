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
    Services.TraceTools noTraces = new Services.TraceTools() {
      @Override
      public java.util.List<String> inspect(String format, java.util.List<java.nio.file.Path> files, boolean skip) {
        throw new UnsupportedOperationException("trace tools need the workloads module");
      }

      @Override
      public long convert(String format, java.util.List<java.nio.file.Path> files, boolean skip,
          java.nio.file.Path out) {
        throw new UnsupportedOperationException("trace tools need the workloads module");
      }
    };
    return new Services(new StandardCatalog(), notYet, noComparison, noTraces, () -> System.console() != null);
  }
}
