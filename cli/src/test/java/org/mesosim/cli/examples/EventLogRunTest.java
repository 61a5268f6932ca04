package org.mesosim.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Services;
import org.mesosim.cli.SimulationRunner;
import org.mesosim.cli.scenario.Examples;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.model.events.ModelEvent;

/** {@code run --events}: events.jsonl is the digest's stream, line for line, and changes nothing. */
class EventLogRunTest {
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> lines(Path file) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(file)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  @Test
  void everyStreamRecordIsOneLine_andTheDigestIsUnchanged() throws Exception {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    Services services = Services.standard();
    Scenario s = new ScenarioLoader(services.catalog()).load(Examples.scenario("master-failover"),
        List.of("report.charts=[]"));
    SimulationRunner runner = new SimulationRunner(services.catalog());
    RunResult plain = runner.run(new RunRequest(s, List.of(), dir.resolve("plain"), false, false), null);
    RunResult logged = runner.run(new RunRequest(s, List.of(), dir.resolve("logged"), false, false, false,
        List.of()), null);
    assertEquals(plain.digest(), logged.digest());
    assertFalse(Files.exists(dir.resolve("plain").resolve("events.jsonl")), "no log unless asked");

    Path log = dir.resolve("logged").resolve("events.jsonl");
    assertFalse(Files.exists(dir.resolve("logged").resolve("events.jsonl.partial")));
    List<JsonNode> lines = lines(log);
    assertEquals(logged.records(), lines.size(), "one line per record the digest folds in");
    TreeSet<String> kinds = new TreeSet<>();
    double lastT = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n = lines.get(i);
      assertEquals(i + 1, n.get("seq").asLong());
      double t = n.get("t").asDouble();
      assertTrue(t >= lastT, "time never goes back: line " + (i + 1));
      lastT = t;
      assertTrue(ModelEvent.KINDS.contains(n.get("kind").asText()), n.toString());
      kinds.add(n.get("kind").asText());
    }
    // The failover scenario's story is in the log: an election, the crash, a second election.
    assertTrue(kinds.containsAll(List.of("leader-elected", "leader-lost", "fault", "offer", "decline", "launch",
        "status", "ack", "framework-registered", "agent-registered")), kinds.toString());
    JsonNode first = lines.stream().filter(n -> n.get("kind").asText().equals("offer")).findFirst().orElseThrow();
    assertEquals(List.of("seq", "t", "kind", "offer", "framework", "agent", "resources"), fieldNames(first));
    assertTrue(first.get("resources").get("cpus").isNumber(), first.toString());
    long elections = lines.stream().filter(n -> n.get("kind").asText().equals("leader-elected")).count();
    assertTrue(elections >= 2, "a new leader after the crash: " + elections);
  }

  @Test
  void eventKinds_keepOnlyThoseKinds_withTheirStreamPositions() throws Exception {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    String scenario = Examples.scenario("drf-paper").toString();
    String[] all = RealRunsTest.run(Services.standard(), "run", scenario, "--out", dir.resolve("a").toString(),
        "--events", "--quiet");
    String[] some = RealRunsTest.run(Services.standard(), "run", scenario, "--out", dir.resolve("b").toString(),
        "--event-kinds", "launch,status", "--quiet");
    assertEquals("0", all[0], all[2]);
    assertEquals("0", some[0], some[2]);
    List<JsonNode> a = lines(dir.resolve("a").resolve("events.jsonl"));
    List<JsonNode> b = lines(dir.resolve("b").resolve("events.jsonl"));
    List<String> expected = new ArrayList<>();
    for (JsonNode n : a) {
      String k = n.get("kind").asText();
      if (k.equals("launch") || k.equals("status")) {
        expected.add(n.toString());
      }
    }
    List<String> got = new ArrayList<>();
    for (JsonNode n : b) {
      got.add(n.toString());
    }
    assertEquals(expected, got, "the filtered log is the full log's lines of those kinds, seq included");
    // The DRF paper's example: A runs 3 tasks of <1 cpu, 4 GB>, B runs 2 of <3 cpus, 1 GB>.
    JsonNode launch = b.stream().filter(n -> n.get("kind").asText().equals("launch")
        && n.get("framework").asText().equals("A")).findFirst().orElseThrow();
    assertEquals("{\"cpus\":1,\"mem\":4096}", launch.get("resources").toString());
    assertTrue(b.stream().anyMatch(n -> n.get("kind").asText().equals("status")
        && n.get("state").asText().equals("TASK_RUNNING")), "states by their Mesos names");
  }

  @Test
  void unknownKind_isBadInput_namingTheKinds() {
    String[] r = RealRunsTest.run(Services.standard(), "run", Examples.scenario("drf-paper").toString(), "--out",
        dir.resolve("c").toString(), "--event-kinds", "offer,ofer");
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0]);
    assertTrue(r[2].contains("--event-kinds: unknown event kind 'ofer'; kinds: leader-elected,"), r[2]);
    assertFalse(r[2].contains("Exception"), r[2]);
    assertFalse(Files.exists(dir.resolve("c").resolve("summary.json")));
  }

  @Test
  void aLaterRunWithoutEvents_removesTheOldLog() throws Exception {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    String scenario = Examples.scenario("drf-paper").toString();
    String out = dir.resolve("d").toString();
    assertEquals("0", RealRunsTest.run(Services.standard(), "run", scenario, "--out", out, "--events", "--quiet")[0]);
    assertTrue(Files.exists(dir.resolve("d").resolve("events.jsonl")));
    assertEquals("0", RealRunsTest.run(Services.standard(), "run", scenario, "--out", out, "--quiet")[0]);
    assertFalse(Files.exists(dir.resolve("d").resolve("events.jsonl")), "a stale log must not pass for this run's");
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
