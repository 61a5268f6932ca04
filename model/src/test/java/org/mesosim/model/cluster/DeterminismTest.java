package org.mesosim.model.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.FaultTarget;
import org.mesosim.model.config.ModelConfig;

class DeterminismTest {

  /** A small scenario with random latency, loss, three masters and a leader crash. */
  static ModelConfig scenario() {
    ModelConfig base = EndToEndTest.small(11, 0.2);
    TestScenarios.Builder b = TestScenarios.builder().seed(11).masters(3).loss(0.05)
        .latency(new Distribution.Exponential(2000));
    base.agents().forEach(b::agents);
    base.frameworks().forEach(b::framework);
    b.fault(new FaultSpec(45 * SimTime.SECOND, null, FaultSpec.Action.CRASH,
        List.of(new FaultTarget(FaultTarget.Kind.LEADING_MASTER, null)), new Distribution.Constant(20_000_000)));
    return b.build();
  }

  static String digest() {
    EndToEndTest.Run r = FaultScenariosTest.run(scenario(), 10 * SimTime.HOUR);
    return r.sim().digest().hex() + " " + r.sim().digest().events();
  }

  @Test
  void scenario_drainsWithoutViolations() {
    EndToEndTest.Run r = FaultScenariosTest.run(scenario(), 10 * SimTime.HOUR);
    org.junit.jupiter.api.Assertions.assertTrue(r.cluster().isDrained(), "drained");
    assertEquals(0, r.cluster().invariantViolations());
    assertEquals(2, r.rec().of(org.mesosim.model.events.ModelEvent.LeaderElected.class).size());
  }

  @Test
  void sameSeed_sameDigestTwiceInOneJvm() {
    assertEquals(digest(), digest());
  }

  @Test
  void sameSeed_sameDigestInAnotherJvm() throws Exception {
    String here = digest();
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    java.lang.Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DigestMain.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), out);
    assertEquals(here, out);
  }
}
