package org.mesosim.cli.equivalence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Services;
import org.mesosim.cli.SimulationRunner;
import org.mesosim.cli.scenario.Examples;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.reports.EventLog;

/**
 * The offer path may be redesigned only if every observable stream stays the same record by
 * record: this runs the scenarios of {@link EquivalenceScenarios} with the full event log and
 * compares each with the committed baseline {@code streams.baseline} (per scenario: the run digest,
 * the number of stream records and the SHA-256 of the whole {@code events.jsonl} as written).
 *
 * <p>System properties (pass them to Maven, which hands them to the test JVM):
 * <ul>
 *   <li>{@code -Dmesosim.rebaseline=true} rewrites the baseline file in the source tree from this
 *       build (every line); {@code -Dmesosim.rebaseline=<regex>} rewrites only the lines of the
 *       scenarios whose name matches (e.g. {@code 'quota-.*'} after a deliberate change of the quota
 *       rules), keeping the others and still checking them. Commit the file with the reason.
 *   <li>{@code -Dmesosim.streams.dump=DIR} writes each scenario's full stream to
 *       {@code DIR/<name>.jsonl} (and its YAML to {@code DIR/<name>.yaml}), so two builds can be
 *       diffed record by record ({@code diff before/x.jsonl after/x.jsonl}).
 *   <li>{@code -Dmesosim.equivalence.only=<regex>} runs only the matching scenarios.
 * </ul>
 */
class StreamEquivalenceTest {
  static final String RESOURCE = "streams.baseline";
  private static final Path SOURCE = Path.of("src", "test", "resources", "org", "mesosim", "cli", "equivalence",
      RESOURCE);

  @TempDir Path dir;

  /** One baseline line: {@code name digest records sha256}. */
  record Line(String name, String digest, long records, String sha256) {
    @Override
    public String toString() {
      return name + " " + digest + " " + records + " " + sha256;
    }

    static Line parse(String s) {
      String[] f = s.trim().split(" +");
      if (f.length != 4) {
        throw new IllegalArgumentException("bad baseline line: " + s);
      }
      return new Line(f[0], f[1], Long.parseLong(f[2]), f[3]);
    }
  }

  static Map<String, Line> readBaseline() throws IOException {
    Map<String, Line> m = new LinkedHashMap<>();
    try (InputStream in = StreamEquivalenceTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return m;
      }
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.isBlank() && !l.startsWith("#")) {
          Line x = Line.parse(l);
          m.put(x.name(), x);
        }
      }
    }
    return m;
  }

  Line run(Services services, EquivalenceScenarios.Case c, Path dump) throws Exception {
    Path yaml = dir.resolve(c.name() + ".yaml");
    Files.writeString(yaml, c.yaml());
    Scenario s = new ScenarioLoader(services.catalog()).load(yaml, List.of());
    Path out = dir.resolve(c.name());
    RunResult r = new SimulationRunner(services.catalog())
        .run(new RunRequest(s, List.of(), out, false, false, false, List.of()), null);
    Path log = out.resolve(EventLog.FILE);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long lines = 0;
    try (InputStream in = Files.newInputStream(log)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        sha.update(buf, 0, n);
        for (int i = 0; i < n; i++) {
          lines += buf[i] == '\n' ? 1 : 0;
        }
      }
    }
    // events.jsonl also holds the scheduler measurements (decision, job-attempted, placement) for
    // frameworks with a decision time: derived from digested records, so not counted as stream records
    long derived;
    try (java.util.stream.Stream<String> ls = Files.lines(log)) {
      derived = ls.filter(l -> l.contains("\"kind\":\"decision\"") || l.contains("\"kind\":\"job-attempted\"")
          || l.contains("\"kind\":\"placement\"")).count();
    }
    assertEquals(r.records(), lines - derived, c.name() + ": events.jsonl has one line per stream record");
    if (dump != null) {
      Files.createDirectories(dump);
      Files.copy(log, dump.resolve(c.name() + ".jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(dump.resolve(c.name() + ".yaml"), c.yaml());
    }
    // Only the log is needed: keep the temporary folder small.
    Files.delete(log);
    return new Line(c.name(), r.digest(), r.records(), HexFormat.of().formatHex(sha.digest()));
  }

  @Test
  void everyRecordedStream_isUnchanged() throws Exception {
    List<EquivalenceScenarios.Case> cases = EquivalenceScenarios.all();
    TreeSet<String> names = new TreeSet<>();
    for (EquivalenceScenarios.Case c : cases) {
      assertTrue(names.add(c.name()), "duplicate scenario name " + c.name());
    }
    assertTrue(cases.size() >= 30, "at least 30 scenarios: " + cases.size());
    String only = System.getProperty("mesosim.equivalence.only", "");
    String rebaseline = System.getProperty("mesosim.rebaseline", "");
    String dumpDir = System.getProperty("mesosim.streams.dump", "");
    Path dump = dumpDir.isEmpty() ? null : Path.of(dumpDir).toAbsolutePath();
    Pattern onlyP = only.isEmpty() ? null : Pattern.compile(only);
    Pattern rebaseP = rebaseline.isEmpty() || rebaseline.equals("false") ? null
        : rebaseline.equals("true") ? Pattern.compile(".*") : Pattern.compile(rebaseline);

    Services services = Services.standard();
    TreeSet<String> policies = new TreeSet<>();
    for (EquivalenceScenarios.Case c : cases) {
      java.util.regex.Matcher m = Pattern.compile("(?m)^  policy: (\\S+)$").matcher(c.yaml());
      assertTrue(m.find(), c.name());
      policies.add(m.group(1));
    }
    assertEquals(new TreeSet<>(services.catalog().allocatorNames()), policies, "every registered policy is covered");
    Map<String, Line> baseline = readBaseline();
    Map<String, Line> now = new LinkedHashMap<>();
    List<String> differ = new ArrayList<>();
    for (EquivalenceScenarios.Case c : cases) {
      if (onlyP != null && !onlyP.matcher(c.name()).matches()) {
        continue;
      }
      Line got = run(services, c, dump);
      now.put(c.name(), got);
      Line want = baseline.get(c.name());
      boolean rewrite = rebaseP != null && rebaseP.matcher(c.name()).matches();
      if (!rewrite && !got.equals(want)) {
        differ.add("  " + c.name() + "\n    baseline: " + want + "\n    this run: " + got);
      }
    }
    if (rebaseP != null) {
      // Keep the lines not re-recorded (and scenarios not run) as they were; order = the cases' order.
      StringBuilder b = new StringBuilder();
      b.append("# StreamEquivalenceTest baseline: name digest stream-records sha256(events.jsonl)\n");
      b.append("# Re-record: mvn -pl cli -am verify -Dtest=StreamEquivalenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dmesosim.rebaseline=true (or =<regex>)\n");
      for (EquivalenceScenarios.Case c : cases) {
        boolean rewrite = rebaseP.matcher(c.name()).matches() && now.containsKey(c.name());
        Line l = rewrite ? now.get(c.name()) : baseline.get(c.name());
        if (l != null) {
          b.append(l).append('\n');
        }
      }
      Path src = Examples.repoRoot().resolve("cli").resolve(SOURCE);
      Files.createDirectories(src.getParent());
      Files.writeString(src, b.toString());
    }
    if (!differ.isEmpty()) {
      fail(differ.size() + " of " + now.size() + " streams differ from " + RESOURCE
          + " (diff them with -Dmesosim.streams.dump=DIR on both builds):\n" + String.join("\n", differ));
    }
    if (rebaseP == null) {
      assertEquals(onlyP == null ? cases.size() : now.size(), now.size());
      for (String n : now.keySet()) {
        assertTrue(baseline.containsKey(n), "no baseline line for " + n);
      }
    }
  }
}
