package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.events.ModelEvent;
import org.mesosim.reports.compare.ConfidenceInterval;
import org.mesosim.reports.csv.CsvReader;

class ComparisonTest {
  @TempDir Path tmp;

  static RunSummary run(Path dir, String allocator, long seed) throws IOException {
    RunSetup setup = new RunSetup("cmp", seed, allocator, Events.s(5), List.of("cpus", "mem"),
        ReportWriterTest.FWS, new TreeMap<>(), dir);
    MetricsRecorder rec = new MetricsRecorder(setup);
    List<ModelEvent> evs = Events.synthetic(List.of("zeta", "A", "mid"), 15, seed + (allocator.equals("fifo") ? 100 : 0));
    for (ModelEvent e : evs) {
      rec.on(e);
    }
    rec.finish(evs.get(evs.size() - 1).time());
    RunSummary s = rec.summary("d" + seed, evs.size(), 0, 0);
    ReportWriter.write(setup, rec, s, new ReportOptions(List.of(), List.of()), "name: cmp\n");
    return s;
  }

  @Test
  void removeOutputs_removesWhatWriteLeaves_ofAnyPolicy_andKeepsOtherFiles() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Comparison.write(tmp, List.of(run(a, "hierarchical-drf", 1), run(b, "fifo", 1)), List.of(a, b));
    Files.writeString(tmp.resolve("charts/shares-some-other-policy.svg"), "from an earlier compare");
    Files.writeString(tmp.resolve("charts/notes.txt"), "the user's");
    Files.writeString(tmp.resolve("notes.txt"), "the user's");
    Comparison.removeOutputs(tmp);
    try (var left = Files.list(tmp.resolve("charts"))) {
      assertEquals(List.of("notes.txt"), left.map(p -> p.getFileName().toString()).toList());
    }
    for (String f : List.of("comparison.csv", "comparison.json", "comparison.html")) {
      assertFalse(Files.exists(tmp.resolve(f)), f);
    }
    assertTrue(Files.exists(tmp.resolve("notes.txt")));
    assertTrue(Files.exists(a.resolve("summary.json")), "the runs' own folders are not touched");
  }

  @Test
  void confidenceInterval_studentTOverThreeSeeds() {
    ConfidenceInterval c = ConfidenceInterval.of(new double[] {1, 2, 3});
    assertEquals(2.0, c.mean(), 1e-12);
    assertEquals(1.0, c.sd(), 1e-12);
    // t(0.975, 2) = 4.302652729911275
    assertEquals(4.302652729911275 / Math.sqrt(3), c.halfWidth(), 1e-9);
    assertTrue(Double.isNaN(ConfidenceInterval.of(new double[] {5}).halfWidth()));
  }

  @Test
  void write_tableChartsAndHtmlForPoliciesAndSeeds() throws IOException {
    List<RunSummary> runs = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (String policy : List.of("hierarchical-drf", "fifo")) {
      for (long seed = 1; seed <= 3; seed++) {
        Path d = tmp.resolve("runs/" + policy + "-" + seed);
        runs.add(run(d, policy, seed));
        dirs.add(d);
      }
    }
    Path out = tmp.resolve("cmp");
    Comparison.write(out, runs, dirs);

    List<String> lines = Files.readAllLines(out.resolve("comparison.csv"));
    List<String> header = CsvReader.split(lines.get(0));
    assertEquals(List.of("kind", "policy", "seed", "n", "digest"), header.subList(0, 5));
    assertEquals(Comparison.metricKeys(runs), header.subList(5, header.size()));
    assertEquals(1 + 6 + 2 * 2, lines.size());
    assertTrue(lines.get(1).startsWith("run,hierarchical-drf,1,1,d1,"));
    assertTrue(lines.get(7).startsWith("mean,hierarchical-drf,,3,,"));
    assertTrue(lines.get(8).startsWith("ci95,hierarchical-drf,,3,,"));
    assertTrue(lines.get(9).startsWith("mean,fifo,,3,,"));
    // the mean row is the mean of the run rows
    int col = header.indexOf("simulated_s");
    double sum = 0;
    for (int i = 1; i <= 3; i++) {
      sum += Double.parseDouble(CsvReader.split(lines.get(i)).get(col));
    }
    assertEquals(sum / 3, Double.parseDouble(CsvReader.split(lines.get(7)).get(col)), 1e-5);

    JsonNode j = new ObjectMapper().readTree(out.resolve("comparison.json").toFile());
    assertEquals(6, j.get("runs").size());
    assertEquals("fifo", j.get("policies").get(1).get("policy").asText());
    assertEquals(3, j.get("policies").get(1).get("n").asInt());
    JsonNode jm = j.get("policies").get(0).get("metrics").get("jain_mean");
    assertTrue(jm.get("ci95").isNumber());
    assertEquals(jm.get("mean").asDouble() - jm.get("ci95").asDouble(), jm.get("low").asDouble(), 1e-12);

    for (String c : List.of("shares-hierarchical-drf", "shares-fifo", "completion", "utilization", "fairness")) {
      assertTrue(Files.exists(out.resolve("charts/" + c + ".png")), c);
      assertTrue(Files.exists(out.resolve("charts/" + c + ".svg")), c);
    }
    String html = Files.readString(out.resolve("comparison.html"));
    assertTrue(html.contains("<table id=\"means\">"));
    assertTrue(html.contains("id=\"chart-shares-fifo\""));
    assertTrue(html.contains("href=\"../runs/fifo-1/report.html\""));
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find());
  }

  @Test
  void headline_keysAreTheComparisonColumns() throws IOException {
    RunSummary s = run(tmp.resolve("one"), "fifo", 1);
    assertEquals(Comparison.metricKeys(List.of(s)), new ArrayList<>(Comparison.headline(s).keySet()));
    assertEquals(s.fairness().jainIndex().mean(), Comparison.headline(s).get("jain_mean"));
    String human = ReportWriter.humanSummary(s);
    assertTrue(human.startsWith("cmp: fifo, seed 1, "), human);
    assertTrue(human.contains("  zeta (b): share "), human);
  }
}
