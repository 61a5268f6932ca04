package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.engine.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesosim trace inspect|convert}. */
@Command(name = "trace", description = "Inspect or convert workload traces.",
    subcommands = {TraceCommand.Inspect.class, TraceCommand.Convert.class})
public final class TraceCommand implements Runnable {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "trace: a subcommand is required"
        + " (inspect or convert)");
  }

  static void checkInput(TraceCommand t, String format, List<Path> files) {
    if (!t.parent.services().catalog().traceFormats().contains(format)) {
      List<String> known = t.parent.services().catalog().traceFormats();
      throw new BadInputException("--format: unknown trace format '" + format + "'"
          + org.mesosim.cli.scenario.DidYouMean.hint(format, known) + "; known: " + String.join(", ", known));
    }
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        throw new BadInputException(f + ": is a folder; name its trace files (e.g. " + f.resolve("*.gz") + ")");
      }
      if (!Files.isRegularFile(f)) {
        throw new BadInputException(f + ": no such file");
      }
    }
  }

  /** {@code trace inspect FILE... --format F}. */
  @Command(name = "inspect", description = "Row count, time span, resource totals, malformed rows.")
  public static final class Inspect implements Callable<Integer> {
    @ParentCommand TraceCommand trace;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Trace files (.gz read transparently).")
    List<Path> files;

    @Option(names = "--format", required = true, paramLabel = "F", description = "swf, google-2011, alibaba-2018, csv")
    String format;

    @Option(names = "--skip-malformed", description = "Count malformed rows instead of stopping at the first.")
    boolean skipMalformed;

    @Override
    public Integer call() throws Exception {
      checkInput(trace, format, files);
      PrintWriter o = spec.commandLine().getOut();
      for (String line : trace.parent.services().traces().inspect(format, files, skipMalformed)) {
        o.println(line);
      }
      o.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code trace convert FILE... --format F --out X.csv}. */
  @Command(name = "convert", description = "Convert a trace to mesosim's native CSV format.")
  public static final class Convert implements Callable<Integer> {
    @ParentCommand TraceCommand trace;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Trace files (.gz read transparently).")
    List<Path> files;

    @Option(names = "--format", required = true, paramLabel = "F", description = "swf, google-2011, alibaba-2018, csv")
    String format;

    @Option(names = "--out", required = true, paramLabel = "X.csv", description = "The CSV file to write.")
    Path out;

    @Option(names = "--skip-malformed", description = "Skip malformed rows instead of stopping at the first.")
    boolean skipMalformed;

    @Override
    public Integer call() throws Exception {
      checkInput(trace, format, files);
      org.mesosim.cli.OutputPaths.checkFile("--out", out);
      Path folder = out.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder); // as run --out creates its folder
      }
      long jobs = trace.parent.services().traces().convert(format, files, skipMalformed, out);
      PrintWriter o = spec.commandLine().getOut();
      o.println("wrote " + out + " (" + jobs + " jobs)");
      o.flush();
      return ExitCodes.OK;
    }
  }
}
