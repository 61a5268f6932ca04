package org.mesosim.cli;

import picocli.CommandLine.Option;

/** Options every command takes ({@code @Mixin}). */
public final class CommonOptions {
  @Option(names = "--debug", description = "On an error, also print its stack trace (for bug reports).")
  public boolean debug;

  @Option(names = {"-q", "--quiet"}, description = "No progress output on stderr.")
  public boolean quiet;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  public boolean help;
}
