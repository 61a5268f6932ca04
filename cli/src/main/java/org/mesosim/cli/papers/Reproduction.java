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

  /** A reproduction whose description is fixed when it is made: only {@link #run} is its own. */
  abstract class Described implements Reproduction {
    private final String name;
    private final String citation;
    private final String title;
    private final String setup;
    private final boolean quick;
    private final String time;
    private final List<String> scenarios;

    protected Described(String name, String citation, String title, String setup, boolean quick, String time,
        List<String> scenarios) {
      this.name = name;
      this.citation = citation;
      this.title = title;
      this.setup = setup;
      this.quick = quick;
      this.time = time;
      this.scenarios = List.copyOf(scenarios);
    }

    @Override
    public final String name() {
      return name;
    }

    @Override
    public final String citation() {
      return citation;
    }

    @Override
    public final String title() {
      return title;
    }

    @Override
    public final String setup() {
      return setup;
    }

    @Override
    public final boolean quick() {
      return quick;
    }

    @Override
    public final String time() {
      return time;
    }

    @Override
    public final List<String> scenarios() {
      return scenarios;
    }
  }

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
