package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.events.ModelEvent;

class ReportWriterTest {
  @TempDir Path tmp;

  static final List<FrameworkMeta> FWS = List.of(new FrameworkMeta("zeta", "b"), new FrameworkMeta("A", "a"),
      new FrameworkMeta("mid", "a"));

  /** Runs the synthetic stream into dir and writes the report. */
  static RunSummary run(Path dir, ReportOptions opts) throws IOException {
    RunSetup setup = Events.setup(dir, FWS, Events.s(5));
    MetricsRecorder rec = new MetricsRecorder(setup);
    List<ModelEvent> evs = Events.synthetic(List.of("zeta", "A", "mid"), 40, 7);
    for (ModelEvent e : evs) {
      rec.on(e);
    }
    rec.finish(evs.get(evs.size() - 1).time());
    RunSummary s = rec.summary("abc123", evs.size(), 0.5, 0);
    ReportWriter.write(setup, rec, s, opts, "name: test\nseed: 1\n");
    return s;
  }

  private static List<String> keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    Iterator<String> it = n.fieldNames();
    it.forEachRemaining(k::add);
    return k;
  }

  @Test
  void summaryJson_hasEveryContractKeyInContractOrder() throws IOException {
    run(tmp, ReportOptions.defaults());
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
    assertEquals(List.of("scenario", "seed", "allocator", "digest", "simulated", "wall", "cluster", "leaders",
        "frameworks", "fairness", "invariantViolations"), keys(j).subList(0, 11));
    assertEquals(List.of("seconds", "events"), keys(j.get("simulated")));
    assertEquals(List.of("seconds"), keys(j.get("wall")));
    assertEquals(List.of("agents", "capacity", "utilization"), keys(j.get("cluster")).subList(0, 3));
    assertEquals(List.of("cpus", "mem"), keys(j.get("cluster").get("capacity")));
    assertEquals("64", j.get("cluster").get("capacity").get("cpus").toString());
    assertEquals("131072", j.get("cluster").get("capacity").get("mem").toString());
    assertEquals(List.of("mean", "final"), keys(j.get("cluster").get("utilization").get("cpus")));
    assertEquals(List.of("master", "since"), keys(j.get("leaders").get(0)));
    JsonNode f = j.get("frameworks").get(0);
    assertEquals(List.of("name", "role", "tasks", "allocated", "dominantShare", "offers", "jobs"),
        keys(f).subList(0, 7));
    assertEquals(List.of("launched", "running", "finished", "failed", "killed", "lost"), keys(f.get("tasks")).subList(0, 6));
    assertEquals(List.of("cpus", "mem"), keys(f.get("allocated")));
    assertEquals(List.of("mean", "final"), keys(f.get("dominantShare")));
    assertEquals(List.of("received", "declined", "rescinded"), keys(f.get("offers")).subList(0, 3));
    assertEquals(List.of("submitted", "finished", "completionSeconds", "waitSeconds"), keys(f.get("jobs")).subList(0, 4));
    assertEquals(List.of("mean", "p50", "p95", "p99"), keys(f.get("jobs").get("completionSeconds")).subList(0, 4));
    assertEquals(List.of("mean", "p50", "p95", "p99"), keys(f.get("jobs").get("waitSeconds")).subList(0, 4));
    assertEquals(List.of("jainIndex"), keys(j.get("fairness")).subList(0, 1));
    assertEquals(List.of("mean", "final"), keys(j.get("fairness").get("jainIndex")));
    assertTrue(j.get("seed").isIntegralNumber());
    assertTrue(j.get("simulated").get("seconds").isNumber());
    assertTrue(j.get("invariantViolations").isIntegralNumber());
  }

  @Test
  void summaryJson_keepsScenarioOrderOfFrameworks() throws IOException {
    run(tmp, ReportOptions.defaults());
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
    List<String> names = new ArrayList<>();
    j.get("frameworks").forEach(n -> names.add(n.get("name").asText()));
    assertEquals(List.of("zeta", "A", "mid"), names);
    List<String> roles = new ArrayList<>();
    j.get("roles").forEach(n -> roles.add(n.get("role").asText()));
    assertEquals(List.of("b", "a"), roles);
  }

  @Test
  void summaryJson_isDeterministicApartFromWall() throws IOException {
    run(tmp.resolve("one"), ReportOptions.defaults());
    run(tmp.resolve("two"), ReportOptions.defaults());
    assertEquals(Files.readString(tmp.resolve("one/summary.json")), Files.readString(tmp.resolve("two/summary.json")));
    assertEquals(Files.readString(tmp.resolve("one/timeseries.csv")),
        Files.readString(tmp.resolve("two/timeseries.csv")));
    assertEquals(Files.readString(tmp.resolve("one/jobs.csv")), Files.readString(tmp.resolve("two/jobs.csv")));
  }

  @Test
  void charts_areByteIdenticalAcrossRuns() throws IOException {
    run(tmp.resolve("one"), ReportOptions.defaults());
    run(tmp.resolve("two"), ReportOptions.defaults());
    for (String c : ReportOptions.CHARTS) {
      assertEquals(Files.readString(tmp.resolve("one/charts/" + c + ".svg")),
          Files.readString(tmp.resolve("two/charts/" + c + ".svg")), c);
    }
    assertEquals(Files.readString(tmp.resolve("one/report.html")), Files.readString(tmp.resolve("two/report.html")));
  }

  @Test
  void timeseriesCsv_hasContractColumns() throws IOException {
    run(tmp, ReportOptions.defaults());
    List<String> lines = Files.readAllLines(tmp.resolve("timeseries.csv"));
    List<String> expected = new ArrayList<>(List.of("time_s", "util_cpus", "util_mem"));
    for (String f : List.of("zeta", "A", "mid")) {
      expected.addAll(List.of("share_" + f, "alloc_" + f + "_cpus", "alloc_" + f + "_mem", "pending_" + f));
    }
    expected.add("jain");
    List<String> header = List.of(lines.get(0).split(","));
    assertEquals(expected, header.subList(0, expected.size()));
    assertEquals(List.of("gap", "jain_active", "roleshare_b", "roleshare_a"),
        header.subList(expected.size(), header.size()));
    for (String l : lines.subList(1, lines.size())) {
      assertEquals(header.size(), l.split(",", -1).length, l);
    }
    assertEquals("0,", lines.get(1).substring(0, 2));
    assertEquals("5,", lines.get(2).substring(0, 2));
  }

  @Test
  void timeseriesLong_oneRowPerSampleAndValue_entitiesFromTheSetup() throws IOException {
    run(tmp, ReportOptions.defaults());
    List<String> wide = Files.readAllLines(tmp.resolve("timeseries.csv"));
    List<String> tidy = Files.readAllLines(tmp.resolve("timeseries_long.csv"));
    assertEquals("time_s,entity_kind,entity,metric,unit,value", tidy.get(0));
    List<String> header = List.of(wide.get(0).split(","));
    long cells = 0;
    for (String l : wide.subList(1, wide.size())) {
      String[] c = l.split(",", -1);
      for (int i = 1; i < c.length; i++) {
        if (!c[i].isEmpty()) {
          cells++;
        }
      }
    }
    assertEquals(cells, tidy.size() - 1, "every non-empty wide cell once");
    // the second sample (t = 5 s), column by column
    String[] row = wide.get(2).split(",", -1);
    String t = row[0];
    assertTrue(tidy.contains(t + ",resource,cpus,utilization,fraction," + row[header.indexOf("util_cpus")]));
    assertTrue(tidy.contains(t + ",framework,A,allocated_mem,MB," + row[header.indexOf("alloc_A_mem")]));
    assertTrue(tidy.contains(t + ",framework,mid,pending_tasks,count," + row[header.indexOf("pending_mid")]));
    assertTrue(tidy.contains(t + ",role,b,dominant_share,fraction," + row[header.indexOf("roleshare_b")]));
    assertTrue(tidy.contains(t + ",cluster,cluster,jain,index," + row[header.indexOf("jain")]));
    assertFalse(Files.exists(tmp.resolve("timeseries_long.csv.partial")));
  }

  @Test
  void jobsCsv_hasContractColumnsAndOneRowPerJob() throws IOException {
    run(tmp, ReportOptions.defaults());
    List<String> lines = Files.readAllLines(tmp.resolve("jobs.csv"));
    assertEquals("framework,job,submit_s,start_s,end_s,tasks,state", lines.get(0));
    assertEquals(1 + 3 * 40, lines.size());
    for (String l : lines.subList(1, lines.size())) {
      assertEquals(7, l.split(",", -1).length, l);
    }
  }

  @Test
  void charts_existAsPngAndSvgForEveryChart() throws IOException {
    run(tmp, ReportOptions.defaults());
    for (String c : ReportOptions.CHARTS) {
      byte[] png = Files.readAllBytes(tmp.resolve("charts/" + c + ".png"));
      assertEquals((byte) 0x89, png[0]);
      assertEquals('P', png[1]);
      String svg = Files.readString(tmp.resolve("charts/" + c + ".svg"));
      assertTrue(svg.contains("<svg"), c);
    }
  }

  @Test
  void chartOptions_limitChartsAndFormats() throws IOException {
    run(tmp, new ReportOptions(List.of("shares"), List.of("svg")));
    assertTrue(Files.exists(tmp.resolve("charts/shares.svg")));
    assertFalse(Files.exists(tmp.resolve("charts/shares.png")));
    assertFalse(Files.exists(tmp.resolve("charts/utilization.svg")));
  }

  @Test
  void reportHtml_containsEveryChartInlineAndNoExternalReference() throws IOException {
    run(tmp, ReportOptions.defaults());
    String html = Files.readString(tmp.resolve("report.html"));
    for (String c : ReportOptions.CHARTS) {
      assertTrue(html.contains("id=\"chart-" + c + "\"><img"), c);
    }
    Matcher m = Pattern.compile("<img[^>]*src=\"([^\"]{0,30})").matcher(html);
    int imgs = 0;
    while (m.find()) {
      assertTrue(m.group(1).startsWith("data:image/"), m.group(1));
      imgs++;
    }
    assertEquals(ReportOptions.CHARTS.size(), imgs);
    assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE).matcher(html).find());
    // scripts only inline (the bundled uPlot and the zoomable charts' data), never loaded from elsewhere
    assertFalse(Pattern.compile("<script[^>]*\\ssrc\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find());
    assertTrue(html.contains("uPlot"), "uPlot is embedded");
    for (String c : List.of("utilization", "shares", "fairness", "queue")) {
      assertTrue(html.contains("class=\"zoom-data\" data-fig=\"chart-" + c + "\""), c);
    }
    assertFalse(html.contains("<link"));
    assertTrue(html.contains("<meta name=\"viewport\""));
    assertTrue(html.contains("<table id=\"summary\">"));
    assertTrue(html.contains("name: test"));
  }

  @Test
  void gantt_ofALargeRun_isNotDrawn_andTheReportSaysWhyInItsPlace() throws IOException {
    RunSetup setup = Events.setup(tmp, FWS, Events.s(1));
    MetricsRecorder rec = new MetricsRecorder(setup);
    for (int i = 0; i <= TaskGantt.MAX_AGENTS; i++) {
      rec.on(Events.agent(0, "agent-" + i, 4, 4096));
    }
    rec.on(Events.launch(1, "A", "t1", null, 1, 1024));
    rec.finish(Events.s(10));
    ReportWriter.write(setup, rec, rec.summary("x", 1, 0, 0), new ReportOptions(List.of("heatmap", "gantt"),
        List.of("png")), "");
    String html = Files.readString(tmp.resolve("report.html"));
    assertTrue(html.contains("<figure id=\"chart-gantt\" class=\"skipped\"><p class=\"note\">Task Gantt not drawn: it"
        + " has more than 200 agents (drawn for runs of at most 5000 tasks on at most 200 agents).</p></figure>"), html);
    assertFalse(Files.exists(tmp.resolve("charts/gantt.png")));
    assertTrue(Files.exists(tmp.resolve("charts/heatmap.png")));
    assertTrue(html.contains("id=\"chart-heatmap\"><img"));
    // 201 agents in rows of 4 (at most 64 rows)
    assertEquals(51, Files.readAllLines(tmp.resolve(AgentData.HEATMAP)).stream()
        .filter(l -> l.startsWith("0,1,")).map(l -> l.split(",")[2]).distinct().count());
  }

  @Test
  void scenarioResolved_isWrittenAsGiven() throws IOException {
    run(tmp, ReportOptions.defaults());
    assertEquals("name: test\nseed: 1\n", Files.readString(tmp.resolve("scenario.resolved.yaml")));
  }

  @Test
  void partialFiles_stayPartialWithoutFinish() throws IOException {
    RunSetup setup = Events.setup(tmp, FWS, Events.s(1));
    MetricsRecorder rec = new MetricsRecorder(setup);
    rec.on(Events.agent(0, "a1", 4, 4096));
    rec.on(Events.submit(1, "A", "j1", 1));
    rec.on(Events.launch(3, "A", "t1", "j1", 1, 1024));
    rec.close();
    assertTrue(Files.exists(tmp.resolve("timeseries.csv.partial")));
    assertTrue(Files.exists(tmp.resolve("jobs.csv.partial")));
    assertFalse(Files.exists(tmp.resolve("timeseries.csv")));
    assertFalse(Files.exists(tmp.resolve("jobs.csv")));
    RunSummary dummy = null;
    assertThrows(IllegalStateException.class,
        () -> ReportWriter.write(setup, rec, dummy, ReportOptions.defaults(), ""));
    assertThrows(IllegalStateException.class, () -> rec.summary("x", 0, 0, 0));
    assertFalse(Files.exists(tmp.resolve("summary.json")));
    assertFalse(Files.exists(tmp.resolve("timeseries.csv")));
  }

  @Test
  void newRun_removesPreviousCompleteFilesSoAnInterruptedRunLooksIncomplete() throws IOException {
    run(tmp, ReportOptions.defaults());
    assertTrue(Files.exists(tmp.resolve("summary.json")));
    MetricsRecorder rec = new MetricsRecorder(Events.setup(tmp, FWS, Events.s(1)));
    rec.close();
    for (String f : List.of("summary.json", "timeseries.csv", "timeseries_long.csv", "jobs.csv", "report.html")) {
      assertFalse(Files.exists(tmp.resolve(f)), f);
    }
    assertTrue(Files.exists(tmp.resolve("timeseries.csv.partial")));
  }

  @Test
  void finishedRun_leavesNoPartialFiles() throws IOException {
    run(tmp, ReportOptions.defaults());
    assertFalse(Files.exists(tmp.resolve("timeseries.csv.partial")));
    assertFalse(Files.exists(tmp.resolve("jobs.csv.partial")));
  }
}
