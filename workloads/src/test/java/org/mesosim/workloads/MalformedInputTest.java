package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.trace.csv.CsvTraceFormat;

/** Trace input accepted silently before (issue 24, item 4), now malformed with file:line. */
class MalformedInputTest {
  @TempDir Path tmp;

  private static long count(TraceSpec spec) {
    long n = 0;
    try (Workload w = Workloads.trace(spec)) {
      JobSpec j;
      while ((j = w.next()) != null) {
        n++;
      }
    }
    return n;
  }

  private static String ev(long s, int type, String klass, String prio, String cpu) {
    return s * 1_000_000 + ",,9,0,77," + type + ",u1," + klass + "," + prio + "," + cpu + ",0.1,0.001,0\n";
  }

  @Test
  void googleEndEventRows_areRangeCheckedLikeTheOthers() throws IOException {
    String head = ev(0, 0, "2", "9", "0.1") + ev(1, 1, "2", "9", "0.1");
    for (String[] c : new String[][] {{"7", "9", "0.1", "scheduling class must be 0-3, not 7"},
        {"2", "1e19", "0.1", "priority"}, {"2", "9", "-5", "CPU request must be >= 0"}}) {
      Path f = tmp.resolve("task_events.csv");
      Files.writeString(f, head + ev(5, 4, c[0], c[1], c[2]));
      BadInputException e = assertThrows(BadInputException.class,
          () -> count(TraceSpec.of("google-2011", List.of(f))));
      assertEquals(true, e.getMessage().startsWith(f + ":3: ") && e.getMessage().contains(c[3]), e.getMessage());
    }
    Path ok = tmp.resolve("ok.csv");
    Files.writeString(ok, head + ev(5, 4, "", "", ""));
    assertEquals(1, count(TraceSpec.of("google-2011", List.of(ok))), "empty fields stay allowed");
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  @Test
  void gzipWithTrailingGarbage_isRefused() throws IOException {
    String csv = String.join(",", CsvTraceFormat.COLUMNS) + "\na,0,0,,1,512,,,1,FINISHED,\n";
    byte[] z = gzip(csv);
    Path whole = tmp.resolve("w.csv.gz");
    Files.write(whole, z);
    assertEquals(1, count(TraceSpec.of("csv", List.of(whole))));
    // two members (gzip allows concatenation) are still one file
    ByteArrayOutputStream two = new ByteArrayOutputStream();
    two.write(z);
    two.write(gzip("b,1,0,,1,512,,,1,FINISHED,\n"));
    Path joined = tmp.resolve("j.csv.gz");
    Files.write(joined, two.toByteArray());
    assertEquals(2, count(TraceSpec.of("csv", List.of(joined))));
    for (int garbage : new int[] {1, 5, 30, 100_000}) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.write(z);
      b.write(new byte[garbage]);
      Path f = tmp.resolve("g" + garbage + ".csv.gz");
      Files.write(f, b.toByteArray());
      BadInputException e = assertThrows(BadInputException.class, () -> count(TraceSpec.of("csv", List.of(f))),
          garbage + " bytes of garbage");
      assertEquals(true, e.getMessage().startsWith(f + ":") && e.getMessage().contains("bytes after the end of the"
          + " gzip data"), e.getMessage());
    }
  }

  @Test
  void csvAmountsFinerThanThousandths_areMalformedNotRounded() throws IOException {
    String header = String.join(",", CsvTraceFormat.COLUMNS) + "\n";
    Path f = tmp.resolve("d.csv");
    Files.writeString(f, header + "a,0,0,,1.0004,512,,,1,FINISHED,\n");
    BadInputException e = assertThrows(BadInputException.class, () -> count(TraceSpec.of("csv", List.of(f))));
    assertEquals(f + ":2: cpus 1.0004 has more than 3 decimals (amounts are kept in thousandths, as in Mesos)",
        e.getMessage());
    // thousandths, trailing zeros and exponents that land on thousandths are fine
    Files.writeString(f, header + "a,0,0,,1.005,512.5000,,,1,FINISHED,\nb,1,0,,1e-3,0.125,,,1,FINISHED,\n");
    assertEquals(2, count(TraceSpec.of("csv", List.of(f))));
  }
}
