package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.SimTime;
import org.mesosim.model.config.MaintenanceConfig;
import org.mesosim.model.config.SchedulerConfig;

/**
 * {@code maintenance} and {@code scheduler.inverseOffers}: read into the model's config, and every
 * call Mesos' master would refuse with 400 (src/master/maintenance.cpp, src/master/http.cpp)
 * reported with its line, column and path.
 */
class MaintenanceSectionTest {
  static final String HEAD = """
      name: tiny
      until: 1h
      cluster:
        agents:
          - {name: small, count: 2, resources: {cpus: 4, mem: 8GB}}
      frameworks:
        - name: A
          scheduler: {inverseOffers: decline}
          workload:
            synthetic:
              jobs: 3
              task: {resources: {cpus: 1, mem: 512MB}, duration: 10s}
      """;

  @TempDir Path dir;

  Scenario load(String yaml) {
    return new ScenarioLoader(new TestCatalog()).parse(yaml, "s.yaml", dir.resolve("s.yaml"), List.of());
  }

  List<String> errors(String yaml) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> load(yaml));
    return e.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void aScheduleAndActions_areRead() {
    Scenario s = load(HEAD + """
        maintenance:
          schedule:
            at: 30s
            windows:
              - {machines: [small-1], start: 2m, duration: 10m}
              - {machines: [small-2], start: 5m}
          actions:
            - {at: 2m, down: [small-1]}
            - {at: 6m, up: [small-1]}
        """);
    MaintenanceConfig m = s.maintenance();
    assertEquals(30 * SimTime.SECOND, m.postAt());
    assertEquals(List.of(new MaintenanceConfig.Window(List.of("small-1"), 2 * SimTime.MINUTE, 10 * SimTime.MINUTE),
        new MaintenanceConfig.Window(List.of("small-2"), 5 * SimTime.MINUTE, SimTime.NEVER)), m.windows());
    assertEquals(List.of(new MaintenanceConfig.Action(2 * SimTime.MINUTE, MaintenanceConfig.Mode.DOWN, List.of("small-1")),
        new MaintenanceConfig.Action(6 * SimTime.MINUTE, MaintenanceConfig.Mode.UP, List.of("small-1"))), m.actions());
    assertEquals(SchedulerConfig.InverseOfferAnswer.DECLINE, s.frameworks().get(0).scheduler().inverseOffers());
  }

  @Test
  void withoutMaintenance_nothingAndSchedulersIgnore() {
    Scenario s = load(HEAD.replace("    scheduler: {inverseOffers: decline}\n", ""));
    assertEquals(MaintenanceConfig.NONE, s.maintenance());
    assertEquals(SchedulerConfig.InverseOfferAnswer.IGNORE, s.frameworks().get(0).scheduler().inverseOffers());
  }

  @Test
  void aScheduleUnderAPolicyWithoutInverseOffers_isWarnedOf() {
    String yaml = HEAD + """
        maintenance:
          schedule: {windows: [{machines: [small-1], start: 2m}]}
        """;
    assertEquals(List.of(), ScenarioWarnings.of(load(yaml)));
    List<String> w = ScenarioWarnings.of(load(yaml + "allocator: {policy: fifo}\n"));
    assertEquals(List.of(dir.resolve("s.yaml") + ": maintenance.schedule: allocator.policy fifo sends no inverse offers"
        + " (only hierarchical-drf models Mesos' maintenance in the allocator); the schedule still shows in offers,"
        + " and DOWN and UP still act"), w);
  }

  @Test
  void callsMesosWouldRefuse_areLocated() {
    List<String> e = errors(HEAD.replace("inverseOffers: decline", "inverseOffers: drain") + """
        maintenance:
          schedule:
            at: 30s
            windows:
              - {machines: [small-1, smal-2], start: 2m}
              - {machines: [small-1], start: 3m}
          actions:
            - {at: 20s, down: [small-1]}
            - {at: 2m, down: [small-2]}
            - {at: 3m, up: [small-1]}
            - {at: 1m, down: [small-1], up: [small-1]}
            - {at: 2h, down: [small-1]}
        """);
    assertEquals(List.of(
        "s.yaml:8:32: frameworks[0].scheduler.inverseOffers: unknown inverse-offer answer 'drain'; known: ignore,"
            + " accept, decline",
        "s.yaml:17:30: maintenance.schedule.windows[0].machines[1]: unknown machine 'smal-2' (did you mean 'small'?);"
            + " machines are the agents small-1..small-2",
        "s.yaml:18:20: maintenance.schedule.windows[1].machines: machine 'small-1' is already in"
            + " maintenance.schedule.windows[0] (Mesos: a machine is in at most one window)",
        "s.yaml:20:23: maintenance.actions[0].down: machine 'small-1' is not part of a maintenance schedule yet (the"
            + " schedule is posted at 30s): only a DRAINING machine can be brought down (Mesos answers 400)",
        "s.yaml:21:22: maintenance.actions[1].down: machine 'small-2' is not part of a maintenance schedule: only a"
            + " DRAINING machine can be brought down (Mesos answers 400)",
        "s.yaml:22:20: maintenance.actions[2].up: machine 'small-1' is not DOWN: only a DOWN machine can be brought up"
            + " (Mesos answers 400)",
        "s.yaml:23:12: maintenance.actions[3].at: 1m is before the previous action (3m): list actions in time order",
        "s.yaml:23:7: maintenance.actions[3]: needs exactly one of down or up (a list of machines)",
        "s.yaml:24:12: maintenance.actions[4].at: 2h is after until (1h): the call would never be made"), e);
  }

  @Test
  void unknownKeysAndMissingParts_areLocated() {
    List<String> e = errors(HEAD + """
        maintenance:
          schedule: {windows: [{machines: [], start: 1m}, {machines: [small-2]}]}
          actions:
            - {at: 2m, down: [small-1, small-1], sideways: true}
        """);
    assertEquals(List.of(
        "s.yaml:14:35: maintenance.schedule.windows[0].machines: expected a list of at least one machine (agent"
            + " GROUP-N)",
        "s.yaml:14:51: maintenance.schedule.windows[1].start: is required: when the machines become unavailable",
        "s.yaml:16:42: maintenance.actions[0].sideways: unknown key; allowed here: at, down, up",
        "s.yaml:16:32: maintenance.actions[0].down[1]: machine 'small-1' is listed twice",
        "s.yaml:16:22: maintenance.actions[0].down: machine 'small-1' is not part of a maintenance schedule: only a"
            + " DRAINING machine can be brought down (Mesos answers 400)"), e);
  }
}
