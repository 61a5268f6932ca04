package org.mesosim.spark;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.sweep.Batch;
import org.mesosim.cli.sweep.PlanSource;
import org.mesosim.cli.sweep.SweepPlan;
import org.mesosim.engine.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A sweep, or a comparison of policies, on Apache Spark: one Spark task per run (an RDD with one
 * partition per run), each run through {@link SweepPlan#run}, the code path of {@code mesosim run} and
 * of the local {@code mesosim sweep} and {@code mesosim compare}; the same run folders, the same
 * {@code sweep.csv} (byte for byte apart from the wall_s column) and the same aggregate over seeds
 * ({@link Batch#report}). Finished runs (a {@code row.json} whose key matches) are skipped, so a job
 * resumes, also one begun by the local command. A failed run is reported with its class (bad input:
 * exit 2, anything else: exit 1) and does not fail the others; its task does not fail either, so Spark
 * does not retry it. A retried or speculative task writes the same files: rows are keyed by run
 * number and {@code row.json} is written under a temporary name and then renamed.
 *
 * <p>{@code spark-submit --class org.mesosim.spark.SparkSweep mesosim-spark.jar SWEEP --out DIR|URI
 * [--ship DIR]}, or {@code ... SCENARIO --allocators a,b [--seeds N] [--set K=V]... --out DIR|URI} for a
 * comparison (docs/spark.md).
 */
@Command(name = "mesosim-spark", mixinStandardHelpOptions = true,
    description = "Run a mesosim sweep file (or, with --allocators, a comparison of policies) on Apache Spark: one"
        + " task per run; the runs' folders, sweep.csv and the aggregate over seeds in OUT.")
public final class SparkSweep implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SWEEP|SCENARIO", description = "The sweep YAML file, or with --allocators"
      + " the scenario to compare policies on (on the driver).")
  java.nio.file.Path sweepFile;

  @Option(names = "--allocators", split = ",", paramLabel = "POLICY", description = "Compare these policies on"
      + " SCENARIO, as mesosim compare --allocators (the runs' folders are OUT/<policy>-seed<seed>/).")
  List<String> allocators;

  @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "With --allocators: seeds per policy,"
      + " as mesosim compare --seeds.")
  int seeds;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "With --allocators: override a key of SCENARIO"
      + " (repeatable), as mesosim compare --set.")
  List<String> sets = new ArrayList<>();

  @Option(names = "--check-invariants", description = "With --allocators: check the model's invariants, as mesosim"
      + " compare --check-invariants (exit 3 on a violation).")
  boolean checkInvariants;

  @Option(names = "--out", required = true, paramLabel = "DIR|URI", description = "Where the runs' folders, sweep.csv"
      + " and the aggregate go: a path or a Hadoop file system URI (hdfs://, s3a://, file:/...) that driver and"
      + " executors reach.")
  String out;

  @Option(names = "--ship", paramLabel = "DIR", description = "Ship this folder (the sweep file, its scenario and"
      + " traces, inside it) to the executors with Spark's file distribution. Without it, executors read the"
      + " sweep file at the driver's absolute path (a shared file system, or local mode).")
  java.nio.file.Path ship;

  @Option(names = "--no-charts", description = "Draw no charts (PNG/SVG), as with mesosim sweep --no-charts; the"
      + " results and digests are the same.")
  boolean noCharts;

  @Option(names = "--metric", split = ",", paramLabel = "KEY", description = "Metrics of the results table on stdout"
      + " (default: the headline metrics); as mesosim sweep --metric.")
  List<String> metrics = new ArrayList<>();

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (local[N], spark://..., k8s://...);"
      + " spark-submit's --master is used when this is not given.")
  String master;

  private PrintWriter o;
  private PrintWriter err;

  public static void main(String[] args) {
    PrintWriter o = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
    System.exit(execute(o, e, args));
  }

  /** Parses {@code args}, runs, returns the exit code (never throws). */
  public static int execute(PrintWriter o, PrintWriter e, String... args) {
    SparkSweep app = new SparkSweep();
    app.o = o;
    app.err = e;
    CommandLine cl = new CommandLine(app);
    cl.setOut(o);
    cl.setErr(e);
    cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.BAD_INPUT);
    cl.setExecutionExceptionHandler((ex, cmd, pr) -> {
      if (ex instanceof BadInputException) {
        e.println(ex.getMessage());
        return ExitCodes.BAD_INPUT;
      }
      e.println("error: " + MesosimCommand.describe(ex));
      return ExitCodes.ERROR;
    });
    int code = cl.execute(args);
    o.flush();
    e.flush();
    return code;
  }

  @Override
  public Integer call() throws Exception {
    PlanSource source = allocators == null ? PlanSource.sweep(sweepFile)
        : new PlanSource(SweepPlan.Kind.COMPARE, sweepFile.toString(), sets, allocators, seeds, checkInvariants);
    if (allocators == null && (!sets.isEmpty() || checkInvariants || seeds != 1)) {
      throw new BadInputException("--seeds, --set and --check-invariants are for a comparison (with --allocators);"
          + " a sweep file says its own seeds and overrides");
    }
    SparkConf conf = new SparkConf().setAppName("mesosim " + source.kind().command + " " + sweepFile.getFileName());
    // a context already running in this JVM (mesosim sweep --engine spark inside an application or a test
    // that has one) is used, and left running; one started here is stopped at the end
    boolean running = SparkEnv.get() != null;
    if (master != null) {
      conf.setMaster(master);
    } else if (!running && !conf.contains("spark.master")) {
      throw new BadInputException("--master: not given, and not run by spark-submit (which sets it); e.g."
          + " --master local[4]");
    }
    metrics = org.mesosim.cli.commands.CompareCommand.checkMetrics(services().comparison(), metrics);
    if (ship != null && !Files.isDirectory(ship)) {
      throw new BadInputException("--ship: " + ship + ": no such folder");
    }
    SparkContext sc = SparkContext.getOrCreate(conf);
    try {
      return run(JavaSparkContext.fromSparkContext(sc), source, out, ship, noCharts, metrics, false, o, err);
    } finally {
      if (!running) {
        sc.stop();
      }
    }
  }

  /**
   * What every task needs to rebuild the plan and find its output (small: sent with each task): the
   * plan's source, read at its path or, with {@code shipName}, at {@code shipRelative} in the shipped folder.
   */
  record Job(PlanSource source, String shipName, String shipRelative, String out, boolean noCharts)
      implements Serializable {}

  /** One run to do: its 0-based position and the driver's key for it. */
  record Task(int index, String key) implements Serializable {}

  /** A task's outcome: the row's JSON, or the failure's class and message. */
  record Outcome(int index, String rowJson, String failure, String message) implements Serializable {}

  /**
   * Runs the sweep in {@code sweepFile} on {@code jsc}: checks the whole grid on the driver (bad input
   * ends here with exit code 2, before any task), skips finished runs, runs the rest one per task, and
   * writes {@code out/sweep.csv} and, when every run finished, the aggregate over seeds. Returns the
   * exit code (0, 1 or 2 if runs failed, 3 on an invariant violation), as the local {@code mesosim sweep}.
   */
  public static int run(JavaSparkContext jsc, java.nio.file.Path sweepFile, String out, java.nio.file.Path ship,
      boolean noCharts, PrintWriter o, PrintWriter err) throws Exception {
    return run(jsc, PlanSource.sweep(sweepFile), out, ship, noCharts, List.of(), false, o, err);
  }

  /**
   * Runs {@code source}'s runs on {@code jsc} (see {@link #run(JavaSparkContext, java.nio.file.Path, String,
   * java.nio.file.Path, boolean, PrintWriter, PrintWriter)}); the results table shows {@code metrics}. The
   * aggregate is written by {@link Batch#report} into {@code out} when it is on the driver's local file
   * system, else (or with {@code stage}) into a local folder from the runs' summaries and series, and
   * copied to {@code out}.
   */
  static int run(JavaSparkContext jsc, PlanSource source, String out, java.nio.file.Path ship, boolean noCharts,
      List<String> metrics, boolean stage, PrintWriter o, PrintWriter err) throws Exception {
    java.nio.file.Path fileAbs = java.nio.file.Path.of(source.file()).toAbsolutePath().normalize();
    SweepPlan plan = source.at(fileAbs).load(services().catalog());
    SweepPlan.Kind kind = plan.kind();
    List<Scenario> scenarios = plan.scenarios(); // every problem of the grid before any task
    Job job;
    if (ship != null) {
      java.nio.file.Path root = ship.toAbsolutePath().normalize();
      if (!fileAbs.startsWith(root)) {
        throw new BadInputException("--ship: " + ship + " does not hold the " + (kind == SweepPlan.Kind.SWEEP
            ? "sweep" : "scenario") + " file " + source.file());
      }
      jsc.sc().addFile(root.toUri().toString(), true);
      job = new Job(source, root.getFileName().toString(), root.relativize(fileAbs).toString(), out, noCharts);
    } else {
      job = new Job(source.at(fileAbs), null, null, out, noCharts);
    }
    Path outPath = new Path(out);
    FileSystem fs = fileSystem(outPath, jsc.hadoopConfiguration());
    fs.mkdirs(kind == SweepPlan.Kind.SWEEP ? new Path(outPath, "runs") : outPath);
    // as the local commands: a previous sweep.csv or aggregate must not pass for this job's while it runs
    // or if it is stopped; the new ones are written whole at the end
    Path csv = new Path(outPath, "sweep.csv");
    if (kind == SweepPlan.Kind.SWEEP) {
      fs.delete(csv, false);
    }
    removeOutputs(fs, outPath);
    // the aggregate is written through java.nio: directly into a local OUT, else staged and copied
    java.nio.file.Path localOut = !stage && "file".equals(fs.makeQualified(outPath).toUri().getScheme())
        ? java.nio.file.Path.of(fs.makeQualified(outPath).toUri()) : null;
    Map<Integer, Map<String, Object>> rows = new TreeMap<>();
    List<Task> todo = new ArrayList<>();
    for (int i = 0; i < plan.points().size(); i++) {
      String key = plan.runKey(i, scenarios.get(i));
      Path rowFile = new Path(new Path(outPath, kind.runPath(plan.points().get(i).id())), "row.json");
      Map<String, Object> row = fs.exists(rowFile)
          ? SweepPlan.parseRow(readText(fs, rowFile), rowFile.toString(), kind.command, err) : null;
      if (row != null && key.equals(row.get("key"))) {
        rows.put(i, row);
      } else {
        todo.add(new Task(i, key));
      }
    }
    int total = plan.points().size();
    if (!rows.isEmpty()) {
      err.println(kind.command + ": resuming; " + rows.size() + " of " + total + " runs already finished");
      err.flush();
    }
    List<Outcome> outcomes = List.of();
    if (!todo.isEmpty()) {
      Map<String, String> hadoop = new HashMap<>();
      jsc.hadoopConfiguration().forEach(e -> hadoop.put(e.getKey(), e.getValue()));
      Broadcast<Map<String, String>> hconf = jsc.broadcast(hadoop);
      // one partition per run: a task is one run, and no run is split
      outcomes = jsc.parallelize(todo, todo.size()).map(t -> runOne(t, job, hconf.value())).collect();
    }
    List<Outcome> failed = new ArrayList<>();
    for (Outcome oc : new TreeMap<>(byIndex(outcomes)).values()) { // a run counts once, whatever Spark retried
      if (oc.failure() != null) {
        failed.add(oc);
        err.println(kind.command + ": run " + plan.points().get(oc.index()).id() + " failed (" + oc.failure() + "): "
            + oc.message());
      } else {
        rows.put(oc.index(), SweepPlan.parseRow(oc.rowJson(), "run " + oc.index(), kind.command, err));
      }
    }
    List<Map<String, Object>> rowList = new ArrayList<>(rows.values());
    String header = kind == SweepPlan.Kind.SWEEP ? "sweep: " + rows.size() + " of " + total + " runs done; " + csv
        : null;
    int code;
    if (localOut != null) {
      code = Batch.report(services().comparison(), kind, localOut, out, plan.keys(), rowList, header, failed.isEmpty(),
          metrics, !noCharts, o);
    } else {
      code = reportStaged(fs, outPath, kind, plan.keys(), rowList, header, failed.isEmpty(), metrics, !noCharts, o);
    }
    if (!failed.isEmpty()) {
      err.println((failed.get(0).failure().startsWith("bad input") ? "" : "error: ") + failed.size() + " of "
          + todo.size() + " run" + (todo.size() == 1 ? "" : "s") + " failed; run the " + kind.command
          + " again to resume");
      err.flush();
      return failed.get(0).failure().startsWith("bad input") ? ExitCodes.BAD_INPUT : ExitCodes.ERROR;
    }
    return code;
  }

  /** The files of a run's folder that the aggregate reads (summary figures and the series of its charts). */
  static final List<String> AGGREGATE_INPUTS = List.of("summary.json", "timeseries.csv", "jobs.csv");

  /**
   * {@link Batch#report} for an {@code out} that {@code java.nio} does not reach (HDFS, S3A): the rows'
   * runs' {@link #AGGREGATE_INPUTS} are copied into a local temporary folder (in the same layout), the
   * report is written there, and what it wrote (sweep.csv, the comparison files and charts) is copied to
   * {@code out}, each file under a temporary name and then renamed.
   */
  static int reportStaged(FileSystem fs, Path out, SweepPlan.Kind kind, List<String> keys,
      List<Map<String, Object>> rows, String header, boolean complete, List<String> metrics, boolean charts,
      PrintWriter o) throws Exception {
    java.nio.file.Path stage = Files.createTempDirectory("mesosim-aggregate-");
    try {
      List<String> runPaths = new ArrayList<>();
      for (Map<String, Object> row : rows) {
        String rp = kind.runPath(String.valueOf(row.get("run")));
        runPaths.add(rp + "/");
        if (!complete) {
          continue; // no aggregate: nothing to read
        }
        for (String f : AGGREGATE_INPUTS) {
          Path src = new Path(new Path(out, rp), f);
          if (fs.exists(src)) {
            java.nio.file.Path to = stage.resolve(rp).resolve(f);
            Files.createDirectories(to.getParent());
            Files.write(to, readBytes(fs, src));
          }
        }
      }
      int code = Batch.report(services().comparison(), kind, stage, out.toString(), keys, rows, header, complete,
          metrics, charts, o);
      List<java.nio.file.Path> written;
      try (var s = Files.walk(stage)) {
        written = s.filter(Files::isRegularFile).sorted().toList();
      }
      for (java.nio.file.Path f : written) {
        String rel = stage.relativize(f).toString().replace('\\', '/');
        if (runPaths.stream().noneMatch(rel::startsWith)) {
          writeAtomically(fs, new Path(out, rel), Files.readAllBytes(f));
        }
      }
      return code;
    } finally {
      FileUtil.fullyDelete(stage.toFile());
    }
  }

  /** Removes an earlier aggregate's files from {@code out} (as {@code Comparison.removeOutputs} locally). */
  static void removeOutputs(FileSystem fs, Path out) throws IOException {
    for (Path d : List.of(out, new Path(out, "charts"))) {
      if (!fs.exists(d)) {
        continue;
      }
      for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(d)) {
        String rel = (d.equals(out) ? "" : "charts/") + st.getPath().getName();
        if (st.isFile() && org.mesosim.reports.Comparison.isOutput(rel)) {
          fs.delete(st.getPath(), false);
        }
      }
    }
  }

  private static Map<Integer, Outcome> byIndex(List<Outcome> outcomes) {
    Map<Integer, Outcome> m = new TreeMap<>();
    for (Outcome oc : outcomes) {
      m.putIfAbsent(oc.index(), oc);
    }
    return m;
  }

  // ---- executor side ----

  private static final Map<PlanSource, SweepPlan> PLANS = new ConcurrentHashMap<>();
  private static volatile Services services;

  private static Services services() {
    if (services == null) {
      services = Services.standard();
    }
    return services;
  }

  /**
   * Runs one point on an executor: into a local temporary folder, copied to {@code out/runs/NNNN/},
   * then {@code row.json} (temporary name, rename). Never throws: a failure is the outcome.
   */
  static Outcome runOne(Task t, Job job, Map<String, String> hadoop) {
    java.nio.file.Path tmp = null;
    try {
      PlanSource source = job.shipName() == null ? job.source()
          : job.source().at(java.nio.file.Path.of(SparkFiles.get(job.shipName())).resolve(job.shipRelative()));
      SweepPlan plan = PLANS.computeIfAbsent(source, f -> {
        try {
          return f.load(services().catalog());
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      SweepPlan.Point p = plan.points().get(t.index());
      tmp = Files.createTempDirectory("mesosim-run-" + p.id() + "-");
      PrintWriter log = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
      Map<String, Object> row = plan.run(services().runner(), t.index(), plan.scenario(t.index()), t.key(), tmp, log,
          job.noCharts());
      Configuration conf = new Configuration(false);
      hadoop.forEach(conf::set);
      Path outPath = new Path(job.out());
      FileSystem fs = fileSystem(outPath, conf);
      Path runDir = new Path(outPath, plan.kind().runPath(p.id()));
      Path rowFile = new Path(runDir, "row.json");
      if (fs.exists(rowFile)) {
        fs.delete(rowFile, false); // from here until the rename below the run is not finished
      }
      fs.delete(runDir, true);
      FileUtil.copy(FileSystem.getLocal(conf).getRawFileSystem(), new Path(tmp.toUri()), fs, runDir, false, true, conf);
      String json = SweepPlan.rowJson(row);
      writeAtomically(fs, rowFile, json.getBytes(StandardCharsets.UTF_8));
      return new Outcome(t.index(), json, null, null);
    } catch (Exception | LinkageError | StackOverflowError e) {
      Throwable c = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
      String what = c instanceof BadInputException ? "bad input, exit 2" : "error, exit 1";
      String msg = c instanceof BadInputException ? c.getMessage() : MesosimCommand.describe(c);
      return new Outcome(t.index(), null, what, msg);
    } finally {
      if (tmp != null) {
        FileUtil.fullyDelete(tmp.toFile());
      }
    }
  }

  // ---- file system ----

  /** The file system of {@code p}; the local one without checksum files (runs/ looks as the local sweep's). */
  static FileSystem fileSystem(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return fs instanceof LocalFileSystem l ? l.getRawFileSystem() : fs;
  }

  static String readText(FileSystem fs, Path p) throws IOException {
    return new String(readBytes(fs, p), StandardCharsets.UTF_8);
  }

  static byte[] readBytes(FileSystem fs, Path p) throws IOException {
    try (var in = fs.open(p)) {
      return in.readAllBytes();
    }
  }

  /** Writes under a unique temporary name beside {@code p}, then renames it to {@code p}. */
  static void writeAtomically(FileSystem fs, Path p, byte[] bytes) throws IOException {
    Path tmp = new Path(p.getParent(), "." + p.getName() + "." + java.util.UUID.randomUUID() + ".partial");
    try (FSDataOutputStream os = fs.create(tmp, true)) {
      os.write(bytes);
    }
    if (!fs.rename(tmp, p)) { // a file system whose rename does not replace (HDFS): another attempt wrote it
      fs.delete(p, false);
      if (!fs.rename(tmp, p)) {
        fs.delete(tmp, false);
        throw new IOException("cannot rename " + tmp + " to " + p);
      }
    }
  }
}
