package org.mesosim.cli.scenario;

/**
 * A reader of one part of a scenario file: it reads values through {@link Scalars} and reports
 * every problem to the load's {@link LoadContext}.
 */
abstract class Section {
  /** The load's problems, catalog and base folder. */
  protected final LoadContext ctx;
  /** The scalar readers. */
  protected final Scalars in;

  Section(Scalars in) {
    this.ctx = in.ctx;
    this.in = in;
  }
}
