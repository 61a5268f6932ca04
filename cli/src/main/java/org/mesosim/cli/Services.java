package org.mesosim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.mesosim.cli.scenario.ScenarioCatalog;

/**
 * What the commands run against: the catalog of policies/formats/workloads, the simulation runner,
 * the comparison writer, the trace tools, and whether stderr is a terminal. {@link #standard()} wires
 * the real modules; tests substitute parts.
 */
public record Services(ScenarioCatalog catalog, Runner runner, ComparisonWriter comparison, TraceTools traces,
    BooleanSupplier terminal) {

  /**
   * What to compare: finished runs grouped by label.
   *
   * @param dir the output folder
   * @param runs the runs (their {@code summary} may be null: then it is read from the run's folder)
   * @param labels one per run: runs with equal labels are seeds of one configuration
   * @param groupColumn what a group is called ({@code policy}, {@code config})
   * @param dimensions a sweep's grid: label → grid key → value (empty for {@code compare})
   * @param metrics the metric keys for the terminal table (empty: the headline metrics)
   * @param charts whether to draw the comparison charts (false with {@code --no-charts})
   */
  public record Comparison(Path dir, List<RunResult> runs, List<String> labels, String groupColumn,
      java.util.Map<String, java.util.Map<String, String>> dimensions, List<String> metrics, boolean charts) {}

  /** Writes a comparison of finished runs into a folder. */
  @FunctionalInterface
  public interface ComparisonWriter {
    /** Writes the comparison's files; returns the results table for stdout. */
    String write(Comparison c) throws Exception;

    /** Null if {@code key} is a metric key {@code --metric} accepts, else what is wrong. */
    default String checkMetric(String key) {
      return null;
    }

    /**
     * Removes an earlier comparison's files from {@code dir} (before runs that may fail and write
     * none); other files stay. The default keeps everything.
     */
    default void removeOutputs(Path dir) throws Exception {}
  }

  /** {@code trace inspect} and {@code trace convert}. */
  public interface TraceTools {
    /** Human-readable lines describing the trace. */
    List<String> inspect(String format, List<Path> files, boolean skipMalformed, Path index, boolean dropUnended)
        throws Exception;

    /** Writes the native CSV format; returns the number of jobs written. */
    long convert(String format, List<Path> files, boolean skipMalformed, Path index, boolean dropUnended,
        boolean stream, Path out) throws Exception;

    /** {@code trace index}: indexes google-2011 parts' SCHEDULE and end rows; returns a line to print. */
    String index(List<Path> files, Path out) throws Exception;

    /**
     * {@code trace stats}: the workload statistics of a trace ({@code format} and {@code files}) or of
     * a preset ({@code preset}, with {@code scale} and {@code seed}), up to {@code until} µs
     * ({@link org.mesosim.engine.SimTime#NEVER}: the whole trace); {@code capacityCpus} NaN = the
     * Google cell at {@code scale} for google-2011 and the preset, else none.
     */
    List<String> stats(String format, List<Path> files, Path index, boolean dropUnended, String preset, double scale,
        long seed, long until, double capacityCpus) throws Exception;
  }

  /** The production wiring. */
  public static Services standard() {
    return Wiring.standard();
  }

  public Services withRunner(Runner r) {
    return new Services(catalog, r, comparison, traces, terminal);
  }
}
