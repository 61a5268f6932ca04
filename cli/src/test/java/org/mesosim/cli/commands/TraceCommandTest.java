package org.mesosim.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Examples;

class TraceCommandTest {
  @TempDir Path dir;

  @Test
  void inspect_ownCsv_countsJobsAndTasks() throws Exception {
    Path swf = dir.resolve("t.swf");
    Files.writeString(swf, """
        ; MaxProcs: 8
            1     0    5   100    2  -1  -1   2  200  -1  1  1  1  1  1  1  -1  -1
            2    10    0    50    4  -1  -1   4  100  -1  0  2  1  1  1  1  -1  -1
            3    20    0    -1    4  -1  -1   4  100  -1  1  2  1  1  1  1  -1  -1
        """);
    Cli r = Cli.run(Services.standard(), "trace", "inspect", swf.toString(), "--format", "swf");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertTrue(r.out.contains("rows:          3\n"), r.out);
    assertTrue(r.out.contains("jobs:          2\n"), r.out);
    assertTrue(r.out.contains("tasks:         6\n"), r.out);
    Path csv = dir.resolve("t.csv");
    Cli c = Cli.run(Services.standard(), "trace", "convert", swf.toString(), "--format", "swf", "--out", csv.toString());
    assertEquals(ExitCodes.OK, c.code, c.toString());
    assertEquals("wrote " + csv + " (2 jobs)", c.out.strip());
    Cli back = Cli.run(Services.standard(), "trace", "inspect", csv.toString(), "--format", "csv");
    assertTrue(back.out.contains("tasks:         6\n"), back.out);
    Path streamed = dir.resolve("s.csv");
    Cli st = Cli.run(Services.standard(), "trace", "convert", swf.toString(), "--format", "swf", "--out",
        streamed.toString(), "--stream");
    assertEquals(ExitCodes.OK, st.code, st.toString());
    assertEquals(Files.readString(csv), Files.readString(streamed), "no runtime deferred: the same file");
  }

  /**
   * google-2019 and alibaba-2018-containers through inspect and convert (hand-written rows in the
   * published column orders; no sample of these tables is in the repository), and a malformed row:
   * exit 2 with file:line.
   */
  @Test
  void newFormats_inspectConvertAndMalformedRows() throws Exception {
    Path g = dir.resolve("instance_events.csv");
    Files.writeString(g, "time,type,collection_id,scheduling_class,missing_type,collection_type,priority,"
        + "alloc_collection_id,instance_index,machine_id,alloc_instance_index,cpus,memory\n"
        + "0,0,7,2,,0,200,0,0,0,-1,0.02,0.01\n"
        + "0,3,7,2,,0,200,0,0,5,-1,,\n"
        + "0,0,9,0,,1,0,0,0,0,-1,0.5,0.5\n"
        + "600000000,0,8,0,,0,25,0,0,0,-1,0.01,0.01\n"
        + "601000000,3,8,0,,0,25,0,0,5,-1,,\n"
        + "900000000,6,8,0,,0,25,0,0,5,-1,,\n");
    Cli r = Cli.run(Services.standard(), "trace", "inspect", g.toString(), "--format", "google-2019");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertTrue(r.out.contains("rows:          6\n"), r.out);
    assertTrue(r.out.contains("jobs:          2\n"), r.out);
    assertTrue(r.out.contains("google-2019: alloc set instance"), r.out);
    Path out = dir.resolve("g19.csv");
    Cli c = Cli.run(Services.standard(), "trace", "convert", g.toString(), "--format", "google-2019", "--out",
        out.toString(), "--stream");
    assertEquals(ExitCodes.OK, c.code, c.toString());
    Cli back = Cli.run(Services.standard(), "trace", "inspect", out.toString(), "--format", "csv");
    // job 7's task runs from 0 to the end of the input (forever), job 8's from 601 s to 900 s
    for (String line : new String[] {"tasks:         2\n", "forever tasks: 1\n", "task-seconds:  299.0\n"}) {
      assertTrue(r.out.contains(line), r.out);
      assertTrue(back.out.contains(line), back.out);
    }
    Files.writeString(g, Files.readString(g) + "800000000,6,8,0,,0,25,0,0,5,-1,,\n");
    Cli bad = Cli.run(Services.standard(), "trace", "inspect", g.toString(), "--format", "google-2019");
    assertEquals(ExitCodes.BAD_INPUT, bad.code, bad.toString());
    assertEquals(g + ":8: time goes backwards (800000000 after 900000000); export instance_events ordered by time,"
        + " or sort the rows by time", bad.err.strip());
    Path cm = dir.resolve("container_meta.csv");
    Files.writeString(cm, "c_1,m_1,0,app_1,started,400,400,1.56\nc_2,m_1,0,app_1,started,400,400,1.56\n");
    Cli ci = Cli.run(Services.standard(), "trace", "inspect", cm.toString(), "--format", "alibaba-2018-containers");
    assertEquals(ExitCodes.OK, ci.code, ci.toString());
    assertTrue(ci.out.contains("jobs:          1\n"), ci.out);
    Files.writeString(cm, "c_1,m_1,0,app_1,started,400,400\n");
    Cli cb = Cli.run(Services.standard(), "trace", "inspect", cm.toString(), "--format", "alibaba-2018-containers");
    assertEquals(ExitCodes.BAD_INPUT, cb.code, cb.toString());
    assertTrue(cb.err.startsWith(cm + ":1: expected 8 comma-separated columns"), cb.err);
  }

  @Test
  void stats_googleRows_and_thePreset() throws Exception {
    Path g = dir.resolve("g.csv");
    // job 1: 2 tasks at t = 0 (0.5 + 0.25 normalised cpus, production); job 2 (free) arrives at 600 s and
    // finishes after 100 s; job 3 (batch, 3 tasks) at 700 s
    Files.writeString(g, """
        0,,1,0,m,1,u,0,9,0.5,0.1,0,0
        0,,1,1,m,1,u,0,9,0.25,0.1,0,0
        600000000,,2,0,,0,u,0,0,0.1,0.1,0,0
        600000000,,2,0,m,1,u,0,0,0.1,0.1,0,0
        700000000,,2,0,m,4,u,0,0,0.1,0.1,0,0
        700000000,,3,0,,0,u,0,4,0.1,0.1,0,0
        700000000,,3,1,,0,u,0,4,0.1,0.1,0,0
        700000000,,3,2,,0,u,0,4,0.1,0.1,0,0
        """);
    Cli r = Cli.run(Services.standard(), "trace", "stats", g.toString(), "--format", "google-2011", "--capacity", "48");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertTrue(r.out.contains("new jobs:            2 (submitted after 0 s)\n"), r.out);
    assertTrue(r.out.contains("arrivals:            0.0100 jobs/s\n"), r.out);
    assertTrue(r.out.contains("tasks per new job:   single 50.0%, median 1, mean 2.00, p90 3\n"), r.out);
    assertTrue(r.out.contains("band mix (new jobs): batch 50.0%, free 50.0%\n"), r.out);
    // (0.5 + 0.25) x 32 cores = 24 of 48
    assertTrue(r.out.contains("requested at start:  50.0% of 48 cpus (production 50.0%)\n"), r.out);
    assertTrue(r.out.contains("finished tasks:      1, duration median 100.0 s, p90 100.0 s\n"), r.out);
    Cli p = Cli.run(Services.standard(), "trace", "stats", "--preset", "google-like", "--scale", "0.01", "--until", "1h");
    assertEquals(ExitCodes.OK, p.code, p.toString());
    assertTrue(p.out.startsWith("workload:            preset google-like, scale 0.01, seed 1"), p.out);
    assertTrue(p.out.contains("window:              0 s to 3600 s\n"), p.out);
    Cli again = Cli.run(Services.standard(), "trace", "stats", "--preset", "google-like", "--scale", "0.01", "--until", "1h");
    assertEquals(p.out, again.out, "same seed, same statistics");
    Cli noUntil = Cli.run(Services.standard(), "trace", "stats", "--preset", "google-like");
    assertEquals(ExitCodes.BAD_INPUT, noUntil.code);
    assertEquals("--until: required with --preset (the preset is endless)", noUntil.err.strip());
    Cli both = Cli.run(Services.standard(), "trace", "stats", g.toString(), "--format", "google-2011", "--preset",
        "google-like", "--until", "1h");
    assertEquals(ExitCodes.BAD_INPUT, both.code);
    Cli neither = Cli.run(Services.standard(), "trace", "stats");
    assertEquals(ExitCodes.BAD_INPUT, neither.code);
    assertEquals("trace stats: give trace FILEs with --format, or --preset google-like", neither.err.strip());
    Cli badUntil = Cli.run(Services.standard(), "trace", "stats", "--preset", "google-like", "--until", "soon");
    assertEquals(ExitCodes.BAD_INPUT, badUntil.code);
    assertTrue(badUntil.err.startsWith("--until: "), badUntil.err);
  }

  @Test
  void index_thenInspectOnePart_knowsTheEndsInTheNext() throws Exception {
    Path a = dir.resolve("part-0.csv");
    Files.writeString(a, "0,,1,0,m,1,u,0,9,0.1,0.1,0,0\n0,,1,1,m,1,u,0,9,0.1,0.1,0,0\n");
    Path b = dir.resolve("part-1.csv");
    Files.writeString(b, "300000000,,1,0,m,4,u,0,9,0.1,0.1,0,0\n");
    Path idx = dir.resolve("idx").resolve("g.idx");
    Cli i = Cli.run(Services.standard(), "trace", "index", a.toString(), b.toString(), "--out", idx.toString());
    assertEquals(ExitCodes.OK, i.code, i.toString());
    assertEquals("wrote " + idx + ": 3 SCHEDULE and end rows of 3 rows in 2 files, up to 300.000000 s", i.out.strip());
    Cli alone = Cli.run(Services.standard(), "trace", "inspect", a.toString(), "--format", "google-2011");
    assertTrue(alone.out.contains("forever tasks: 2\n"), alone.out);
    Cli with = Cli.run(Services.standard(), "trace", "inspect", a.toString(), "--format", "google-2011", "--index",
        idx.toString());
    assertTrue(with.out.contains("forever tasks: 1\n"), with.out);
    assertTrue(with.out.contains("task-seconds:  300.0\n"), with.out);
    assertTrue(with.out.contains("skipped:       1 google: alive where the input stops, end taken from the index\n"), with.out);
    assertTrue(with.out.contains("skipped:       1 google: alive at the end of the input, end beyond it (runs forever)\n"),
        with.out);
    Cli drop = Cli.run(Services.standard(), "trace", "inspect", a.toString(), "--format", "google-2011", "--index",
        idx.toString(), "--unended", "drop");
    assertTrue(drop.out.contains("tasks:         1\n") && drop.out.contains("forever tasks: 0\n"), drop.out);
    Cli bad = Cli.run(Services.standard(), "trace", "inspect", a.toString(), "--format", "google-2011", "--unended", "keep");
    assertEquals(ExitCodes.BAD_INPUT, bad.code);
    assertEquals("--unended: must be run or drop, not 'keep'", bad.err.strip());
    Cli swf = Cli.run(Services.standard(), "trace", "inspect", a.toString(), "--format", "swf", "--index", idx.toString());
    assertEquals(ExitCodes.BAD_INPUT, swf.code);
    assertEquals("--index and --unended apply to --format google-2011 only", swf.err.strip());
  }

  /** trace fetch against a local server on 127.0.0.1 (--mirror); no other network. */
  @Test
  void fetch_google_fromAMirror_checkedAndThenKept() throws Exception {
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(gz)) {
      g.write("0,,1,0,m,1,u,0,9,0.1,0.1,0,0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    byte[] part = gz.toByteArray();
    String sum = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(part));
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", x -> {
      String path = x.getRequestURI().getPath();
      byte[] body = path.equals("/SHA256SUM")
          ? (sum + "  task_events/part-00000-of-00500.csv.gz\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)
          : path.equals("/task_events/part-00000-of-00500.csv.gz") ? part : null;
      if (body == null) {
        x.sendResponseHeaders(404, -1);
      } else {
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
      }
      x.close();
    });
    server.start();
    try {
      String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
      Path dest = dir.resolve("traces");
      Cli r = Cli.run(Services.standard(), "trace", "fetch", "google-2011", "--parts", "0", "--dest", dest.toString(),
          "--mirror", mirror);
      assertEquals(ExitCodes.OK, r.code, r.toString());
      Path got = dest.resolve("task_events/part-00000-of-00500.csv.gz");
      assertEquals(got + ": fetched, " + part.length + " bytes, SHA-256 checked", r.out.strip());
      Cli again = Cli.run(Services.standard(), "trace", "fetch", "google-2011", "--dest", dest.toString(), "--mirror",
          mirror);
      assertEquals(got + ": already there, checked", again.out.strip());
      Cli inspect = Cli.run(Services.standard(), "trace", "inspect", got.toString(), "--format", "google-2011");
      assertTrue(inspect.out.contains("tasks:         1\n"), inspect.out);
      Cli missing = Cli.run(Services.standard(), "trace", "fetch", "google-2011", "--parts", "0-1", "--dest",
          dest.toString(), "--mirror", mirror);
      assertEquals(ExitCodes.ERROR, missing.code);
      assertTrue(missing.err.contains("SHA256SUM lists no sum for task_events/part-00001-of-00500.csv.gz"), missing.err);
    } finally {
      server.stop(0);
    }
    Cli unknown = Cli.run(Services.standard(), "trace", "fetch", "google-2019", "--dest", dir.toString());
    assertEquals(ExitCodes.BAD_INPUT, unknown.code);
    assertEquals("trace fetch: unknown trace 'google-2019' (known: google-2011, swf, alibaba-2018)", unknown.err.strip());
    Cli parts = Cli.run(Services.standard(), "trace", "fetch", "google-2011", "--parts", "0..13", "--dest", dir.toString());
    assertEquals(ExitCodes.BAD_INPUT, parts.code);
    assertEquals("--parts: must be a part or a range within 0-499, such as 0-13, not '0..13'", parts.err.strip());
    Cli noName = Cli.run(Services.standard(), "trace", "fetch", "swf", "--dest", dir.toString());
    assertEquals(ExitCodes.BAD_INPUT, noName.code);
    assertTrue(noName.err.startsWith("trace fetch swf: name the log"), noName.err);
  }

  @Test
  void convert_outThatCannotBeAFile_isBadInput() throws Exception {
    Path swf = dir.resolve("t.swf");
    Files.writeString(swf, "    1     0    5   100    2  -1  -1   2  200  -1  1  1  1  1  1  1  -1  -1\n");
    Cli folder = Cli.run(Services.standard(), "trace", "convert", swf.toString(), "--format", "swf", "--out",
        dir.toString());
    assertEquals(ExitCodes.BAD_INPUT, folder.code, folder.toString());
    assertEquals("--out " + dir + ": is a folder, where a file is needed", folder.err.strip());
    Cli under = Cli.run(Services.standard(), "trace", "convert", swf.toString(), "--format", "swf", "--out",
        swf.resolve("x.csv").toString());
    assertEquals(ExitCodes.BAD_INPUT, under.code, under.toString());
    assertEquals("--out " + swf.resolve("x.csv") + ": " + swf + " is a file, where a folder is needed",
        under.err.strip());
    Path fresh = dir.resolve("new").resolve("sub").resolve("x.csv"); // folders are made, as run --out's is
    Cli made = Cli.run(Services.standard(), "trace", "convert", swf.toString(), "--format", "swf", "--out",
        fresh.toString());
    assertEquals(ExitCodes.OK, made.code, made.toString());
    assertTrue(Files.isRegularFile(fresh));
  }

  @Test
  void inspect_badInput_exit2() throws Exception {
    Cli f = Cli.run(Services.standard(), "trace", "inspect", "x.swf", "--format", "sfw");
    assertEquals(ExitCodes.BAD_INPUT, f.code);
    assertEquals("--format: unknown trace format 'sfw' (did you mean 'swf'?); known: alibaba-2018,"
        + " alibaba-2018-containers, csv, google-2011, google-2019, swf", f.err.strip());
    Cli m = Cli.run(Services.standard(), "trace", "inspect", dir.resolve("none.swf").toString(), "--format", "swf");
    assertEquals(ExitCodes.BAD_INPUT, m.code);
    assertEquals(dir.resolve("none.swf") + ": no such file", m.err.strip());
    Cli d = Cli.run(Services.standard(), "trace", "inspect", dir.toString(), "--format", "swf");
    assertEquals(ExitCodes.BAD_INPUT, d.code);
    assertEquals(dir + ": is a folder; name its trace files (e.g. " + dir.resolve("*.gz") + ")", d.err.strip());
    Path bad = dir.resolve("bad.swf");
    Files.writeString(bad, "1 2 3\n");
    Cli b = Cli.run(Services.standard(), "trace", "inspect", bad.toString(), "--format", "swf");
    assertEquals(ExitCodes.BAD_INPUT, b.code, b.toString());
    assertTrue(b.err.startsWith(bad + ":1"), b.err);
  }

  @Test
  void convert_stoppedByAMalformedRow_leavesThePreviousOutputAsItWas() throws Exception {
    // the output was written in place: a failed conversion left it truncated at the bad row
    Path good = dir.resolve("good.swf");
    Files.writeString(good, """
            1     0    5   100    2  -1  -1   2  200  -1  1  1  1  1  1  1  -1  -1
            2    10    0    50    4  -1  -1   4  100  -1  0  2  1  1  1  1  -1  -1
        """);
    Path bad = dir.resolve("bad.swf");
    Files.writeString(bad, Files.readString(good) + "3 20 x\n");
    Path csv = dir.resolve("t.csv");
    Cli c = Cli.run(Services.standard(), "trace", "convert", good.toString(), "--format", "swf", "--out", csv.toString());
    assertEquals(ExitCodes.OK, c.code, c.toString());
    String before = Files.readString(csv);
    Cli b = Cli.run(Services.standard(), "trace", "convert", bad.toString(), "--format", "swf", "--out", csv.toString());
    assertEquals(ExitCodes.BAD_INPUT, b.code, b.toString());
    assertEquals(before, Files.readString(csv));
    assertTrue(Files.notExists(dir.resolve("t.csv.partial")));
    // the output may be the input
    Cli self = Cli.run(Services.standard(), "trace", "convert", csv.toString(), "--format", "csv", "--out",
        csv.toString());
    assertEquals(ExitCodes.OK, self.code, self.toString());
    assertEquals(before, Files.readString(csv));
  }

  @Test
  void inspect_lanlSample() {
    Path lanl = Examples.trace("LANL-CM5-1994-4.1-cln.first30000jobs.swf.gz");
    Cli r = Cli.run(Services.standard(), "trace", "inspect", lanl.toString(), "--format", "swf");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertTrue(r.out.contains("rows:          30000\n"), r.out);
  }
}
