package org.mesosim.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mesosim.reports.csv.Num;

/**
 * The data files behind the per-agent heatmap and the offer-latency CDFs (docs/outputs.md):
 * {@code agents_heatmap.csv} and {@code offer_latency.csv}, each written whole and renamed.
 */
public final class AgentData {
  private AgentData() {}

  /** The heatmap's cells. */
  public static final String HEATMAP = "agents_heatmap.csv";
  /** The offer-to-launch latency CDFs. */
  public static final String OFFER_LATENCY = "offer_latency.csv";
  /** Most CDF points written per entity. */
  public static final int CDF_POINTS = 500;

  /** The columns of {@code agents_heatmap.csv}. */
  public static final List<String> HEATMAP_COLUMNS = List.of("time_s", "end_s", "row", "first_agent", "last_agent",
      "agents", "resource", "allocated_fraction");

  /** The columns of {@code offer_latency.csv}. */
  public static final List<String> OFFER_LATENCY_COLUMNS = List.of("metric", "entity_kind", "entity", "count",
      "fraction", "seconds");

  /** The metrics of {@code offer_latency.csv}. */
  public static final String OFFER_WAIT = "offer_wait";
  public static final String OFFER_TO_LAUNCH = "offer_to_launch";

  /**
   * Writes the heatmap's cells, one row per column, agent row and resource (time, then row, then
   * resource), leaving out cells whose agents had no capacity; no file when the heatmap is off.
   */
  public static void writeHeatmap(Path file, MetricsRecorder rec) throws IOException {
    AgentHeatmap h = rec.heatmap();
    if (!h.enabled()) {
      Files.deleteIfExists(file);
      return;
    }
    StringBuilder b = new StringBuilder(64 * (1 + h.rows() * h.columns() * h.resources().size()));
    b.append(String.join(",", HEATMAP_COLUMNS)).append('\n');
    List<String> ids = h.agentIds();
    int per = h.agentsPerRow();
    for (int c = 0; c < h.columns(); c++) {
      for (int row = 0; row < h.rows(); row++) {
        int first = row * per;
        int last = Math.min(ids.size(), first + per) - 1;
        for (int r = 0; r < h.resources().size(); r++) {
          double v = h.fraction(r, row, c);
          if (Double.isNaN(v)) {
            continue;
          }
          Num.appendMicros(b, h.columnStart(c));
          b.append(',');
          Num.appendMicros(b, h.columnEnd(c));
          b.append(',').append(row).append(',').append(Num.csv(ids.get(first))).append(',')
              .append(Num.csv(ids.get(last))).append(',').append(last - first + 1).append(',')
              .append(Num.csv(h.resources().get(r))).append(',');
          Num.append(b, v);
          b.append('\n');
        }
      }
    }
    AtomicFiles.write(file, b.toString());
  }

  /**
   * Writes the empirical CDFs of the offer waits ({@code offer_wait}) and of the offer-to-launch
   * latency ({@code offer_to_launch}): for every framework together ({@code cluster}) and each
   * framework (scenario order), at most {@value #CDF_POINTS} points (fraction of the entity's
   * values ≤ seconds), with the entity's count of values.
   */
  public static void writeOfferLatency(Path file, MetricsRecorder rec) throws IOException {
    StringBuilder b = new StringBuilder(1 << 14);
    b.append(String.join(",", OFFER_LATENCY_COLUMNS)).append('\n');
    List<FrameworkMeta> fws = rec.setup().frameworks();
    cdf(b, OFFER_WAIT, "cluster", "cluster", rec.offerWait());
    for (int f = 0; f < fws.size(); f++) {
      cdf(b, OFFER_WAIT, "framework", fws.get(f).name(), rec.offerWait(f));
    }
    cdf(b, OFFER_TO_LAUNCH, "cluster", "cluster", rec.offerLatency());
    for (int f = 0; f < fws.size(); f++) {
      cdf(b, OFFER_TO_LAUNCH, "framework", fws.get(f).name(), rec.offerLatency(f));
    }
    AtomicFiles.write(file, b.toString());
  }

  private static void cdf(StringBuilder b, String metric, String kind, String entity, Quantiles q) {
    double[][] c = q.cdf(CDF_POINTS);
    for (int i = 0; i < c[0].length; i++) {
      b.append(metric).append(',').append(kind).append(',').append(Num.csv(entity)).append(',').append(q.count()).append(',');
      Num.append(b, c[1][i]);
      b.append(',');
      Num.append(b, c[0][i]);
      b.append('\n');
    }
  }
}
