package org.mesosim.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.scenario.Examples;

/**
 * Issue 24, item 5, end to end: the network-partition example with {@code cluster.network.loss: 0.3}
 * and Mesos' default {@code offerTimeout: none}. With each message lost on its own one lost offer
 * message kept resources offered to the end and a framework launched next to nothing; with loss as
 * link failure (the default) the master takes a disconnected framework's offers back and every
 * framework launches (docs/reliability.md, message loss).
 */
class LinkLossRunsTest {
  @TempDir Path dir;

  private JsonNode run(String out, String... sets) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", Examples.scenario("network-partition").toString(), "--out",
        dir.resolve(out).toString(), "--quiet", "--check-invariants", "--set", "report.charts=[]",
        "--set", "cluster.network.loss=0.3"));
    for (String s : sets) {
      args.add("--set");
      args.add(s);
    }
    String[] r = NoLeaderRunsTest.cli(args.toArray(new String[0]));
    assertEquals(Integer.toString(ExitCodes.OK), r[0], r[1] + r[2]);
    JsonNode s = new ObjectMapper().readTree(dir.resolve(out).resolve("summary.json").toFile());
    assertEquals(0, s.get("invariantViolations").asLong());
    return s;
  }

  private static long launched(JsonNode s, String framework) {
    for (JsonNode f : s.get("frameworks")) {
      if (f.get("name").asText().equals(framework)) {
        return f.at("/tasks/launched").asLong();
      }
    }
    throw new AssertionError(framework);
  }

  @Test
  void networkPartitionWithLoss_everyFrameworkLaunches_withLinkFailures_notWithPerMessageLoss() throws Exception {
    // measured: link: aware 124, classic 136 launches (relaunches included: with failoverTimeout 0 a
    // broken framework link removes the framework); message: aware 0, classic 40
    JsonNode link = run("link");
    JsonNode msg = run("message", "cluster.network.lossModel=message");
    assertTrue(launched(link, "aware") >= 40 && launched(link, "classic") >= 40,
        "link: aware " + launched(link, "aware") + ", classic " + launched(link, "classic"));
    assertTrue(Math.min(launched(msg, "aware"), launched(msg, "classic")) < 10,
        "message: aware " + launched(msg, "aware") + ", classic " + launched(msg, "classic"));
  }
}
