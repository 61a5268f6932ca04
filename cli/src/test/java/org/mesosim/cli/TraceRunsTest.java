package org.mesosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.allocators.AllocatorRegistry;
import org.mesosim.cli.scenario.Examples;
import org.mesosim.cli.scenario.ModelMapper;
import org.mesosim.cli.scenario.OpenedWorkloads;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioCatalog;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.cli.scenario.StandardCatalog;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.FrameworkConfig;
import org.mesosim.model.config.ModelConfig;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.TraceSpec;
import org.mesosim.workloads.Workloads;

/**
 * Trace workloads as runs see them: one reader per run for a {@code splitBy} entry,
 * {@code trace.loadScale}, and the stop at a task larger than every agent. On a small native-CSV
 * trace written to a temporary folder.
 */
class TraceRunsTest {
  static final int JOBS = 30;

  @TempDir Path dir;

  /**
   * {@code JOBS} jobs, one every 10 s, users u1, u2, u3 in turn, 1-3 tasks of ⟨1 cpu, 512 MB⟩ for
   * 30 s; job {@code oversized} (if > 0) has a second task of 64 cpus.
   */
  Path trace(int oversized) throws Exception {
    StringBuilder sb = new StringBuilder("job,submit_us,task,group,cpus,mem,disk,gpus,duration_us,outcome,depends,user\n");
    for (int j = 1; j <= JOBS; j++) {
      int tasks = 1 + j % 3;
      for (int t = 0; t < tasks; t++) {
        double cpus = j == oversized && t == 1 ? 64 : 1;
        sb.append("j").append(j).append(',').append(j * 10_000_000L).append(',').append(t).append(",,")
            .append(cpus == 64 ? "64" : "1").append(",512,,,30000000,FINISHED,,u").append(1 + j % 3).append('\n');
      }
    }
    Path f = dir.resolve("jobs.csv");
    Files.writeString(f, sb);
    return f;
  }

  Path scenario(String extraTraceKeys) throws Exception {
    Path f = dir.resolve("split.yaml");
    Files.writeString(f, """
        name: csv-split
        cluster:
          agents:
            - {name: small, count: 2, resources: {cpus: 8, mem: 16GB}}
        frameworks:
          - name: A
            role: "{value}"
            splitBy: user
            workload:
              trace: {format: csv, path: jobs.csv%s}
        report: {charts: []}
        """.formatted(extraTraceKeys));
    return f;
  }

  static String[] cli(Services services, String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.commandLine(services, new PrintWriter(o, true), new PrintWriter(e, true)).execute(args);
    return new String[] {Integer.toString(code), o.toString(), e.toString()};
  }

  static String lastLine(String s) {
    String[] l = s.strip().split("\n");
    return l[l.length - 1];
  }

  /** Every job id of a workload, draining it. */
  static List<String> ids(Workload w) {
    List<String> out = new ArrayList<>();
    JobSpec j;
    while ((j = w.next()) != null) {
      out.add(j.id());
    }
    return out;
  }

  @Test
  void splitBy_oneTracePassPerRun_sameJobsAsOnePassPerValue() throws Exception {
    trace(0);
    int[] opens = {0};
    StandardCatalog counting = new StandardCatalog(AllocatorRegistry.standard(), spec -> {
      opens[0]++;
      return Workloads.trace(spec);
    });
    Scenario s = new ScenarioLoader(counting).load(scenario(""));
    assertEquals(List.of("A-u1", "A-u2", "A-u3"), s.expanded().stream().map(Scenario.Expanded::name).toList());
    TraceSpec spec = StandardCatalog.traceSpec((Scenario.Trace) s.frameworks().get(0).workload());
    for (int run = 1; run <= 2; run++) {
      try (OpenedWorkloads opened = new OpenedWorkloads()) {
        ModelConfig cfg = ModelMapper.toModel(s, counting, false, opened);
        assertEquals(run - 1, opens[0], "nothing is read before the run starts its frameworks");
        RandomStreams streams = new RandomStreams(1);
        Map<String, List<String>> seen = new TreeMap<>();
        List<Workload> open = new ArrayList<>();
        for (FrameworkConfig f : cfg.frameworks()) {
          open.add(f.workload().open(streams));
        }
        for (int i = 0; i < open.size(); i++) {
          seen.put(cfg.frameworks().get(i).name(), ids(open.get(i)));
        }
        assertEquals(run, opens[0], "one pass over the trace for the three frameworks of run " + run);
        assertEquals(3, opened.size());
        for (String v : List.of("u1", "u2", "u3")) {
          List<String> alone = ids(Workloads.traceSplit(spec, "user", v));
          assertEquals(JOBS / 3, alone.size());
          assertEquals(alone, seen.get("A-" + v), v);
        }
      }
    }
  }

  /** The catalog as it was: every framework of a splitBy entry reads the trace on its own. */
  static ScenarioCatalog perFrameworkReaders(StandardCatalog c) {
    return new ScenarioCatalog() {
      @Override
      public List<String> allocatorNames() {
        return c.allocatorNames();
      }

      @Override
      public Optional<AllocatorPolicy> policy(String name) {
        return c.policy(name);
      }

      @Override
      public AllocatorRegistry.Resolved resolveOptions(AllocatorPolicy policy, Map<String, Object> raw) {
        return c.resolveOptions(policy, raw);
      }

      @Override
      public List<String> traceFormats() {
        return c.traceFormats();
      }

      @Override
      public List<String> traceFields(String format) {
        return c.traceFields(format);
      }

      @Override
      public List<String> traceUnitKeys(String format) {
        return c.traceUnitKeys(format);
      }

      @Override
      public List<AgentGroup> googleCell(double scale) {
        return c.googleCell(scale);
      }

      @Override
      public List<String> distinctValues(Scenario.Trace trace, String field) {
        return c.distinctValues(trace, field);
      }

      @Override
      public FrameworkConfig.WorkloadFactory workload(Scenario.Workload w, String name, String field, String value) {
        return c.workload(w, name, field, value); // Workloads.traceSplit: one pass per framework
      }
    };
  }

  String digest(ScenarioCatalog catalog, Path scenarioFile) throws Exception {
    Scenario s = new ScenarioLoader(catalog).load(scenarioFile);
    return new SimulationRunner(catalog).run(new RunRequest(s, List.of(), null, false, false, false), null).digest();
  }

  /**
   * {@code splitBy} on the google-like preset: one framework per band (or kind), fed by one generator on
   * the entry's streams, so together they get exactly the preset's jobs; the run is deterministic.
   */
  @Test
  void splitBy_googleLikePreset_oneFrameworkPerBand_togetherThePresetsJobs() throws Exception {
    Path f = dir.resolve("preset.yaml");
    Files.writeString(f, """
        name: preset-split
        seed: 3
        until: 20m
        cluster:
          agents:
            - {preset: google-2011, scale: 0.002}
        frameworks:
          - name: g
            role: "{value}"
            splitBy: band
            workload:
              synthetic: {preset: google-like, scale: 0.002}
        report: {charts: []}
        """);
    StandardCatalog standard = new StandardCatalog();
    Scenario s = new ScenarioLoader(standard).load(f);
    assertEquals(List.of("g-batch", "g-free", "g-production"), s.expanded().stream().map(Scenario.Expanded::name).toList());
    assertEquals(List.of("batch", "free", "production"), s.expanded().stream().map(Scenario.Expanded::role).toList());
    long until = 20 * org.mesosim.engine.SimTime.MINUTE;
    try (OpenedWorkloads opened = new OpenedWorkloads()) {
      ModelConfig cfg = ModelMapper.toModel(s, standard, false, opened);
      RandomStreams streams = new RandomStreams(3);
      Map<String, List<String>> byBand = new TreeMap<>();
      for (FrameworkConfig fc : cfg.frameworks()) {
        Workload w = fc.workload().open(streams);
        List<String> ids = new ArrayList<>();
        JobSpec j;
        while ((j = w.next()) != null && j.submitTime() <= until) {
          assertEquals(fc.name(), "g-" + j.fields().get("band"));
          ids.add(j.id());
        }
        byBand.put(fc.name(), ids);
      }
      Workload whole = Workloads.googleLike(0.002, new RandomStreams(3), "g");
      JobSpec j;
      while ((j = whole.next()).submitTime() <= until) {
        String band = "g-" + j.fields().get("band");
        assertEquals(j.id(), byBand.get(band).remove(0), "the preset's jobs in order, each to its band");
      }
      byBand.values().forEach(rest -> assertTrue(rest.isEmpty(), rest.toString()));
    }
    assertEquals(digest(standard, f), digest(standard, f));
    Path k = dir.resolve("kinds.yaml");
    Files.writeString(k, Files.readString(f).replace("splitBy: band", "splitBy: kind"));
    assertEquals(List.of("g-batch", "g-service"),
        new ScenarioLoader(standard).load(k).expanded().stream().map(Scenario.Expanded::name).toList());
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(f).replace("splitBy: band", "splitBy: bnad"));
    org.mesosim.engine.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.mesosim.engine.BadInputException.class, () -> new ScenarioLoader(standard).load(bad));
    assertTrue(e.getMessage().contains("frameworks[0].splitBy: unknown field 'bnad' of preset google-like (did you mean"
        + " 'band'?); fields: band, kind"), e.getMessage());
  }

  /** {@code trace.index} and {@code trace.unended}: a run of one part whose tasks end in the next. */
  @Test
  void traceIndexAndUnended_scenarioKeys() throws Exception {
    Files.writeString(dir.resolve("part-0.csv"), "0,,1,0,m,1,u,0,9,0.1,0.1,0,0\n0,,1,1,m,1,u,0,9,0.1,0.1,0,0\n");
    Files.writeString(dir.resolve("part-1.csv"), "300000000,,1,0,m,4,u,0,9,0.1,0.1,0,0\n");
    org.mesosim.workloads.trace.google2011.TaskEndIndex.build(
        List.of(dir.resolve("part-0.csv"), dir.resolve("part-1.csv")), dir.resolve("g.idx"));
    Path f = dir.resolve("indexed.yaml");
    String yaml = """
        name: indexed
        until: drained
        cluster:
          agents:
            - {name: a, count: 1, resources: {cpus: 32, mem: 64GB}}
        frameworks:
          - name: g
            workload:
              trace: {format: google-2011, path: part-0.csv, index: g.idx, unended: drop}
        report: {charts: []}
        """;
    Files.writeString(f, yaml);
    StandardCatalog standard = new StandardCatalog();
    Scenario s = new ScenarioLoader(standard).load(f); // drained is allowed: no task runs forever
    Scenario.Trace t = (Scenario.Trace) s.frameworks().get(0).workload();
    assertEquals(dir.resolve("g.idx"), t.index());
    assertTrue(t.dropUnended());
    try (Workload w = Workloads.trace(StandardCatalog.traceSpec(t))) {
      JobSpec j = w.next();
      assertEquals(1, j.tasks().size());
      assertEquals(300 * org.mesosim.engine.SimTime.SECOND, j.tasks().get(0).duration());
    }
    Files.writeString(f, yaml.replace("unended: drop", "unended: keep").replace("index: g.idx", "index: none.idx"));
    org.mesosim.engine.BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        org.mesosim.engine.BadInputException.class, () -> new ScenarioLoader(standard).load(f));
    assertTrue(e.getMessage().contains("frameworks[0].workload.trace.index: no such file: " + dir.resolve("none.idx")),
        e.getMessage());
    assertTrue(e.getMessage().contains("frameworks[0].workload.trace.unended: must be run or drop, not 'keep'"),
        e.getMessage());
    Files.writeString(f, yaml.replace("format: google-2011", "format: swf"));
    e = org.junit.jupiter.api.Assertions.assertThrows(
        org.mesosim.engine.BadInputException.class, () -> new ScenarioLoader(standard).load(f));
    assertTrue(e.getMessage().contains("trace.index: applies to format google-2011 only"), e.getMessage());
  }

  @Test
  void splitBy_sharedReader_sameDigestAsOneReaderPerFramework() throws Exception {
    trace(0);
    StandardCatalog standard = new StandardCatalog();
    Path f = scenario("");
    assertEquals(digest(perFrameworkReaders(standard), f), digest(standard, f));
  }

  @Test
  void swfReplay_sharedReader_sameDigestAsOneReaderPerFramework() throws Exception {
    Path f = Examples.scenario("swf-replay");
    StandardCatalog standard = new StandardCatalog();
    String shared = digest(standard, f);
    // 9 frameworks (one per queue) from one reader; ea126923590a06c355f04124522dde5c when written
    assertEquals(digest(perFrameworkReaders(standard), f), shared);
  }

  @Test
  void splitBy_parallelCompare_sameDigestsAsRunsOneByOne() throws Exception {
    trace(0);
    Path f = scenario(", loadScale: 0.7");
    Services std = Services.standard();
    String[] par = cli(std, "compare", f.toString(), "--allocators", "hierarchical-drf,fifo", "--seeds", "2",
        "--parallel", "4", "--out", dir.resolve("p").toString());
    assertEquals("0", par[0], par[2]);
    List<String> digests = par[1].lines().skip(1).takeWhile(l -> !l.isBlank())
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).toList();
    assertEquals(4, digests.size(), par[1]);
    List<String> alone = new ArrayList<>();
    for (String a : List.of("hierarchical-drf", "fifo")) {
      for (String seed : List.of("1", "2")) {
        String[] r = cli(std, "run", f.toString(), "--seed", seed, "--set", "allocator.policy=" + a, "--out",
            dir.resolve(a + seed).toString(), "--quiet");
        assertEquals("0", r[0], r[2]);
        alone.add(lastLine(r[1]).substring("digest: ".length()));
      }
    }
    assertEquals(alone, digests);
    assertNotEquals(digests.get(0), digests.get(1), "the seed changes the thinning");
  }

  JsonNode summary(Path out) throws Exception {
    return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
  }

  static long submitted(JsonNode summary) {
    long n = 0;
    for (JsonNode f : summary.get("frameworks")) {
      n += f.at("/jobs/submitted").asLong();
    }
    return n;
  }

  @Test
  void loadScale_thinsAndReplicatesPerFramework_resolvedFileReproducesTheDigest() throws Exception {
    trace(0);
    Services std = Services.standard();
    Path f = scenario(", loadScale: 0.5");
    String[] half = cli(std, "run", f.toString(), "--out", dir.resolve("half").toString(), "--quiet");
    assertEquals("0", half[0], half[2]);
    long kept = submitted(summary(dir.resolve("half")));
    assertTrue(kept > 5 && kept < JOBS - 5, "about half of " + JOBS + " jobs: " + kept);
    String resolved = Files.readString(dir.resolve("half").resolve("scenario.resolved.yaml"));
    assertTrue(resolved.contains("loadScale: 0.5"), resolved);
    String[] again = cli(std, "run", dir.resolve("half").resolve("scenario.resolved.yaml").toString(), "--out",
        dir.resolve("again").toString(), "--quiet");
    assertEquals("0", again[0], again[2]);
    assertEquals(lastLine(half[1]), lastLine(again[1]), "the resolved file reproduces the digest");

    String[] twice = cli(std, "run", f.toString(), "--out", dir.resolve("twice").toString(), "--quiet", "--set",
        "frameworks[0].workload.trace.loadScale=2");
    assertEquals("0", twice[0], twice[2]);
    for (JsonNode fw : summary(dir.resolve("twice")).get("frameworks")) {
      assertEquals(2 * JOBS / 3, fw.at("/jobs/submitted").asLong(), fw.get("name").asText());
      assertEquals(2 * JOBS / 3, fw.at("/jobs/finished").asLong(), fw.get("name").asText());
    }
    String[] plain = cli(std, "run", scenario("").toString(), "--out", dir.resolve("plain").toString(), "--quiet");
    String[] one = cli(std, "run", f.toString(), "--out", dir.resolve("one").toString(), "--quiet", "--set",
        "frameworks[0].workload.trace.loadScale=1");
    assertEquals(lastLine(plain[1]), lastLine(one[1]), "loadScale 1 is the default");
    assertEquals(JOBS, submitted(summary(dir.resolve("plain"))));
    assertNotEquals(lastLine(plain[1]), lastLine(half[1]));
  }

  @Test
  void oversizedTraceTask_stopsTheRunWithExitCode2_andLeavesNoSummary() throws Exception {
    Path csv = trace(7);
    Path out = dir.resolve("out");
    String[] r = cli(Services.standard(), "run", scenario("").toString(), "--out", out.toString(), "--quiet");
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[1] + r[2]);
    assertEquals(csv + " (frameworks[0].workload.trace): job j7 (framework A-u2, submitted at 70.000000 s): task 1"
        + " asks {cpus:64; mem:512}, larger than every agent (the closest, agents small, have {cpus:8; mem:16384});"
        + " it could never run. Leave it out (trace.filter or trace.window) or add larger agents", r[2].strip());
    assertFalse(r[2].contains("Exception"), r[2]);
    assertFalse(r[1].contains("digest:"), "an aborted run prints no digest: " + r[1]);
    assertFalse(Files.exists(out.resolve("summary.json")), "an aborted run is not presented as complete");
    assertTrue(Files.isRegularFile(out.resolve("jobs.csv.partial")));
    assertFalse(Files.exists(out.resolve("jobs.csv")));
    // the run went on until job 7 arrived at 70 s: jobs 1-3 ended (30 s each), job 4 (40 s to 70.006 s) had not
    assertEquals(List.of("framework,job,submit_s,start_s,end_s,tasks,state",
        "A-u2,j1,10,10.003,40.006,2,finished",
        "A-u3,j2,20,20.003,50.006,3,finished",
        "A-u1,j3,30,30.003,60.006,1,finished"), Files.readAllLines(out.resolve("jobs.csv.partial")));
    List<String> samples = Files.readAllLines(out.resolve("timeseries.csv.partial"));
    assertTrue(samples.get(samples.size() - 1).startsWith("69,"), samples.get(samples.size() - 1));
  }

  @Test
  void oversizedTraceTask_alsoStopsACompare() throws Exception {
    trace(4);
    String[] r = cli(Services.standard(), "compare", scenario("").toString(), "--allocators",
        "hierarchical-drf,fifo", "--out", dir.resolve("cmp").toString());
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[1] + r[2]);
    assertTrue(r[2].contains("job j4 (framework A-u2, submitted at 40.000000 s): task 1 asks {cpus:64; mem:512},"
        + " larger than every agent"), r[2]);
  }
}
