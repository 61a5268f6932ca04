package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentGroup;

/**
 * Agent groups from hand-written machine tables that follow the published schemas: Alibaba
 * {@code machine_meta.csv} (alibaba/clusterdata {@code cluster-trace-v2018/schema.txt}) and a
 * Google 2019 {@code machine_events} export (google/cluster-data
 * {@code clusterdata_trace_format_v3.proto}, MachineEvent). No sample of either is in the repository.
 */
class MachineTablesTest {
  @TempDir
  Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private static AgentGroup group(String name, int count, double cpus, double mem, Map<String, String> attrs) {
    return new AgentGroup(name, count, Resources.of(cpus, mem), new TreeMap<>(attrs), new TreeMap<>());
  }

  @Test
  void alibabaMachineMeta_oneAgentPerMachine_groupedByCapacity() throws IOException {
    Path f = write("machine_meta.csv", ""
        + "m_1,0,65,h,96,100,USING\n"
        + "m_2,0,65,h,96,100,USING\n"
        + "m_1,3000,65,h,96,100,USING\n" // a later event of m_1: still one machine
        + "m_3,5,12,a,64,50,USING\n"
        + "m_4,0,12,a,96,100,USING\n");
    assertEquals(List.of(group("m64c-50", 1, 64, 51200, Map.of()), group("m96c-100", 3, 96, 102400, Map.of())),
        MachineTables.read("alibaba-2018", List.of(f), Map.of(), 1.0));
    // scale 0.5: round(4 × 0.5) = 2 machines; shares 0.5 and 1.5 leave equal remainders: the earlier group gets the 2nd
    assertEquals(List.of(group("m64c-50", 1, 64, 51200, Map.of()), group("m96c-100", 1, 96, 102400, Map.of())),
        MachineTables.read("alibaba-2018", List.of(f), Map.of(), 0.5));
    assertEquals(List.of(group("m64c-50", 1, 32, 5000, Map.of()), group("m96c-100", 3, 48, 10000, Map.of())),
        MachineTables.read("alibaba-2018", List.of(f), Map.of("cpusPerCore", 0.5, "memPerPercent", 100.0), 1.0));
    Path bad = write("bad.csv", "m_1,0,65,h,96,100,USING\nm_2,0,65,h,96,100\n");
    BadInputException e = assertThrows(BadInputException.class,
        () -> MachineTables.read("alibaba-2018", List.of(bad), Map.of(), 1.0));
    assertEquals(bad + ":2: expected 7 comma-separated columns (machine_id, time_stamp, failure_domain_1, failure_domain_2,"
        + " cpu_num, mem_size, status), found 6", e.getMessage());
  }

  @Test
  void google2019MachineEvents_theCellAtTheStart() throws IOException {
    Path f = write("machine_events.csv", "time,machine_id,type,switch_id,cpus,memory,platform_id,missing_data_reason\n"
        + "0,1,1,s1,0.5,0.25,pA,0\n"
        + "0,2,1,s1,0.5,0.25,pA,0\n"
        + "0,3,1,s2,0.5,0.5,pB,0\n"
        + "0,3,3,s2,1,0.5,pB,0\n" // UPDATE at time 0: machine 3 has 1.0 cpus
        + "0,4,1,s2,0.5,0.25,pA,0\n"
        + "0,4,2,s2,,,pA,0\n" // REMOVE at time 0: not in the cell
        + "600000000,5,1,s3,1,1,pB,0\n"); // added later: not in the cell at the start
    assertEquals(List.of(group("p1-0.5-0.25", 2, 16, 16384, Map.of("platform", "pA")),
        group("p2-1-0.5", 1, 32, 32768, Map.of("platform", "pB"))),
        MachineTables.read("google-2019", List.of(f), Map.of(), 1.0));
    Path bad = write("bad.csv", "time,machine_id,cpus,memory\n0,1,0.5,0.5\n");
    BadInputException e = assertThrows(BadInputException.class,
        () -> MachineTables.read("google-2019", List.of(bad), Map.of(), 1.0));
    assertEquals(bad + ":1: the header has no column 'type' (a machine_events export needs time, machine_id, type, cpus,"
        + " memory; found: time, machine_id, cpus, memory)", e.getMessage());
    Path zero = write("zero.csv", "time,machine_id,type,cpus,memory\n0,1,1,0,0.5\n");
    e = assertThrows(BadInputException.class, () -> MachineTables.read("google-2019", List.of(zero), Map.of(), 1.0));
    assertEquals(zero + ":2: cpus and memory of an added machine must be > 0", e.getMessage());
  }

  @Test
  void apportion_largestRemainder_tiesToTheEarlierGroup() {
    assertArrayEquals(new int[] {1, 1, 0}, MachineTables.apportion(new int[] {1, 1, 1}, 0.67));
    assertArrayEquals(new int[] {67, 39, 10}, MachineTables.apportion(new int[] {6732, 3863, 1001}, 0.01));
    assertArrayEquals(new int[] {1, 0}, MachineTables.apportion(new int[] {3, 1}, 0.0001)); // at least one machine
  }
}
