package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.model.AgentId;
import org.mesosim.model.OfferId;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskId;
import org.mesosim.model.TaskState;
import org.mesosim.model.events.ModelEvent;

class EventLogTest {
  @TempDir Path dir;

  private static String seconds(long micros) {
    StringBuilder b = new StringBuilder();
    EventLog.seconds(b, micros);
    return b.toString();
  }

  @Test
  void times_areExactDecimalSeconds() {
    assertEquals("0", seconds(0));
    assertEquals("1.5", seconds(1_500_000));
    assertEquals("12.000001", seconds(12_000_001));
    assertEquals("0.04", seconds(40_000));
    assertEquals("86400", seconds(86_400_000_000L));
  }

  @Test
  void strings_areEscaped() {
    StringBuilder b = new StringBuilder();
    EventLog.string(b, "a\"b\\c\nd\u0001é");
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001é\"", b.toString());
  }

  @Test
  void volumes_andOperations_areWritten() throws Exception {
    org.mesosim.model.Volume v = org.mesosim.model.Volume.of("db/1/0", "db", 50, false);
    ResourceSet withVolume = ResourceSet.of(Resources.of(1, 0), java.util.Map.of("db", Resources.of(2, 1024)),
        java.util.Map.of(v, 1));
    try (EventLog log = new EventLog(dir, List.of("offer", "operation"))) {
      log.on(new ModelEvent.OperationApplied(1_000_000, "db", new AgentId("M1-S0"), "CREATE", "db/1/0", Resources.EMPTY));
      log.on(new ModelEvent.OfferMade(2_000_000, new OfferId("M1-O1"), "db", new AgentId("M1-S0"), withVolume));
      log.finish();
    }
    assertEquals(List.of(
        "{\"seq\":1,\"t\":1,\"kind\":\"operation\",\"framework\":\"db\",\"agent\":\"M1-S0\",\"type\":\"CREATE\","
            + "\"volume\":\"db/1/0\",\"resources\":{}}",
        "{\"seq\":2,\"t\":2,\"kind\":\"offer\",\"offer\":\"M1-O1\",\"framework\":\"db\",\"agent\":\"M1-S0\","
            + "\"resources\":{\"cpus\":3,\"mem\":1024,\"disk\":50,\"reservations\":{\"db\":{\"cpus\":2,\"mem\":1024}},"
            + "\"volumes\":[{\"id\":\"db/1/0\",\"role\":\"db\",\"disk\":50,\"shared\":false,\"copies\":1}]}}"),
        Files.readAllLines(dir.resolve(EventLog.PARTIAL)));
  }

  @Test
  void lines_carryEveryFieldInDeclarationOrder_andTheFilterKeepsStreamPositions() throws Exception {
    Resources r = Resources.of(1.5, 4096);
    TreeMap<String, Resources> res = new TreeMap<>();
    res.put("analytics", Resources.of(2, 1024));
    ResourceSet reserved = ResourceSet.of(r, res);
    try (EventLog log = new EventLog(dir, List.of("offer", "job-ended", "status"))) {
      log.on(new ModelEvent.LeaderElected(0, "master-1", 1)); // filtered out, still counted
      log.on(new ModelEvent.OfferMade(1_250_000, new OfferId("M1-O0"), "A", new AgentId("M1-S0"), reserved));
      log.on(new ModelEvent.JobEnded(90_000_000, "A", "j \"1\"", 10_000_000, -1, 3, "killed"));
      log.on(new ModelEvent.TaskStatus(91_000_000, "A", new TaskId("t-1"), null, TaskState.TASK_LOST,
          "REASON_AGENT_REMOVED", r));
      log.finish();
      assertEquals(3, log.written());
    }
    assertFalse(Files.exists(dir.resolve(EventLog.FILE)), "ReportWriter renames it, not the log");
    assertEquals(List.of(
        "{\"seq\":2,\"t\":1.25,\"kind\":\"offer\",\"offer\":\"M1-O0\",\"framework\":\"A\",\"agent\":\"M1-S0\","
            + "\"resources\":{\"cpus\":3.5,\"mem\":5120,\"reservations\":{\"analytics\":{\"cpus\":2,\"mem\":1024}}}}",
        "{\"seq\":3,\"t\":90,\"kind\":\"job-ended\",\"framework\":\"A\",\"job\":\"j \\\"1\\\"\",\"submitTime\":10,"
            + "\"startTime\":null,\"tasks\":3,\"state\":\"killed\"}",
        "{\"seq\":4,\"t\":91,\"kind\":\"status\",\"framework\":\"A\",\"task\":\"t-1\",\"agent\":null,"
            + "\"state\":\"TASK_LOST\",\"reason\":\"REASON_AGENT_REMOVED\",\"resources\":{\"cpus\":1.5,\"mem\":4096}}"),
        Files.readAllLines(dir.resolve(EventLog.PARTIAL)));
  }

  @Test
  void customResources_comeInOutputOrder_notRegistrationOrder() throws Exception {
    // Registered "zeta" first, so its index is lower; parallel runs decide that order, so the log
    // must not follow it: canonical names first, then the others by name.
    Resources zeta = Resources.of("evlog-zeta", 3);
    Resources alpha = Resources.of("evlog-alpha", 2);
    Resources r = Resources.of(1, 0).plus(zeta).plus(alpha);
    StringBuilder b = new StringBuilder();
    EventLog.value(b, r);
    assertEquals("{\"cpus\":1,\"evlog-alpha\":2,\"evlog-zeta\":3}", b.toString());
  }

  @Test
  void kinds_areChecked() {
    assertNull(EventLog.checkKinds(List.of("offer", "decline")));
    assertEquals("unknown event kinds 'a', 'b'; kinds: " + String.join(", ", ModelEvent.KINDS),
        EventLog.checkKinds(List.of("b", "offer", "a")));
    assertThrows(IllegalArgumentException.class, () -> new EventLog(dir, List.of("offers")));
  }

  @Test
  void everyKindIsDistinct_andEveryRecordHasOne() {
    assertEquals(ModelEvent.KINDS.size(), new java.util.TreeSet<>(ModelEvent.KINDS).size());
    assertEquals(ModelEvent.KINDS.size(), ModelEvent.class.getPermittedSubclasses().length);
    assertTrue(ModelEvent.KINDS.contains(new ModelEvent.OffersRevived(0, "A").kind()));
  }
}
