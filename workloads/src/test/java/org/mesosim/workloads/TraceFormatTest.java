package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.BadInputException;

class TraceFormatTest {
  @Test
  void registry_idsFieldsAndUnitDefaults() {
    assertEquals(List.of("swf", "google-2011", "google-2019", "alibaba-2018", "alibaba-2018-containers", "csv"), TraceFormat.ids());
    assertEquals(Optional.of(TraceFormat.GOOGLE_2011), TraceFormat.byId("google-2011"));
    assertEquals(Optional.empty(), TraceFormat.byId("google"));
    assertEquals(List.of("user", "priority", "class", "band", "job"), TraceFormat.GOOGLE_2011.fields());
    assertEquals(32.0, TraceFormat.GOOGLE_2011.unitDefault("cpus"));
    assertEquals(65536.0, TraceFormat.GOOGLE_2011.unitDefault("mem"));
    assertEquals(0.0, TraceFormat.GOOGLE_2011.unitDefault("disk"));
    assertEquals(300.0, TraceFormat.GOOGLE_2011.unitDefault("lookahead")); // seconds
    assertEquals(1.0, TraceFormat.SWF.unitDefault("cpusPerProcessor"));
    assertEquals(0.0, TraceFormat.SWF.unitDefault("memPerProcessor"));
    assertEquals(1024.0, TraceFormat.ALIBABA_2018.unitDefault("memPerPercent"));
    assertTrue(TraceFormat.CSV.fields().containsAll(TraceFormat.SWF.fields()));
    assertTrue(TraceFormat.CSV.fields().containsAll(TraceFormat.GOOGLE_2011.fields()));
    assertTrue(TraceFormat.CSV.fields().containsAll(TraceFormat.ALIBABA_2018.fields()));
    assertTrue(TraceFormat.CSV.fields().containsAll(TraceFormat.GOOGLE_2019.fields()));
    assertTrue(TraceFormat.CSV.fields().containsAll(TraceFormat.ALIBABA_2018_CONTAINERS.fields()));
    for (TraceFormat f : TraceFormat.values()) {
      assertTrue(!f.description().isEmpty());
    }
  }

  @Test
  void unknownUnitOrFormat_isBadInputNamingTheKeys() {
    TreeMap<String, Double> units = new TreeMap<>();
    units.put("cores", 4.0);
    TraceSpec s = TraceSpec.of("swf", List.of(Path.of("x.swf"))).withUnits(units);
    BadInputException e = assertThrows(BadInputException.class, () -> Workloads.trace(s));
    assertEquals("trace.units.cores: unknown for format swf (expected one of [cpusPerProcessor, memPerProcessor])", e.getMessage());
    e = assertThrows(BadInputException.class, () -> Workloads.trace(TraceSpec.of("pbs", List.of(Path.of("x")))));
    assertEquals("trace.format: unknown format 'pbs' (expected one of [swf, google-2011, google-2019, alibaba-2018, alibaba-2018-containers, csv])", e.getMessage());
  }

  @Test
  void emptyOrTruncatedGzip_isBadInputWithThePath(@org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
    Path empty = tmp.resolve("empty.swf.gz");
    java.nio.file.Files.write(empty, new byte[0]);
    BadInputException e = assertThrows(BadInputException.class, () -> Workloads.trace(TraceSpec.of("swf", List.of(empty))).next());
    assertEquals(empty + ": cannot open: empty or truncated gzip file", e.getMessage());
    Path cut = tmp.resolve("cut.swf.gz");
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(bytes)) {
      StringBuilder rows = new StringBuilder();
      for (int job = 1; job <= 2000; job++) { // distinct job numbers: a repeated one is malformed
        rows.append(job).append(" 0 5 10 3 -1 -1 3 -1 -1 1 7 2 3 1 -1 -1 -1\n");
      }
      gz.write(rows.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    byte[] all = bytes.toByteArray();
    java.nio.file.Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
    e = assertThrows(BadInputException.class, () -> {
      try (org.mesosim.model.workload.Workload w = Workloads.trace(TraceSpec.of("swf", List.of(cut)))) {
        while (w.next() != null) {
          // read on
        }
      }
    });
    assertTrue(e.getMessage().startsWith(cut + ":") && e.getMessage().endsWith(": cannot read: truncated gzip file"), e.getMessage());
  }

  @Test
  void missingFile_isBadInputWithThePath() {
    Path p = Path.of("no-such-dir", "missing.swf.gz");
    BadInputException e = assertThrows(BadInputException.class, () -> Workloads.trace(TraceSpec.of("swf", List.of(p))).next());
    assertEquals(p + ": no such file", e.getMessage());
  }
}
