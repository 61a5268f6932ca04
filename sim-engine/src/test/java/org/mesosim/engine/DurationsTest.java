package org.mesosim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "''{0}'' = {1}us")
  @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
    "500us|500",
    "250ms|250000",
    "5s|5000000",
    "10m|600000000",
    "2h|7200000000",
    "1d|86400000000",
    "1.5|1500000",
    "0.1s|100000",
    "  5s |5000000",
    "0|0",
    "0us|0",
    "1.5ms|1500",
    "0.5m|30000000",
    "0.000001|1",
    "30|30000000",
    "1.25h|4500000000",
  })
  void parse_goodStrings(String text, long micros) {
    assertEquals(micros, Durations.parse(text));
  }

  private static void assertBad(String text, String message) {
    DurationFormatException e = assertThrows(DurationFormatException.class, () -> Durations.parse(text));
    assertEquals(message, e.getMessage());
  }

  @Test
  void parse_badStrings_sayWhatWasWrong() {
    String expected = " is not a duration; expected a number with a unit (us, ms, s, m, h, d),"
        + " e.g. 250ms, 5s, 10m, or a bare number of seconds";
    assertBad("", "empty duration; expected e.g. 250ms, 5s, 10m");
    assertBad("   ", "empty duration; expected e.g. 250ms, 5s, 10m");
    assertBad(null, "a duration is required, e.g. 250ms, 5s, 10m");
    assertBad("5x", "'5x'" + expected);
    assertBad("ms", "'ms'" + expected);
    assertBad("abc", "'abc'" + expected);
    assertBad("1e3s", "'1e3s'" + expected);
    assertBad("1.2.3s", "'1.2.3s'" + expected);
    assertBad("5 sec", "'5 sec'" + expected);
    assertBad("-1s", "'-1s': a duration must not be negative");
    assertBad("1.5us", "'1.5us' is finer than the simulator's resolution of one microsecond");
    assertBad("0.0000001", "'0.0000001' is finer than the simulator's resolution of one microsecond");
    assertBad("200000000d", "'200000000d' is too long a duration");
  }

  @ParameterizedTest(name = "{0}us -> {1}")
  @CsvSource({
    "0, 0s",
    "1, 1us",
    "1500, 1500us",
    "250000, 250ms",
    "90000000, 90s",
    "600000000, 10m",
    "7200000000, 2h",
    "86400000000, 1d",
    "90000000000, 25h",
    "9223372036854775807, never",
  })
  void format_usesTheLargestExactUnit(long micros, String text) {
    assertEquals(text, Durations.format(micros));
  }

  @Test
  void formatThenParse_roundTrips() {
    SplittableRandom rnd = new SplittableRandom(1);
    long[] fixed = {0, 1, 999, 1000, 1001, SimTime.SECOND, SimTime.MINUTE + 1, SimTime.DAY * 365};
    for (long v : fixed) {
      assertEquals(v, Durations.parse(Durations.format(v)), Durations.format(v));
    }
    for (int i = 0; i < 10_000; i++) {
      long unit = new long[] {1, SimTime.MILLISECOND, SimTime.SECOND, SimTime.MINUTE}[rnd.nextInt(4)];
      long v = rnd.nextLong(0, 1_000_000_000L) * unit;
      assertEquals(v, Durations.parse(Durations.format(v)), Durations.format(v));
    }
  }

  @Test
  void formatSeconds_showsMicrosecondPrecision() {
    assertEquals("12.000250", Durations.formatSeconds(12_000_250));
    assertEquals("0.000000", Durations.formatSeconds(0));
    assertEquals("3600.000001", Durations.formatSeconds(SimTime.HOUR + 1));
  }

  @Test
  void ofSeconds_convertsExactlyAndRejectsNegatives() {
    assertEquals(1_500_000, Durations.ofSeconds(1.5));
    assertEquals(100_000, Durations.ofSeconds(0.1));
    assertThrows(DurationFormatException.class, () -> Durations.ofSeconds(-1));
    assertThrows(DurationFormatException.class, () -> Durations.ofSeconds(Double.NaN));
    assertThrows(DurationFormatException.class, () -> Durations.ofSeconds(Double.POSITIVE_INFINITY));
  }

  @Test
  void simTime_plus_saturatesAtNever() {
    assertEquals(SimTime.NEVER, SimTime.plus(SimTime.NEVER - 5, 10));
    assertEquals(15, SimTime.plus(5, 10));
    assertEquals(1_500_000, SimTime.seconds(1.5));
    assertEquals(2.5, SimTime.toSeconds(2_500_000));
  }
}
