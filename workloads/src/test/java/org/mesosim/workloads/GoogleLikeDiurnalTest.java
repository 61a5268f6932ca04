package org.mesosim.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.RandomStreams;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.workloads.google.GoogleLikeWorkload;
import org.mesosim.workloads.google.GoogleLikeWorkload.Diurnal;

/** The optional daily cycle of the google-like preset's arrivals (off by default). */
class GoogleLikeDiurnalTest {
  @Test
  void off_isExactlyThePresetWithoutTheKey() {
    try (Workload a = Workloads.googleLike(0.05, new RandomStreams(3), "G");
        Workload b = Workloads.googleLike(0.05, Diurnal.OFF, new RandomStreams(3), "G")) {
      for (int i = 0; i < 3000; i++) {
        assertEquals(a.next(), b.next());
      }
    }
  }

  /**
   * Amplitude 0.5 peaking at 14:00, over 3 days of the full cell: the arrivals in 12:00-16:00 and in
   * 00:00-04:00 are the rate integrated over those hours (mean factor 1 ± 0.5 × sin(π/6)/(π/6) =
   * 1.477 and 0.523), within 6% (about 4 standard deviations of the Poisson count at the trough);
   * the day's mean rate stays 0.1822 jobs/s within 3%.
   */
  @Test
  void amplitudeAndPeak_shapeTheArrivalsPerHour_meanRateKept() {
    double[] byHour = new double[24];
    long days = 3;
    long n = 0;
    try (Workload w = Workloads.googleLike(1.0, new Diurnal(0.5, 14), new RandomStreams(1), "G")) {
      JobSpec j;
      while ((j = w.next()).submitTime() < days * SimTime.DAY) {
        if (j.submitTime() > 0) { // new jobs, not the snapshot
          byHour[(int) ((j.submitTime() % SimTime.DAY) / SimTime.HOUR)]++;
          n++;
        }
      }
    }
    double perWindow = GoogleLikeWorkload.JOBS_PER_SECOND * 4 * 3600 * days;
    double avg = Math.sin(Math.PI / 6) / (Math.PI / 6);
    double peak = byHour[12] + byHour[13] + byHour[14] + byHour[15];
    double trough = byHour[0] + byHour[1] + byHour[2] + byHour[3];
    assertEquals(perWindow * (1 + 0.5 * avg), peak, perWindow * (1 + 0.5 * avg) * 0.06);
    assertEquals(perWindow * (1 - 0.5 * avg), trough, perWindow * (1 - 0.5 * avg) * 0.06);
    assertEquals(GoogleLikeWorkload.JOBS_PER_SECOND, n / (days * 86400.0), GoogleLikeWorkload.JOBS_PER_SECOND * 0.03);
  }

  @Test
  void outOfRange_rejected() {
    assertThrows(IllegalArgumentException.class, () -> new Diurnal(1.0, 3));
    assertThrows(IllegalArgumentException.class, () -> new Diurnal(0.2, 24));
    assertThrows(IllegalArgumentException.class, () -> new Diurnal(-0.1, 3));
  }
}
