package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.reports.csv.CsvReader;
import org.mesosim.reports.csv.Num;

class NumTest {
  @Test
  void fmt_plainDecimalsAtMostSix() {
    assertEquals("0", Num.fmt(0));
    assertEquals("2", Num.fmt(2.0));
    assertEquals("0.5", Num.fmt(0.5));
    assertEquals("0.333333", Num.fmt(1.0 / 3));
    assertEquals("0.000001", Num.fmt(1e-6));
    assertEquals("0", Num.fmt(4e-7));
    assertEquals("-1.25", Num.fmt(-1.25));
    assertEquals("12345678.5", Num.fmt(12345678.5));
    assertEquals("", Num.fmt(Double.NaN));
  }

  @Test
  void seconds_microsExact() {
    assertEquals("1.5", Num.seconds(1_500_000));
    assertEquals("0.000007", Num.seconds(7));
    assertEquals("2592000", Num.seconds(2_592_000_000_000L));
  }

  @Test
  void csv_quotesOnlyWhenNeededAndRoundTrips() {
    assertEquals("plain", Num.csv("plain"));
    assertEquals("\"a,b\"", Num.csv("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Num.csv("say \"hi\""));
    assertEquals(List.of("x", "a,b", "say \"hi\"", ""), CsvReader.split("x," + Num.csv("a,b") + ","
        + Num.csv("say \"hi\"") + ","));
  }
}
