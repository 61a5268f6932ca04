package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.Resources;
import org.mesosim.model.config.SchedulerConfig;

class ScenarioLoaderTest {
  static final String MINIMAL = """
      name: tiny
      cluster:
        agents:
          - {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}
      frameworks:
        - name: A
          workload:
            synthetic:
              jobs: 3
              task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
      """;

  @TempDir Path dir;

  Scenario load(String yaml, String... sets) {
    return new ScenarioLoader(new TestCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of(sets));
  }

  List<String> errors(String yaml, String... sets) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(yaml, sets));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void minimal_getsMesosDefaults() {
    Scenario s = load(MINIMAL);
    assertEquals("tiny", s.name());
    assertEquals(1, s.seed());
    assertEquals(SimTime.NEVER, s.until());
    assertEquals(1, s.cluster().masters());
    assertEquals(3, s.cluster().zookeeper().servers());
    assertEquals(10 * SimTime.SECOND, s.cluster().zookeeper().sessionTimeout());
    assertEquals(15 * SimTime.SECOND, s.cluster().master().agentPingTimeout());
    assertEquals(SimTime.NEVER, s.cluster().master().offerTimeout());
    assertEquals(Resources.of(4, 8192), s.cluster().agents().get(0).resources());
    assertEquals("hierarchical-drf", s.allocator().policy());
    assertEquals(SimTime.SECOND, s.allocator().interval());
    Scenario.Framework a = s.frameworks().get(0);
    assertEquals("*", a.role());
    assertEquals(SchedulerConfig.SchedulerType.BATCH, a.scheduler().type());
    assertEquals(5 * SimTime.SECOND, a.scheduler().refuseMicros());
    assertEquals(4, a.scheduler().maxAttempts());
    Scenario.Synthetic w = (Scenario.Synthetic) a.workload();
    assertEquals(Resources.of(1, 512), w.task());
    assertEquals(0, w.arrivalAt());
    assertEquals(new Distribution.Constant(10_000_000), w.duration().value());
    assertEquals(SimTime.SECOND, s.sampleInterval());
    assertEquals(List.of("utilization", "shares", "fairness", "queue", "completion", "wait", "offers", "heatmap",
        "gantt"), s.charts());
  }

  @Test
  void zeroCpus_reportedWithLineColumnAndPath() {
    List<String> e = errors(MINIMAL.replace("cpus: 1, mem: 512MB", "cpus: 0, mem: 512MB"));
    assertEquals(List.of("s.yaml:10:34: frameworks[0].workload.synthetic.task.resources.cpus: must be > 0, not 0"), e);
  }

  @Test
  void manyErrors_allReportedTogether() {
    String yaml = """
        name: Bad_Name
        until: 5 parsecs
        cluster:
          masterz: 3
          agents:
            - {name: small, count: -1, resources: {cpus: 4, mem: 8GB}}
        frameworks:
          - name: A
            scheduler: {type: batsch}
            workload:
              synthetic:
                arrival: {exponentiall: {mean: 1s}}
                task: {resources: {cpus: 1}, duration: 1s, failureProbability: 1.5}
        """;
    List<String> e = errors(yaml);
    assertEquals(7, e.size(), String.join("\n", e));
    assertTrue(e.get(0).startsWith("s.yaml:1:7: name: must match [a-z0-9-]+"), e.get(0));
    assertTrue(e.get(1).startsWith("s.yaml:2:8: until: '5 parsecs' is not a duration"), e.get(1));
    assertTrue(e.get(2).startsWith("s.yaml:4:3: cluster.masterz: unknown key (did you mean 'masters'?)"), e.get(2));
    assertTrue(e.get(3).startsWith("s.yaml:6:28: cluster.agents[0].count: must be >= 1, not -1"), e.get(3));
    assertTrue(e.get(4).startsWith("s.yaml:9:23: frameworks[0].scheduler.type: unknown scheduler type 'batsch'"
        + " (did you mean 'batch'?)"), e.get(4));
    assertTrue(e.get(5).startsWith("s.yaml:12:19: frameworks[0].workload.synthetic.arrival.exponentiall:"
        + " unknown distribution (did you mean 'exponential'?)"), e.get(5));
    assertTrue(e.get(6).startsWith("s.yaml:13:72: frameworks[0].workload.synthetic.task.failureProbability:"
        + " must be <= 1"), e.get(6));
  }

  @Test
  void agentGroupWithoutName_isReportedNotACrash() {
    // a null entry and one without a name: both reported, and a fault naming agents is not flagged
    // as unknown, as the unnamed group may be the one it means
    List<String> e = errors(MINIMAL.replace("- {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}",
        "- {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}\n    - {count: 2, resources: {cpus: 4}}")
        + "faults:\n  - {at: 1s, crash: agents other}\n", "cluster.agents[2]=~");
    assertEquals(List.of(
        "s.yaml:5:7: cluster.agents[1].name: is required",
        "--set cluster.agents[2]=~: cluster.agents[2].name: is required",
        "--set cluster.agents[2]=~: cluster.agents[2].resources: is required, e.g. {cpus: 4, mem: 8192, disk: 100000}"),
        e);
  }

  @Test
  void networkLossModel_defaultsToLink_messageIsAnOption_andAnUnknownOneIsLocated() {
    assertEquals(org.mesosim.model.config.NetworkConfig.LossModel.LINK, load(MINIMAL).cluster().lossModel());
    Scenario m = load(MINIMAL.replace("cluster:\n", "cluster:\n  network: {loss: 0.1, lossModel: message}\n"));
    assertEquals(org.mesosim.model.config.NetworkConfig.LossModel.MESSAGE, m.cluster().lossModel());
    assertEquals(0.1, m.cluster().loss());
    assertEquals(org.mesosim.model.config.NetworkConfig.LossModel.MESSAGE,
        load(MINIMAL, "cluster.network.lossModel=message").cluster().lossModel());
    assertEquals(List.of("s.yaml:3:35: cluster.network.lossModel: unknown loss model 'links' (did you mean 'link'?);"
            + " known: link, message"),
        errors(MINIMAL.replace("cluster:\n", "cluster:\n  network: {loss: 0.1, lossModel: links}\n")));
    assertEquals(List.of("s.yaml:3:35: cluster.network.lossModel: expected a string, not a list"),
        errors(MINIMAL.replace("cluster:\n", "cluster:\n  network: {loss: 0.1, lossModel: [link]}\n")));
  }

  @Test
  void infinityAndNotANumber_reportedAtTheirKeys_withTheFilesOtherProblems() {
    // YAML's .inf and .nan are numbers Jackson cannot convert: they failed the whole file as a
    // "YAML syntax error: Malformed numeric value", hiding every other problem
    List<String> e = errors("""
        name: tiny
        cluster:
          network: {loss: .nan}
          agents:
            - {name: small, count: -.Inf, resources: {cpus: 4, mem: 8GB}}
        frameworks:
          - name: A
            workload:
              synthetic:
                jobs: .inf
                task: {resources: {cpus: 1, mem: 512MB}, duration: .inf, failureProbability: .NaN}
        """, "cluster.agents[0].resources.cpus=+.inf");
    assertEquals(List.of(
        "s.yaml:3:19: cluster.network.loss: expected a finite number, not .nan",
        "s.yaml:5:28: cluster.agents[0].count: expected a whole number, not -.Inf",
        "--set cluster.agents[0].resources.cpus=+.inf: cluster.agents[0].resources.cpus: expected a finite number,"
            + " not +.inf",
        "s.yaml:10:15: frameworks[0].workload.synthetic.jobs: expected a whole number, not .inf",
        "s.yaml:11:60: frameworks[0].workload.synthetic.task.duration: '.inf' is not a duration; expected a number"
            + " with a unit (us, ms, s, m, h, d), e.g. 250ms, 5s, 10m, or a bare number of seconds",
        "s.yaml:11:86: frameworks[0].workload.synthetic.task.failureProbability: expected a finite number, not .NaN"),
        e);
  }

  @Test
  void tasksPerJob_constantOrEmpiricalValueAboveTheLimit_isAnError() {
    // they passed validation, and the run then failed when the value was drawn
    assertEquals(List.of("--set frameworks[0].workload.synthetic.tasksPerJob={empirical: [4, 20000000]}:"
        + " frameworks[0].workload.synthetic.tasksPerJob: every value must be <= 10000000, not 20000000"),
        errors(MINIMAL, "frameworks[0].workload.synthetic.tasksPerJob={empirical: [4, 20000000]}"));
    assertEquals(List.of("--set frameworks[0].workload.synthetic.tasksPerJob={constant: 10000001}:"
        + " frameworks[0].workload.synthetic.tasksPerJob: every value must be <= 10000000, not 10000001"),
        errors(MINIMAL, "frameworks[0].workload.synthetic.tasksPerJob={constant: 10000001}"));
    load(MINIMAL, "frameworks[0].workload.synthetic.tasksPerJob={empirical: [1, 10000000]}");
  }

  @Test
  void fileOverTheSizeLimit_isRefusedUnread() throws Exception {
    // one long value made SnakeYAML's reader quadratic: a 30 MB description ran for over ten minutes
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, MINIMAL.replace("name: tiny\n", "name: tiny\ndescription: \"" + "a".repeat(2_100_000)
        + "\"\n"));
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> new ScenarioLoader(new TestCatalog()).load(big, List.of()));
    assertEquals(List.of(big + ": is 2.1 MB; a scenario is at most 2 MB (it holds settings; workloads go in trace"
        + " files)"), e.problems().stream().map(Problem::toString).toList());
    Path fine = dir.resolve("fine.yaml");
    Files.writeString(fine, MINIMAL.replace("name: tiny\n", "name: tiny\ndescription: \"" + "a".repeat(100_000)
        + "\"\n"));
    new ScenarioLoader(new TestCatalog()).load(fine, List.of());
  }

  @Test
  void nameLongerThanAFolderNameMayBe_isAnError() {
    // validate passed; run failed with exit code 1 ("File name too long")
    String longName = "a".repeat(300);
    assertEquals(List.of("s.yaml:1:7: name: is 300 characters long; it names the output folder, so at most 200"),
        errors(MINIMAL.replace("name: tiny", "name: " + longName)));
    assertEquals("a".repeat(200), load(MINIMAL.replace("name: tiny", "name: " + "a".repeat(200))).name());
  }

  @Test
  void controlCharacter_reportedWhereItIs() {
    // SnakeYAML gives only the character's position: it was reported at 1:1 as "special characters are not allowed"
    assertEquals(List.of("s.yaml:2:15: YAML syntax error: special character U+0001 is not allowed"),
        errors("name: x\ndescription: \"\u0001\"\n"));
  }

  @Test
  void numbersOnlyYaml11Reads_areErrorsSayingHowToWriteThem() {
    // YAML 1.2 (editors, the JSON Schema) reads these as strings; they became 1000, 5 and 0.5 silently
    assertEquals(List.of(
        "s.yaml:2:7: seed: '1_000' is read by YAML 1.1 as 1000 and by editors as the string '1_000': write 1000,"
            + " or quote it ('1_000')",
        "s.yaml:5:28: cluster.agents[0].count: '0b101' is read by YAML 1.1 as 5 and by editors as the string"
            + " '0b101': write 5, or quote it ('0b101')",
        "s.yaml:11:34: frameworks[0].workload.synthetic.task.resources.cpus: '0.5_0' is read by YAML 1.1 as"
            + " 0.5 and by editors as the string '0.5_0': write 0.5, or quote it ('0.5_0')"),
        errors("""
            name: tiny
            seed: 1_000
            cluster:
              agents:
                - {name: small, count: 0b101, resources: {cpus: 4, mem: 8GB}}
            frameworks:
              - name: A
                workload:
                  synthetic:
                    jobs: 3
                    task: {resources: {cpus: 0.5_0, mem: 512MB}, duration: 10s}
            """));
    assertEquals(31, load(MINIMAL.replace("name: tiny", "name: tiny\nseed: 0x1F")).seed()); // a number in both
  }

  @Test
  void yamlSyntaxError_hasLine() {
    List<String> e = errors("name: x\ncluster: {agents: [\n  - oops: : :\n");
    assertEquals(1, e.size());
    assertTrue(e.get(0).matches("s\\.yaml:\\d+:\\d+: YAML syntax error: .*"), e.get(0));
  }

  @Test
  void yamlSyntaxError_namesTheProblemWhereItIs() {
    assertEquals(List.of("s.yaml:2:1: YAML syntax error: found character '\\t(TAB)' that cannot start any token."
        + " (Do not use \\t(TAB) for indentation) (while scanning for the next token)"),
        errors("name: x\n\tseed: 1\n"));
    assertEquals(List.of("s.yaml:3:11: YAML syntax error: expected ',' or ']', but got :"
        + " (while parsing a flow sequence started at line 2, column 7)"),
        errors("name: x\nseed: [1, 2\nframeworks: []\n"));
  }

  @Test
  void yamlAliases_resolveToTheAnchoredNode() {
    Scenario s = load(MINIMAL.replace("- {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}",
        "- {name: small, count: 2, resources: &big {cpus: 4, mem: 8GB}}\n    - {name: other, resources: *big}"),
        "cluster.agents[1].resources.cpus=2");
    assertEquals(Resources.of(4, 8192), s.cluster().agents().get(0).resources());
    assertEquals(Resources.of(2, 8192), s.cluster().agents().get(1).resources());
  }

  @Test
  void yamlMergeKeys_addTheKeysAMappingLacks() {
    Scenario s = load("""
        name: tiny
        cluster:
          agents: [{name: small, count: 2, resources: {cpus: 4, mem: 8GB}}]
        frameworks:
          - name: A
            scheduler: &sched {type: batch, maxAttempts: 2, refuseSeconds: 1}
            workload: &work {synthetic: {jobs: 3, task: {resources: {cpus: 1}, duration: 10s}}}
          - name: B
            scheduler:
              <<: *sched
              maxAttempts: 7
            workload: *work
        """);
    assertEquals(2, s.frameworks().get(0).scheduler().maxAttempts());
    assertEquals(7, s.frameworks().get(1).scheduler().maxAttempts());
    assertEquals(SimTime.SECOND, s.frameworks().get(1).scheduler().refuseMicros());
    assertEquals(List.of("s.yaml:3:3: cluster.<<: a merge key (<<) takes a mapping or a list of mappings, such as"
        + " *base, not 'x'"), errors(MINIMAL.replace("  agents:", "  <<: x\n  agents:")));
  }

  @Test
  void yamlAliasOfAScalar_resolvesToTheAnchoredValue() {
    // Jackson reports only a mapping's or a list's anchor: '*m' here "named no anchor"
    Scenario s = load(MINIMAL.replace("resources: {cpus: 4, mem: 8GB}", "resources: {cpus: &c 4, mem: &m 8GB}")
        .replace("cpus: 1, mem: 512MB", "cpus: 1, mem: *m") + "report: {charts: [&u utilization, shares, *u]}\n",
        "cluster.agents[0].resources.cpus=2");
    assertEquals(Resources.of(2, 8192), s.cluster().agents().get(0).resources());
    assertEquals(Resources.of(1, 8192), ((Scenario.Synthetic) s.frameworks().get(0).workload()).task());
    assertEquals(List.of("utilization", "shares"), s.charts());
  }

  @Test
  void yamlAliasWithoutAnchor_isAnError() {
    List<String> e = errors(MINIMAL.replace("resources: {cpus: 4, mem: 8GB}", "resources: *big"));
    assertEquals(List.of("s.yaml:4:42: cluster.agents[0].resources: YAML alias *big names no anchor (&big)"
        + " defined before it"), e);
  }

  @Test
  void nestingTooDeep_hasLineAndColumn_beforeTheStackOverflows() {
    // Jackson's limit (1000) came without a location ("s.yaml: YAML syntax error: Document nesting
    // depth …"), and reading that deep could overflow the stack first
    assertEquals(List.of("s.yaml:2:114: YAML syntax error: Document nesting depth (101) exceeds the maximum"
        + " allowed (100)"), errors("name: x\ndescription: " + "[".repeat(1005) + "]".repeat(1005) + "\n"));
  }

  @Test
  void yamlAliasesOfAliases_stopAtALimitInsteadOfExhaustingTheHeap() {
    // nine levels of ten aliases each would be 10^9 values: validate ran out of memory (exit code 1)
    StringBuilder laughs = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 10; i++) {
      laughs.append("a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
    }
    String yaml = MINIMAL.replace("name: tiny\n", "name: tiny\ndescription:\n  " + laughs.toString()
        .replace("\n", "\n  ").strip() + "\n  <<: *a9\n");
    assertEquals(List.of("s.yaml:7:47: description.a4[7]: YAML aliases here add more than 100,000 values to the"
        + " document (aliases of aliases?); a scenario needs far fewer"), errors(yaml));
    // many aliases of a small anchor are fine
    assertEquals(2001, load(MINIMAL + "faults: [&f {at: 1s, crash: leading-master}, "
        + String.join(", ", java.util.Collections.nCopies(2000, "*f")) + "]\n").faults().size());
  }

  @Test
  void agentGroupWithoutResources_reportedOnceWithItsLine() {
    List<String> e = errors(MINIMAL.replace(", resources: {cpus: 4, mem: 8GB}", ""));
    assertEquals(List.of("s.yaml:4:7: cluster.agents[0].resources: is required, e.g. {cpus: 4, mem: 8192, disk: 100000}"), e);
  }

  @Test
  void duplicateKey_otherProblemsOfTheFileStillReported() {
    List<String> e = errors(MINIMAL.replace("name: tiny", "name: tiny\nseed: 1\nseed: 2\nuntil: 5 parsecs"));
    assertEquals(2, e.size(), e.toString());
    assertEquals("s.yaml:3:1: seed: duplicate key", e.get(0));
    assertTrue(e.get(1).startsWith("s.yaml:4:8: until: '5 parsecs' is not a duration"), e.get(1));
  }

  @Test
  void badOverride_otherProblemsOfTheFileStillReported() {
    List<String> e = errors(MINIMAL.replace("jobs: 3", "jobs: 0"), "frameworks[5].name=x");
    assertEquals(List.of("--set frameworks[5].name=x: index 5 is out of range (the list has 1 item)",
        "s.yaml:9:15: frameworks[0].workload.synthetic.jobs: must be >= 1, not 0"), e);
  }

  @Test
  void notUtf8_saysSo() throws Exception {
    Path f = dir.resolve("bin.yaml");
    Files.write(f, new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00, (byte) 0xff, (byte) 0xfe});
    ScenarioException e = assertThrows(ScenarioException.class, () -> new ScenarioLoader(new TestCatalog()).load(f));
    assertEquals(List.of(f + ": is not UTF-8 text (a scenario is a YAML text file)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void leadingZeroInteger_isAnErrorNotASilentOctal() {
    assertEquals(List.of("s.yaml:4:28: cluster.agents[0].count: '010' has a leading zero, which YAML 1.1 reads as"
        + " octal (8) and editors as decimal: write it without the zero, or quote it"),
        errors(MINIMAL.replace("count: 2", "count: 010")));
    assertEquals(0, load(MINIMAL.replace("name: tiny", "name: tiny\nseed: 0")).seed());
  }

  @Test
  void emptyFile_isAnError() {
    assertEquals(List.of("s.yaml: the file is empty"), errors("# only a comment\n"));
  }

  @Test
  void wrongType_named() {
    List<String> e = errors(MINIMAL.replace("count: 2", "count: two"));
    assertEquals(List.of("s.yaml:4:28: cluster.agents[0].count: expected a whole number, not 'two'"), e);
  }

  @Test
  void everyDistribution_parses() {
    String[] dists = {"{constant: 5s}", "{exponential: {mean: 30s}}", "{uniform: {min: 1s, max: 2s}}",
        "{normal: {mean: 10s, sd: 2s}}", "{lognormal: {median: 60s, sigma: 1.0}}", "{pareto: {scale: 1s, shape: 2}}",
        "{weibull: {scale: 1m, shape: 1.5}}", "{empirical: [1s, 2s, 500ms]}"};
    Distribution[] want = {new Distribution.Constant(5e6), new Distribution.Exponential(30e6),
        new Distribution.Uniform(1e6, 2e6), new Distribution.Normal(10e6, 2e6), new Distribution.LogNormal(60e6, 1.0),
        new Distribution.Pareto(1e6, 2), new Distribution.Weibull(60e6, 1.5),
        new Distribution.Empirical(List.of(1e6, 2e6, 5e5))};
    for (int i = 0; i < dists.length; i++) {
      Scenario s = load(MINIMAL.replace("duration: 10s", "duration: " + dists[i]));
      assertEquals(want[i], ((Scenario.Synthetic) s.frameworks().get(0).workload()).duration().value(), dists[i]);
    }
  }

  @Test
  void badDistributionParameter_named() {
    List<String> e = errors(MINIMAL.replace("duration: 10s", "duration: {uniform: {min: 5s, max: 1s}}"));
    assertEquals(List.of("s.yaml:10:85: frameworks[0].workload.synthetic.task.duration.uniform.max:"
        + " must be >= min (5s), not 1s"), e);
  }

  @Test
  void drainedWithUnboundedJobs_isAnError() {
    String unbounded = MINIMAL.replace("jobs: 3", "jobs: unbounded\n        arrival: 10s");
    List<String> e = errors(unbounded);
    assertEquals(1, e.size());
    assertTrue(e.get(0).contains("until: is 'drained' but framework A has an unbounded workload"), e.get(0));
    load(unbounded + "until: 1h\n");
  }

  @Test
  void taskLargerThanEveryAgent_isAnError() {
    List<String> e = errors(MINIMAL.replace("cpus: 1, mem: 512MB", "cpus: 8, mem: 512MB"));
    assertEquals(List.of("s.yaml:10:27: frameworks[0].workload.synthetic.task.resources: a task (cpus:8; mem:512)"
        + " is larger than every agent; it could never run"), e);
  }

  @Test
  void reservationForTheDefaultRole_isAnError() {
    // '*' is Mesos' default role: cpus(*):4 is unreserved, so a reservation to it means nothing
    List<String> e = errors(MINIMAL.replace("resources: {cpus: 4, mem: 8GB}}",
        "resources: {cpus: 4, mem: 8GB}, reservations: {'*': {cpus: 1}}}"));
    assertEquals(List.of("s.yaml:4:83: cluster.agents[0].reservations.*: '*' is the default role: resources not"
        + " reserved to another role are unreserved; list them under resources only"), e);
  }

  @Test
  void taskThatOnlyOtherRolesReservationsHold_isAnError() {
    // a framework is offered unreserved resources and its role's reservations (and, 1.4+, its
    // ancestors'): with every agent reserved to x, a framework of role y never runs (a run until
    // drained went on until the stuck check stopped it a simulated day later)
    String reserved = MINIMAL.replace("resources: {cpus: 4, mem: 8GB}}",
        "resources: {cpus: 4, mem: 8GB}, reservations: {x: {cpus: 4, mem: 8GB}}}");
    assertEquals(List.of("s.yaml:11:27: frameworks[0].workload.synthetic.task.resources: a task (cpus:1; mem:512)"
        + " fits no agent without resources reserved for roles other than 'y' (a framework is offered unreserved"
        + " resources and its role's reservations); it could never run"),
        errors(reserved.replace("  - name: A\n", "  - name: A\n    role: y\n")));
    load(reserved.replace("  - name: A\n", "  - name: A\n    role: x\n"));
    load(reserved.replace("  - name: A\n", "  - name: A\n    role: x/team\n"));
    load(reserved.replace("{x: {cpus: 4, mem: 8GB}}", "{x: {cpus: 3, mem: 4GB}}")
        .replace("  - name: A\n", "  - name: A\n    role: y\n"));
    // reservations larger than the agent are one error, not a crash here
    List<String> tooBig = errors(reserved.replace("{x: {cpus: 4, mem: 8GB}}", "{x: {cpus: 5, mem: 8GB}}"));
    assertEquals(1, tooBig.size(), tooBig.toString());
    assertTrue(tooBig.get(0).contains("reserve more"), tooBig.get(0));
  }

  @Test
  void taskThatOnlyGpuAgentsHold_isAnErrorWithoutGpuResources() {
    // Mesos offers an agent with GPUs only to GPU_RESOURCES frameworks (MESOS-5634): on a cluster of
    // GPU agents, a framework without gpuResources never runs a task (a run until drained never ended)
    String gpuOnly = MINIMAL.replace("resources: {cpus: 4, mem: 8GB}", "resources: {cpus: 4, mem: 8GB, gpus: 1}");
    assertEquals(List.of("s.yaml:10:27: frameworks[0].workload.synthetic.task.resources: a task (cpus:1; mem:512)"
        + " fits only agents with gpus, which Mesos offers only to frameworks with gpuResources: true; it could never"
        + " run"), errors(gpuOnly));
    load(gpuOnly.replace("  - name: A\n", "  - name: A\n    gpuResources: true\n"));
    load(gpuOnly.replace("agents:\n", "agents:\n    - {name: plain, resources: {cpus: 2, mem: 1GB}}\n"));
  }

  @Test
  void unknownNames_inFaultsAndPolicy() {
    String yaml = MINIMAL + """
        allocator: {policy: hierarchical-drff}
        faults:
          - {at: 1m, crash: agent smal-1}
          - {at: 1m, crash: framework B}
          - {at: 1m, crash: master-2}
          - {at: 1m, partition: [agents small, zookeeper-4], healAfter: 1m}
        """;
    List<String> e = errors(yaml);
    assertEquals(5, e.size(), String.join("\n", e));
    assertTrue(e.get(0).contains("allocator.policy: unknown allocator policy 'hierarchical-drff' (did you mean"
        + " 'hierarchical-drf'?)"), e.get(0));
    assertTrue(e.get(1).contains("faults[0].crash: unknown agent 'smal-1' (did you mean 'small'?)"), e.get(1));
    assertTrue(e.get(2).contains("faults[1].crash: unknown framework 'B' (did you mean 'A'?)"), e.get(2));
    assertTrue(e.get(3).contains("faults[2].crash: no master-2: there is 1 master"), e.get(3));
    assertTrue(e.get(4).contains("faults[3].partition[1]: no zookeeper-4: there are 3 zookeeper servers"), e.get(4));
  }

  @Test
  void faultKeysWithoutValues_areMissingTimesAndTargets() {
    // these passed validation, and the run then failed with exit code 1 ("a fault needs a target")
    String yaml = MINIMAL + """
        until: 1h
        faults:
          - {at: 1m, crash: ~}
          - {at: ~, crash: leading-master}
          - {at: 1m, partition: [agent small-1, ~]}
          - {at: 1m, partition:}
          - {every:, crash: leading-master}
          - {at: 1m, crash: leading-master, restartAfter: ~}
        """;
    assertEquals(List.of(
        "s.yaml:13:5: faults[0]: needs exactly one of crash or partition",
        "s.yaml:14:5: faults[1]: needs exactly one of at (a time) or every (a distribution)",
        "s.yaml:15:41: faults[2].partition[1]: expected a target: leading-master, master-N, agent GROUP-N,"
            + " agents GROUP, framework NAME, zookeeper-N",
        "s.yaml:16:5: faults[3]: needs exactly one of crash or partition",
        "s.yaml:17:5: faults[4]: needs exactly one of at (a time) or every (a distribution)"),
        errors(yaml));
    assertEquals(1, load(MINIMAL + "faults: [{at: 1m, crash: leading-master, restartAfter: ~}]\n").faults().size());
  }

  @Test
  void allocatorOptionOutOfRange_isBadInputWithItsLine() {
    String yaml = MINIMAL + """
        allocator:
          policy: tetris
          options: {fairnessKnob: 1}
        """;
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> new ScenarioLoader(new StandardCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of()));
    assertEquals(List.of("s.yaml:13:27: allocator.options.fairnessKnob: must be in [0, 1), not 1.0"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void hierarchicalDrfOptionThatDoesNotParse_isBadInputWithItsLine() {
    String yaml = MINIMAL + """
        allocator:
          options: {minAllocatableResources: bad}
        """;
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> new ScenarioLoader(new StandardCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of()));
    assertEquals(1, e.problems().size(), e.getMessage());
    String p = e.problems().get(0).toString();
    assertTrue(p.startsWith("s.yaml:12:") && p.contains("allocator.options.minAllocatableResources: 'bad' is not"
        + " name:amount"), p);
  }

  @Test
  void roleMapOption_namingNoFrameworksRole_isBadInput() {
    String yaml = MINIMAL.replace("- name: A\n", "- name: A\n    role: a/b\n") + """
        allocator:
          policy: capacity
          options: {shares: {aa: 0.1, a: 0.5}}
        """;
    ScenarioLoader loader = new ScenarioLoader(new StandardCatalog());
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> loader.parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of()));
    assertEquals(List.of("s.yaml:14:26: allocator.options.shares.aa: unknown role 'aa' (did you mean 'a'?); the"
        + " frameworks' roles: a, a/b"), e.problems().stream().map(Problem::toString).toList());
    // a framework's role and its parent are known
    Scenario ok = loader.parse(yaml.replace("aa: 0.1, ", "a/b: 0.1, "), "s.yaml", dir.resolve("s.yaml"), List.of());
    assertEquals("capacity", ok.allocator().policy());
  }

  @Test
  void count_expandsNames() {
    Scenario s = load(MINIMAL.replace("- name: A", "- name: A\n    count: 3"));
    assertEquals(List.of("A-1", "A-2", "A-3"), s.expanded().stream().map(Scenario.Expanded::name).toList());
  }

  @Test
  void set_overridesBeforeValidation() {
    Scenario s = load(MINIMAL, "allocator.policy=fifo", "frameworks[0].scheduler.refuseSeconds=0",
        "cluster.agents[0].resources={cpus: 8, mem: 1GB}", "seed=7");
    assertEquals("fifo", s.allocator().policy());
    assertEquals(0, s.frameworks().get(0).scheduler().refuseMicros());
    assertEquals(Resources.of(8, 1024), s.cluster().agents().get(0).resources());
    assertEquals(7, s.seed());
    assertEquals(List.of("--set frameworks[3].name=x: index 3 is out of range (the list has 1 item)"),
        errors(MINIMAL, "frameworks[3].name=x"));
    assertEquals(List.of("--set roles.a.weight=-1: roles.a.weight: must be > 0, not -1"),
        errors(MINIMAL, "roles.a.weight=-1"));
  }

  @Test
  void set_errorNamesTheWholeOverride_evenWhenItsValueHoldsColons() {
    assertEquals(List.of("--set frameworks[5]={name: x}: index 5 is out of range (the list has 1 item)"),
        errors(MINIMAL, "frameworks[5]={name: x}"));
    // and says why, at the column of the value
    assertEquals(List.of("--set cluster.agents[0].resources={cpus: 8, mem: 16GB: the value is not valid YAML (column"
        + " 20: expected ',' or '}', but got <stream end> (while parsing a flow mapping started at line 1, column 1))"),
        errors(MINIMAL, "cluster.agents[0].resources={cpus: 8, mem: 16GB"));
  }

  @Test
  void set_pathsWithEmptyOrStraySegments_areRejected() {
    assertEquals(List.of("--set allocator..policy=fifo: 'allocator..policy' has an empty key (at character 11)"),
        errors(MINIMAL, "allocator..policy=fifo"));
    assertEquals(List.of("--set .allocator.policy=fifo: '.allocator.policy' has an empty key (at character 1)"),
        errors(MINIMAL, ".allocator.policy=fifo"));
    assertEquals(List.of("--set allocator.policy.=fifo: 'allocator.policy.' ends with '.'"),
        errors(MINIMAL, "allocator.policy.=fifo"));
    assertEquals(List.of("--set frameworks[0]].name=x: 'frameworks[0]].name' has a ']' without its '[' (at character 14)"),
        errors(MINIMAL, "frameworks[0]].name=x"));
    assertEquals(List.of("--set frameworks[0]name=x: 'frameworks[0]name' needs a '.' before 'name'"),
        errors(MINIMAL, "frameworks[0]name=x"));
    assertEquals(List.of("--set frameworks.[0].name=x: 'frameworks.[0].name' has an empty key (at character 11)"),
        errors(MINIMAL, "frameworks.[0].name=x"));
    // still fine: nested lists and indices after keys
    assertEquals("fifo", load(MINIMAL, "allocator.policy=fifo").allocator().policy());
    assertEquals("B", load(MINIMAL, "frameworks[0].name=B").frameworks().get(0).name());
  }

  @Test
  void resourceAmount_belowAThousandth_isAnError_notSilentlyDropped() {
    assertEquals(List.of("s.yaml:10:34: frameworks[0].workload.synthetic.task.resources.cpus: must be at least"
        + " 0.001 (scalar resources are kept to three decimals, as in Mesos), not 0.0004"),
        errors(MINIMAL.replace("cpus: 1, mem: 512MB", "cpus: 0.0004, mem: 512MB")));
    Scenario s = load(MINIMAL.replace("cpus: 1, mem: 512MB", "cpus: 0.0006, mem: 512MB")); // rounds to 0.001
    assertEquals(1, ((Scenario.Synthetic) s.frameworks().get(0).workload()).task().milli(0));
  }

  @Test
  void yaml11Booleans_spelledAsWords_areErrors_notSilentlyFalse() {
    List<String> e = errors(MINIMAL.replace("- name: A", "- name: no"));
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).endsWith("frameworks[0].name: 'no' is read by YAML 1.1 as false and by editors as the string"
        + " 'no': write false, or quote it ('no')"), e.get(0));
    assertTrue(errors(MINIMAL, "frameworks[0].role=on").get(0).contains("'on' is read by YAML 1.1 as true"));
    assertEquals("no", load(MINIMAL.replace("- name: A", "- name: 'no'")).frameworks().get(0).name());
    assertEquals("false", load(MINIMAL.replace("- name: A", "- name: 'false'")).frameworks().get(0).name());
  }

  @Test
  void tasksPerJob_constantOrEmpiricalBelowOne_isAnError_andUniformBoundsAreShownAsWritten() {
    String tpj = "frameworks[0].workload.synthetic.tasksPerJob";
    assertEquals(List.of("--set " + tpj + "={constant: 0}: " + tpj + ": every value must be >= 1 (a job has at least"
        + " one task), not 0"), errors(MINIMAL, tpj + "={constant: 0}"));
    assertTrue(errors(MINIMAL, tpj + "={empirical: [2, 0.4, 3]}").get(0).endsWith("not 0.4"));
    assertEquals(new Distribution.Empirical(List.of(1.0, 5.0)),
        ((Scenario.Synthetic) load(MINIMAL, tpj + "={empirical: [1, 5]}").frameworks().get(0).workload())
            .tasksPerJob().value());
    String dur = "frameworks[0].workload.synthetic.task.duration";
    assertEquals(List.of("--set " + dur + "={uniform: {min: 2m, max: 1s}}: " + dur + ".uniform.max: must be >= min"
        + " (2m), not 1s"), errors(MINIMAL, dur + "={uniform: {min: 2m, max: 1s}}"));
  }

  @Test
  void aFileLocatedProblemAtAnOverriddenPath_namesTheOverride() {
    String mem = "frameworks[0].workload.synthetic.task.resources.mem=1TB";
    List<String> e = errors(MINIMAL, mem);
    assertEquals(1, e.size(), e.toString());
    assertTrue(e.get(0).startsWith("s.yaml:10:"), e.get(0));
    assertTrue(e.get(0).endsWith(" (with --set " + mem + ")"), e.get(0));
    // a parent the override emptied
    List<String> w = errors(MINIMAL, "frameworks[0].workload.synthetic=null");
    assertTrue(w.get(0).endsWith("(with --set frameworks[0].workload.synthetic=null)"), w.toString());
    // one problem for one cause: a name that is not a string is not also "required"
    assertEquals(List.of("--set name=a: b: name: expected a string, not a mapping"), errors(MINIMAL, "name=a: b"));
    // an unrelated override is not named
    List<String> u = errors(MINIMAL.replace("cpus: 1, mem: 512MB", "cpus: 0, mem: 512MB"), "allocator.policy=fifo");
    assertEquals(List.of("s.yaml:10:34: frameworks[0].workload.synthetic.task.resources.cpus: must be > 0, not 0"), u);
  }

  @Test
  void resolved_withAMultiLineOverride_isStillValidYaml() throws Exception {
    String set = "description=first\n  second";
    Scenario s = load(MINIMAL, set);
    Path f = dir.resolve("resolved.yaml");
    Files.writeString(f, ScenarioWriter.write(s, List.of(set)));
    assertEquals("first second", new ScenarioLoader(new TestCatalog()).load(f).description());
  }

  @Test
  void resolved_roundTripsToTheSameScenario() throws Exception {
    String yaml = MINIMAL.replace("duration: 10s", "duration: {lognormal: {median: 60s, sigma: 1.0}}") + """
        roles: {eng/dev: {weight: 2, quota: {cpus: 1}}}
        faults:
          - {every: {exponential: {mean: 6h}}, crash: agents small, restartAfter: {exponential: {mean: 10m}}}
          - {at: 90s, partition: [agent small-1], healAfter: 2m}
        """;
    Scenario s = load(yaml, "cluster.network.latency={uniform: {min: 1ms, max: 2ms}}");
    String resolved = ScenarioWriter.write(s, List.of("x=y"));
    Path f = dir.resolve("resolved.yaml");
    Files.writeString(f, resolved);
    Scenario again = new ScenarioLoader(new TestCatalog()).load(f);
    assertEquals(ScenarioWriter.tree(s), ScenarioWriter.tree(again));
    assertEquals(s.cluster(), again.cluster());
    assertEquals(s.frameworks(), again.frameworks());
    assertEquals(s.faults(), again.faults());
  }

  @Test
  void trace_missingFileAndUnknownFormat() {
    String yaml = MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              trace: {format: swf, path: nothere.swf, filter: {queeue: 3}}
          - name: B
            workload: {trace: {format: sfw, path: x.swf}}
        """);
    List<String> e = errors(yaml);
    assertEquals(4, e.size(), String.join("\n", e));
    assertTrue(e.get(0).contains("frameworks[0].workload.trace.path: trace file not found:"), e.get(0));
    assertTrue(e.get(3).startsWith("s.yaml:10:43: frameworks[1].workload.trace.path: trace file not found:"), e.get(3));
    assertTrue(e.get(1).contains("frameworks[0].workload.trace.filter.queeue: unknown field of format swf"
        + " (did you mean 'queue'?)"), e.get(1));
    assertTrue(e.get(2).contains("frameworks[1].workload.trace.format: unknown trace format 'sfw' (did you mean"
        + " 'swf'?)"), e.get(2));
  }

  @Test
  void trace_unknownUnit_namesTheFormatsUnits() throws Exception {
    Files.writeString(dir.resolve("a.swf"), "x");
    String yaml = MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              trace: {format: swf, path: a.swf, units: {cpusPerProcesor: 2, memPerProcessor: -1}}
          - name: B
            workload: {trace: {format: csv, path: a.swf, units: {cpus: 1}}}
        """);
    assertEquals(List.of(
        "s.yaml:8:49: frameworks[0].workload.trace.units.cpusPerProcesor: unknown unit of format swf (did you mean"
            + " 'cpusPerProcessor'?); units: cpusPerProcessor, memPerProcessor",
        "s.yaml:8:86: frameworks[0].workload.trace.units.memPerProcessor: must be >= 0, not -1",
        "s.yaml:10:58: frameworks[1].workload.trace.units.cpus: unknown unit of format csv; units: (none)"),
        errors(yaml));
  }

  @Test
  void trace_globAndSplitBy() throws Exception {
    Files.writeString(dir.resolve("b.swf"), "x");
    Files.writeString(dir.resolve("a.swf"), "x");
    String yaml = MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              trace: {format: swf, path: "*.swf", window: {to: 1d}}
            splitBy: user
            role: "{value}"
        """);
    Scenario s = load(yaml);
    Scenario.Trace t = (Scenario.Trace) s.frameworks().get(0).workload();
    assertEquals(List.of(dir.resolve("a.swf"), dir.resolve("b.swf")), t.files());
    assertEquals(SimTime.DAY, t.windowTo());
    assertEquals(List.of("A-u1", "A-u2"), s.expanded().stream().map(Scenario.Expanded::name).toList());
    assertEquals(List.of("u1", "u2"), s.expanded().stream().map(Scenario.Expanded::role).toList());
  }

  @Test
  void tracePath_emptyListOrAFolder_isAnError() throws Exception {
    Files.createDirectories(dir.resolve("traces"));
    String yaml = MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              trace: {format: swf, path: []}
        """);
    assertEquals(List.of("s.yaml:8:34: frameworks[0].workload.trace.path: needs at least one file (an empty list)"),
        errors(yaml));
    assertEquals(List.of("s.yaml:8:34: frameworks[0].workload.trace.path: " + dir.resolve("traces")
        + " is a folder; name its files or a glob such as traces/*.gz"), errors(yaml.replace("[]", "traces/")));
  }

  @Test
  void traceLoadScale_defaultsToOne_mustBePositiveFiniteAndAtMost1000() throws Exception {
    Files.writeString(dir.resolve("a.swf"), "x");
    String yaml = MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              trace: {format: swf, path: a.swf}
        """);
    assertEquals(1.0, ((Scenario.Trace) load(yaml).frameworks().get(0).workload()).loadScale());
    assertEquals(0.02, ((Scenario.Trace) load(yaml.replace("a.swf}", "a.swf, loadScale: 0.02}")).frameworks().get(0)
        .workload()).loadScale());
    assertEquals(2.5, ((Scenario.Trace) load(yaml, "frameworks[0].workload.trace.loadScale=2.5").frameworks().get(0)
        .workload()).loadScale());
    String p = "frameworks[0].workload.trace.loadScale: ";
    String[][] bad = {{"0", "must be > 0, not 0"}, {"-1", "must be > 0, not -1"},
        {"1001", "must be <= 1000, not 1001"}, {"lots", "expected a number, not"}};
    for (String[] b : bad) {
      List<String> e = errors(yaml.replace("a.swf}", "a.swf, loadScale: " + b[0] + "}"));
      assertEquals(1, e.size(), e.toString());
      assertTrue(e.get(0).contains(p + b[1]), b[0] + " -> " + e.get(0));
      assertTrue(e.get(0).startsWith("s.yaml:"), e.get(0));
    }
  }

  @Test
  void memAndDisk_acceptSizesInMegabytes() {
    Scenario s = load(MINIMAL.replace("{cpus: 4, mem: 8GB}", "{cpus: 4, mem: \"512MB\", disk: 1TB, gpus: 1}")
        .replace("mem: 512MB}", "mem: 256}").replace("  - name: A\n", "  - name: A\n    gpuResources: true\n"));
    Resources r = s.cluster().agents().get(0).resources();
    assertEquals(512, r.mem());
    assertEquals(1024 * 1024, r.disk());
    assertEquals(1, r.gpus());
    List<String> e = errors(MINIMAL.replace("mem: 8GB", "mem: 8 gigs"));
    assertEquals(1, e.size());
    assertTrue(e.get(0).contains("cluster.agents[0].resources.mem: expected MB as a number (4096) or a size such as"),
        e.get(0));
  }

  @Test
  void drainedWithServiceOrForever_isAnError() {
    assertTrue(errors(MINIMAL.replace("- name: A", "- name: A\n    scheduler: {type: service}")).get(0)
        .contains("framework A is a service scheduler"));
    assertTrue(errors(MINIMAL.replace("duration: 10s", "duration: forever")).get(0)
        .contains("framework A runs tasks forever"));
  }

  @Test
  void drainedWithGoogleLikePreset_isAnError() {
    String yaml = MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              synthetic: {preset: google-like, scale: 0.001}
        """);
    assertEquals(List.of("s.yaml:6:5: until: is 'drained' but framework A has an endless workload (preset: google-like:"
        + " jobs keep arriving, its first services run forever); set until to a duration, e.g. until: 1h"),
        errors(yaml));
    assertEquals("A", load(yaml, "until=1h").frameworks().get(0).name());
  }

  @Test
  void drainedWithATraceWhoseTasksNeverEnd_isAnError() throws Exception {
    String header = "job,submit_us,task,group,cpus,mem,disk,gpus,duration_us,outcome,depends,user\n";
    Files.writeString(dir.resolve("t.csv"), header + "1,0,0,,1,100,,,forever,FINISHED,,ann\n"
        + "2,5,0,,1,100,,,1000000,FINISHED,,bob\n");
    String yaml = MINIMAL.replace("""
              synthetic:
                jobs: 3
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
        """, """
              trace: {format: csv, path: t.csv}
        """);
    ScenarioLoader real = new ScenarioLoader(new StandardCatalog());
    ScenarioException e = assertThrows(ScenarioException.class,
        () -> real.parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of()));
    assertEquals(List.of("s.yaml:6:5: until: is 'drained' but framework A replays a trace with 1 task that never ends"
        + " (alive at the end of the input, a task runs until `until`); set until to a duration, e.g. until: 1h"),
        e.problems().stream().map(Problem::toString).toList());
    // filtered out, the endless task does not count
    assertEquals(1, real.parse(yaml, "s.yaml", dir.resolve("s.yaml"),
        List.of("frameworks[0].workload.trace.filter={user: bob}")).frameworks().size());
  }

  @Test
  void zeroIntervals_thatWouldStopSimulatedTime_areErrors() {
    String unbounded = MINIMAL.replace("name: tiny", "name: tiny\nuntil: 1h").replace("jobs: 3", "jobs: unbounded");
    assertEquals(List.of("s.yaml:10:15: frameworks[0].workload.synthetic.arrival: with jobs: unbounded, needs an"
        + " inter-arrival distribution such as {exponential: {mean: 30s}} (the default {at: 0s} would submit every"
        + " job at once)"), errors(unbounded));
    assertEquals(1, errors(unbounded, "frameworks[0].workload.synthetic.arrival={at: 5s}").size());
    assertEquals(List.of("--set frameworks[0].workload.synthetic.arrival=0s: frameworks[0].workload.synthetic.arrival:"
        + " with jobs: unbounded, must have a mean > 0 (endless jobs at one instant)"),
        errors(unbounded, "frameworks[0].workload.synthetic.arrival=0s"));
    assertEquals(-1, ((Scenario.Synthetic) load(unbounded, "frameworks[0].workload.synthetic.arrival=5s")
        .frameworks().get(0).workload()).jobs());
    assertEquals(List.of("--set faults[0]={every: 0s, crash: leading-master}: faults[0].every: must have a mean > 0"
        + " (faults every 0 s would stop simulated time)"),
        errors(MINIMAL, "faults[0]={every: 0s, crash: leading-master}"));
    assertEquals(1, errors(MINIMAL, "faults[0]={every: {empirical: [0s, 0s]}, crash: leading-master}").size());
    assertEquals(List.of("--set cluster.agent.registrationBackoffFactor=0s: cluster.agent.registrationBackoffFactor:"
        + " must be > 0"), errors(MINIMAL, "cluster.agent.registrationBackoffFactor=0s"));
  }

  @Test
  void agentHeatmap_defaultsAndBadValues() {
    assertEquals(org.mesosim.reports.AgentHeatmap.Options.DEFAULT, load(MINIMAL).heatmap());
    assertEquals(new org.mesosim.reports.AgentHeatmap.Options(16, 100, 30 * SimTime.SECOND),
        load(MINIMAL, "metrics.agentHeatmap={rows: 16, columns: 100, interval: 30s}").heatmap());
    assertEquals(0, load(MINIMAL, "metrics.agentHeatmap.rows=0").heatmap().rows());
    assertEquals(List.of("--set metrics.agentHeatmap.columns=7: metrics.agentHeatmap.columns: must be even, not 7"),
        errors(MINIMAL, "metrics.agentHeatmap.columns=7"));
    assertEquals(List.of("--set metrics.agentHeatmap.rows=-1: metrics.agentHeatmap.rows: must be >= 0, not -1"),
        errors(MINIMAL, "metrics.agentHeatmap.rows=-1"));
    assertEquals(List.of("--set metrics.agentHeatmap.interval=0s: metrics.agentHeatmap.interval: must be > 0"),
        errors(MINIMAL, "metrics.agentHeatmap.interval=0s"));
    assertEquals(1, errors(MINIMAL, "metrics.agentHeatmap={rows: 4, cells: 9}").size());
  }

  @Test
  void duplicateNames_afterExpansion() {
    String yaml = MINIMAL + """
          - name: A-2
            workload: {synthetic: {jobs: 1, task: {resources: {cpus: 1}, duration: 1s}}}
        """;
    yaml = yaml.replace("- name: A\n", "- name: A\n    count: 2\n");
    List<String> e = errors(yaml);
    assertEquals(1, e.size(), String.join("\n", e));
    assertTrue(e.get(0).contains("frameworks[1].name: duplicate framework name 'A-2'"), e.get(0));
  }

  /** An entry with an error of its own still takes part in the file-wide checks: every problem at once. */
  @Test
  void entryWithAnError_isStillCrossChecked() {
    String yaml = """
        name: tiny
        cluster:
          agents:
            - {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}
        frameworks:
          - name: A
            failoverTimeout: soon
            workload:
              synthetic:
                jobs: unbounded
                arrival: 10s
                task: {resources: {cpus: 8, mem: 512MB}, duration: 10s}
          - name: A
            checkpoint: maybe
            workload: {synthetic: {jobs: 1, task: {resources: {cpus: 1}, duration: forever}}}
          - name: B
            scheduler: {type: service}
            workload: {synthetic: {jobs: 1, task: {resources: {cpus: 1, mem: 99GB}, duration: 1s}}}
        faults:
          - {at: 1m, crash: framework A}
        """;
    // the fault names entries with errors of their own: not "unknown framework"
    assertEquals(List.of(
        "s.yaml:7:22: frameworks[0].failoverTimeout: 'soon' is not a duration; expected a number with a unit"
            + " (us, ms, s, m, h, d), e.g. 250ms, 5s, 10m, or a bare number of seconds",
        "s.yaml:14:17: frameworks[1].checkpoint: expected true or false, not 'maybe'",
        "s.yaml:13:5: frameworks[1].name: duplicate framework name 'A'",
        "s.yaml:6:5: until: is 'drained' but framework A has an unbounded workload (jobs: unbounded); set until to a"
            + " duration, e.g. until: 1h",
        "s.yaml:13:5: until: is 'drained' but framework A runs tasks forever (duration: forever); set until to a"
            + " duration, e.g. until: 1h",
        "s.yaml:16:5: until: is 'drained' but framework B is a service scheduler (it keeps its tasks running forever);"
            + " set until to a duration, e.g. until: 1h",
        "s.yaml:12:27: frameworks[0].workload.synthetic.task.resources: a task (cpus:8; mem:512) is larger than every"
            + " agent; it could never run",
        "s.yaml:18:55: frameworks[2].workload.synthetic.task.resources: a task (cpus:1; mem:101376) is larger than"
            + " every agent; it could never run"), errors(yaml));
  }

  /**
   * Only what an entry's own valid keys tell is checked: a bad task resource claims no misfit, a bad
   * duration no "forever", and while an entry's names cannot be told (bad count) a fault's unknown
   * framework name is not claimed wrong; once every name is known it is.
   */
  @Test
  void entryWithAnError_invalidPartsAreNotCrossChecked() {
    String yaml = MINIMAL.replace("cpus: 1, mem: 512MB", "cpus: -8, mem: 512MB") + """
          - name: A
            count: 0
            workload: {synthetic: {jobs: 1, task: {resources: {cpus: 1}, duration: {uniform: {min: 5s, max: 1s}}}}}
        faults:
          - {at: 1m, crash: framework B}
        """;
    assertEquals(List.of(
        "s.yaml:10:34: frameworks[0].workload.synthetic.task.resources.cpus: must be > 0, not -8",
        "s.yaml:12:12: frameworks[1].count: must be >= 1, not 0",
        "s.yaml:13:101: frameworks[1].workload.synthetic.task.duration.uniform.max: must be >= min (5s), not 1s"),
        errors(yaml));
    assertEquals(List.of(
        "s.yaml:10:34: frameworks[0].workload.synthetic.task.resources.cpus: must be > 0, not -8",
        "s.yaml:13:101: frameworks[1].workload.synthetic.task.duration.uniform.max: must be >= min (5s), not 1s",
        "s.yaml:15:21: faults[0].crash: unknown framework 'B' (did you mean 'A'?); frameworks: A, A-1, A-2"),
        errors(yaml.replace("count: 0", "count: 2")));
  }

  @Test
  void presets_expandAndRejectConflictingKeys() {
    List<String> e = errors(MINIMAL.replace("- {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}",
        "- {preset: google-2012, count: 3}"));
    assertEquals(1, e.size(), String.join("\n", e));
    assertTrue(e.get(0).contains("cluster.agents[0].preset: unknown preset 'google-2012' (did you mean"
        + " 'google-2011'?)"), e.get(0));
    List<String> w = errors(MINIMAL.replace("jobs: 3", "preset: google-like\n        jobs: 3"));
    assertTrue(w.get(0).contains("frameworks[0].workload.synthetic.jobs: cannot be combined with preset"), w.get(0));
  }

  @Test
  void splitBy_onlyWithATraceAndAKnownField() {
    List<String> e = errors(MINIMAL.replace("- name: A", "- name: A\n    splitBy: user"));
    assertTrue(e.get(0).contains("frameworks[0].splitBy: only applies to a trace workload"), e.get(0));
  }

  @Test
  void aWeightForARoleNoFrameworkHas_isAnError_withDidYouMean() {
    String yaml = MINIMAL.replace("  - name: A\n", "  - name: A\n    role: eng/analytics\n")
        + "roles:\n  eng/analytic: {weight: 2}\n  eng: {weight: 3}\n  ops: {quota: {cpus: 1}}\n";
    List<String> errs = errors(yaml);
    assertEquals(1, errs.size(), errs.toString());
    assertTrue(errs.get(0).matches("s\\.yaml:\\d+:\\d+: roles\\.eng/analytic: no framework has this role or a role"
        + " under it, so its weight changes nothing \\(did you mean 'eng/analytics'\\?\\); the frameworks' roles: eng,"
        + " eng/analytics"), errs.get(0));
    // The parent of a framework's role and a role with a quota (headroom held back) are fine.
    Scenario ok = load(yaml.replace("eng/analytic: {weight: 2}", "eng/analytics: {weight: 2}"));
    assertEquals(3, ok.roles().size());
    // --set can fix it too: the check sees the overridden role.
    assertEquals(3, load(yaml, "frameworks[0].role=eng/analytic").roles().size());
  }

  @Test
  void aFrameworkWithAnError_doesNotMakeItsRoleLookUnused() {
    // B fails to load (cpus: 0), so it is missing from the frameworks; its role's weight must not be
    // reported as changing nothing on top of the real error.
    String yaml = MINIMAL + """
          - name: B
            role: ops
            workload:
              synthetic:
                jobs: 1
                task: {resources: {cpus: 0, mem: 512MB}, duration: 10s}
        roles:
          ops: {weight: 2}
        """;
    List<String> errs = errors(yaml);
    assertEquals(1, errs.size(), errs.toString());
    assertTrue(errs.get(0).contains("frameworks[1].workload.synthetic.task.resources.cpus: must be > 0"), errs.get(0));
  }

  @Test
  void reservations_cannotNameAResource() {
    List<String> errs = errors(MINIMAL.replace("cpus: 4, mem: 8GB", "cpus: 4, mem: 8GB, reservations: 2"));
    assertEquals(1, errs.size(), errs.toString());
    assertTrue(errs.get(0).contains("cluster.agents[0].resources.reservations: 'reservations' cannot name a resource"),
        errs.get(0));
  }

  @Test
  void aFaultAfterUntil_isAnError() {
    String yaml = MINIMAL + "until: 10m\nfaults:\n  - {at: 2h, crash: leading-master}\n  - {at: 10m, crash: leading-master}\n";
    List<String> errs = errors(yaml);
    assertEquals(List.of("s.yaml:13:10: faults[0].at: 2h is after until (10m): the fault would never happen"), errs);
    assertEquals(1, load(yaml, "until=2h").faults().size() - 1, "at until itself it fires (events at until run)");
  }
}
