package org.mesosim.cli.papers;

import java.util.List;

/**
 * A published table or figure and how mesosim reproduces it: the scenario files under
 * {@code scenarios/papers/}, the runs, and the checks against the paper's values.
 */
public interface Reproduction {
  /** Short name, the {@code mesosim reproduce NAME} argument, e.g. {@code drf-s4-example}. */
  String name();

  /** Paper, section and figure, e.g. "Ghodsi et al., DRF, NSDI 2011, §4". */
  String citation();

  /** What the reproduction shows, in one or two sentences. */
  String title();

  /** How the setup differs from the paper's and why the tolerances are what they are. */
  String setup();

  /** Quick ones run in {@code mvn verify}; the rest with {@code reproduce --all} / {@code -Ppapers}. */
  boolean quick();

  /** Wall time on the reference machine (2 cores), for the documentation: e.g. "about 2 s". */
  String time();

  /** The scenario files it runs, relative to the repository. */
  List<String> scenarios();

  /** Runs it. */
  Result run(PaperRuns runs) throws Exception;

  /** What a reproduction produced. */
  record Result(List<Check> checks, List<Figure> figures) {
    public Result {
      checks = List.copyOf(checks);
      figures = List.copyOf(figures);
    }

    public boolean anyMiss() {
      return checks.stream().anyMatch(c -> c.status() == Check.Status.MISS);
    }
  }
}
