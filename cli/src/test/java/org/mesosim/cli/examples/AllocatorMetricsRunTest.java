package org.mesosim.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Services;
import org.mesosim.cli.SimulationRunner;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;

/**
 * A run writes the leading allocator's metrics under Mesos' names: {@code metrics.json} at the end,
 * and {@code allocator/mesos/...} columns in {@code timeseries.csv} and {@code timeseries_long.csv};
 * recording them changes nothing in the run (docs/outputs.md, "The allocator's metrics").
 */
class AllocatorMetricsRunTest {
  @TempDir Path dir;

  /**
   * One agent of 4 cpus and 4 GB; framework A (role a, weight 2) wants two tasks of 1 cpu and
   * 1 GB, framework B (role b, quota 1 cpu and 512 MB) one task of 1 cpu and 512 MB; tasks run
   * forever and every decline refuses for an hour. Whichever framework is offered the agent first
   * launches what it wants and declines the rest with a filter; the other does the same with what
   * is left; the last 1 cpu and 1.5 GB are then inside both filters and never offered again.
   */
  static final String YAML = """
      name: allocator-metrics
      seed: 1
      until: 30s
      cluster:
        agents:
          - {name: node, count: 1, resources: {cpus: 4, mem: 4096}}
      roles:
        a: {weight: 2}
        b: {quota: {cpus: 1, mem: 512}}
      frameworks:
        - name: A
          role: a
          scheduler: {refuseSeconds: 3600}
          workload:
            synthetic:
              jobs: 1
              arrival: {at: 0s}
              tasksPerJob: 2
              task: {resources: {cpus: 1, mem: 1024}, duration: forever}
        - name: B
          role: b
          scheduler: {refuseSeconds: 3600}
          workload:
            synthetic:
              jobs: 1
              arrival: {at: 0s}
              tasksPerJob: 1
              task: {resources: {cpus: 1, mem: 512}, duration: forever}
      report: {charts: []}
      """;

  private Scenario load(String yaml, String... overrides) throws Exception {
    Path file = dir.resolve("allocator-metrics.yaml");
    Files.writeString(file, yaml);
    return new ScenarioLoader(Services.standard().catalog()).load(file, List.of(overrides));
  }

  private RunResult run(Scenario s, Path out) throws Exception {
    return new SimulationRunner(Services.standard().catalog()).run(new RunRequest(s, List.of(), out, false, false),
        null);
  }

  private static Map<String, String> metricsJson(Path out) throws Exception {
    JsonNode n = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      m.put(e.getKey(), e.getValue().asText());
    }
    return m;
  }

  @Test
  void hierarchicalDrf_metricsJsonHoldsMesosNamesWithTheEndState() throws Exception {
    Path out = dir.resolve("drf");
    run(load(YAML), out);
    Map<String, String> expected = new LinkedHashMap<>();
    // the leader recovers at 0.006 s: 29 periodic runs (1.006 s ... 29.006 s, skipped ones included)
    // and 4 triggered ones (the quota set at recovery, B at 0.14 s, the agent at 0.60 s, A at 1.29 s)
    expected.put("allocator/mesos/allocation_runs", "33");
    expected.put("allocator/mesos/event_queue_dispatches", "0");
    expected.put("allocator/mesos/offer_filters/roles/a/active", "1");
    expected.put("allocator/mesos/offer_filters/roles/b/active", "1");
    expected.put("allocator/mesos/quota/roles/b/resources/cpus/guarantee", "1");
    expected.put("allocator/mesos/quota/roles/b/resources/cpus/offered_or_allocated", "1");
    expected.put("allocator/mesos/quota/roles/b/resources/mem/guarantee", "512");
    expected.put("allocator/mesos/quota/roles/b/resources/mem/offered_or_allocated", "512");
    expected.put("allocator/mesos/resources/cpus/offered_or_allocated", "3");
    expected.put("allocator/mesos/resources/cpus/total", "4");
    expected.put("allocator/mesos/resources/disk/offered_or_allocated", "0");
    expected.put("allocator/mesos/resources/disk/total", "0");
    expected.put("allocator/mesos/resources/mem/offered_or_allocated", "2560");
    expected.put("allocator/mesos/resources/mem/total", "4096");
    // a holds 2 of 4 cpus (1/2) and 2 of 4 GB: 1/2 / weight 2; b holds 1/4 of the cpus
    expected.put("allocator/mesos/roles/a/shares/dominant", "0.25");
    expected.put("allocator/mesos/roles/b/shares/dominant", "0.25");
    Map<String, String> got = metricsJson(out);
    assertEquals(expected, got);
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(got.keySet()), "keys in name order");
    assertFalse(Files.exists(out.resolve("metrics.json.partial")));

    // the time series: the same names as columns, the last row equal to metrics.json, the row at 0
    // empty (the leading master has not recovered yet: no allocator)
    List<String> wide = Files.readAllLines(out.resolve("timeseries.csv"));
    List<String> header = List.of(wide.get(0).split(",", -1));
    List<String> columns = header.subList(header.indexOf("allocator/mesos/allocation_runs"), header.size());
    assertEquals(List.of("allocator/mesos/allocation_runs", "allocator/mesos/event_queue_dispatches",
        "allocator/mesos/resources/cpus/total", "allocator/mesos/resources/cpus/offered_or_allocated",
        "allocator/mesos/resources/mem/total", "allocator/mesos/resources/mem/offered_or_allocated",
        "allocator/mesos/resources/disk/total", "allocator/mesos/resources/disk/offered_or_allocated",
        "allocator/mesos/roles/a/shares/dominant", "allocator/mesos/offer_filters/roles/a/active",
        "allocator/mesos/roles/b/shares/dominant", "allocator/mesos/offer_filters/roles/b/active",
        "allocator/mesos/quota/roles/b/resources/cpus/guarantee",
        "allocator/mesos/quota/roles/b/resources/cpus/offered_or_allocated",
        "allocator/mesos/quota/roles/b/resources/mem/guarantee",
        "allocator/mesos/quota/roles/b/resources/mem/offered_or_allocated"), columns);
    int first = header.indexOf("allocator/mesos/allocation_runs");
    String[] row0 = wide.get(1).split(",", -1);
    assertEquals("0", row0[0]);
    for (int c = first; c < header.size(); c++) {
      assertEquals("", row0[c], header.get(c) + " at 0 s");
    }
    String[] last = wide.get(wide.size() - 1).split(",", -1);
    assertEquals("30", last[0]);
    for (int c = first; c < header.size(); c++) {
      assertEquals(got.get(header.get(c)), last[c], header.get(c) + " at the end");
    }
    // every row counts the runs up to its time: 3 at 1 s, 5 at 2 s (A and the periodic run at
    // 1.006 s), then one more each second
    List<String> runs = new ArrayList<>();
    for (String l : wide.subList(1, wide.size())) {
      runs.add(l.split(",", -1)[first]);
    }
    assertEquals(31, runs.size());
    assertEquals(List.of("", "3", "5", "6"), runs.subList(0, 4));
    assertEquals("33", runs.get(30));
    for (int i = 2; i < 30; i++) {
      assertEquals(Long.parseLong(runs.get(i)) + 1, Long.parseLong(runs.get(i + 1)), "runs at " + (i + 1) + " s");
    }

    List<String> tidy = Files.readAllLines(out.resolve("timeseries_long.csv"));
    assertTrue(tidy.contains("30,allocator,allocator,allocator/mesos/allocation_runs,count,33"), "long form");
    assertTrue(tidy.contains("30,allocator,mem,allocator/mesos/resources/mem/offered_or_allocated,MB,2560"));
    assertTrue(tidy.contains("30,allocator,a,allocator/mesos/roles/a/shares/dominant,share_per_weight,0.25"));
    assertTrue(tidy.contains("30,allocator,b,allocator/mesos/offer_filters/roles/b/active,count,1"));
    assertTrue(tidy.contains("30,allocator,b,allocator/mesos/quota/roles/b/resources/cpus/guarantee,cpus,1"));
    assertFalse(tidy.stream().anyMatch(l -> l.startsWith("0,allocator,")), "empty cells are left out");
  }

  @Test
  void comparisonPolicy_reportsTotalsOfferedFiltersAndRuns() throws Exception {
    Path out = dir.resolve("fifo");
    run(load(YAML, "allocator.policy=fifo"), out);
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("allocator/mesos/allocation_runs", "33");
    expected.put("allocator/mesos/event_queue_dispatches", "0");
    expected.put("allocator/mesos/offer_filters/roles/a/active", "1");
    expected.put("allocator/mesos/offer_filters/roles/b/active", "1");
    expected.put("allocator/mesos/resources/cpus/offered_or_allocated", "3");
    expected.put("allocator/mesos/resources/cpus/total", "4");
    expected.put("allocator/mesos/resources/disk/offered_or_allocated", "0");
    expected.put("allocator/mesos/resources/disk/total", "0");
    expected.put("allocator/mesos/resources/mem/offered_or_allocated", "2560");
    expected.put("allocator/mesos/resources/mem/total", "4096");
    assertEquals(expected, metricsJson(out));
    // the columns are the same for every policy; the gauges fifo does not report stay empty
    List<String> wide = Files.readAllLines(out.resolve("timeseries.csv"));
    List<String> header = List.of(wide.get(0).split(",", -1));
    String[] last = wide.get(wide.size() - 1).split(",", -1);
    assertEquals("", last[header.indexOf("allocator/mesos/roles/a/shares/dominant")]);
    assertEquals("", last[header.indexOf("allocator/mesos/quota/roles/b/resources/cpus/guarantee")]);
    assertEquals("1", last[header.indexOf("allocator/mesos/offer_filters/roles/a/active")]);
  }

  @Test
  void recordingTheMetrics_changesNoDigest() throws Exception {
    for (String policy : List.of("hierarchical-drf", "drf", "fifo")) {
      Scenario s = load(YAML, "allocator.policy=" + policy, "metrics.sampleInterval=250ms");
      RunResult recorded = run(s, dir.resolve("with-" + policy));
      RunResult bare = run(s, null); // no results folder: no recorder, no clock listener
      assertEquals(bare.digest(), recorded.digest(), policy);
      assertEquals(bare.events(), recorded.events(), policy + ": simulation events");
    }
  }
}
