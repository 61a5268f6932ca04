package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario's keys are defined once, in {@link ScenarioKeys#SHAPES}: a file that sets every
 * declared key loads with each of them read (the loader asserts that no present key went unread),
 * and the writer, which can only write declared keys, writes every one of them back; the result
 * loads again to an equal scenario. A key added to the declarations but not to the loader or the
 * writer (or to them but not to the declarations) fails here.
 */
class ScenarioKeysTest {
  @TempDir Path dir;

  /** Sets every key of every shape at least once (two agent groups, three frameworks, two faults). */
  String everyKey() throws Exception {
    Files.writeString(dir.resolve("t.csv"), "x\n");
    Files.writeString(dir.resolve("t.index"), "x\n");
    Files.writeString(dir.resolve("machine_meta.csv"), "m_1,0,1,a,8,50,USING\n");
    StandardCatalog c = new StandardCatalog();
    String field = c.traceFields("google-2011").get(0);
    String unit = c.traceUnitKeys("google-2011").get(0);
    return """
        name: every-key
        description: sets every key
        seed: 7
        until: 2h
        cluster:
          zookeeper: {servers: 3, sessionTimeout: 10s}
          masters: 3
          master: {agentPingTimeout: 15s, maxAgentPingTimeouts: 5, offerTimeout: 30s, agentReregisterTimeout: 10m,
                   registryWriteLatency: 5ms, restartDelay: 20s}
          agent: {registrationBackoffFactor: 1s, executorRegistrationTimeout: 1m, executorShutdownGracePeriod: 5s}
          network: {latency: {exponential: {mean: 1ms}}, loss: 0.01, lossModel: message}
          agents:
            - {name: small, count: 2, resources: {cpus: 4, mem: 8GB}, attributes: {rack: r1},
               reservations: {a: {cpus: 1}},
               resourceEstimator: {type: usage, resources: {cpus: 1}, usage: 0.25, interval: 30s, qosController: revoke}}
            - {preset: google-2011, scale: 0.5}
            - {machines: {format: alibaba-2018, path: machine_meta.csv, units: {memPerPercent: 100}}, scale: 1}
        roles:
          a: {weight: 2, quota: {cpus: 1}}
        allocator: {policy: hierarchical-drf, interval: 2s, options: {fairnessExcludeResourceNames: gpus}}
        frameworks:
          - name: A
            count: 2
            role: a
            failoverTimeout: 1m
            checkpoint: true
            partitionAware: true
            gpuResources: true
            revocableResources: true
            revocableTasks: only
            scheduler:
              type: batch
              maxAttempts: 3
              maxTasksPerOffer: 5
              refuseSeconds: 2s
              suppressWhenIdle: true
              decisionTime: {perOffer: 1ms, perTask: 2ms}
              serialDecisions: true
              abandonAfter: 4
              locality: {replicas: 2, wait: 3s}
              inverseOffers: accept
            workload:
              synthetic:
                jobs: 3
                arrival: {exponential: {mean: 30s}}
                tasksPerJob: 2
                task: {resources: {cpus: 1, mem: 512MB}, duration: 10s, failureProbability: 0.1}
          - name: T
            splitBy: %s
            role: "t/{value}"
            workload:
              trace:
                format: google-2011
                path: t.csv
                filter: {%s: {min: 0, max: 5}}
                window: {from: 0s, to: 1h}
                timeScale: 2
                skipMalformed: true
                units: {%s: 4}
                loadScale: 0.5
                index: t.index
                unended: drop
          - name: G
            role: g
            sharedResources: true
            scheduler: {type: service, stateful: true}
            workload:
              synthetic: {preset: google-like, scale: 0.1, diurnal: {amplitude: 0.3, peakHour: 14}}
        faults:
          - {at: 10m, crash: leading-master, restartAfter: 1m}
          - {every: {exponential: {mean: 1h}}, partition: [agent small-1], healAfter: 30s}
        maintenance:
          schedule:
            at: 1m
            windows: [{machines: [small-1], start: 5m, duration: 10m}]
          actions:
            - {at: 5m, down: [small-1]}
            - {at: 8m, up: [small-1]}
        metrics: {sampleInterval: 5s, agentHeatmap: {rows: 8, columns: 16, interval: 10s}}
        report: {charts: [utilization], formats: [svg]}
        """.formatted(field, field, unit);
  }

  @Test
  void everyDeclaredKey_isReadAndWritten() throws Exception {
    ScenarioLoader loader = new ScenarioLoader(new TestCatalog());
    Scenario s = loader.parse(everyKey(), "s.yaml", dir.resolve("s.yaml"), List.of());
    TreeSet<String> written = new TreeSet<>();
    collect(ScenarioWriter.tree(s), written);
    TreeSet<String> declared = new TreeSet<>();
    ScenarioKeys.SHAPES.forEach((shape, keys) -> keys.forEach(k -> declared.add(shape + "." + k)));
    assertEquals(declared, written, "keys declared in ScenarioKeys.SHAPES but not written back (or the reverse)");
    Path resolved = dir.resolve("r.yaml");
    Files.writeString(resolved, ScenarioWriter.write(s, List.of()));
    Scenario again = loader.load(resolved);
    assertEquals(ScenarioWriter.tree(s), ScenarioWriter.tree(again));
  }

  @Test
  void theWriter_cannotWriteAnUndeclaredKey_norTheLoaderReadOne() {
    Map<String, Object> out = ScenarioKeys.out("metrics");
    assertThrows(IllegalStateException.class, () -> out.put("sampleIntervall", "1s"));
    Fields f = new Fields("metrics", "metrics", Map.of());
    assertThrows(IllegalStateException.class, () -> f.get("sampleIntervall"));
    assertTrue(f.get("sampleInterval") == null);
  }

  /** Every (shape, key) pair of the writer's mappings, at any depth. */
  private static void collect(Object node, TreeSet<String> out) {
    if (node instanceof ScenarioKeys.Out o) {
      o.keySet().forEach(k -> out.add(o.shape() + "." + k));
    }
    if (node instanceof Map<?, ?> m) {
      m.values().forEach(v -> collect(v, out));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collect(v, out));
    }
  }
}
