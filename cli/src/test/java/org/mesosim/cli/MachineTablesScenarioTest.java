package org.mesosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster.agents: - machines: {format, path}}: a trace's machine table builds the cluster
 * (hand-written Alibaba machine_meta and container_meta in the published column order; no sample
 * of these tables is in the repository).
 */
class MachineTablesScenarioTest {
  @TempDir
  Path dir;

  private Path scenario(String containers) throws Exception {
    Files.writeString(dir.resolve("machine_meta.csv"), ""
        + "m_1,0,65,h,96,100,USING\n"
        + "m_2,0,65,h,96,100,USING\n"
        + "m_3,0,12,a,64,50,USING\n");
    Files.writeString(dir.resolve("container_meta.csv"), containers);
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, """
        name: alibaba-containers
        until: 1h
        cluster:
          agents:
            - machines: {format: alibaba-2018, path: machine_meta.csv}
        frameworks:
          - name: sigma
            workload:
              trace: {format: alibaba-2018-containers, path: container_meta.csv}
        report: {charts: []}
        """);
    return f;
  }

  @Test
  void machineMetaBuildsTheCluster_containersRunOnIt_resolvedFileReproducesTheDigest() throws Exception {
    Path f = scenario("c_1,m_1,0,app_1,started,400,400,1.56\nc_2,m_2,0,app_1,started,400,400,1.56\n"
        + "c_3,m_3,30,app_2,started,3200,3200,25\n");
    String[] r = TraceRunsTest.cli(Services.standard(), "run", f.toString(), "--out", dir.resolve("a").toString(),
        "--quiet");
    assertEquals("0", r[0], r[2]);
    String resolved = Files.readString(dir.resolve("a").resolve("scenario.resolved.yaml"));
    assertTrue(resolved.contains("format: \"alibaba-2018\"") && resolved.contains("machine_meta.csv\""), resolved);
    String[] again = TraceRunsTest.cli(Services.standard(), "run", dir.resolve("a").resolve("scenario.resolved.yaml")
        .toString(), "--out", dir.resolve("b").toString(), "--quiet");
    assertEquals("0", again[0], again[2]);
    assertEquals(TraceRunsTest.lastLine(r[1]), TraceRunsTest.lastLine(again[1]));
  }

  @Test
  void aContainerLargerThanEveryMachine_namesTheTablesGroups() throws Exception {
    Path f = scenario("c_1,m_1,0,app_1,started,12800,12800,1.56\n"); // 128 cores: the largest machine has 96
    String[] r = TraceRunsTest.cli(Services.standard(), "run", f.toString(), "--out", dir.resolve("a").toString(),
        "--quiet");
    assertEquals("2", r[0], r[1] + r[2]);
    assertTrue(r[2].contains("m96c-100"), r[2]);
  }

  @Test
  void missingOrMalformedTable_isBadInputAtItsYamlPath() throws Exception {
    Path f = scenario("c_1,m_1,0,app_1,started,400,400,1.56\n");
    Files.writeString(f, Files.readString(f).replace("path: machine_meta.csv", "path: nope.csv"));
    String[] r = TraceRunsTest.cli(Services.standard(), "validate", f.toString());
    assertEquals("2", r[0], r[1] + r[2]);
    assertTrue(r[2].contains("cluster.agents[0].machines.path: machine table not found: "
        + dir.resolve("nope.csv")), r[2]);
    Files.writeString(dir.resolve("nope.csv"), "m_1,0,65,h,96,100,USING\nm_2,0,65,h,96\n");
    r = TraceRunsTest.cli(Services.standard(), "validate", f.toString());
    assertEquals("2", r[0], r[1] + r[2]);
    assertTrue(r[2].contains("cluster.agents[0].machines: " + dir.resolve("nope.csv") + ":2: expected 7 comma-separated"
        + " columns"), r[2]);
  }
}
