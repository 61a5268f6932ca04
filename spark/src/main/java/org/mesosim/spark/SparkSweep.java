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
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.sweep.SweepPlan;
import org.mesosim.engine.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A sweep on Apache Spark: one Spark task per run (an RDD with one partition per run), each run through
 * {@link SweepPlan#run}, the code path of {@code mesosim run} and of the local {@code mesosim sweep};
 * the same {@code runs/NNNN/} folders and the same {@code sweep.csv} (byte for byte apart from the
 * wall_s column). Finished runs ({@code runs/NNNN/row.json} whose key matches) are skipped, so a sweep
 * resumes, also one begun by the local command. A failed run is reported with its class (bad input:
 * exit 2, anything else: exit 1) and does not fail the others; its task does not fail either, so Spark
 * does not retry it. A retried or speculative task writes the same files: rows are keyed by run
 * number and {@code row.json} is written under a temporary name and then renamed.
 *
 * <p>{@code spark-submit --class org.mesosim.spark.SparkSweep mesosim-spark.jar SWEEP --out DIR|URI
 * [--ship DIR]} (docs/spark.md).
 */
@Command(name = "mesosim-spark", mixinStandardHelpOptions = true,
    description = "Run a mesosim sweep file on Apache Spark: one task per run; rows in OUT/sweep.csv.")
public final class SparkSweep implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "SWEEP", description = "The sweep YAML file (on the driver).")
  java.nio.file.Path sweepFile;

  @Option(names = "--out", required = true, paramLabel = "DIR|URI", description = "Where runs/NNNN/ and sweep.csv"
      + " go: a path or a Hadoop file system URI (hdfs://, s3a://, file:/...) that driver and executors reach.")
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
    SparkConf conf = new SparkConf().setAppName("mesosim sweep " + sweepFile.getFileName());
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      throw new BadInputException("--master: not given, and not run by spark-submit (which sets it); e.g."
          + " --master local[4]");
    }
    metrics = org.mesosim.cli.commands.CompareCommand.checkMetrics(services().comparison(), metrics);
    if (ship != null && !Files.isDirectory(ship)) {
      throw new BadInputException("--ship: " + ship + ": no such folder");
    }
    try (JavaSparkContext jsc = new JavaSparkContext(conf)) {
      return run(jsc, sweepFile, out, ship, noCharts, metrics, o, err);
    }
  }

  /** What every task needs to find the sweep and its output (small: sent with each task). */
  record Job(String sweepFile, String shipName, String shipRelative, String out, boolean noCharts) implements Serializable {}

  /** One run to do: its 0-based position and the driver's key for it. */
  record Task(int index, String key) implements Serializable {}

  /** A task's outcome: the row's JSON, or the failure's class and message. */
  record Outcome(int index, String rowJson, String failure, String message) implements Serializable {}

  /**
   * Runs the sweep in {@code sweepFile} on {@code jsc}: checks the whole grid on the driver (bad input
   * ends here with exit code 2, before any task), skips finished runs, runs the rest one per task, and
   * writes {@code out/sweep.csv}. Returns the exit code (0, 1 or 2 if runs failed, 3 on an invariant
   * violation), as the local {@code mesosim sweep}.
   */
  public static int run(JavaSparkContext jsc, java.nio.file.Path sweepFile, String out, java.nio.file.Path ship,
      boolean noCharts, PrintWriter o, PrintWriter err) throws Exception {
    return run(jsc, sweepFile, out, ship, noCharts, List.of(), o, err);
  }

  /**
   * As {@link #run(JavaSparkContext, java.nio.file.Path, String, java.nio.file.Path, boolean, PrintWriter,
   * PrintWriter)}; when {@code out} is on the driver's local file system, also the aggregate over seeds
   * of the local sweep ({@link SweepPlan#writeAggregate}), its table showing {@code metrics}.
   */
  public static int run(JavaSparkContext jsc, java.nio.file.Path sweepFile, String out, java.nio.file.Path ship,
      boolean noCharts, List<String> metrics, PrintWriter o, PrintWriter err) throws Exception {
    java.nio.file.Path sweepAbs = sweepFile.toAbsolutePath().normalize();
    SweepPlan plan = SweepPlan.load(sweepAbs, services().catalog());
    List<Scenario> scenarios = plan.scenarios(); // every problem of the grid before any task
    Job job;
    if (ship != null) {
      java.nio.file.Path root = ship.toAbsolutePath().normalize();
      if (!sweepAbs.startsWith(root)) {
        throw new BadInputException("--ship: " + ship + " does not hold the sweep file " + sweepFile);
      }
      jsc.sc().addFile(root.toUri().toString(), true);
      job = new Job(null, root.getFileName().toString(), root.relativize(sweepAbs).toString(), out, noCharts);
    } else {
      job = new Job(sweepAbs.toString(), null, null, out, noCharts);
    }
    Path outPath = new Path(out);
    FileSystem fs = fileSystem(outPath, jsc.hadoopConfiguration());
    fs.mkdirs(new Path(outPath, "runs"));
    // as the local sweep: a previous sweep.csv must not pass for this sweep's while it runs or if it is
    // stopped; the new one is written whole and renamed at the end
    Path csv = new Path(outPath, "sweep.csv");
    fs.delete(csv, false);
    // the comparison files are written through java.nio on the driver: only when OUT is a local folder
    java.nio.file.Path localOut = "file".equals(fs.makeQualified(outPath).toUri().getScheme())
        ? java.nio.file.Path.of(fs.makeQualified(outPath).toUri()) : null;
    if (localOut != null) { // a sweep whose runs do not all finish writes no comparison
      services().comparison().removeOutputs(localOut);
    }
    Map<Integer, Map<String, Object>> rows = new TreeMap<>();
    List<Task> todo = new ArrayList<>();
    for (int i = 0; i < plan.points().size(); i++) {
      String key = plan.runKey(i, scenarios.get(i));
      Path rowFile = new Path(new Path(new Path(outPath, "runs"), plan.points().get(i).id()), "row.json");
      Map<String, Object> row = fs.exists(rowFile)
          ? SweepPlan.parseRow(readText(fs, rowFile), rowFile.toString(), "sweep", err) : null;
      if (row != null && key.equals(row.get("key"))) {
        rows.put(i, row);
      } else {
        todo.add(new Task(i, key));
      }
    }
    int total = plan.points().size();
    if (!rows.isEmpty()) {
      err.println("sweep: resuming; " + rows.size() + " of " + total + " runs already finished");
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
        err.println("sweep: run " + plan.points().get(oc.index()).id() + " failed (" + oc.failure() + "): "
            + oc.message());
      } else {
        rows.put(oc.index(), SweepPlan.parseRow(oc.rowJson(), "run " + oc.index(), "sweep", err));
      }
    }
    writeAtomically(fs, csv, SweepPlan.csv(plan.keys(), new ArrayList<>(rows.values())));
    o.println("sweep: " + rows.size() + " of " + total + " runs done; " + csv);
    o.flush();
    if (!failed.isEmpty()) {
      err.println((failed.get(0).failure().startsWith("bad input") ? "" : "error: ") + failed.size() + " of "
          + todo.size() + " run" + (todo.size() == 1 ? "" : "s") + " failed; run the sweep again to resume");
      err.flush();
      return failed.get(0).failure().startsWith("bad input") ? ExitCodes.BAD_INPUT : ExitCodes.ERROR;
    }
    if (localOut != null) {
      String stats = SweepPlan.writeAggregate(services().comparison(), plan.kind(), localOut, plan.keys(),
          new ArrayList<>(rows.values()), metrics, !noCharts);
      if (stats != null && !stats.isBlank()) {
        o.println();
        o.print(stats);
      }
      o.println("results: " + localOut);
    } else {
      o.println("results: " + outPath + " (sweep.csv and runs/; the aggregate over seeds is written only to a local"
          + " --out: copy OUT to a local folder and run `mesosim sweep SWEEP --out` that folder, which resumes"
          + " every finished run and writes it)");
    }
    o.flush();
    long violations = rows.values().stream().mapToLong(r -> ((Number) r.get("invariant_violations")).longValue()).sum();
    return violations > 0 ? ExitCodes.INVARIANT_VIOLATED : ExitCodes.OK;
  }

  private static Map<Integer, Outcome> byIndex(List<Outcome> outcomes) {
    Map<Integer, Outcome> m = new TreeMap<>();
    for (Outcome oc : outcomes) {
      m.putIfAbsent(oc.index(), oc);
    }
    return m;
  }

  // ---- executor side ----

  private static final Map<String, SweepPlan> PLANS = new ConcurrentHashMap<>();
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
      String sweep = job.sweepFile() != null ? job.sweepFile()
          : java.nio.file.Path.of(SparkFiles.get(job.shipName())).resolve(job.shipRelative()).toString();
      SweepPlan plan = PLANS.computeIfAbsent(sweep, f -> {
        try {
          return SweepPlan.load(java.nio.file.Path.of(f), services().catalog());
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
      Path runDir = new Path(new Path(outPath, "runs"), p.id());
      Path rowFile = new Path(runDir, "row.json");
      if (fs.exists(rowFile)) {
        fs.delete(rowFile, false); // from here until the rename below the run is not finished
      }
      fs.delete(runDir, true);
      FileUtil.copy(FileSystem.getLocal(conf).getRawFileSystem(), new Path(tmp.toUri()), fs, runDir, false, true, conf);
      String json = SweepPlan.rowJson(row);
      writeAtomically(fs, rowFile, json);
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
    try (var in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Writes under a unique temporary name beside {@code p}, then renames it to {@code p}. */
  static void writeAtomically(FileSystem fs, Path p, String text) throws IOException {
    Path tmp = new Path(p.getParent(), "." + p.getName() + "." + java.util.UUID.randomUUID() + ".partial");
    try (FSDataOutputStream os = fs.create(tmp, true)) {
      os.write(text.getBytes(StandardCharsets.UTF_8));
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
