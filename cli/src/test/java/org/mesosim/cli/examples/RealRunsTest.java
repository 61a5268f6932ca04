package org.mesosim.cli.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Examples;

/** Progress output and bench, on real runs. */
class RealRunsTest {
  @TempDir Path dir;

  static String[] run(Services services, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.commandLine(services, new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
    return new String[] {Integer.toString(code), o.toString(), e.toString()};
  }

  static Services terminal(boolean isTerminal) {
    Services s = Services.standard();
    return new Services(s.catalog(), s.runner(), s.comparison(), s.traces(), () -> isTerminal);
  }

  @Test
  void progress_onlyOnATerminalAndNotQuiet() {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    String scenario = Examples.scenario("agent-churn").toString();
    List<String> base = List.of("run", scenario, "--set", "report.charts=[]", "--out");
    String[] tty = run(terminal(true), concat(base, dir.resolve("a").toString()));
    assertEquals("0", tty[0], tty[2]);
    assertTrue(tty[2].contains(" s simulated ") && tty[2].contains("events/s") && tty[2].contains("ETA"), tty[2]);
    assertTrue(tty[2].contains("%"), tty[2]);
    assertTrue(!tty[1].contains("simulated  "), "progress never goes to stdout");
    String[] quiet = run(terminal(true), concat(base, dir.resolve("b").toString(), "--quiet"));
    assertEquals("", quiet[2]);
    String[] pipe = run(terminal(false), concat(base, dir.resolve("c").toString()));
    assertEquals("", pipe[2]);
    assertEquals(last(tty[1]), last(pipe[1]), "progress does not change the run");
  }

  static final String STUCK = """
      name: stuck
      until: drained
      cluster:
        agents:
          - {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}
      frameworks:
        - name: A
          scheduler: {type: gang}
          workload:
            synthetic:
              jobs: 2
              arrival: {at: 5s}
              tasksPerJob: 9
              task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
      """;

  @Test
  void drainedRunThatCannotDrain_stopsAfterASimulatedDayWithExit2() throws Exception {
    // a gang job of 9 one-cpu tasks on 8 cpus: it never starts, and the run went on forever (the
    // framework's and the allocator's timers keep firing)
    Path scenario = dir.resolve("stuck.yaml");
    java.nio.file.Files.writeString(scenario, STUCK);
    Path out = dir.resolve("o");
    String[] r = run(terminal(false), "run", scenario.toString(), "--out", out.toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertEquals(scenario + ": until: drained, but the run cannot drain: no task has launched or ended since 5.000000 s"
        + " (a simulated day) while A (18 tasks) still has tasks queued and none runs: no agent their frameworks are"
        + " offered can hold them (resources reserved for other roles, too few agents left after faults), or a gang"
        + " job needs more than the whole cluster at once. Set until to a duration to run it anyway", r[2].strip());
    assertTrue(!java.nio.file.Files.exists(out.resolve("summary.json")), "an unfinished run has no summary");
    // a synthetic task that only resources reserved for another role would hold is refused at load
    // (ScenarioLoaderTest); a trace's, by the same question (Offerability.taskFit), when its job arrives
    java.nio.file.Path trace = dir.resolve("t.csv");
    java.nio.file.Files.writeString(trace, "job,submit_us,task,group,cpus,mem,disk,gpus,duration_us,outcome,depends\n"
        + "j,0,0,,1,512,,,10000000,FINISHED,\n");
    java.nio.file.Files.writeString(scenario, STUCK.replace("resources: {cpus: 4, mem: 8GB}}",
        "resources: {cpus: 4, mem: 8GB}, reservations: {x: {cpus: 4, mem: 8GB}}}").replace("  - name: A\n",
        "  - name: A\n    role: y\n").replace("""
              synthetic:
                jobs: 2
                arrival: {at: 5s}
                tasksPerJob: 9
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, "      trace: {format: csv, path: t.csv}\n"));
    String[] reserved = run(terminal(false), "run", scenario.toString(), "--out", dir.resolve("r").toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), reserved[0], reserved[2]);
    assertTrue(reserved[2].contains("t.csv (frameworks[0].workload.trace): job j (framework A, submitted at 0.000000 s):"
        + " task 0 asks {cpus:1; mem:512}, which no agent holds without resources reserved for roles other than 'y'"),
        reserved[2]);
    assertTrue(!java.nio.file.Files.exists(dir.resolve("r").resolve("summary.json")), "an unfinished run has no summary");
    java.nio.file.Files.writeString(scenario, STUCK);
    // the same with a duration runs to it
    String[] capped = run(terminal(false), "run", scenario.toString(), "--out", out.toString(), "--set", "until=2d");
    assertEquals("0", capped[0], capped[2]);
    // waiting is not being stuck: jobs 3 days apart, tasks of 3 days, nothing queued meanwhile
    String slow = STUCK.replace("scheduler: {type: gang}", "scheduler: {type: batch}").replace("{at: 5s}",
        "{constant: 3d}").replace("tasksPerJob: 9", "tasksPerJob: 8").replace("duration: 10s", "duration: 3d");
    java.nio.file.Files.writeString(scenario, slow);
    String[] waits = run(terminal(false), "run", scenario.toString(), "--out", out.toString());
    assertEquals("0", waits[0], waits[2]);
    assertTrue(waits[1].contains("jobs 2/2"), waits[1]);
  }

  @Test
  void run_againInTheSameFolder_leavesNoChartOfThePreviousRun() throws Exception {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    String scenario = Examples.scenario("drf-paper").toString();
    Path out = dir.resolve("r");
    assertEquals("0", run(terminal(false), "run", scenario, "--out", out.toString())[0]);
    try (var files = java.nio.file.Files.list(out.resolve("charts"))) {
      assertEquals(2 * 9, files.count()); // every chart, PNG and SVG
    }
    String[] again = run(terminal(false), "run", scenario, "--out", out.toString(), "--seed", "2",
        "--set", "report.charts=[shares]", "--set", "report.formats=[svg]");
    assertEquals("0", again[0], again[2]);
    try (var files = java.nio.file.Files.list(out.resolve("charts"))) {
      assertEquals(List.of("shares.svg"), files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void tasksPerJobDrawTooLarge_isBadInputNamingTheScenarioAndFramework() throws Exception {
    // a distribution's tail can draw more tasks than a job may have; found only while running, it
    // was an internal error (exit code 1, "--debug shows the stack trace")
    Path scenario = dir.resolve("s.yaml");
    java.nio.file.Files.writeString(scenario, """
        name: tiny
        cluster:
          agents: [{name: small, resources: {cpus: 4, mem: 8GB}}]
        frameworks:
          - name: A
            workload:
              synthetic:
                jobs: 2
                tasksPerJob: {uniform: {min: 1, max: 1.0e30}}
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """);
    String[] r = run(terminal(false), "run", scenario.toString(), "--out", dir.resolve("r").toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertEquals(scenario + " (frameworks[0].workload.synthetic): tasksPerJob drew 9223372036854775807 tasks for job 1"
        + " of framework A (more than 10,000,000); bound its distribution", r[2].strip());
    assertTrue(java.nio.file.Files.notExists(dir.resolve("r").resolve("summary.json")));
  }

  @Test
  void bench_printsThroughputFigures() {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    String[] r = run(terminal(false), "bench", "--agents", "20", "--tasks", "500", "--frameworks", "2");
    assertEquals(Integer.toString(ExitCodes.OK), r[0], r[2]);
    List<String> lines = r[1].lines().toList();
    assertEquals("bench: 20 agents, 500 tasks in 2 frameworks, hierarchical-drf", lines.get(0));
    for (String key : List.of("events:", "wall:", "events/s:", "stream records:", "offers:", "tasks launched:",
        "simulated:", "simulated s/wall s:", "peak heap:")) {
      assertTrue(lines.stream().anyMatch(l -> l.startsWith(key)), key + " in\n" + r[1]);
    }
    assertTrue(lines.contains("tasks launched:     500"), r[1]);
    assertTrue(lines.stream().anyMatch(l -> l.matches("offers: +[0-9,]+ \\([0-9,.]+ per simulated s; [0-9.]+ us of wall"
        + " time per offer\\)")), r[1]);
    assertTrue(lines.get(lines.size() - 1).matches("digest: [0-9a-f]+"), r[1]);
    // the JVM and collector the figures were measured with, named by the running JVM
    String gc = java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().get(0).getName();
    assertTrue(lines.get(lines.size() - 2).startsWith("jvm:                ")
        && lines.get(lines.size() - 2).contains(System.getProperty("java.version"))
        && lines.get(lines.size() - 2).contains("collectors: " + gc), r[1]);
    String[] again = run(terminal(false), "bench", "--agents", "20", "--tasks", "500", "--frameworks", "2");
    assertEquals(last(r[1]), last(again[1]), "bench is deterministic");
  }

  @Test
  void bench_googleLike_runsTheCellForTheTimeOfTheTasks() {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    String[] r = run(terminal(false), "bench", "--workload", "google-like", "--agents", "126", "--tasks", "500");
    assertEquals(Integer.toString(ExitCodes.OK), r[0], r[2]);
    List<String> lines = r[1].lines().toList();
    assertTrue(lines.get(0).startsWith("bench: google-like at scale 0.0100 (126 agents asked), 10 frameworks"), r[1]);
    // 500 tasks / (0.1822 jobs/s x 42.73 tasks per job x 126 / 12,583 machines) = 6,414 s (the fitted
    // preset's cell is over-committed at t = 0, so a run costs more events per simulated second than before)
    assertTrue(lines.contains("simulated:          6414.0 s"), r[1]);
    String[] bad = run(terminal(false), "bench", "--workload", "google", "--agents", "126");
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), bad[0]);
    assertTrue(bad[2].contains("--workload must be synthetic, google-like or decline-storm"), bad[2]);
    String[] badDuration = run(terminal(false), "bench", "--workload", "google-like", "--duration", "soon");
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), badDuration[0]);
    assertTrue(badDuration[2].contains("--duration"), badDuration[2]);
  }

  @Test
  void bench_declineStorm_offersEveryAgentEverySecond_andReportsTheCostPerOffer() {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    String[] r = run(terminal(false), "bench", "--workload", "decline-storm", "--agents", "20", "--frameworks", "3",
        "--duration", "65s");
    assertEquals(Integer.toString(ExitCodes.OK), r[0], r[2]);
    List<String> lines = r[1].lines().toList();
    assertEquals("bench: decline-storm, 20 agents, 3 frameworks declining with refuse 1 s, hierarchical-drf",
        lines.get(0));
    // Only the filler's 20 tasks (one per agent) ever start: the storm's tasks fit nowhere.
    assertTrue(lines.contains("tasks launched:     20"), r[1]);
    assertTrue(lines.contains("simulated:          65.0 s"), r[1]);
    // From 5 s on, each of the 61 runs offers every agent's free 1 cpu to one storm framework, which
    // declines it (plus the filler's first offers).
    long offers = Long.parseLong(lines.stream().filter(l -> l.startsWith("offers:")).findFirst().orElseThrow()
        .replaceAll("offers: +([0-9,]+) .*", "$1").replace(",", ""));
    assertTrue(offers >= 61 * 20 && offers <= 66 * 20, r[1]);
    assertTrue(lines.stream().anyMatch(l -> l.matches("main-thread cpu: +[0-9.]+ s \\([0-9]+ ns per offer; .*")), r[1]);
    assertTrue(lines.stream().anyMatch(l -> l.matches("main-thread alloc: +[0-9,]+ MB \\([0-9]+ bytes per offer\\)")), r[1]);
    String[] bad = run(terminal(false), "bench", "--workload", "decline-storm", "--duration", "0s");
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), bad[0]);
    assertTrue(bad[2].contains("--duration must be > 0 (at least 1s)"), bad[2]);
  }

  @Test
  void exampleSweep_oneRowPerRun() throws Exception {
    assumeTrue(ExampleScenariosTest.runnable(), "the model and hierarchical-drf are not merged yet");
    Path sweep = Examples.repoRoot().resolve("scenarios/sweeps/starvation.yaml");
    String text = java.nio.file.Files.readString(sweep).replace("seeds: 2", "seeds: 1")
        .replace("scenario: ../offer-starvation.yaml", "scenario: " + Examples.scenario("offer-starvation"))
        + "  report.charts: [[]]\n";
    Path small = dir.resolve("sweep.yaml");
    java.nio.file.Files.writeString(small, text);
    String[] r = run(terminal(false), "sweep", small.toString(), "--out", dir.resolve("s").toString(), "--parallel", "2");
    assertEquals("0", r[0], r[2]);
    List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("s").resolve("sweep.csv"));
    assertEquals(3, csv.size(), String.join("\n", csv));
    assertTrue(csv.get(0).startsWith("run,seed,frameworks[0].scheduler.suppressWhenIdle,report.charts,digest,"), csv.get(0));
    assertTrue(csv.get(1).startsWith("0001,1,false,[],"), csv.get(1));
    assertTrue(csv.get(2).startsWith("0002,1,true,[],"), csv.get(2));
    assertTrue(csv.get(0).contains("wait_p95_s"), csv.get(0));
    // the aggregate, as compare's: the scenario's headline (role big's wait) per combination
    assertTrue(r[1].contains("\nwait_p95_s[role=big]: job wait p95, role big"), r[1]);
    assertTrue(r[1].contains("warning: only 1 seed per config: no intervals and no tests"), r[1]);
    Path s = dir.resolve("s");
    List<String> summary = java.nio.file.Files.readAllLines(s.resolve("comparison_summary.csv"));
    String prefix = "\"frameworks[0].scheduler.suppressWhenIdle=false, report.charts=[]\",role,big,wait_p95_s,s,lower,1,";
    String row = summary.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
        String.join("\n", summary)));
    com.fasterxml.jackson.databind.JsonNode run1 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
        s.resolve("runs/0001/summary.json").toFile());
    double bigP95 = run1.get("frameworks").get(20).get("jobs").get("waitSeconds").get("p95").asDouble();
    assertEquals("big", run1.get("frameworks").get(20).get("name").asText());
    assertEquals(bigP95, Double.parseDouble(row.substring(prefix.length()).split(",")[0]), 1e-6,
        "role big has one framework: its pooled p95 is big's own");
    assertTrue(java.nio.file.Files.isRegularFile(s.resolve("charts/sweep-frameworks_0_.scheduler.suppressWhenIdle.png")));
    // resumed: nothing runs again, the comparison is rebuilt from the runs' summary.json files, the same
    String[] again = run(terminal(false), "sweep", small.toString(), "--out", s.toString());
    assertEquals("0", again[0], again[2]);
    assertTrue(again[2].contains("resuming; 2 of 2 runs already finished"), again[2]);
    assertEquals(summary, java.nio.file.Files.readAllLines(s.resolve("comparison_summary.csv")));
  }

  private static String last(String out) {
    String[] l = out.strip().split("\n");
    return l[l.length - 1];
  }

  private static String[] concat(List<String> a, String... b) {
    String[] out = new String[a.size() + b.length];
    for (int i = 0; i < a.size(); i++) {
      out[i] = a.get(i);
    }
    System.arraycopy(b, 0, out, a.size(), b.length);
    return out;
  }
}
