package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.BadInputException;
import org.mesosim.engine.SimTime;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.Workload;

class SwfReaderTest {
  @TempDir
  Path tmp;

  private static final String HEADER = "; Version: 2.2\n; MaxProcs: 1024\n";

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void lanlSample_totalsMatchAwk() {
    Path f = TraceSamples.require(TraceSamples.SWF);
    // zcat LANL*.gz | grep -v '^;' | awk '{p=$5; if(p<0)p=$8; kb=$10; if(kb<0) kb=$7;
    //   m=(kb<0)?0:int(kb/1024*1000+0.5); n++; t+=p; mem+=p*m; d+=p*$4; u[$12]=1; last=$2}
    //   END{printf "%d %.0f %.0f %.0f %d %s\n", n, t, mem, d, length(u), last}'
    // -> 30000 2953984 48768329312 11081596704 159 14360407
    TraceInspection i = TraceInspector.inspect(TraceSpec.of("swf", List.of(f)));
    assertEquals(30000, i.rows());
    assertEquals(30000, i.jobs());
    assertEquals(0, i.malformed());
    assertEquals(2953984, i.tasks());
    assertEquals(2953984L * 1000, i.totals().milli(0));
    assertEquals(48768329312L, i.totals().milli(1));
    assertEquals(11081596704.0, i.taskSeconds(), 1e-3);
    assertEquals(0, i.firstSubmit());
    assertEquals(14360407 * SimTime.SECOND, i.lastSubmit());
    assertEquals(159, i.users());
    assertEquals(0, i.foreverTasks());
  }

  @Test
  void lanlSample_queue6JobUsesUsedMemoryWhenRequestIsMinusOne() {
    Path f = TraceSamples.require(TraceSamples.SWF);
    // job 61: "61 11290 0 34 32 -1 298 -1 -1 -1 1 14 -1 11 6 -1 -1 -1": 32 procs, requested memory -1, used 298 KB
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
      JobSpec j;
      do {
        j = w.next();
      } while (!j.id().equals("61"));
      assertEquals(11290 * SimTime.SECOND, j.submitTime());
      assertEquals(32, j.tasks().size());
      assertEquals(Resources.of(1, 0.291), j.tasks().get(0).resources()); // 298/1024 = 0.291015625
      assertEquals(34 * SimTime.SECOND, j.tasks().get(0).duration());
      assertEquals("6", j.fields().get("queue"));
      assertEquals("-1", j.fields().get("group"));
      assertEquals("14", j.fields().get("user"));
    }
  }

  @Test
  void rows_mapToTasksWithStatusUnitsAndFallbacks() throws IOException {
    Path f = write("a.swf", HEADER
        + "1 0 5 100.00 4 -1 2048 4 -1 4096 1 7 2 3 1 -1 -1 -1\n"
        + "2 10 5 50 -1 -1 -1 2 -1 -1 0 8 2 3 1 -1 -1 -1\n"
        + "3 20 5 50 1 -1 -1 1 -1 -1 5 8 2 3 2 -1 -1 -1\n");
    TreeMap<String, Double> units = new TreeMap<>();
    units.put("cpusPerProcessor", 2.0);
    units.put("memPerProcessor", 100.0);
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)).withUnits(units))) {
      JobSpec a = w.next();
      assertEquals(4, a.tasks().size());
      assertEquals(Resources.of(2, 4), a.tasks().get(3).resources()); // requested 4096 KB wins over used
      assertEquals(100 * SimTime.SECOND, a.tasks().get(3).duration());
      assertEquals(TaskOutcome.FINISHED, a.tasks().get(0).outcome());
      JobSpec b = w.next();
      assertEquals(2, b.tasks().size()); // allocated -1: requested processors
      assertEquals(Resources.of(2, 100), b.tasks().get(0).resources()); // no memory: memPerProcessor
      assertEquals(TaskOutcome.FAILED, b.tasks().get(1).outcome());
      JobSpec c = w.next();
      assertEquals(TaskOutcome.KILLED, c.tasks().get(0).outcome());
      assertEquals("5", c.fields().get("status"));
      assertEquals("2", c.fields().get("queue"));
      assertNull(w.next());
    }
  }

  @Test
  void negativeRunTimeOrNoProcessors_skippedAndCounted() throws IOException {
    Path f = write("b.swf", HEADER
        + "1 0 5 -1 4 -1 -1 4 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "2 1 5 10 -1 -1 -1 -1 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "3 2 5 10 1 -1 -1 -1 -1 -1 1 7 2 3 1 -1 -1 -1\n");
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
      assertEquals("3", w.next().id());
      assertNull(w.next());
      assertEquals(1L, w.stats().skipped().get("swf: negative (unknown) run time"));
      assertEquals(1L, w.stats().skipped().get("swf: no processors"));
      assertEquals(3, w.stats().rows());
      assertEquals(1, w.stats().jobs());
    }
  }

  @Test
  void malformedRow_stopsWithFileAndLine() throws IOException {
    Path f = write("bad.swf", HEADER
        + "1 0 5 10 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "2 1 5 10 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1\n");
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
      w.next();
      BadInputException e = assertThrows(BadInputException.class, w::next);
      assertEquals(f + ":4: expected 18 fields, found 17", e.getMessage());
    }
  }

  @Test
  void timesBeyondTheClock_malformed() throws IOException {
    // 1e13 s is more µs than a long holds: the job would arrive "never", the task run forever
    Path f = write("far.swf", HEADER
        + "1 0 5 10 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "2 1e13 5 10 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "3 2 5 1e300 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "4 1e12 5 1e12 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n");
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
      w.next();
      BadInputException e = assertThrows(BadInputException.class, w::next);
      assertEquals(f + ":4: submit time is out of range: 1.0E13 s (at most 9223372036854 s)", e.getMessage());
    }
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)).withSkipMalformed(true))) {
      assertEquals("1", w.next().id());
      JobSpec last = w.next();
      assertEquals(1_000_000_000_000L * SimTime.SECOND, last.submitTime());
      assertEquals(1_000_000_000_000L * SimTime.SECOND, last.tasks().get(0).duration());
      assertNull(w.next());
      assertEquals(2, w.stats().malformed());
    }
  }

  @Test
  void memoryBeyondWhatATaskCanAsk_malformed() throws IOException {
    // 1e300 KB saturated Mesos' fixed point; summing two such tasks overflowed (exit 1)
    Path f = write("mem.swf", HEADER + "1 0 5 10 2 -1 1e300 2 -1 -1 1 7 2 3 1 -1 -1 -1\n");
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
      BadInputException e = assertThrows(BadInputException.class, w::next);
      assertEquals(f + ":3: used memory is out of range: 9.765625E296 MB (at most 9223372036854775)", e.getMessage());
    }
  }

  @Test
  void statusBeyondAnInt_malformedNotWrapped() throws IOException {
    // (int) 4294967297 is 1: the job used to finish as "completed"
    Path f = write("st.swf", HEADER + "1 0 5 10 1 -1 -1 1 -1 -1 4294967297 7 2 3 1 -1 -1 -1\n");
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
      BadInputException e = assertThrows(BadInputException.class, w::next);
      assertEquals(f + ":3: status must be -1, 0, 1, 2, 3, 4 or 5, not 4294967297", e.getMessage());
    }
  }

  @Test
  void inspect_sumsBeyondALong_notWrapped() throws IOException {
    // two tasks of 5e12 s: 1e19 µs wrapped to a negative task-seconds total
    Path d = write("dur.swf", HEADER + "1 0 5 5e12 2 -1 -1 2 -1 -1 1 7 2 3 1 -1 -1 -1\n");
    assertEquals(1e13, TraceInspector.inspect(TraceSpec.of("swf", List.of(d))).taskSeconds());
    // a million tasks of 8.8e15 MB each: the memory total wrapped to a plausible positive number
    Path m = write("sum.swf", HEADER + "1 0 5 10 1000000 -1 9e18 1 -1 -1 1 7 2 3 1 -1 -1 -1\n");
    BadInputException e = assertThrows(BadInputException.class,
        () -> TraceInspector.inspect(TraceSpec.of("swf", List.of(m))));
    assertEquals(m + ": job 1: the tasks' mem add up to more than 9223372036854775 (Mesos' fixed point keeps thousandths"
        + " in a long)", e.getMessage());
  }

  @Test
  void malformedRows_skippedAndCountedWhenAsked() throws IOException {
    Path f = write("bad2.swf", HEADER
        + "1 0 5 10 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "2 x 5 10 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n"
        + "3 2 5 10 1 -1 -1 1 -1 -1 9 7 2 3 1 -1 -1 -1\n"
        + "4 3 5 10 1 -1 -1 1 -1 -1 1 7 2 3 1 -1 -1 -1\n");
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)).withSkipMalformed(true))) {
      assertEquals("1", w.next().id());
      assertEquals("4", w.next().id());
      assertNull(w.next());
      assertEquals(2, w.stats().malformed());
      assertEquals(4, w.stats().rows());
    }
    BadInputException e = assertThrows(BadInputException.class, () -> {
      try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
        while (w.next() != null) {
          // read on
        }
      }
    });
    assertTrue(e.getMessage().startsWith(f + ":4: submit time is not a number: 'x'"), e.getMessage());
  }

  @Test
  void gzipInput_readTransparently() throws IOException {
    Path f = tmp.resolve("c.swf.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(f))) {
      out.write((HEADER + "1 0 5 10 3 -1 -1 3 -1 -1 1 7 2 3 1 -1 -1 -1").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
    try (Workload w = Workloads.trace(TraceSpec.of("swf", List.of(f)))) {
      assertEquals(3, w.next().tasks().size()); // last line without a newline is read too
      assertNull(w.next());
    }
  }
}
