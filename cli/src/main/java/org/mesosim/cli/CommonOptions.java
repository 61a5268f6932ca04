package org.mesosim.cli;

import picocli.CommandLine.Option;

/** Options every command takes ({@code @Mixin}). */
public final class CommonOptions {
  @Option(names = "--debug", description = "Print stack traces of errors.")
  public boolean debug;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  public boolean quiet;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  public boolean help;
}
