package org.mesosim.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Examples;
import org.mesosim.cli.scenario.TestCatalog;

class CommandsTest {
  @TempDir Path dir;
  final FakeRunner runner = new FakeRunner();
  /** The comparisons the commands asked for, in order. */
  final List<Services.Comparison> comparisons = new java.util.ArrayList<>();

  Services services() {
    Services.ComparisonWriter comparison = new Services.ComparisonWriter() {
      @Override
      public String write(Services.Comparison c) throws Exception {
        Files.createDirectories(c.dir());
        comparisons.add(c);
        return "stats of " + c.labels().size() + " runs\n";
      }

      @Override
      public String checkMetric(String key) {
        return org.mesosim.reports.compare.ComparisonStats.checkKey(key);
      }

      @Override
      public void removeOutputs(Path d) throws Exception {
        org.mesosim.reports.Comparison.removeOutputs(d);
      }
    };
    return new Services(new TestCatalog(), runner, comparison, null, () -> false);
  }

  Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  static final String GOOD = """
      name: tiny
      cluster:
        agents: [{name: small, count: 2, resources: {cpus: 4, mem: 8GB}}]
      frameworks:
        - name: A
          workload: {synthetic: {jobs: 3, task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}}}
      """;

  @Test
  void validate_goodAndBadFiles_exit2WithLocations() throws Exception {
    Path good = write("good.yaml", GOOD);
    Path bad = write("bad.yaml", GOOD.replace("cpus: 1,", "cpus: -1,").replace("count: 2", "cuont: 2"));
    Cli ok = Cli.run(services(), "validate", good.toString());
    assertEquals(ExitCodes.OK, ok.code, ok.toString());
    assertEquals("ok: " + good + " (tiny: 1 framework, 1 agent group)", ok.out.strip());
    Cli r = Cli.run(services(), "validate", good.toString(), bad.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(List.of(
        bad + ":3:26: cluster.agents[0].cuont: unknown key (did you mean 'count'?); allowed here: name, count,"
            + " resources, attributes, reservations, preset, scale, machines, resourceEstimator",
        bad + ":6:62: frameworks[0].workload.synthetic.task.resources.cpus: must be > 0, not -1",
        "1 of 2 files invalid"), List.of(r.err.strip().split("\n")));
    assertFalse(r.err.contains("Exception"), r.err);
  }

  @Test
  void validate_severalFiles_aSetErrorSaysWhichFileItIsFor() throws Exception {
    Path a = write("a.yaml", GOOD);
    Path b = write("b.yaml", GOOD);
    Cli r = Cli.run(services(), "validate", a.toString(), b.toString(), "--set", "frameworks[0].scheduler.maxTasksPerOffer=-1");
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    List<String> lines = List.of(r.err.strip().split("\n"));
    assertEquals(3, lines.size(), r.err);
    assertTrue(lines.get(0).startsWith(a + ": --set frameworks[0].scheduler.maxTasksPerOffer=-1: "), lines.get(0));
    assertTrue(lines.get(1).startsWith(b + ": --set frameworks[0].scheduler.maxTasksPerOffer=-1: "), lines.get(1));
    assertEquals("2 of 2 files invalid", lines.get(2));
    // one file: as before, no prefix
    Cli one = Cli.run(services(), "validate", a.toString(), "--set", "frameworks[0].scheduler.maxTasksPerOffer=-1");
    assertTrue(one.err.startsWith("--set frameworks[0].scheduler.maxTasksPerOffer=-1: "), one.err);
  }

  @Test
  void validate_missingFile_exit2() {
    Cli r = Cli.run(services(), "validate", dir.resolve("nope.yaml").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code);
    assertTrue(r.err.startsWith(dir.resolve("nope.yaml") + ": no such file"), r.err);
  }

  @Test
  void list_oneLineEachSortedByName() {
    Cli charts = Cli.run(services(), "list", "charts");
    assertEquals(ExitCodes.OK, charts.code);
    List<String> names = charts.out.lines().map(l -> l.split(" ")[0]).toList();
    assertEquals(List.of("completion", "fairness", "queue", "shares", "utilization"), names);
    Cli alloc = Cli.run(services(), "list", "allocators");
    assertEquals(List.of("fifo", "hierarchical-drf"),
        alloc.out.lines().filter(l -> !l.startsWith(" ")).map(l -> l.split(" ")[0]).toList());
    // each policy's options, one indented line each, from its declarations (PolicyOption.summary)
    assertEquals(List.of(
        "fifo                            fake fifo",
        "  fairnessExcludeResourceNames  string, default none: x",
        "hierarchical-drf                fake hierarchical-drf",
        "  fairnessExcludeResourceNames  string, default none: x"), alloc.out.lines().toList());
    Cli formats = Cli.run(services(), "list", "formats");
    assertEquals(List.of("alibaba-2018", "alibaba-2018-containers", "csv", "google-2011", "google-2019", "swf"),
        formats.out.lines().map(l -> l.split(" ")[0]).toList());
    Cli bad = Cli.run(services(), "list", "policies");
    assertEquals(ExitCodes.BAD_INPUT, bad.code);
    assertTrue(bad.err.contains("Invalid value for positional parameter at index 0 (WHAT): expected one of"
        + " [allocators, formats, charts]"), bad.err);
  }

  @Test
  void run_printsSummaryThenDigestLast() throws Exception {
    Path f = write("good.yaml", GOOD);
    Cli r = Cli.run(services(), "run", f.toString(), "--seed", "9", "--out", dir.resolve("o").toString(), "--set",
        "allocator.policy=fifo", "--quiet");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertTrue(r.out.startsWith("fake run of tiny\n"), r.out);
    assertTrue(r.lastLine().matches("digest: [0-9a-f]+"), r.lastLine());
    RunRequest req = runner.seen.get(0);
    assertEquals(9, req.scenario().seed());
    assertEquals("fifo", req.scenario().allocator().policy());
    assertEquals(dir.resolve("o"), req.outDir());
    assertEquals(List.of("allocator.policy=fifo"), req.overrides());
    assertFalse(req.progress());
  }

  @Test
  void run_defaultOutIsRunsSlashName() throws Exception {
    Path f = write("good.yaml", GOOD);
    FakeRunner noFiles = new FakeRunner() {
      @Override
      public org.mesosim.cli.RunResult run(RunRequest req, java.io.PrintWriter p) throws Exception {
        seen.add(req);
        return new org.mesosim.cli.RunResult("ab", 1, 1, 0, 0, null, "", null, null);
      }
    };
    Cli r = Cli.run(services().withRunner(noFiles), "run", f.toString());
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertEquals(Path.of("runs", "tiny"), noFiles.seen.get(0).outDir());
  }

  @Test
  void run_invariantViolation_exit3() throws Exception {
    runner.violations = 2;
    Cli r = Cli.run(services(), "run", write("good.yaml", GOOD).toString(), "--out", dir.toString(),
        "--check-invariants");
    assertEquals(ExitCodes.INVARIANT_VIOLATED, r.code, r.toString());
    assertTrue(runner.seen.get(0).checkInvariants());
    assertTrue(r.err.startsWith("error: 2 invariant violations"), r.err);
  }

  @Test
  void run_badScenario_exit2WithoutStackTrace() throws Exception {
    Cli r = Cli.run(services(), "run", write("bad.yaml", "name: x\ncluster: [1\n").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertTrue(r.err.startsWith(dir.resolve("bad.yaml") + ":"), r.err);
    assertTrue(r.err.contains("YAML syntax error"), r.err);
    assertFalse(r.err.contains("\tat "), r.err);
    assertEquals("", r.out);
  }

  @Test
  void run_unexpectedFailure_exit1_stackTraceOnlyWithDebug() throws Exception {
    runner.failOnCall = 1;
    Path f = write("good.yaml", GOOD);
    Cli r = Cli.run(services(), "run", f.toString(), "--out", dir.toString());
    assertEquals(ExitCodes.ERROR, r.code);
    assertEquals("error: interrupted (--debug shows the stack trace)", r.err.strip());
    runner.seen.clear();
    Cli d = Cli.run(services(), "run", f.toString(), "--out", dir.toString(), "--debug");
    assertEquals(ExitCodes.ERROR, d.code);
    assertTrue(d.err.contains("java.lang.IllegalStateException: interrupted"), d.err);
    assertTrue(d.err.contains("\tat "), d.err);
  }

  @Test
  void run_fileSystemError_saysWhatIsWrongWithTheFile() throws Exception {
    Path f = write("good.yaml", GOOD);
    Services failing = services().withRunner((req, progress) -> {
      throw new java.nio.file.AccessDeniedException(req.outDir().resolve("summary.json").toString());
    });
    Cli r = Cli.run(failing, "run", f.toString(), "--out", dir.resolve("o").toString());
    assertEquals(ExitCodes.ERROR, r.code, r.toString());
    assertEquals("error: " + dir.resolve("o").resolve("summary.json") + ": permission denied (--debug shows the stack"
        + " trace)", r.err.strip());
  }

  @Test
  void outputFolderThatCannotBeOne_isBadInputBeforeAnyRun() throws Exception {
    // a usage error (exit code 2), found before the runs; it was exit code 1 once the run tried to write
    Path f = write("good.yaml", GOOD);
    Path file = write("taken", "");
    Path sweep = write("s.yaml", "scenario: good.yaml\n");
    for (String[] args : new String[][] {{"run", f.toString()}, {"compare", f.toString(), "--allocators", "fifo"},
        {"sweep", sweep.toString()}, {"bench", "--reports", "--agents", "1", "--tasks", "1"}}) {
      for (Path out : List.of(file, file.resolve("sub"))) {
        String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
        withOut[args.length] = "--out";
        withOut[args.length + 1] = out.toString();
        Cli r = Cli.run(services(), withOut);
        assertEquals(ExitCodes.BAD_INPUT, r.code, String.join(" ", withOut) + "\n" + r);
        assertEquals("--out " + out + ": " + (out.equals(file) ? "" : file + " ") + "is a file, where a folder is"
            + " needed", r.err.strip());
      }
    }
    assertTrue(runner.seen.isEmpty(), "nothing ran");
  }

  @Test
  void bench_loadThatGivesNoWorkload_isBadInput() {
    Cli inf = Cli.run(services(), "bench", "--load", "Infinity");
    assertEquals(ExitCodes.BAD_INPUT, inf.code, inf.toString());
    assertEquals("bench: --load must be a finite number, not Infinity", inf.err.strip());
    Cli tiny = Cli.run(services(), "bench", "--load", "1e-300");
    assertEquals(ExitCodes.BAD_INPUT, tiny.code, tiny.toString());
    assertEquals("bench: --load 1.0E-300 is too small: jobs would arrive 3.75e+299 s apart (at most a year)",
        tiny.err.strip());
    assertTrue(runner.seen.isEmpty(), "nothing ran");
  }

  @Test
  void run_outOfMemory_oneLineAndExit1_stackTraceOnlyWithDebug() throws Exception {
    Path f = write("good.yaml", GOOD);
    Services oom = services().withRunner((req, progress) -> {
      throw new OutOfMemoryError("Java heap space");
    });
    java.io.StringWriter err = new java.io.StringWriter();
    int code = org.mesosim.cli.MesosimCommand.execute(oom, new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err, true), "run", f.toString(), "--out", dir.resolve("o").toString());
    assertEquals(ExitCodes.ERROR, code);
    assertEquals("error: out of memory (Java heap space); give the JVM more, e.g. MESOSIM_JAVA_OPTS=-Xmx8g ./mesosim …"
        + " or java -Xmx8g -jar cli/target/mesosim.jar … (--debug shows the stack trace)", err.toString().strip());
    java.io.StringWriter err2 = new java.io.StringWriter();
    org.mesosim.cli.MesosimCommand.execute(oom, new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(err2, true), "run", f.toString(), "--out", dir.resolve("o").toString(), "--debug");
    assertTrue(err2.toString().contains("java.lang.OutOfMemoryError: Java heap space\n\tat "), err2.toString());
  }

  @Test
  void everyCommand_helpOption_printsItsUsageAndExits0() {
    for (String[] args : new String[][] {{"run", "--help"}, {"validate", "-h"}, {"list", "--help"},
        {"compare", "--help"}, {"sweep", "--help"}, {"bench", "--help"}, {"trace", "--help"}, {"trace", "inspect", "--help"},
        {"trace", "convert", "--help"}}) {
      Cli r = Cli.run(services(), args);
      assertEquals(ExitCodes.OK, r.code, String.join(" ", args) + "\n" + r);
      String command = args[0].equals("trace") && !args[1].startsWith("-") ? "trace " + args[1] : args[0];
      assertTrue(r.out.startsWith("Usage: mesosim " + command + " "), r.out);
      assertEquals("", r.err);
    }
  }

  @Test
  void usageErrors_exit2() {
    Cli r = Cli.run(services(), "run");
    assertEquals(ExitCodes.BAD_INPUT, r.code);
    assertTrue(r.err.contains("Missing required parameter: 'SCENARIO'"), r.err);
    Cli u = Cli.run(services(), "run", "x.yaml", "--sead", "3");
    assertEquals(ExitCodes.BAD_INPUT, u.code);
    assertTrue(u.err.contains("Unknown options: '--sead', '3'"), u.err);
    assertTrue(u.err.contains("Possible solutions: --seed, --set"), u.err);
    Cli none = Cli.run(services());
    assertEquals(ExitCodes.BAD_INPUT, none.code);
  }

  @Test
  void compare_runsEveryPolicyAndSeedInTheUsersOrder_sameAsOneByOne() throws Exception {
    Path f = write("good.yaml", GOOD);
    Cli par = Cli.run(services(), "compare", f.toString(), "--allocators", "hierarchical-drf,fifo", "--seeds", "3",
        "--out", dir.resolve("c").toString(), "--parallel", "4");
    assertEquals(ExitCodes.OK, par.code, par.toString());
    List<String> rows = par.out.lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
    assertEquals(6, rows.size(), par.out);
    // then the results table the comparison writer returned, then where the files are
    assertTrue(par.out.endsWith("\n\nstats of 6 runs\nresults: " + dir.resolve("c") + "\n"), par.out);
    Services.Comparison c = comparisons.get(0);
    assertEquals(List.of("hierarchical-drf", "hierarchical-drf", "hierarchical-drf", "fifo", "fifo", "fifo"),
        c.labels());
    assertEquals("policy", c.groupColumn());
    assertEquals(List.of(), c.metrics(), "no --metric: the headline metrics");
    assertEquals(List.of("hierarchical-drf 1", "hierarchical-drf 2", "hierarchical-drf 3", "fifo 1", "fifo 2",
        "fifo 3"), rows.stream().map(l -> String.join(" ", List.of(l.split("\\s+")).subList(0, 2))).toList());
    FakeRunner seq = new FakeRunner();
    Cli one = Cli.run(services().withRunner(seq), "compare", f.toString(), "--allocators", "hierarchical-drf,fifo",
        "--seeds", "3", "--out", dir.resolve("c").toString(), "--parallel", "1");
    assertEquals(digests(par.out), digests(one.out));
    assertEquals(dir.resolve("c").resolve("fifo-seed2"), runner.seen.stream().filter(
        q -> q.scenario().seed() == 2 && q.scenario().allocator().policy().equals("fifo")).findFirst().orElseThrow()
        .outDir());
    Cli bad = Cli.run(services(), "compare", f.toString(), "--allocators", "drf");
    assertEquals(ExitCodes.BAD_INPUT, bad.code);
    assertTrue(bad.err.startsWith("--allocators: unknown policy drf; known: fifo, hierarchical-drf"), bad.err);
  }

  private static List<String> digests(String out) {
    return out.lines().skip(1).takeWhile(l -> !l.isBlank()).map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
  }

  @Test
  void compare_metricOption_passedOn_andAnUnknownMetricIsBadInputBeforeAnyRun() throws Exception {
    Path f = write("good.yaml", GOOD);
    Cli ok = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo", "--out", dir.resolve("m").toString(),
        "--metric", "wait_p95_s, util_cpus_mean", "--metric", "wait_p95_s[role=a]");
    assertEquals(ExitCodes.OK, ok.code, ok.toString());
    assertEquals(List.of("wait_p95_s", "util_cpus_mean", "wait_p95_s[role=a]"), comparisons.get(0).metrics());
    int before = runner.seen.size();
    Cli bad = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo", "--metric", "wait_p59_s");
    assertEquals(ExitCodes.BAD_INPUT, bad.code, bad.toString());
    assertTrue(bad.err.startsWith("--metric: 'wait_p59_s' is not a metric; known: jain_mean, "), bad.err);
    Cli badEntity = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo", "--metric", "wait_p95_s[team=x]");
    assertEquals(ExitCodes.BAD_INPUT, badEntity.code, badEntity.toString());
    assertTrue(badEntity.err.startsWith("--metric: 'wait_p95_s[team=x]': expected METRIC, METRIC[role=NAME] or"
        + " METRIC[framework=NAME]"), badEntity.err);
    assertEquals(before, runner.seen.size(), "nothing ran");
  }

  @Test
  void compare_progressOnlyOnATerminal() throws Exception {
    Path f = write("good.yaml", GOOD);
    Services tty = new Services(new TestCatalog(), runner, services().comparison(), null, () -> true);
    Cli t = Cli.run(tty, "compare", f.toString(), "--allocators", "fifo,hierarchical-drf", "--out",
        dir.resolve("t").toString());
    assertEquals(ExitCodes.OK, t.code, t.toString());
    assertTrue(t.err.contains("\rcompare: 2 of 2 runs done, 0 running"), t.err);
    assertFalse(t.out.contains("\r"), "progress never goes to stdout");
    Cli q = Cli.run(tty, "compare", f.toString(), "--allocators", "fifo", "--out", dir.resolve("q").toString(), "--quiet");
    assertFalse(q.err.contains("runs done"), q.err);
    Cli pipe = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo", "--out", dir.resolve("p").toString());
    assertFalse(pipe.err.contains("runs done"), pipe.err);
  }

  @Test
  void sweep_comparesTheGridsCombinations_asCompareDoes() throws Exception {
    write("good.yaml", GOOD);
    Path sweep = write("grid.yaml", """
        scenario: good.yaml
        seeds: 2
        grid:
          allocator.policy: [hierarchical-drf, fifo]
          frameworks[0].scheduler.refuseSeconds: [0, 5]
        """);
    Cli r = Cli.run(services(), "sweep", sweep.toString(), "--out", dir.resolve("sw").toString(), "--metric",
        "jain_mean");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    Services.Comparison c = comparisons.get(0);
    assertEquals("config", c.groupColumn());
    assertEquals(8, c.runs().size());
    assertEquals("allocator.policy=hierarchical-drf, frameworks[0].scheduler.refuseSeconds=0", c.labels().get(0));
    assertEquals(c.labels().get(0), c.labels().get(1), "seeds of one combination share a label");
    assertEquals("allocator.policy=fifo, frameworks[0].scheduler.refuseSeconds=5", c.labels().get(7));
    assertEquals(java.util.Map.of("allocator.policy", "fifo", "frameworks[0].scheduler.refuseSeconds", "5"),
        c.dimensions().get(c.labels().get(7)));
    assertEquals(4, c.dimensions().size());
    assertEquals(dir.resolve("sw").resolve("runs").resolve("0008"), c.runs().get(7).outDir());
    assertEquals(List.of("jain_mean"), c.metrics());
    assertTrue(r.out.contains("\nstats of 8 runs\nresults: " + dir.resolve("sw")), r.out);
  }

  @Test
  void validate_acceptsSweepFiles_andReportsTheirProblems() throws Exception {
    write("good.yaml", GOOD);
    Path sweep = write("grid.yaml", "scenario: good.yaml\nseeds: 2\ngrid: {allocator.policy: [fifo, hierarchical-drf]}\n");
    Cli ok = Cli.run(services(), "validate", sweep.toString());
    assertEquals(ExitCodes.OK, ok.code, ok.toString());
    assertEquals("ok: " + sweep + " (sweep grid: 4 runs of good.yaml, 1 grid key)", ok.out.strip());
    Path bad = write("bad-grid.yaml", "scenario: good.yaml\ngrid: {allocator.policy: [fifo, drf]}\n");
    Cli b = Cli.run(services(), "validate", bad.toString(), sweep.toString());
    assertEquals(ExitCodes.BAD_INPUT, b.code, b.toString());
    assertTrue(b.err.startsWith(bad + ":2:"), b.err);
    assertTrue(b.err.contains("grid.allocator.policy"), b.err);
    assertTrue(b.err.strip().endsWith("1 of 2 files invalid"), b.err);
    assertEquals(0, runner.seen.size(), "validate runs nothing");
  }

  @Test
  void sweep_writesOneRowPerRun_andResumesSkippingFinishedRuns() throws Exception {
    write("good.yaml", GOOD);
    Path sweep = write("grid.yaml", """
        scenario: good.yaml
        seeds: 2
        grid:
          allocator.policy: [hierarchical-drf, fifo]
          frameworks[0].scheduler.refuseSeconds: [0, 5]
        parallel: 1
        """);
    Path out = dir.resolve("s");
    runner.failOnCall = 5;
    Cli first = Cli.run(services(), "sweep", sweep.toString(), "--out", out.toString());
    assertEquals(ExitCodes.ERROR, first.code, first.toString());
    List<String> lines = List.of(first.err.strip().split("\n"));
    assertEquals(1, lines.stream().filter(l -> l.contains(" failed: ")).count(), first.err); // named once
    assertEquals("error: 1 of 8 runs failed; run the sweep again to resume (--debug shows the stack trace)",
        lines.get(lines.size() - 1), first.err);
    assertEquals(8, runner.seen.size(), "the pool keeps going after one failure");
    FakeRunner second = new FakeRunner();
    Cli again = Cli.run(services().withRunner(second), "sweep", sweep.toString(), "--out", out.toString());
    assertEquals(ExitCodes.OK, again.code, again.toString());
    assertEquals(1, second.seen.size(), "only the failed run is redone");
    assertTrue(again.err.contains("resuming; 7 of 8 runs already finished"), again.err);
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    assertEquals("run,seed,allocator.policy,frameworks[0].scheduler.refuseSeconds,digest,events,simulated_s,wall_s,"
        + "invariant_violations,jain_mean,jobs_finished", csv.get(0));
    assertTrue(csv.get(1).endsWith(",1.0,3"), csv.get(1));
    assertEquals(9, csv.size());
    assertTrue(csv.get(1).startsWith("0001,1,hierarchical-drf,0,"), csv.get(1));
    assertTrue(csv.get(8).startsWith("0008,2,fifo,5,"), csv.get(8));
    assertEquals(0, second.seen.get(0).scenario().frameworks().get(0).scheduler().refuseMicros());
    assertEquals("fifo", second.seen.get(0).scenario().allocator().policy());
    assertEquals(1, second.seen.get(0).scenario().seed());
    FakeRunner third = new FakeRunner();
    Cli done = Cli.run(services().withRunner(third), "sweep", sweep.toString(), "--out", out.toString());
    assertEquals(ExitCodes.OK, done.code);
    assertEquals(0, third.seen.size());
  }

  @Test
  void sweep_afterTheScenarioChanged_finishedRunsAreStaleAndRunAgain() throws Exception {
    write("good.yaml", GOOD);
    Path sweep = write("grid.yaml", "scenario: good.yaml\nseeds: 2\ngrid: {allocator.policy: [fifo]}\n");
    Path out = dir.resolve("s");
    assertEquals(ExitCodes.OK, Cli.run(services(), "sweep", sweep.toString(), "--out", out.toString()).code);
    assertEquals(2, runner.seen.size());
    FakeRunner same = new FakeRunner();
    assertEquals(ExitCodes.OK, Cli.run(services().withRunner(same), "sweep", sweep.toString(), "--out",
        out.toString()).code);
    assertEquals(0, same.seen.size(), "nothing changed: nothing runs");
    write("good.yaml", GOOD.replace("jobs: 3", "jobs: 4"));
    FakeRunner edited = new FakeRunner();
    Cli r = Cli.run(services().withRunner(edited), "sweep", sweep.toString(), "--out", out.toString());
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertEquals(2, edited.seen.size(), "the scenario changed: both runs are stale");
  }

  @Test
  void sweep_aCorruptRowJson_meansThatRunIsNotFinished_itRunsAgainAndOverwritesIt() throws Exception {
    write("good.yaml", GOOD);
    Path sweep = write("grid.yaml", "scenario: good.yaml\nseeds: 2\ngrid: {allocator.policy: [fifo, hierarchical-drf]}\n"
        + "parallel: 1\n");
    Path out = dir.resolve("s");
    assertEquals(ExitCodes.OK, Cli.run(services(), "sweep", sweep.toString(), "--out", out.toString()).code);
    List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
    Path truncated = out.resolve("runs").resolve("0002").resolve("row.json");
    Path notARow = out.resolve("runs").resolve("0003").resolve("row.json");
    Files.writeString(truncated, "{\"key\":\"bro");
    Files.writeString(notARow, "[]");
    FakeRunner again = new FakeRunner();
    Cli r = Cli.run(services().withRunner(again), "sweep", sweep.toString(), "--out", out.toString());
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertEquals(List.of(2L, 1L), again.seen.stream().map(q -> q.scenario().seed()).toList());
    assertEquals(List.of("fifo", "hierarchical-drf"), again.seen.stream()
        .map(q -> q.scenario().allocator().policy()).toList());
    List<String> lines = List.of(r.err.strip().split("\n"));
    assertEquals(3, lines.size(), r.err);
    assertTrue(lines.get(0).startsWith("sweep: " + truncated + ": unreadable (Unexpected end-of-input"), lines.get(0));
    assertTrue(lines.get(0).endsWith("); running it again"), lines.get(0));
    assertEquals("sweep: " + notARow + ": not a row (expected a JSON object); running it again", lines.get(1));
    assertEquals("sweep: resuming; 2 of 4 runs already finished", lines.get(2));
    assertEquals(csv, Files.readAllLines(out.resolve("sweep.csv")), "the same rows as before the damage");
    assertTrue(Files.readString(truncated).startsWith("{\"key\":"), "overwritten");
    FakeRunner done = new FakeRunner();
    Cli d = Cli.run(services().withRunner(done), "sweep", sweep.toString(), "--out", out.toString());
    assertEquals(0, done.seen.size(), d.toString());
  }

  @Test
  void sweep_badFile_exit2WithLocation() throws Exception {
    Path sweep = write("grid.yaml", "scenario: nope.yaml\ngird: {seed: [1]}\n");
    Cli r = Cli.run(services(), "sweep", sweep.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertTrue(r.err.startsWith(sweep + ":2:1: gird: unknown key (did you mean 'grid'?)"), r.err);
    // the missing scenario is reported with the rest, at its line in the sweep file
    assertTrue(r.err.contains(sweep + ":1:11: scenario: no such file: " + dir.resolve("nope.yaml").toAbsolutePath()
        .normalize() + " (relative to the sweep file)"), r.err);
  }

  @Test
  void sweep_repeatedSeedsOrValuesOrTooManyRuns_exit2BeforeAnyRun() throws Exception {
    // repeated seeds or grid values ran twice; seeds: 100000000 filled the heap with run plans
    write("good.yaml", GOOD);
    Path twice = write("twice.yaml", """
        scenario: good.yaml
        seeds: [1, 7, 1]
        grid: {allocator.policy: [fifo, hierarchical-drf, fifo]}
        """);
    Cli r = Cli.run(services(), "sweep", twice.toString(), "--out", dir.resolve("t").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(twice + ":3:51: grid.allocator.policy: value fifo is listed twice\n" + twice + ":2:15: seeds: seed 1 is"
        + " listed twice", r.err.strip());
    Path many = write("many.yaml", """
        scenario: good.yaml
        seeds: 100000000
        grid: {allocator.policy: [fifo, hierarchical-drf]}
        """);
    Cli m = Cli.run(services(), "sweep", many.toString(), "--out", dir.resolve("m").toString());
    assertEquals(ExitCodes.BAD_INPUT, m.code, m.toString());
    assertEquals(many + ":2:8: seeds: the sweep would make 200000000 runs (grid combinations x seeds); at most 100,000",
        m.err.strip());
    assertTrue(runner.seen.isEmpty(), "nothing ran");
  }

  @Test
  void compare_tooManyRuns_exit2BeforeAnyRun() throws Exception {
    Path f = write("good.yaml", GOOD);
    Cli r = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo,hierarchical-drf", "--seeds", "60000",
        "--out", dir.resolve("c").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals("--seeds: 60000 seeds x 2 policies would make 120000 runs; at most 100,000", r.err.strip());
    assertTrue(runner.seen.isEmpty(), "nothing ran");
  }

  @Test
  void sweep_missingOrNonUtf8File_exit2SayingWhy() throws Exception {
    // they read "x.yaml: cannot read: x.yaml" and "cannot read: Input length = 1"
    Path none = dir.resolve("none.yaml");
    Cli r = Cli.run(services(), "sweep", none.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(none + ": no such file", r.err.strip());
    Path latin = dir.resolve("latin.yaml");
    Files.write(latin, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xff, '\n'});
    Cli l = Cli.run(services(), "sweep", latin.toString());
    assertEquals(ExitCodes.BAD_INPUT, l.code, l.toString());
    assertEquals(latin + ": is not UTF-8 text (a sweep file is a YAML text file)", l.err.strip());
  }

  @Test
  void sweep_gridKeySeedOrOverlappingGridKeys_exit2BeforeAnyRun() throws Exception {
    write("good.yaml", GOOD);
    // the rows would claim seeds and values that did not run: the sweep's seeds override grid.seed,
    // and allocator: [{policy: ...}] overrides allocator.policy
    Path sweep = write("grid.yaml", """
        scenario: good.yaml
        grid: {allocator.policy: fifo, seed: [1, 2]}
        """);
    Cli r = Cli.run(services(), "sweep", sweep.toString(), "--out", dir.resolve("s").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(sweep + ":2:32: grid.seed: the sweep sets each run's seed; use seeds: (a count or a list) instead",
        r.err.strip());
    Path overlap = write("overlap.yaml", """
        scenario: good.yaml
        grid:
          allocator.policy: [fifo]
          frameworks[0].role: [a, b]
          frameworks[1].role: [c]
          allocator.policyX: [1]
          allocator: [{policy: hierarchical-drf}]
          frameworks[0]: [{name: B}]
        """);
    Cli o = Cli.run(services(), "sweep", overlap.toString(), "--out", dir.resolve("o").toString());
    assertEquals(ExitCodes.BAD_INPUT, o.code, o.toString());
    assertEquals(List.of(
        overlap + ":7:3: grid.allocator: overlaps grid key allocator.policy (one is part of the other); keep one of"
            + " them",
        overlap + ":8:3: grid.frameworks[0]: overlaps grid key frameworks[0].role (one is part of the other); keep"
            + " one of them"), List.of(o.err.strip().split("\n")));
    assertEquals(0, runner.seen.size());
    assertFalse(Files.exists(dir.resolve("s")));
    assertTrue(org.mesosim.cli.scenario.YamlTree.pathsOverlap("frameworks", "frameworks[0]"));
    assertFalse(org.mesosim.cli.scenario.YamlTree.pathsOverlap("frameworks[0].role", "frameworks[1].role"));
    assertFalse(org.mesosim.cli.scenario.YamlTree.pathsOverlap("allocator.policy", "allocator.policyX"));
  }

  @Test
  void compare_policyListedTwiceOrParallelZero_exit2BeforeAnyRun() throws Exception {
    Path f = write("good.yaml", GOOD);
    Cli twice = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo,hierarchical-drf,fifo",
        "--out", dir.resolve("c").toString());
    assertEquals(ExitCodes.BAD_INPUT, twice.code, twice.toString());
    assertEquals("--allocators: fifo is listed twice", twice.err.strip());
    Cli zero = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo", "--parallel", "0",
        "--out", dir.resolve("c").toString());
    assertEquals(ExitCodes.BAD_INPUT, zero.code, zero.toString());
    assertEquals("--parallel: must be >= 1, not 0", zero.err.strip());
    assertEquals(0, runner.seen.size());
  }

  @Test
  void compare_policyNamesAreTrimmed_anEmptyListOrName_exit2BeforeAnyRun() throws Exception {
    Path f = write("good.yaml", GOOD);
    // one run at a time: the order the runner sees them in is then the order given
    Cli spaced = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo, hierarchical-drf",
        "--parallel", "1", "--out", dir.resolve("c").toString());
    assertEquals(ExitCodes.OK, spaced.code, spaced.toString());
    assertEquals(List.of("fifo", "hierarchical-drf"), runner.seen.stream()
        .map(q -> q.scenario().allocator().policy()).toList());
    assertEquals(dir.resolve("c").resolve("hierarchical-drf-seed1"), runner.seen.get(1).outDir());
    runner.seen.clear();
    for (String empty : new String[] {",", "", " ", " , "}) {
      Cli r = Cli.run(services(), "compare", f.toString(), "--allocators", empty, "--out", dir.resolve("e").toString());
      assertEquals(ExitCodes.BAD_INPUT, r.code, "'" + empty + "'\n" + r);
      assertEquals("--allocators: no policy given; expected comma-separated policies, known: fifo, hierarchical-drf",
          r.err.strip(), "'" + empty + "'");
    }
    Cli gap = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo,,hierarchical-drf",
        "--out", dir.resolve("e").toString());
    assertEquals(ExitCodes.BAD_INPUT, gap.code, gap.toString());
    assertEquals("--allocators: an empty policy name in 'fifo,,hierarchical-drf'; expected comma-separated policies,"
        + " known: fifo, hierarchical-drf", gap.err.strip());
    Cli twice = Cli.run(services(), "compare", f.toString(), "--allocators", "fifo, fifo",
        "--out", dir.resolve("e").toString());
    assertEquals("--allocators: fifo is listed twice", twice.err.strip());
    assertEquals(0, runner.seen.size());
    assertFalse(Files.exists(dir.resolve("e")));
  }

  @Test
  void compare_aRunFails_theErrorNamesThatRun() throws Exception {
    Path f = write("good.yaml", GOOD);
    runner.failOnCall = 2;
    Cli r = Cli.run(services(), "compare", f.toString(), "--allocators", "hierarchical-drf,fifo", "--parallel", "1",
        "--out", dir.resolve("c").toString());
    assertEquals(ExitCodes.ERROR, r.code, r.toString());
    assertEquals(List.of("run fifo seed 1 (" + dir.resolve("c").resolve("fifo-seed1") + ") failed: interrupted",
        "error: 1 of 2 runs failed (--debug shows the stack trace)"), List.of(r.err.strip().split("\n")));
  }

  @Test
  void compare_aRunFails_aPreviousComparisonInTheFolderIsRemoved() throws Exception {
    Path f = write("good.yaml", GOOD);
    Path c = dir.resolve("c");
    Files.createDirectories(c.resolve("charts"));
    List<String> previous = List.of("comparison.csv", "comparison.json", "comparison.html", "charts/completion.png",
        "charts/shares-fifo.svg", "charts/shares-an-earlier-policy.png");
    for (String p : previous) {
      Files.writeString(c.resolve(p), "from an earlier compare");
    }
    Files.writeString(c.resolve("charts/notes.txt"), "the user's");
    runner.failOnCall = 2;
    Cli r = Cli.run(services(), "compare", f.toString(), "--allocators", "hierarchical-drf,fifo", "--parallel", "1",
        "--out", c.toString());
    assertEquals(ExitCodes.ERROR, r.code, r.toString());
    // no comparison is written when a run fails, and an earlier one must not pass for this one
    for (String p : previous) {
      assertFalse(Files.exists(c.resolve(p)), p);
    }
    assertTrue(Files.exists(c.resolve("charts/notes.txt")), "files a comparison does not write are kept");
  }

  @Test
  void compare_severalRunsFail_everyOneIsNamedInPolicyThenSeedOrder_thenACount() throws Exception {
    Path f = write("good.yaml", GOOD);
    // a trace with a malformed row fails every run; finishing order (parallel) must not matter
    FakeRunner malformed = new FakeRunner() {
      @Override
      public org.mesosim.cli.RunResult run(RunRequest req, java.io.PrintWriter p) throws Exception {
        seen.add(req);
        throw new org.mesosim.engine.BadInputException("t.csv:3: malformed row");
      }
    };
    Cli r = Cli.run(services().withRunner(malformed), "compare", f.toString(), "--allocators",
        "hierarchical-drf,fifo", "--seeds", "2", "--parallel", "2", "--out", dir.resolve("c").toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(4, malformed.seen.size());
    Path c = dir.resolve("c");
    assertEquals(List.of(
        "run hierarchical-drf seed 1 (" + c.resolve("hierarchical-drf-seed1") + ") failed: t.csv:3: malformed row",
        "run hierarchical-drf seed 2 (" + c.resolve("hierarchical-drf-seed2") + ") failed: t.csv:3: malformed row",
        "run fifo seed 1 (" + c.resolve("fifo-seed1") + ") failed: t.csv:3: malformed row",
        "run fifo seed 2 (" + c.resolve("fifo-seed2") + ") failed: t.csv:3: malformed row",
        "4 of 4 runs failed"), List.of(r.err.strip().split("\n")));
    // the first failed run (in that order) decides the exit code, as when only it was reported
    FakeRunner mixed = new FakeRunner() {
      @Override
      public org.mesosim.cli.RunResult run(RunRequest req, java.io.PrintWriter p) throws Exception {
        if (req.scenario().allocator().policy().equals("fifo")) {
          seen.add(req);
          throw new org.mesosim.engine.BadInputException("t.csv:3: malformed row");
        }
        if (req.scenario().seed() == 2) {
          seen.add(req);
          throw new IllegalStateException("interrupted");
        }
        return super.run(req, p);
      }
    };
    Cli m = Cli.run(services().withRunner(mixed), "compare", f.toString(), "--allocators",
        "hierarchical-drf,fifo", "--seeds", "2", "--parallel", "2", "--out", dir.resolve("m").toString());
    assertEquals(ExitCodes.ERROR, m.code, m.toString());
    assertEquals(List.of(
        "run hierarchical-drf seed 2 (" + dir.resolve("m").resolve("hierarchical-drf-seed2") + ") failed: interrupted",
        "run fifo seed 1 (" + dir.resolve("m").resolve("fifo-seed1") + ") failed: t.csv:3: malformed row",
        "run fifo seed 2 (" + dir.resolve("m").resolve("fifo-seed2") + ") failed: t.csv:3: malformed row",
        "error: 3 of 4 runs failed (--debug shows the stack trace)"), List.of(m.err.strip().split("\n")));
  }

  @Test
  void sweep_everyProblemOfTheFileAndItsGrid_reportedTogether() throws Exception {
    write("good.yaml", GOOD);
    Path sweep = write("grid.yaml", """
        name: ../up
        scenario: good.yaml
        seeds: 0
        parallel: 0
        gird: {}
        """);
    Cli r = Cli.run(services(), "sweep", sweep.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code, r.toString());
    assertEquals(List.of(
        sweep + ":5:1: gird: unknown key (did you mean 'grid'?); allowed: name, scenario, seeds, grid, parallel",
        sweep + ":3:8: seeds: expected a count >= 1 or a list of seeds",
        sweep + ":1:7: name: must match [a-z0-9-]+ (it names the output folder), not '../up'",
        sweep + ":4:11: parallel: must be a whole number >= 1"), List.of(r.err.strip().split("\n")));
    Path grid = write("grid2.yaml", """
        scenario: good.yaml
        grid:
          frameworks[0].scheduler.refuseSeconds: [1, -5]
          allocator.policy: [fifo, fiffo]
        """);
    Cli g = Cli.run(services(), "sweep", grid.toString(), "--out", dir.resolve("g").toString());
    assertEquals(ExitCodes.BAD_INPUT, g.code, g.toString());
    List<String> lines = List.of(g.err.strip().split("\n"));
    assertEquals(2, lines.size(), g.err);
    assertTrue(lines.get(0).startsWith(grid + ":4:28: grid.allocator.policy=fiffo: allocator.policy: unknown allocator"
        + " policy 'fiffo'"), lines.get(0));
    assertEquals(grid + ":3:46: grid.frameworks[0].scheduler.refuseSeconds=-5: frameworks[0].scheduler.refuseSeconds:"
        + " '-5': a duration must not be negative", lines.get(1));
    Path paths = write("grid3.yaml", """
        scenario: good.yaml
        grid: {"a..b": [1], "frameworks[5].name": [x]}
        """);
    Cli p = Cli.run(services(), "sweep", paths.toString(), "--out", dir.resolve("p").toString());
    assertEquals(ExitCodes.BAD_INPUT, p.code, p.toString());
    assertEquals(List.of(paths + ":2:17: grid.a..b=1: 'a..b' has an empty key (at character 3)",
        paths + ":2:44: grid.frameworks[5].name=x: index 5 is out of range (the list has 1 item)"),
        List.of(p.err.strip().split("\n")));
    Path longName = write("grid4.yaml", "name: " + "a".repeat(201) + "\nscenario: good.yaml\n");
    Cli n = Cli.run(services(), "sweep", longName.toString());
    assertEquals(ExitCodes.BAD_INPUT, n.code, n.toString());
    assertEquals(longName + ":1:7: name: is 201 characters long; it names the output folder, so at most 200",
        n.err.strip());
    Cli zero = Cli.run(services(), "sweep", grid.toString(), "--parallel", "0");
    assertEquals(ExitCodes.BAD_INPUT, zero.code, zero.toString());
    assertTrue(zero.err.startsWith("--parallel: must be >= 1, not 0"), zero.err);
    assertEquals(0, runner.seen.size());
  }

  @Test
  void examples_validateThroughTheCli() throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("validate"));
    for (Path p : Examples.all()) {
      args.add(p.toString());
    }
    Cli r = Cli.run(services(), args.toArray(new String[0]));
    assertEquals(ExitCodes.OK, r.code, r.toString());
  }
}
