package org.mesosim.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;

/**
 * A run until drained that no leader can ever serve again (issue 24, item 1) stops with exit 2 and
 * says why, instead of running forever; one a master restart can save still drains.
 */
class NoLeaderRunsTest {
  @TempDir Path dir;

  /** The minimal case. */
  static final String MINIMAL = """
      name: no-leader-drained
      cluster:
        masters: 1
        master: {restartDelay: never}
        agents: [{name: node, count: 2, resources: {cpus: 4, mem: 8GB}}]
      frameworks:
        - name: f
          workload: {synthetic: {jobs: 5, arrival: {exponential: {mean: 30s}}, task: {resources: {cpus: 1, mem: 1GB}, duration: 60s}}}
      faults: [{at: 45s, crash: leading-master}]
      """;

  static String[] cli(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.commandLine(Services.standard(), new PrintWriter(o, true), new PrintWriter(e, true))
        .execute(args);
    return new String[] {Integer.toString(code), o.toString(), e.toString()};
  }

  private String[] run(String yaml) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, yaml);
    // before the fix these runs never ended: the watchdog turns that into a failure
    return assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> cli("run", f.toString(), "--out", dir.resolve("out").toString(), "--quiet"));
  }

  @Test
  void singleMasterCrashedForGood_stopsWithExit2AndSaysWhy() throws Exception {
    String[] r = run(MINIMAL);
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertEquals(dir.resolve("s.yaml") + ": until: drained, but the run cannot drain: no master can ever be elected"
        + " leader again since 45.006000 s: the only master is down and none will restart"
        + " (cluster.master.restartDelay: never, and no fault restarts them); no offer or status update can reach a"
        + " framework any more (f still has tasks queued). Let a fault restart a master or heal the partition (restartAfter, healAfter,"
        + " cluster.master.restartDelay), or set until to a duration to run it anyway", r[2].strip());
    assertFalse(Files.exists(dir.resolve("out/summary.json")), "an unfinished run has no summary.json");
  }

  @Test
  void allMastersCrashedForGood_stops() throws Exception {
    String[] r = run(MINIMAL.replace("masters: 1", "masters: 3").replace("faults: [{at: 45s, crash: leading-master}]",
        "faults: [{at: 45s, crash: master-1}, {at: 46s, crash: master-2}, {at: 47s, crash: master-3}]"));
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertTrue(r[2].contains("all 3 masters are down and none will restart"), r[2]);
  }

  @Test
  void zooKeeperQuorumLostForGood_stopsEvenThoughTheMasterRestarts() throws Exception {
    String[] r = run(MINIMAL.replace("masters: 1\n", "masters: 1\n  zookeeper: {servers: 3, sessionTimeout: 10s}\n")
        .replace("restartDelay: never", "restartDelay: 5s")
        .replace("faults: [{at: 45s, crash: leading-master}]",
            "faults: [{at: 45s, crash: zookeeper-1}, {at: 45s, crash: zookeeper-2}]"));
    assertEquals(Integer.toString(ExitCodes.BAD_INPUT), r[0], r[2]);
    assertTrue(r[2].contains("ZooKeeper has lost its quorum for good (1 of 3 servers up and connected"), r[2]);
  }

  @Test
  void aMasterThatRestarts_drainsNormally() throws Exception {
    String[] r = run(MINIMAL.replace("faults: [{at: 45s, crash: leading-master}]",
        "faults: [{at: 45s, crash: leading-master, restartAfter: 30s}]"));
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("jobs 5/5"), r[1]);
    assertTrue(Files.exists(dir.resolve("out/summary.json")));
  }

  @Test
  void aQuorumThatComesBack_drainsNormally() throws Exception {
    String[] r = run(MINIMAL.replace("masters: 1\n", "masters: 1\n  zookeeper: {servers: 3, sessionTimeout: 10s}\n")
        .replace("restartDelay: never", "restartDelay: 5s")
        .replace("faults: [{at: 45s, crash: leading-master}]",
            "faults: [{at: 45s, crash: zookeeper-1}, {at: 45s, crash: zookeeper-2, restartAfter: 2m}]"));
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("jobs 5/5"), r[1]);
  }

  @Test
  void validate_warnsWhereItCanSeeItButStillSaysOk() throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, MINIMAL);
    String[] r = cli("validate", f.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].startsWith("ok: "), r[1]);
    assertEquals("warning: " + f + ": faults: until: drained, but the only master is crashed without restartAfter,"
        + " so no master can lead again and the run will stop with exit 2 as one that cannot drain; add restartAfter"
        + " or set until to a duration", r[2].strip());
    Files.writeString(f, MINIMAL.replace("masters: 1\n", "masters: 1\n  zookeeper: {servers: 3}\n")
        .replace("faults: [{at: 45s, crash: leading-master}]",
            "faults: [{at: 45s, crash: zookeeper-1}, {at: 50s, crash: zookeeper-3}]"));
    r = cli("validate", f.toString());
    assertEquals("0", r[0], r[2]);
    assertTrue(r[2].contains("2 of 3 ZooKeeper servers crash without restartAfter"), r[2]);
    // a restart, or a duration, leaves nothing to warn about
    Files.writeString(f, MINIMAL.replace("crash: leading-master}", "crash: leading-master, restartAfter: 1m}"));
    assertEquals("", cli("validate", f.toString())[2]);
    Files.writeString(f, "until: 10m\n" + MINIMAL);
    assertEquals("", cli("validate", f.toString())[2]);
  }

  @Test
  void validate_warnsOfMessageLossWithoutOfferTimeout() throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "until: 10m\n" + MINIMAL.replace("masters: 1\n",
            "masters: 1\n  network: {loss: 0.3, lossModel: message}\n")
        .replace("faults: [{at: 45s, crash: leading-master}]\n", ""));
    String[] r = cli("validate", f.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("warning: " + f + ": cluster.network.loss: 0.3 with lossModel: message drops messages one by one,"
        + " and with cluster.master.offerTimeout: none (the default) one lost offer message keeps its resources"
        + " offered and unused to the end of the run; set cluster.master.offerTimeout (e.g. 1m), or use lossModel:"
        + " link", r[2].strip());
    Files.writeString(f, Files.readString(f).replace("restartDelay: never", "restartDelay: never, offerTimeout: 1m"));
    assertEquals("", cli("validate", f.toString())[2]);
  }

  @Test
  void validate_warnsOfLinkLossWithFrameworksThatHaveNoFailoverTimeout() throws Exception {
    Path f = dir.resolve("s.yaml");
    // lossModel: link is the default: a lost offer no longer needs an offer timeout, but a framework
    // with failoverTimeout 0 is removed whenever its link breaks
    Files.writeString(f, "until: 10m\n" + MINIMAL.replace("masters: 1\n", "masters: 1\n  network: {loss: 0.3}\n")
        .replace("faults: [{at: 45s, crash: leading-master}]\n", ""));
    String[] r = cli("validate", f.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("warning: " + f + ": cluster.network.loss: 0.3 breaks links, and framework f has failoverTimeout: 0"
        + " (the default): such a framework is removed, its tasks killed, whenever its link to the master breaks;"
        + " set failoverTimeout (e.g. 10m)", r[2].strip());
    Files.writeString(f, Files.readString(f).replace("  - name: f\n", "  - name: f\n    failoverTimeout: 10m\n"));
    assertEquals("", cli("validate", f.toString())[2]);
  }

}
