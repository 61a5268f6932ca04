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
    subcommands = {TraceCommand.Inspect.class, TraceCommand.Convert.class, TraceCommand.Stats.class,
        TraceCommand.Index.class})
public final class TraceCommand implements Runnable {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "trace: a subcommand is required"
        + " (inspect, convert, stats or index)");
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

  /** Checks --index and --unended; true for {@code drop}. */
  static boolean dropUnended(String format, Path index, String unended) {
    if (!unended.equals("run") && !unended.equals("drop")) {
      throw new BadInputException("--unended: must be run or drop, not '" + unended + "'");
    }
    if ((index != null || unended.equals("drop")) && !"google-2011".equals(format)) {
      throw new BadInputException("--index and --unended apply to --format google-2011 only");
    }
    if (index != null && !Files.isRegularFile(index)) {
      throw new BadInputException("--index " + index + ": no such file (build it with mesosim trace index)");
    }
    return unended.equals("drop");
  }

  /** {@code trace index FILE... --out X.idx}. */
  @Command(name = "index", description = "Index the SCHEDULE and end rows of Google 2011 task_events parts, once, so"
      + " that a replay of fewer parts or a window learns the ends of the tasks it cuts (--index, trace.index).")
  public static final class Index implements Callable<Integer> {
    @ParentCommand TraceCommand trace;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "task_events parts, in order (.gz read transparently).")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "X.idx", description = "The index file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
      checkInput(trace, "google-2011", files);
      org.mesosim.cli.OutputPaths.checkFile("--out", out);
      Path folder = out.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder);
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println(trace.parent.services().traces().index(files, out));
      o.flush();
      return ExitCodes.OK;
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

    @Option(names = "--index", paramLabel = "IDX",
        description = "google-2011: an index (mesosim trace index) giving the ends of tasks alive where the input stops.")
    Path index;

    @Option(names = "--unended", paramLabel = "run|drop", defaultValue = "run",
        description = "google-2011: a task whose end is beyond the input (and the index) runs forever (run) or is dropped.")
    String unended;

    @Override
    public Integer call() throws Exception {
      checkInput(trace, format, files);
      PrintWriter o = spec.commandLine().getOut();
      for (String line : trace.parent.services().traces().inspect(format, files, skipMalformed, index,
          dropUnended(format, index, unended))) {
        o.println(line);
      }
      o.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code trace stats FILE... --format F | --preset google-like [--scale S] [--seed N] --until T}. */
  @Command(name = "stats", description = "The workload statistics schedulers feel (arrivals, tasks per job, band mix,"
      + " load at start, durations), of a trace or of the google-like preset; see docs/workload-fitting.md.")
  public static final class Stats implements Callable<Integer> {
    @ParentCommand TraceCommand trace;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Trace files (.gz read transparently).")
    List<Path> files;

    @Option(names = "--format", paramLabel = "F", description = "swf, google-2011, alibaba-2018, csv")
    String format;

    @Option(names = "--preset", paramLabel = "P", description = "google-like: the statistics of the generated workload.")
    String preset;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1.0",
        description = "The preset's scale and the Google cell's (capacity); default 1.0.")
    double scale;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "The preset's seed; default 1.")
    long seed;

    @Option(names = "--until", paramLabel = "T",
        description = "The window's end (e.g. 5611s, 6h); required with --preset; a trace: its whole input.")
    String until;

    @Option(names = "--capacity", paramLabel = "CPUS",
        description = "Cores the load at start is compared with; default: the Google cell at --scale for"
            + " google-2011 and the preset, else none.")
    Double capacity;

    @Option(names = "--index", paramLabel = "IDX",
        description = "google-2011: an index (mesosim trace index) giving the ends of tasks alive where the input stops.")
    Path index;

    @Option(names = "--unended", paramLabel = "run|drop", defaultValue = "run",
        description = "google-2011: a task whose end is beyond the input (and the index) runs forever (run) or is dropped.")
    String unended;

    @Override
    public Integer call() throws Exception {
      boolean hasFiles = files != null && !files.isEmpty();
      if (preset != null) {
        if (!preset.equals("google-like")) {
          throw new BadInputException("--preset: unknown preset '" + preset + "' (known: google-like)");
        }
        if (hasFiles || format != null) {
          throw new BadInputException("trace stats: give either --preset or trace FILEs with --format, not both");
        }
        if (until == null) {
          throw new BadInputException("--until: required with --preset (the preset is endless)");
        }
      } else {
        if (!hasFiles || format == null) {
          throw new BadInputException("trace stats: give trace FILEs with --format, or --preset google-like");
        }
        checkInput(trace, format, files);
      }
      if (!(scale > 0) || Double.isInfinite(scale)) {
        throw new BadInputException("--scale: must be > 0");
      }
      if (capacity != null && !(capacity > 0 && Double.isFinite(capacity))) {
        throw new BadInputException("--capacity: must be > 0");
      }
      long end = org.mesosim.engine.SimTime.NEVER;
      if (until != null) {
        try {
          end = org.mesosim.engine.Durations.parse(until);
        } catch (IllegalArgumentException e) {
          throw new BadInputException("--until: " + e.getMessage());
        }
      }
      PrintWriter o = spec.commandLine().getOut();
      for (String line : trace.parent.services().traces().stats(format, hasFiles ? files : List.of(),
          index, preset == null && dropUnended(format, index, unended), preset, scale, seed, end,
          capacity == null ? Double.NaN : capacity)) {
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

    @Option(names = "--index", paramLabel = "IDX",
        description = "google-2011: an index (mesosim trace index) giving the ends of tasks alive where the input stops.")
    Path index;

    @Option(names = "--unended", paramLabel = "run|drop", defaultValue = "run",
        description = "google-2011: a task whose end is beyond the input (and the index) runs forever (run) or is dropped.")
    String unended;

    @Option(names = "--stream", description = "Bounded memory: read as a replay reads (google-2011: units lookahead),"
        + " writing a placeholder for a runtime not known yet and patching it in place; see docs/workload-fitting.md.")
    boolean stream;

    @Override
    public Integer call() throws Exception {
      checkInput(trace, format, files);
      org.mesosim.cli.OutputPaths.checkFile("--out", out);
      Path folder = out.toAbsolutePath().getParent();
      if (folder != null) {
        Files.createDirectories(folder); // as run --out creates its folder
      }
      long jobs = trace.parent.services().traces().convert(format, files, skipMalformed, index,
          dropUnended(format, index, unended), stream, out);
      PrintWriter o = spec.commandLine().getOut();
      o.println("wrote " + out + " (" + jobs + " jobs)");
      o.flush();
      return ExitCodes.OK;
    }
  }
}
