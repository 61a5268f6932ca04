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
    assertEquals("--format: unknown trace format 'sfw' (did you mean 'swf'?); known: alibaba-2018, csv, google-2011,"
        + " swf", f.err.strip());
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
