package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.workloads.fetch.TraceFetcher;

/** {@code trace fetch} against a local HTTP server on 127.0.0.1 (no other network). */
class TraceFetcherTest {
  @TempDir Path dir;
  HttpServer server;
  String base;
  final Map<String, byte[]> files = new ConcurrentHashMap<>();
  /** Paths whose next response is cut after half its body (once each). */
  final Map<String, Boolean> cutOnce = new ConcurrentHashMap<>();
  final List<String> ranges = Collections.synchronizedList(new ArrayList<>());
  final List<String> progress = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

  @AfterEach
  void stop() {
    stopped.countDown();
    server.stop(0);
  }

  private void serve(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    byte[] body = files.get(path);
    if (body == null) {
      x.sendResponseHeaders(404, -1);
      x.close();
      return;
    }
    String range = x.getRequestHeaders().getFirst("Range");
    int from = 0;
    if (range != null) {
      ranges.add(path + " " + range);
      from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
      x.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
      x.sendResponseHeaders(206, body.length - from);
    } else {
      x.sendResponseHeaders(200, body.length);
    }
    try (OutputStream o = x.getResponseBody()) {
      if (cutOnce.remove(path) != null) { // half the body, then the connection stalls
        o.write(body, from, (body.length - from) / 2);
        o.flush();
        try {
          stopped.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new IOException("stalled");
      }
      o.write(body, from, body.length - from);
    } catch (IOException e) {
      x.close();
    }
  }

  static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(b)) {
      g.write(text.getBytes(StandardCharsets.US_ASCII));
    }
    return b.toByteArray();
  }

  static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  /** Two Google parts with their SHA256SUM; the second is big enough to be cut in half. */
  byte[][] googleParts() throws Exception {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      big.append(i * 1000L).append(",,").append(i).append(",0,,0,u,0,4,0.1,0.1,0,0\n");
    }
    byte[] p0 = gzip("0,,1,0,m,1,u,0,9,0.1,0.1,0,0\n");
    byte[] p1 = gzip(big.toString());
    files.put("/g/task_events/part-00000-of-00500.csv.gz", p0);
    files.put("/g/task_events/part-00001-of-00500.csv.gz", p1);
    files.put("/g/SHA256SUM", (sha(p0) + "  task_events/part-00000-of-00500.csv.gz\n" + sha(p1)
        + " *task_events/part-00001-of-00500.csv.gz\n" + "0".repeat(64) + "  job_events/part-00000-of-00500.csv.gz\n")
        .getBytes(StandardCharsets.US_ASCII));
    return new byte[][] {p0, p1};
  }

  @Test
  void google_checkedAgainstSha256Sum_resumedWithARangeAfterACut() throws Exception {
    byte[][] parts = googleParts();
    cutOnce.put("/g/task_events/part-00001-of-00500.csv.gz", true);
    TraceFetcher f = new TraceFetcher(progress::add, java.time.Duration.ofSeconds(1));
    Path dest = dir.resolve("google");
    List<TraceFetcher.Item> items = f.google2011(base + "g", 0, 1, dest);
    assertEquals(2, items.size());
    UncheckedIOException cut = assertThrows(UncheckedIOException.class, () -> f.fetchAll(items));
    assertTrue(cut.getMessage().contains("(nothing received for 1 s); run the same fetch again to resume it"),
        cut.getMessage());
    Path p0 = dest.resolve("task_events/part-00000-of-00500.csv.gz");
    Path p1 = dest.resolve("task_events/part-00001-of-00500.csv.gz");
    Path partial = dest.resolve("task_events/part-00001-of-00500.csv.gz.partial");
    assertArrayEquals(parts[0], Files.readAllBytes(p0));
    assertFalse(Files.exists(p1), "a partial file never takes the destination's name");
    long half = Files.size(partial);
    assertTrue(half > 0 && half < parts[1].length, half + " of " + parts[1].length);
    List<String> again = f.fetchAll(f.google2011(base + "g", 0, 1, dest));
    assertEquals(p0 + ": already there, checked", again.get(0));
    assertTrue(again.get(1).endsWith("SHA-256 checked"), again.get(1));
    assertEquals(List.of("/g/task_events/part-00001-of-00500.csv.gz bytes=" + half + "-"), ranges);
    assertArrayEquals(parts[1], Files.readAllBytes(p1));
    assertFalse(Files.exists(partial));
    assertTrue(progress.stream().anyMatch(l -> l.contains("resuming at byte " + half)), progress.toString());
    assertTrue(progress.stream().anyMatch(l -> l.matches(".*part-00001-of-00500.csv.gz: \\d+% \\(.* MB\\)")),
        progress.toString());
    // the fetched parts replay: 1 + 200,000 rows
    assertEquals(200_001, TraceInspector.inspect(TraceSpec.of("google-2011", List.of(p0, p1))).rows());
  }

  @Test
  void corruptDownload_isRemovedAndRefused() throws Exception {
    googleParts();
    files.put("/g/task_events/part-00000-of-00500.csv.gz", gzip("0,,1,0,m,1,u,0,9,0.2,0.1,0,0\n")); // not what SHA256SUM says
    TraceFetcher f = new TraceFetcher(progress::add);
    Path dest = dir.resolve("google");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> f.fetchAll(f.google2011(base + "g", 0, 0, dest)));
    assertTrue(e.getMessage().contains("the download is corrupt (SHA-256 "), e.getMessage());
    assertFalse(Files.exists(dest.resolve("task_events/part-00000-of-00500.csv.gz")));
    assertFalse(Files.exists(dest.resolve("task_events/part-00000-of-00500.csv.gz.partial")));
    assertThrows(BadInputException.class, () -> f.google2011(base + "g", 3, 2, dest));
    assertThrows(BadInputException.class, () -> f.google2011(base + "g", 0, 500, dest));
    IllegalStateException none = assertThrows(IllegalStateException.class,
        () -> f.google2011(base + "g", 0, 2, dest));
    assertTrue(none.getMessage().endsWith("SHA256SUM lists no sum for task_events/part-00002-of-00500.csv.gz"),
        none.getMessage());
  }

  @Test
  void swf_withoutAChecksum_isCheckedByDecompressingItWhole() throws Exception {
    byte[] log = gzip("; MaxProcs: 8\n    1 0 5 100 2 -1 -1 2 200 -1 1 1 1 1 1 1 -1 -1\n");
    files.put("/pwa/l_lanl_cm5/LANL-CM5-1994-4.1-cln.swf.gz", log);
    TraceFetcher f = new TraceFetcher(progress::add);
    String line = f.fetch(TraceFetcher.swf(base + "pwa", "LANL-CM5-1994-4.1-cln", dir));
    assertTrue(line.endsWith("decompressed whole (no published checksum)"), line);
    assertArrayEquals(log, Files.readAllBytes(dir.resolve("LANL-CM5-1994-4.1-cln.swf.gz")));
    // a gzip cut short but served whole (right length): refused
    files.put("/pwa/l_sdsc_sp2/SDSC-SP2-1998-4.2-cln.swf.gz", java.util.Arrays.copyOf(log, log.length - 12));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> f.fetch(TraceFetcher.swf(base + "pwa", "SDSC-SP2-1998-4.2-cln", dir)));
    assertTrue(e.getMessage().contains("not a whole gzip file"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("SDSC-SP2-1998-4.2-cln.swf.gz")));
    BadInputException unknown = assertThrows(BadInputException.class, () -> TraceFetcher.swf(base, "NOPE", dir));
    assertTrue(unknown.getMessage().startsWith("swf: unknown log 'NOPE' (known: CTC-SP2-1996-3.1-cln, "), unknown.getMessage());
  }

  @Test
  void alibaba_tablesCheckedAgainstThePublishedSums() throws Exception {
    List<TraceFetcher.Item> items = TraceFetcher.alibaba2018(base + "a", List.of("batch_task", "machine_meta"), dir);
    assertEquals(base + "a/batch_task.tar.gz", items.get(0).url().toString());
    assertEquals("7c4b32361bd1ec2083647a8f52a6854a03bc125ca5c202652316c499fbf978c6", items.get(0).sha256());
    files.put("/a/batch_task.tar.gz", new byte[] {1, 2, 3});
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new TraceFetcher(progress::add).fetch(items.get(0)));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    BadInputException bad = assertThrows(BadInputException.class,
        () -> TraceFetcher.alibaba2018(base, List.of("batch_tasks"), dir));
    assertTrue(bad.getMessage().startsWith("--tables: unknown table 'batch_tasks'"), bad.getMessage());
  }
}
