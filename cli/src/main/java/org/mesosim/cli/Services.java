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

  /** Writes a comparison of finished runs into a folder. */
  @FunctionalInterface
  public interface ComparisonWriter {
    /** @param labels one per run: runs with equal labels are seeds of one configuration */
    void write(Path dir, List<RunResult> runs, List<String> labels) throws Exception;

    /** {@link #write(Path, List, List)}, without its charts unless {@code charts}. The default draws them. */
    default void write(Path dir, List<RunResult> runs, List<String> labels, boolean charts) throws Exception {
      write(dir, runs, labels);
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
