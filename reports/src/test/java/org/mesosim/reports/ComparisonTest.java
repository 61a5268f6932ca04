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
import org.mesosim.reports.compare.ComparisonResult;
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

    for (String c : List.of("shares-hierarchical-drf", "shares-fifo", "completion", "utilization", "fairness", "wait",
        "roleshares-hierarchical-drf", "roleshares-fifo")) {
      assertTrue(Files.exists(out.resolve("charts/" + c + ".png")), c);
      assertTrue(Files.exists(out.resolve("charts/" + c + ".svg")), c);
    }
    String html = Files.readString(out.resolve("comparison.html"));
    assertTrue(html.contains("<table class=\"fit\" id=\"means\">"));
    assertTrue(html.contains("id=\"chart-shares-fifo\""));
    assertTrue(html.contains("id=\"chart-roleshares-fifo\"") && html.contains("id=\"chart-wait\""));
    assertTrue(html.contains("href=\"../runs/fifo-1/report.html\""));
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find());
  }

  @Test
  void write_tidyRunsAndSummary_pairedDifferences_roleAndFrameworkMetrics() throws IOException {
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
    ComparisonResult r = Comparison.write(out, runs, dirs);
    List<String> keys = new ArrayList<>();
    r.metrics().forEach(m -> keys.add(m.key()));
    // roles b (zeta) and a (A, mid); three frameworks
    assertTrue(keys.containsAll(List.of("wait_p95_s[role=b]", "wait_p95_s[role=a]", "share_mean[role=a]",
        "wait_p95_s[framework=zeta]", "starved_s[framework=mid]")), keys.toString());
    // a role of one framework: its pooled wait p95 is the framework's own (summary.json)
    int roleB = r.index("wait_p95_s[role=b]");
    for (int i = 0; i < runs.size(); i++) {
      assertEquals(runs.get(i).frameworks().get(0).jobs().waitSeconds().p95(), r.value(i, roleB), 1e-6);
    }

    List<String> rl = Files.readAllLines(out.resolve("comparison_runs.csv"));
    assertEquals("policy,seed,digest,entity_kind,entity,metric,unit,value", rl.get(0));
    assertEquals(1 + runs.size() * keys.size(), rl.size());
    assertTrue(rl.contains("fifo,2,d2,role,b,wait_p95_s,s," + org.mesosim.reports.csv.Num.fmt(r.value(4, roleB))),
        rl.toString());

    List<String> sl = Files.readAllLines(out.resolve("comparison_summary.csv"));
    List<String> header = CsvReader.split(sl.get(0));
    assertEquals("policy", header.get(0));
    assertEquals(ComparisonResult.SUMMARY_COLUMNS, header.subList(1, header.size()));
    assertEquals(1 + 2 * keys.size(), sl.size());
    int jain = r.index("jain_mean");
    List<String> base = CsvReader.split(sl.get(1 + jain));
    List<String> fifo = CsvReader.split(sl.get(1 + keys.size() + jain));
    assertEquals(List.of("hierarchical-drf", "cluster", "cluster", "jain_mean", "index", "higher", "3"),
        base.subList(0, 7));
    assertEquals("", base.get(header.indexOf("diff_mean")), "the baseline has no difference with itself");
    // every seed is paired: the mean difference is the difference of the means
    double diff = Double.parseDouble(fifo.get(header.indexOf("diff_mean")));
    assertEquals(Double.parseDouble(fifo.get(header.indexOf("mean"))) - Double.parseDouble(base.get(header.indexOf("mean"))),
        diff, 1e-5);
    assertEquals("3", fifo.get(header.indexOf("diff_n")));
    // two policies: one test per metric, Holm changes nothing
    assertEquals(fifo.get(header.indexOf("p_t")), fifo.get(header.indexOf("p_t_holm")));
    // bounded metrics' intervals stay in [0, 1]
    for (String line : sl.subList(1, sl.size())) {
      List<String> c = CsvReader.split(line);
      if (List.of("index", "fraction").contains(c.get(4)) && !c.get(header.indexOf("ci_low")).isEmpty()
          && !c.get(3).equals("gap_mean")) {
        assertTrue(Double.parseDouble(c.get(header.indexOf("ci_low"))) >= 0, line);
        assertTrue(Double.parseDouble(c.get(header.indexOf("ci_high"))) <= 1, line);
      }
    }

    String table = r.table(List.of("jain_mean", "wait_p95_s[role=b]"));
    assertTrue(table.startsWith("jain_mean: Jain's index"), table);
    assertTrue(table.contains("wait_p95_s[role=b]: job wait p95, role b"), table);
    String best = r.best(jain);
    assertTrue(table.contains("  " + best + " *"), table);
    assertTrue(table.contains("warning: only 3 seeds per policy (fewer than 5)"), table);

    JsonNode j = new ObjectMapper().readTree(out.resolve("comparison.json").toFile());
    assertEquals("hierarchical-drf", j.get("baseline").asText());
    assertTrue(j.get("summary").get(1).get("metrics").get("jain_mean").get("vsBaseline").get("pTHolm") != null);
    assertEquals(1, j.get("warnings").size());

    String html = Files.readString(out.resolve("comparison.html"));
    assertTrue(html.indexOf("id=\"headline\"") < html.indexOf("<h2>Charts"), "key numbers first");
    assertTrue(html.contains("<details id=\"all-metrics\">") && html.contains("<details id=\"runs-details\">"));
    assertTrue(html.contains("only 3 seeds per policy"));
  }

  @Test
  void write_manyPolicies_holmAdjusted_andWarned() throws IOException {
    List<RunSummary> runs = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (String policy : List.of("p0", "p1", "p2")) {
      for (long seed = 1; seed <= 2; seed++) {
        Path d = tmp.resolve("runs/" + policy + "-" + seed);
        runs.add(run(d, policy.equals("p1") ? "fifo" : "hierarchical-drf", seed));
        dirs.add(d);
        labels.add(policy);
      }
    }
    ComparisonResult r = Comparison.write(tmp.resolve("c3"), runs, dirs, labels);
    assertTrue(r.warnings().contains("2 policies are compared with p0: p-values are Holm–Bonferroni adjusted over them"
        + " (per metric)"), r.warnings().toString());
    assertTrue(r.warnings().get(0).startsWith("only 2 seeds per policy"), r.warnings().toString());
    int m = r.index("jain_mean");
    double[] raw = {r.paired("p1", m).pT(), r.paired("p2", m).pT()};
    double[] adj = org.mesosim.reports.compare.Stats.holm(raw);
    assertEquals(adj[0], r.holm("p1", m)[0], 1e-15, "Holm over the two comparisons with the baseline");
  }

  @Test
  void markers_leaderChangesAndFaults_fromTheSummaries_thinnedToOnePerSecond() {
    RunSummary a = withLeadersAndFaults(List.of(0.0, 130.2), List.of(120.0, 150.0));
    RunSummary b = withLeadersAndFaults(List.of(0.0, 130.5, 400.0), List.of(120.0));
    assertEquals(List.of(130.2, 400.0), Comparison.leaderChanges(List.of(a, b)), "the first election is no change");
    assertEquals(List.of(120.0, 150.0), Comparison.faultTimes(List.of(a, b)));
  }

  private static RunSummary withLeadersAndFaults(List<Double> elections, List<Double> faults) {
    List<RunSummary.Leader> leaders = new ArrayList<>();
    elections.forEach(t -> leaders.add(new RunSummary.Leader("master-1", t)));
    List<RunSummary.FaultEvent> fe = new ArrayList<>();
    faults.forEach(t -> fe.add(new RunSummary.FaultEvent(t, "crash", "master-1")));
    return new RunSummary("x", 1, "fifo", "d", null, null, null, leaders, List.of(), null, 0, List.of(), null, null,
        null, fe);
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
