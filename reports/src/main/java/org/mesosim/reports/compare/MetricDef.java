package org.mesosim.reports.compare;

import java.util.function.ToDoubleFunction;

/**
 * A figure of one run compared over policies and seeds.
 *
 * @param key unique key: {@code base} for the whole cluster, {@code base[kind=entity]} for a role
 *     or framework (e.g. {@code wait_p95_s[role=big]}); what {@code --metric} takes
 * @param base the metric's name without the entity (e.g. {@code wait_p95_s})
 * @param entityKind {@code cluster}, {@code role} or {@code framework}
 * @param entity the role's or framework's name ({@code cluster} for the whole cluster)
 * @param label a human-readable description
 * @param unit the unit: {@code s}, {@code fraction} (0–1), {@code index} (0–1), {@code count}, {@code ratio}
 * @param range the values' range (intervals stay inside it)
 * @param better +1 higher is better, −1 lower is better, 0 neither
 * @param headline shown by default in the terminal table
 * @param f the value of a run (NaN when undefined, e.g. no job finished)
 */
public record MetricDef(String key, String base, String entityKind, String entity, String label, String unit,
    Stats.Range range, int better, boolean headline, ToDoubleFunction<ComparisonStats.RunData> f) {

  /** {@code higher}, {@code lower} or empty. */
  public String betterWord() {
    return better > 0 ? "higher" : better < 0 ? "lower" : "";
  }

  /** The key of {@code base} for an entity. */
  public static String key(String base, String kind, String entity) {
    return kind.equals("cluster") ? base : base + "[" + kind + "=" + entity + "]";
  }
}
