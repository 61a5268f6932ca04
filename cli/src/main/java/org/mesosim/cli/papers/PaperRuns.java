package org.mesosim.cli.papers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;

/**
 * Runs the scenarios of {@code scenarios/papers/} for the reproductions: each run in a temporary
 * folder (removed afterwards), invariants checked, results read back from {@code summary.json} and
 * {@code timeseries.csv}.
 */
public final class PaperRuns {
  private final Services services;
  private final Path root;

  /** @param root the repository (the folder holding {@code scenarios/papers/}) */
  public PaperRuns(Services services, Path root) {
    this.services = services;
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** The repository above {@code from} that holds {@code scenarios/papers/}, or null. */
  public static Path findRoot(Path from) {
    for (Path p = from.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("scenarios").resolve("papers"))) {
        return p;
      }
    }
    return null;
  }

  /** One finished run: its summary and its time series. */
  public record Run(JsonNode summary, List<String> header, List<double[]> rows, List<JsonNode> events) {
    /** The framework's entry in {@code summary.json}. */
    public JsonNode framework(String name) {
      for (JsonNode f : summary.get("frameworks")) {
        if (f.get("name").asText().equals(name)) {
          return f;
        }
      }
      throw new IllegalStateException("no framework " + name + " in the run of " + summary.get("scenario"));
    }

    public long longAt(String framework, String pointer) {
      return framework(framework).at(pointer).asLong();
    }

    public double doubleAt(String framework, String pointer) {
      return framework(framework).at(pointer).asDouble();
    }

    /** A column of timeseries.csv. */
    public double[] column(String name) {
      int i = header.indexOf(name);
      if (i < 0) {
        throw new IllegalStateException("no column " + name + " in timeseries.csv: " + header);
      }
      double[] v = new double[rows.size()];
      for (int r = 0; r < v.length; r++) {
        v[r] = rows.get(r)[i];
      }
      return v;
    }
  }

  /** Runs {@code scenarios/papers/<file>} with the given {@code --set} overrides. */
  public Run run(String file, String... overrides) throws Exception {
    return run(file, null, overrides);
  }

  /**
   * Runs {@code scenarios/papers/<file>} with the given {@code --set} overrides, also keeping the
   * event-stream records of the given kinds ({@code run --event-kinds}); null = none.
   */
  public Run run(String file, List<String> eventKinds, String... overrides) throws Exception {
    Path scenarioFile = root.resolve("scenarios").resolve("papers").resolve(file);
    List<String> sets = new ArrayList<>(List.of(overrides));
    sets.add("report.charts=[]");
    Scenario s = new ScenarioLoader(services.catalog()).load(scenarioFile, sets);
    Path dir = Files.createTempDirectory("mesosim-reproduce-");
    try {
      StringWriter progress = new StringWriter();
      RunResult r = services.runner().run(new RunRequest(s, sets, dir, true, false, false, eventKinds),
          new PrintWriter(progress));
      if (r.invariantViolations() != 0) {
        throw new IllegalStateException(file + " " + sets + ": " + r.invariantViolations() + " invariant violations");
      }
      JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
      List<String> lines = Files.readAllLines(dir.resolve("timeseries.csv"));
      List<String> header = List.of(lines.get(0).split(","));
      List<double[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",", -1);
        double[] v = new double[c.length];
        for (int i = 0; i < c.length; i++) {
          v[i] = c[i].isEmpty() ? Double.NaN : Double.parseDouble(c[i]);
        }
        rows.add(v);
      }
      List<JsonNode> events = new ArrayList<>();
      if (eventKinds != null) {
        ObjectMapper m = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("events.jsonl"))) {
          events.add(m.readTree(line));
        }
      }
      return new Run(summary, header, rows, List.copyOf(events));
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
