package org.mesosim.cli.scenario;

import java.util.List;
import java.util.stream.Collectors;
import org.mesosim.engine.BadInputException;

/** Every problem found in a scenario file, reported together (one per line). */
public final class ScenarioException extends BadInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
