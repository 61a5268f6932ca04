package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.workloads.trace.TraceLines;

class TraceLinesTest {
  @TempDir
  Path tmp;

  @Test
  void linesAndCommaFields_matchStringSplitOnRandomText() throws IOException {
    UniformRandomProvider rng = RandomStreams.create(3, "test/lines");
    String alphabet = "ab,,-.\t 01"; // separators next to each other and to '-' (SWAR edge cases)
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = rng.nextInt(40);
      for (int k = 0; k < len; k++) {
        sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
      }
      lines.add(sb.toString());
    }
    Path f = tmp.resolve("t.txt");
    Files.writeString(f, String.join("\r\n", lines)); // CRLF, no final newline
    Path g = tmp.resolve("u.txt");
    Files.writeString(g, "x,y\n\nlast");
    try (TraceLines t = new TraceLines(List.of(f, g))) {
      for (int i = 0; i < lines.size(); i++) {
        assertTrue(t.next());
        assertEquals(i + 1, t.line());
        assertEquals(lines.get(i), t.text());
        String[] want = lines.get(i).split(",", -1);
        int n = t.split((byte) ',');
        assertEquals(want.length, n, lines.get(i));
        String[] got = new String[n];
        for (int k = 0; k < n; k++) {
          got[k] = t.stringField(k);
        }
        assertEquals(Arrays.asList(want), Arrays.asList(got));
        String trimmed = lines.get(i).strip();
        String[] ws = trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t]+");
        int m = t.splitWhitespace();
        assertEquals(ws.length, m, lines.get(i));
        String[] gotWs = new String[m];
        for (int k = 0; k < m; k++) {
          gotWs[k] = t.stringField(k);
        }
        assertEquals(Arrays.asList(ws), Arrays.asList(gotWs), lines.get(i));
      }
      assertTrue(t.next());
      assertEquals(g.toString(), t.file());
      assertEquals(1, t.line());
      assertEquals(2, t.split((byte) ','));
      assertTrue(t.next());
      assertTrue(t.blank());
      assertTrue(t.next());
      assertEquals("last", t.text());
      assertFalse(t.next());
    }
  }

  @Test
  void longLine_growsTheBuffer() throws IOException {
    String big = "y".repeat(3_000_000);
    Path f = tmp.resolve("big.txt");
    Files.writeString(f, "a\n" + big + "\nb\n");
    try (TraceLines t = new TraceLines(List.of(f))) {
      assertTrue(t.next());
      assertTrue(t.next());
      assertEquals(big.length(), t.end() - t.start());
      assertTrue(t.next());
      assertEquals("b", t.text());
      assertFalse(t.next());
    }
  }

  @Test
  void fieldMemo_reusesARepeatedValue_parsesAChangedOne_keepsTheLastGoodOneAfterAnError() throws IOException {
    Path f = tmp.resolve("memo.csv");
    Files.writeString(f, "10,0.5,u1\n10,0.5,u1\n100,0.25,u2\n1x,0.2x,u2\n100,0.25,u1\n"
        + "6251812952,0.06873,70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIo=\n"
        + "6251812952,0.06873,70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIo=\n"
        + "6251812953,0.06874,70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIp=\n"
        + "7251812953,1.06874,70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIp=\n"
        + "72518129531234567,1.06874,x\n72518129531234568,1.06874,x\n");
    org.mesosim.workloads.trace.FieldMemo time = new org.mesosim.workloads.trace.FieldMemo();
    org.mesosim.workloads.trace.FieldMemo req = new org.mesosim.workloads.trace.FieldMemo();
    org.mesosim.workloads.trace.FieldMemo user = new org.mesosim.workloads.trace.FieldMemo();
    org.mesosim.workloads.trace.ByteInterner users = new org.mesosim.workloads.trace.ByteInterner();
    List<String> seen = new ArrayList<>();
    try (TraceLines t = new TraceLines(List.of(f))) {
      while (t.next()) {
        t.split((byte) ',');
        try {
          seen.add(time.longField(t, 0, "time") + " " + req.doubleField(t, 1, "req") + " " + user.internedField(t, 2, users));
        } catch (org.mesosim.workloads.trace.MalformedRowException e) {
          seen.add("bad: " + e.getMessage());
        }
      }
    }
    assertEquals(List.of("10 0.5 u1", "10 0.5 u1", "100 0.25 u2", "bad: time is not a number: '1x'", "100 0.25 u1",
        "6251812952 0.06873 70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIo=",
        "6251812952 0.06873 70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIo=",
        "6251812953 0.06874 70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIp=",
        "7251812953 1.06874 70s3v5qRyCO/1PCdI6fVXnrW8FU/w+5CKRSa72xgcIp=",
        "72518129531234567 1.06874 x", "72518129531234568 1.06874 x"), seen);
    assertEquals(5, users.size());
  }

  @Test
  void byteOrderMarkAtTheStartOfEachFile_skipped() throws IOException {
    // a BOM used to end up in the first field: a header not recognised, an SWF job id "\uFEFF1"
    Path f = tmp.resolve("bom.csv");
    Files.write(f, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\n', 'c'});
    Path g = tmp.resolve("bom2.csv");
    Files.write(g, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'd', '\r', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    try (TraceLines t = new TraceLines(List.of(f, g))) {
      assertTrue(t.next());
      assertEquals("a,b", t.text());
      assertEquals(2, t.split((byte) ','));
      assertEquals("a", t.stringField(0));
      assertTrue(t.next());
      assertEquals("c", t.text());
      assertTrue(t.next());
      assertEquals("d", t.text());
      assertTrue(t.next());
      assertEquals("\uFEFF", t.text()); // only at the start of a file
      assertFalse(t.next());
    }
  }

  @Test
  void gzipContentWithoutTheGzName_namedAsSuch() throws IOException {
    // it used to be read as text: "expected 13 comma-separated columns, found 1" and the like
    Path f = tmp.resolve("task_events.csv");
    try (var out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write("1,2\n".getBytes(StandardCharsets.UTF_8));
    }
    try (TraceLines t = new TraceLines(List.of(f))) {
      BadInputException e = assertThrows(BadInputException.class, t::next);
      assertEquals(f + ": is gzip-compressed but its name does not end in .gz (rename it)", e.getMessage());
    }
  }

  @Test
  void aLineLongerThan16MiB_isBadInputNotAFullHeap() throws IOException {
    // a file without line ends (zeros, a bzip2 archive) was read whole into one line: out of memory
    Path f = tmp.resolve("zeros.csv");
    Files.write(f, new byte[(16 << 20) + (2 << 20)]);
    try (TraceLines t = new TraceLines(List.of(f))) {
      BadInputException e = assertThrows(BadInputException.class, t::next);
      assertEquals(f + ":1: a line longer than 16 MiB: not a text trace (binary, or compressed other than gzip)?",
          e.getMessage());
    }
  }

  @Test
  void tarArchive_namedAsSuch() throws IOException {
    // Alibaba publishes batch_task.tar.gz: its first "line" was the tar header and the header row,
    // "status must be Terminated, Failed, Running or Waiting, not 'status'"
    byte[] tar = new byte[1024];
    byte[] name = "batch_task.csv".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(name, 0, tar, 0, name.length);
    System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
    System.arraycopy("a,b\n".getBytes(StandardCharsets.US_ASCII), 0, tar, 512, 4);
    Path f = tmp.resolve("batch_task.tar.gz");
    try (var out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(tar);
    }
    try (TraceLines t = new TraceLines(List.of(f))) {
      BadInputException e = assertThrows(BadInputException.class, t::next);
      assertEquals(f + ": is a tar archive (Alibaba's batch_task.tar.gz is one): extract it first, e.g. tar xzf"
          + " batch_task.tar.gz, and read the file inside", e.getMessage());
    }
  }
}
