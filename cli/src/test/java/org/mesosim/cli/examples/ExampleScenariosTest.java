package org.mesosim.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Examples;

/** Runs every example scenario through the CLI and checks its headline result. */
class ExampleScenariosTest {
  @TempDir Path dir;

  static boolean runnable() {
    try {
      Class.forName("org.mesosim.model.MesosCluster");
      return Services.standard().catalog().policy("hierarchical-drf").isPresent();
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Runs an example; returns its summary.json. */
  JsonNode run(String name, String... extra) throws Exception {
    assumeTrue(runnable(), "the model and hierarchical-drf are not merged yet");
    Path scenario = Examples.scenario(name);
    Path out = dir.resolve(name + extra.length);
    List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString(), "--quiet",
        "--check-invariants"));
    if (!name.equals("quickstart")) {
      args.addAll(List.of("--set", "report.charts=[]")); // charts are exercised by quickstart; keep the suite fast
    }
    args.addAll(List.of(extra));
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.commandLine(Services.standard(), new PrintWriter(o, true), new PrintWriter(e, true))
        .execute(args.toArray(new String[0]));
    assertEquals(ExitCodes.OK, code, o + "\n" + e);
    String[] lines = o.toString().strip().split("\n");
    assertTrue(lines[lines.length - 1].matches("digest: [0-9a-f]+"), o.toString());
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(0, s.get("invariantViolations").asLong(), "invariant violations");
    assertTrue(Files.isRegularFile(out.resolve("scenario.resolved.yaml")));
    return s;
  }

  static JsonNode fw(JsonNode s, String name) {
    for (JsonNode f : s.get("frameworks")) {
      if (f.get("name").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no framework " + name + " in " + s.get("frameworks"));
  }

  @Test
  void quickstart_bothFrameworksFinishEveryJob() throws Exception {
    JsonNode s = run("quickstart");
    // Engine events, not stream records: 3778 until the filters of one DECLINE shared one expiry
    // timer (the stream is unchanged, StreamEquivalenceTest); the README's first output shows this.
    assertEquals(3646, s.at("/simulated/events").asLong(), "the README's first output says 3646 events");
    assertEquals(Examples.QUICKSTART_DIGEST, s.get("digest").asText(), "the README's first output's digest");
    for (String f : List.of("analytics", "web")) {
      assertEquals(20, fw(s, f).at("/jobs/finished").asLong(), f);
      assertEquals(80, fw(s, f).at("/tasks/finished").asLong(), f);
    }
  }

  @Test
  void drfPaper_aHoldsThreeTasksBTwo_sharesTwoThirds() throws Exception {
    JsonNode s = run("drf-paper");
    assertEquals(3, fw(s, "A").at("/tasks/running").asLong());
    assertEquals(2, fw(s, "B").at("/tasks/running").asLong());
    assertEquals(0.6667, fw(s, "A").at("/dominantShare/final").asDouble(), 1e-4);
    assertEquals(0.6667, fw(s, "B").at("/dominantShare/final").asDouble(), 1e-4);
    assertEquals(3, fw(s, "A").at("/allocated/cpus").asDouble(), 1e-9);
    assertEquals(12288, fw(s, "A").at("/allocated/mem").asDouble(), 1e-9);
  }

  @Test
  void weightedRoles_goldGetsThreeTimesBronze() throws Exception {
    JsonNode s = run("weighted-roles");
    double gold = fw(s, "gold").at("/allocated/cpus").asDouble();
    double bronze = fw(s, "bronze").at("/allocated/cpus").asDouble();
    assertEquals(64, gold + bronze, 1e-9, "the cluster is full");
    assertEquals(3.0, gold / bronze, 0.25);
    // every 61 s a wave of one-minute tasks ends at once and the cluster is empty until the next
    // allocation run; every other second from 61 s on gold holds 48 cpus and bronze 16
    List<String> rows = Files.readAllLines(dir.resolve("weighted-roles0").resolve("timeseries.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int g = header.indexOf("alloc_gold_cpus");
    int b = header.indexOf("alloc_bronze_cpus");
    int empty = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      int t = Integer.parseInt(c[0]);
      if (t >= 61) {
        String held = c[g] + "/" + c[b];
        assertEquals(t % 61 == 0 ? "0/0" : "48/16", held, "gold/bronze cpus at " + t + " s");
        empty += t % 61 == 0 ? 1 : 0;
      }
    }
    assertEquals(9, empty, "waves ending at 61, 122, ..., 549 s");
  }

  @Test
  void quotaAndReservations_prodGetsItsGuarantee() throws Exception {
    JsonNode s = run("quota-and-reservations");
    assertEquals(16, fw(s, "prod").at("/allocated/cpus").asDouble(), 1e-9);
    // Mesos 1.1 sets the quota's 16 cpus aside from the 24 unreserved ones only (prod's reserved
    // cpus are a pool of their own in the stage-2 headroom), so batch holds 8 cpus until prod
    // arrives at 60 s; prod's stage-1 offers are whole agents in shuffled order, and with seed 1
    // they leave 4 of its reserved cpus idle, so batch ends with 12 (16 with most other seeds).
    assertEquals(12, fw(s, "batch").at("/allocated/cpus").asDouble(), 1e-9);
    List<String> rows = Files.readAllLines(dir.resolve("quota-and-reservations0").resolve("timeseries.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    int batchCpus = header.indexOf("alloc_batch_cpus");
    for (String row : rows.subList(1, rows.size())) {
      String[] c = row.split(",");
      int t = Integer.parseInt(c[0]);
      if (t >= 2 && t < 60) {
        assertEquals("8", c[batchCpus], "batch cpus at " + t + " s, while prod's quota is set aside");
      }
    }
    // without the quota prod gets only its 8 reserved cpus
    JsonNode none = run("quota-and-reservations", "--set", "roles={}");
    assertEquals(8, fw(none, "prod").at("/allocated/cpus").asDouble(), 1e-9);
    assertEquals(24, fw(none, "batch").at("/allocated/cpus").asDouble(), 1e-9);
  }

  /**
   * docs/oversubscription.md's headline (seed 1): best-effort tasks run only on the revocable cpus
   * the agents' usage estimators report (three quarters of what prod's running tasks hold); prod's
   * first wave ends with 16 of them running, the QoS controller revokes all 16 at the next estimate
   * (TASK_LOST, REASON_CONTAINER_PREEMPTED) and they are retried on the second wave's slack. The
   * Mesos metrics in metrics.json say the same. Pinned digest: any change to the oversubscription
   * path shows.
   */
  @Test
  void oversubscription_bestEffortRunsOnSlackAndIsRevoked() throws Exception {
    JsonNode s = run("oversubscription");
    assertEquals("4a8a3e496c3d0c7dcf4e95ea40f4342a", s.get("digest").asText(), "oversubscription digest (seed 1)");
    JsonNode be = fw(s, "besteffort");
    assertEquals(16, be.at("/tasks/lost").asLong(), be.toString());
    assertEquals(56, be.at("/tasks/launched").asLong(), be.toString());
    assertEquals(40, be.at("/tasks/finished").asLong(), be.toString());
    JsonNode prod = fw(s, "prod");
    assertEquals(0, prod.at("/tasks/lost").asLong(), prod.toString());
    assertEquals(48, prod.at("/tasks/launched").asLong(), prod.toString());
    JsonNode metrics = new ObjectMapper().readTree(dir.resolve("oversubscription0").resolve("metrics.json").toFile());
    assertEquals(16, metrics.get("slave/executors_preempted").asLong(), metrics.toString());
    // at the end (15 min) the third wave runs: 4 agents x 4 tasks x 2 cpus x (1 - 0.25) revocable
    assertEquals(24, metrics.get("master/cpus_revocable_total").asDouble(), 1e-9, metrics.toString());
    assertEquals(0, metrics.get("master/cpus_revocable_used").asDouble(), 1e-9, metrics.toString());
  }

  @Test
  void masterFailover_aNewLeaderIsElectedAndWorkFinishes() throws Exception {
    JsonNode s = run("master-failover");
    JsonNode leaders = s.get("leaders");
    assertEquals(2, leaders.size(), leaders.toString());
    assertEquals("master-1", leaders.get(0).get("master").asText(), leaders.toString());
    assertEquals("master-2", leaders.get(1).get("master").asText(), leaders.toString());
    // the crash at 120 s plus the dead leader's 10 s ZooKeeper session timeout
    assertEquals(130.0, leaders.get(1).get("since").asDouble(), 0.01, leaders.toString());
    JsonNode b = fw(s, "batch");
    assertEquals(60, b.at("/jobs/finished").asLong());
    assertEquals(0, b.at("/tasks/lost").asLong(), b.toString());
    assertEquals(300, b.at("/tasks/launched").asLong(), b.toString());
  }

  @Test
  void agentChurn_tasksAreLostAndRetried() throws Exception {
    JsonNode s = run("agent-churn", "--event-kinds", "status,agent-disconnected,agent-removed,fault");
    JsonNode b = fw(s, "batch");
    // the headline of the file and the README (seed 1): each agent fails on its own
    assertEquals(137, b.at("/tasks/lost").asLong(), b.toString());
    assertEquals(200, b.at("/jobs/finished").asLong(), b.toString());
    assertEquals(0, b.at("/jobs/failed").asLong(), b.toString());
    assertEquals(20, s.at("/cluster/agentsMax").asLong());
    assertEquals(19, s.at("/cluster/agents").asLong(), "one agent is down at the end");
    // 36 crashes of 17 agents, each seen by the master one latency later as a closed socket: 133 tasks
    // lost at once; 24 of the crashed agents stayed down past the health checks and were removed,
    // and 4 tasks were lost that way (on agents back in the last ping interval: see the file)
    java.util.TreeMap<String, Integer> seen = new java.util.TreeMap<>();
    java.util.TreeSet<String> crashed = new java.util.TreeSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String l : Files.readAllLines(dir.resolve("agent-churn2").resolve("events.jsonl"))) {
      JsonNode e = json.readTree(l);
      String kind = e.get("kind").asText();
      if (kind.equals("status")) {
        if (e.get("state").asText().equals("TASK_LOST")) {
          seen.merge("lost " + e.get("reason").asText(), 1, Integer::sum);
        }
      } else if (kind.equals("fault")) {
        seen.merge(e.get("action").asText(), 1, Integer::sum);
        crashed.add(e.get("target").asText());
      } else {
        seen.merge(kind, 1, Integer::sum);
      }
    }
    assertEquals("{agent-disconnected=36, agent-removed=24, crash=36, lost REASON_SLAVE_DISCONNECTED=133,"
        + " lost REASON_SLAVE_REMOVED=4, restart=35}", seen.toString());
    assertEquals(17, crashed.size(), crashed.toString());
  }

  /** Per db node (job-task), the agents of its launches, from a run's events.jsonl; counts operations by type into {@code ops}. */
  private java.util.TreeMap<String, java.util.List<String>> dbLaunches(String out, java.util.TreeMap<String, Integer> ops)
      throws Exception {
    java.util.TreeMap<String, java.util.List<String>> at = new java.util.TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String l : Files.readAllLines(dir.resolve(out).resolve("events.jsonl"))) {
      JsonNode e = json.readTree(l);
      String kind = e.get("kind").asText();
      if (kind.equals("operation")) {
        ops.merge(e.get("type").asText(), 1, Integer::sum);
      } else if (kind.equals("launch") && e.get("framework").asText().equals("db")) {
        String task = e.get("task").asText();
        at.computeIfAbsent(task.substring(0, task.lastIndexOf('-')), k -> new ArrayList<>()).add(e.get("agent").asText());
      }
    }
    return at;
  }

  @Test
  void statefulServices_everyDbRelaunchIsOnItsVolume() throws Exception {
    JsonNode s = run("stateful-services", "--event-kinds", "operation,launch");
    // seed 1: the headline of the file and docs/examples.md
    assertEquals("4eb2b7483e3576fcf3de3350ba0033bd", s.get("digest").asText(), "the example's digest");
    java.util.TreeMap<String, Integer> ops = new java.util.TreeMap<>();
    java.util.TreeMap<String, java.util.List<String>> at = dbLaunches("stateful-services2", ops);
    // one RESERVE and one CREATE per node, nothing more: the reservation and the volume outlive every attempt
    assertEquals("{CREATE=3, RESERVE=3}", ops.toString());
    assertEquals(3, at.size(), at.toString());
    java.util.TreeSet<String> homes = new java.util.TreeSet<>();
    int launches = 0;
    for (java.util.List<String> agents : at.values()) {
      homes.add(agents.get(0));
      launches += agents.size();
      for (String a : agents) {
        assertEquals(agents.get(0), a, "a db node relaunched away from its volume: " + at);
      }
    }
    assertEquals(3, homes.size(), "one node per agent (maxTasksPerOffer 1): " + at);
    assertEquals(33, launches, at.toString());
    JsonNode db = fw(s, "db");
    assertEquals(2, db.at("/tasks/lost").asLong(), "the two crashed agents held db nodes: " + db);
    assertEquals(150, fw(s, "batch").at("/jobs/finished").asLong());
    // without the option: no operation, and relaunches land wherever an offer fits
    ops.clear();
    run("stateful-services", "--event-kinds", "operation,launch", "--set", "frameworks[0].scheduler.stateful=false");
    at = dbLaunches("stateful-services4", ops);
    assertEquals("{}", ops.toString());
    int away = 0;
    for (java.util.List<String> agents : at.values()) {
      for (String a : agents) {
        away += a.equals(agents.get(0)) ? 0 : 1;
      }
    }
    assertEquals(14, away, at.toString());
  }

  /** The digest of {@code scenarios/maintenance.yaml} (seed 1), pinned. */
  static final String MAINTENANCE_DIGEST = "8b1700a39195c932928169e6c173aea5";

  @Test
  void maintenance_theDrainerMovesOffTheHolderLosesItsTasksAtDown() throws Exception {
    JsonNode s = run("maintenance", "--event-kinds", "machine,inverse-offer-answer,status,agent-registered");
    assertEquals(MAINTENANCE_DIGEST, s.get("digest").asText());
    assertEquals(40, fw(s, "drainer").at("/jobs/finished").asLong());
    assertEquals(40, fw(s, "holder").at("/jobs/finished").asLong());
    assertEquals(0, fw(s, "drainer").at("/tasks/lost").asLong(), fw(s, "drainer").toString());
    assertEquals(13, fw(s, "holder").at("/tasks/lost").asLong(), fw(s, "holder").toString());
    // node-1 and node-2: DRAINING when the schedule is posted at 2m, DOWN at 6m, UP at 12m (each one
    // registry write, 5 ms, later); their agents register anew after UP; the drainer accepts every
    // inverse offer and kills its tasks there before 6m, the holder declines and loses its tasks
    // there when they go DOWN.
    List<String> machine = new ArrayList<>();
    java.util.TreeMap<String, Integer> seen = new java.util.TreeMap<>();
    java.util.TreeMap<String, String> agentHost = new java.util.TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String l : Files.readAllLines(dir.resolve("maintenance2").resolve("events.jsonl"))) {
      JsonNode e = json.readTree(l);
      double t = e.get("t").asDouble();
      switch (e.get("kind").asText()) {
        case "machine" -> machine.add(t + " " + e.get("machine").asText() + " " + e.get("mode").asText());
        case "agent-registered" -> {
          agentHost.put(e.get("agent").asText(), e.get("hostname").asText());
          if (t > 1) {
            seen.merge("registered " + e.get("hostname").asText() + (t > 720.005 ? " after UP" : " before UP"), 1,
                Integer::sum);
          }
        }
        case "inverse-offer-answer" -> seen.merge(e.get("framework").asText() + " " + e.get("answer").asText(), 0,
            Integer::sum);
        case "status" -> {
          String state = e.get("state").asText();
          String host = agentHost.get(e.get("agent").asText());
          if (state.equals("TASK_KILLED") || state.equals("TASK_LOST")) {
            seen.merge(e.get("framework").asText() + " " + state + " on " + host + (t < 360 ? " before 6m"
                : t == 360.005 ? " at DOWN" : " later"), 1, Integer::sum);
          }
        }
        default -> {
        }
      }
    }
    assertEquals(List.of("120.005 node-1 DRAINING", "120.005 node-2 DRAINING", "360.005 node-1 DOWN",
        "360.005 node-2 DOWN", "720.005 node-1 UP", "720.005 node-2 UP"), machine);
    assertEquals("{drainer TASK_KILLED on node-1 before 6m=2, drainer accept=0, holder TASK_LOST on node-1 at DOWN=6,"
        + " holder TASK_LOST on node-2 at DOWN=7, holder decline=0, registered node-1 after UP=1,"
        + " registered node-2 after UP=1}", seen.toString());
  }

  @Test
  void networkPartition_tasksOnTheCutOffAgentsAreLost() throws Exception {
    JsonNode s = run("network-partition", "--event-kinds", "status,task-recovered");
    for (String f : List.of("aware", "classic")) {
      // each framework had 8 one-cpu tasks on the two cut-off agents, and reran them
      assertEquals(48, fw(s, f).at("/tasks/launched").asLong(), fw(s, f).toString());
      assertEquals(10, fw(s, f).at("/jobs/finished").asLong(), f);
    }
    // the classic framework's stay lost (the master shuts it down on the agents that come back); the
    // partition-aware one's finished during the partition: the agents report them when they re-register
    assertEquals(8, fw(s, "classic").at("/tasks/lost").asLong());
    assertEquals(40, fw(s, "classic").at("/tasks/finished").asLong());
    assertEquals(0, fw(s, "aware").at("/tasks/lost").asLong());
    assertEquals(8, fw(s, "aware").at("/tasks/recovered").asLong());
    assertEquals(48, fw(s, "aware").at("/tasks/finished").asLong());
    // marked unreachable 75 s into the partition: TASK_UNREACHABLE for the partition-aware framework only
    List<String> ends = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String l : Files.readAllLines(dir.resolve("network-partition2").resolve("events.jsonl"))) {
      JsonNode e = json.readTree(l);
      String state = e.get("state").asText();
      if (e.get("kind").asText().equals("task-recovered")) {
        assertEquals("aware TASK_FINISHED", e.get("framework").asText() + " " + state, l);
        continue;
      }
      if (state.equals("TASK_LOST") || state.equals("TASK_UNREACHABLE")) {
        assertEquals(195.7, e.get("t").asDouble(), 0.2, l);
        ends.add(e.get("framework").asText() + " " + state);
      }
    }
    assertEquals(8, ends.stream().filter("aware TASK_UNREACHABLE"::equals).count(), ends.toString());
    assertEquals(8, ends.stream().filter("classic TASK_LOST"::equals).count(), ends.toString());
    assertEquals(16, ends.size(), ends.toString());
  }

  @Test
  void offerStarvation_suppressingDeclinersCutsTheBigFrameworksWait() throws Exception {
    double starved = fw(run("offer-starvation"), "big").at("/jobs/waitSeconds/p95").asDouble();
    double fed = fw(run("offer-starvation", "--set", "frameworks[0].scheduler.suppressWhenIdle=true"), "big")
        .at("/jobs/waitSeconds/p95").asDouble();
    assertTrue(starved > 1.5 * fed, "p95 wait with decliners " + starved + " vs suppressing " + fed);
    assertEquals(188, starved, 2, "the README's 'about 190 s'");
    assertEquals(87, fed, 2, "the README's 'about 90 s'");
  }

  @Test
  void omegaTwoLevel_decisionTimeDelaysBatchJobs() throws Exception {
    JsonNode slow = fw(run("omega-two-level"), "batch");
    JsonNode fast = fw(run("omega-two-level", "--set",
        "frameworks[1].scheduler.decisionTime={perOffer: 0s, perTask: 0s}"), "batch");
    assertEquals(224, slow.at("/jobs/finished").asLong(), slow.toString());
    assertEquals(291, fast.at("/jobs/finished").asLong(), fast.toString());
    assertEquals(206, slow.at("/jobs/waitSeconds/mean").asDouble(), 1, slow.toString());
    assertEquals(152, fast.at("/jobs/waitSeconds/mean").asDouble(), 1, fast.toString());
  }

  @Test
  void swfReplay_everyQueueSubmitsJobs() throws Exception {
    JsonNode s = run("swf-replay");
    assertEquals(9, s.get("frameworks").size(), "one framework per queue");
    long submitted = 0;
    long finished = 0;
    for (JsonNode f : s.get("frameworks")) {
      assertTrue(f.at("/jobs/submitted").asLong() > 0, f.toString());
      submitted += f.at("/jobs/submitted").asLong();
      finished += f.at("/jobs/finished").asLong();
    }
    assertEquals(288, submitted);
    // the gang schedulers' held offers deadlock the cluster from 29,916 s on
    assertEquals(59, finished);
    assertEquals(0.108, s.at("/cluster/utilization/cpus/mean").asDouble(), 0.002);
  }

  @Test
  void googleReplay_atTheCellsScale_everyBandRunsTasksAndProductionNoLongerFillsTheCell() throws Exception {
    JsonNode s = run("google-replay");
    assertEquals(3, s.get("frameworks").size(), "free, batch, production");
    long jobs = 0;
    for (JsonNode f : s.get("frameworks")) {
      assertTrue(f.at("/tasks/launched").asLong() > 0, f.toString());
      jobs += f.at("/jobs/submitted").asLong();
    }
    // loadScale 0.02 of the window's 7,808 jobs: 156 expected, 150 with seed 1
    assertEquals(150, jobs, "jobs submitted");
    // without loadScale production holds 0.975 of the cell on average (seed 1); with it 0.633
    assertEquals(0.633, fw(s, "band-production").at("/dominantShare/mean").asDouble(), 0.001);
    assertEquals(0.945, s.at("/cluster/utilization/cpus/mean").asDouble(), 0.001);
  }

  @Test
  void resolvedScenario_reproducesTheDigest() throws Exception {
    assumeTrue(runnable(), "the model and hierarchical-drf are not merged yet");
    Path out = dir.resolve("a");
    String first = digest("run", Examples.scenario("quickstart").toString(), "--out", out.toString(), "--quiet",
        "--seed", "5", "--set", "allocator.interval=2s", "--set", "frameworks[1].workload.synthetic.jobs=7");
    String again = digest("run", out.resolve("scenario.resolved.yaml").toString(), "--out", dir.resolve("b").toString(),
        "--quiet");
    assertEquals(first, again);
    String plain = digest("run", Examples.scenario("quickstart").toString(), "--out", dir.resolve("c").toString(),
        "--quiet");
    assertTrue(!plain.equals(first), "the overrides change the run");
  }

  @Test
  void compare_parallelRunsEqualOneByOne() throws Exception {
    assumeTrue(runnable(), "the model and hierarchical-drf are not merged yet");
    String q = Examples.scenario("quickstart").toString();
    String par = out("compare", q, "--allocators", "hierarchical-drf,fifo", "--seeds", "2", "--parallel", "4",
        "--out", dir.resolve("p").toString());
    String seq = out("compare", q, "--allocators", "hierarchical-drf,fifo", "--seeds", "2", "--parallel", "1",
        "--out", dir.resolve("s").toString());
    assertEquals(digests(par), digests(seq));
    assertEquals(4, digests(par).size());
    for (String a : List.of("hierarchical-drf-seed1", "fifo-seed2")) {
      String alone = digest("run", q, "--out", dir.resolve(a).toString(), "--quiet", "--set",
          "allocator.policy=" + a.substring(0, a.lastIndexOf("-seed")), "--seed", a.substring(a.length() - 1));
      assertTrue(digests(par).contains(alone.substring("digest: ".length())), a + " " + alone + " " + digests(par));
    }
    assertTrue(Files.isRegularFile(dir.resolve("p").resolve("comparison.csv")));
  }

  private static List<String> digests(String table) {
    return table.lines().skip(1).takeWhile(l -> !l.isBlank()).map(l -> l.substring(l.lastIndexOf(' ') + 1))
        .toList();
  }

  private static String out(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.commandLine(Services.standard(), new PrintWriter(o, true), new PrintWriter(e, true))
        .execute(args);
    assertEquals(ExitCodes.OK, code, o + "\n" + e);
    return o.toString();
  }

  private static String digest(String... args) {
    String[] lines = out(args).strip().split("\n");
    return lines[lines.length - 1];
  }
}
