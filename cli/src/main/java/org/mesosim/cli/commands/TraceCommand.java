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
        TraceCommand.Index.class, TraceCommand.Fetch.class})
public final class TraceCommand implements Runnable {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;

  @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "trace: a subcommand is required"
        + " (inspect, convert, stats, index or fetch)");
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

  /** {@code --index} and {@code --unended}: what a google-2011 reader does with tasks the input cuts. */
  public static final class CutTasks {
    @Option(names = "--index", paramLabel = "IDX",
        description = "google-2011: an index (mesosim trace index) giving the ends of tasks alive where the input stops.")
    Path index;

    @Option(names = "--unended", paramLabel = "run|drop", defaultValue = "run",
        description = "google-2011: a task whose end is beyond the input (and the index) runs forever (run) or is dropped.")
    String unended = "run";

    /** Checks both options against {@code format}; true for {@code drop}. */
    boolean drop(String format) {
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
  }

  /**
   * {@code trace fetch google-2011 [--parts A-B] | swf NAME [--url URL] | alibaba-2018 [--tables T,...]
   * --dest DIR [--mirror URL]}: downloads from the publishers, checked and resumable
   * ({@link org.mesosim.workloads.fetch.TraceFetcher}).
   */
  @Command(name = "fetch", description = "Download a public trace from its publisher: checksum-checked, resumable,"
      + " with progress; see docs/workload-fitting.md for sources, licences and how to cite them.")
  public static final class Fetch implements Callable<Integer> {
    @ParentCommand TraceCommand trace;
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "TRACE", description = "google-2011, swf or alibaba-2018")
    String which;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "swf: the log's name, e.g."
        + " LANL-CM5-1994-4.1-cln")
    String name;

    @Option(names = "--dest", required = true, paramLabel = "DIR", description = "Folder to download into.")
    Path dest;

    @Option(names = "--parts", paramLabel = "A-B", defaultValue = "0",
        description = "google-2011: task_events parts, a number or a range within 0-499; default 0.")
    String parts;

    @Option(names = "--tables", paramLabel = "T,...", defaultValue = "batch_task", split = ",",
        description = "alibaba-2018: tables (batch_task, batch_instance, container_meta, container_usage,"
            + " machine_meta, machine_usage); default batch_task.")
    List<String> tables;

    @Option(names = "--mirror", paramLabel = "URL", description = "Fetch from a mirror with the publisher's layout.")
    String mirror;

    @Option(names = "--url", paramLabel = "URL", description = "swf: a log that is not in the built-in list.")
    String url;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      org.mesosim.workloads.fetch.TraceFetcher f = new org.mesosim.workloads.fetch.TraceFetcher(line -> {
        err.println(line);
        err.flush();
      });
      if (Files.exists(dest) && !Files.isDirectory(dest)) {
        throw new BadInputException("--dest " + dest + ": is a file, where a folder is needed");
      }
      List<org.mesosim.workloads.fetch.TraceFetcher.Item> items;
      switch (which) {
        case "google-2011" -> {
          noName();
          int[] range = parts(parts);
          items = f.google2011(mirror != null ? mirror : org.mesosim.workloads.fetch.TraceFetcher.GOOGLE_BASE, range[0],
              range[1], dest);
        }
        case "alibaba-2018" -> {
          noName();
          items = org.mesosim.workloads.fetch.TraceFetcher.alibaba2018(
              mirror != null ? mirror : org.mesosim.workloads.fetch.TraceFetcher.ALIBABA_BASE, tables, dest);
        }
        case "swf" -> {
          if (name == null) {
            throw new BadInputException("trace fetch swf: name the log, e.g. LANL-CM5-1994-4.1-cln (known: "
                + String.join(", ", org.mesosim.workloads.fetch.TraceFetcher.SWF_LOGS.keySet()) + ")");
          }
          if (url != null) {
            if (!name.matches("[A-Za-z0-9._-]+")) {
              throw new BadInputException("trace fetch swf: NAME must be letters, digits, '.', '_' or '-'");
            }
            items = List.of(new org.mesosim.workloads.fetch.TraceFetcher.Item(java.net.URI.create(url),
                dest.resolve(name + ".swf.gz"), null));
          } else {
            items = List.of(org.mesosim.workloads.fetch.TraceFetcher.swf(
                mirror != null ? mirror : org.mesosim.workloads.fetch.TraceFetcher.SWF_BASE, name, dest));
          }
        }
        default -> throw new BadInputException("trace fetch: unknown trace '" + which
            + "' (known: google-2011, swf, alibaba-2018)");
      }
      PrintWriter o = spec.commandLine().getOut();
      for (org.mesosim.workloads.fetch.TraceFetcher.Item i : items) {
        o.println(f.fetch(i));
        o.flush();
      }
      return ExitCodes.OK;
    }

    private void noName() {
      if (name != null) {
        throw new BadInputException("trace fetch " + which + ": takes no NAME (got '" + name + "')");
      }
    }

    static int[] parts(String p) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,3})(?:-(\\d{1,3}))?").matcher(p);
      if (!m.matches()) {
        throw new BadInputException("--parts: must be a part or a range within 0-499, such as 0-13, not '" + p + "'");
      }
      int a = Integer.parseInt(m.group(1));
      int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
      return new int[] {a, b};
    }
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

    @Option(names = "--format", required = true, paramLabel = "F", description = "swf, google-2011, google-2019, alibaba-2018, alibaba-2018-containers, csv")
    String format;

    @Option(names = "--skip-malformed", description = "Count malformed rows instead of stopping at the first.")
    boolean skipMalformed;

    @Mixin CutTasks cut;

    @Override
    public Integer call() throws Exception {
      checkInput(trace, format, files);
      PrintWriter o = spec.commandLine().getOut();
      for (String line : trace.parent.services().traces().inspect(format, files, skipMalformed, cut.index,
          cut.drop(format))) {
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

    @Option(names = "--format", paramLabel = "F", description = "swf, google-2011, google-2019, alibaba-2018, alibaba-2018-containers, csv")
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

    @Mixin CutTasks cut;

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
          cut.index, preset == null && cut.drop(format), preset, scale, seed, end,
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

    @Option(names = "--format", required = true, paramLabel = "F", description = "swf, google-2011, google-2019, alibaba-2018, alibaba-2018-containers, csv")
    String format;

    @Option(names = "--out", required = true, paramLabel = "X.csv", description = "The CSV file to write.")
    Path out;

    @Option(names = "--skip-malformed", description = "Skip malformed rows instead of stopping at the first.")
    boolean skipMalformed;

    @Mixin CutTasks cut;

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
      long jobs = trace.parent.services().traces().convert(format, files, skipMalformed, cut.index,
          cut.drop(format), stream, out);
      PrintWriter o = spec.commandLine().getOut();
      o.println("wrote " + out + " (" + jobs + " jobs)");
      o.flush();
      return ExitCodes.OK;
    }
  }
}
