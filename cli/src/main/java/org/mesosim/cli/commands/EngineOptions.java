package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mesosim.cli.sweep.Shard;
import org.mesosim.engine.BadInputException;
import picocli.CommandLine.Option;

/**
 * Where the runs of {@code sweep} and {@code compare} run ({@code @Mixin}): {@code --shard I/N} (a
 * part of them here, for batch systems), {@code --engine local|spark} and {@code --master}. With
 * {@code --engine spark} the command hands its runs to the Spark application ({@value #SPARK_APP},
 * module spark), found at run time: cli does not depend on Spark.
 */
public final class EngineOptions {
  /** The Spark application's entry point. */
  static final String SPARK_APP = "org.mesosim.spark.SparkSweep";

  @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (0 <= I < N): every N-th run,"
      + " from the I-th (0-based, in run order). Shards may share DIR; join them with `merge`. See docs/spark.md.")
  String shard;

  @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local", description = "local (default): a"
      + " thread pool; spark: one Spark task per run (needs Spark on the class path, see docs/spark.md).")
  String engine;

  @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master (local[N],"
      + " spark://HOST:7077, k8s://...).")
  String master;

  /**
   * Whether the runs go to Spark; a bad {@code --engine}, {@code --master} without Spark, or a local
   * engine's option ({@code --shard}, {@code --parallel}: {@code parallelGiven}) with Spark is bad input.
   */
  boolean spark(boolean parallelGiven) {
    if (!engine.equals("local") && !engine.equals("spark")) {
      throw new BadInputException("--engine: expected local or spark, not '" + engine + "'");
    }
    if (engine.equals("local")) {
      if (master != null) {
        throw new BadInputException("--master: only with --engine spark");
      }
      return false;
    }
    if (shard != null || parallelGiven) {
      throw new BadInputException("--engine spark: " + (shard != null ? "--shard" : "--parallel")
          + " is for the local engine (Spark makes one task per run; give executors cores instead)");
    }
    return true;
  }

  /**
   * {@code --out} as typed (a {@link java.nio.file.Path} would make {@code hdfs://nn/x} {@code hdfs:/nn/x}),
   * for the Spark application, which takes Hadoop file system URIs; {@code fallback} if not given.
   */
  static String out(picocli.CommandLine.Model.CommandSpec spec, java.nio.file.Path fallback) {
    picocli.CommandLine.Model.OptionSpec o = spec.commandLine().getParseResult().matchedOption("--out");
    return o != null ? o.originalStringValues().get(o.originalStringValues().size() - 1) : fallback.toString();
  }

  /** {@code --shard}, or null. */
  Shard shard() {
    return shard == null ? null : Shard.parse(shard);
  }

  /**
   * Runs {@link #SPARK_APP} with {@code args} (its command line: the file, {@code --out DIR} and what
   * else it takes) and {@code --master}, when Spark and mesosim-spark.jar are on the class path; else
   * bad input naming the {@code spark-submit} command line to use instead. Returns the exit code.
   */
  int runSpark(List<String> args, PrintWriter o, PrintWriter err) throws Exception {
    Class<?> app;
    try {
      Class.forName("org.apache.spark.SparkContext", false, getClass().getClassLoader());
      app = Class.forName(SPARK_APP, true, getClass().getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new BadInputException("--engine spark: Spark and mesosim-spark.jar are not on the class path of this"
          + " mesosim; submit the runs to Spark instead: spark-submit --master " + (master != null ? master : "URL")
          + " --class " + SPARK_APP + " spark/target/mesosim-spark.jar " + String.join(" ", args) + " (docs/spark.md)");
    }
    List<String> all = new ArrayList<>(args);
    if (master != null) {
      all.addAll(List.of("--master", master));
    }
    return (Integer) app.getMethod("execute", PrintWriter.class, PrintWriter.class, String[].class)
        .invoke(null, o, err, (Object) all.toArray(String[]::new));
  }
}
