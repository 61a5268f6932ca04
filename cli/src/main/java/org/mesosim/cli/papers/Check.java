package org.mesosim.cli.papers;

import java.util.Locale;

/**
 * One published value (or claim) beside mesosim's.
 *
 * @param quantity what is compared, e.g. "A's tasks"
 * @param published the paper's value as printed, or {@code not found}
 * @param measured mesosim's value, formatted
 * @param tolerance how far they may differ, e.g. "exact", "±0.02", "direction only"
 * @param status pass, miss, or not-found (no published value: the measured one is shown only)
 * @param note why the tolerance is what it is, or why a value missed
 */
public record Check(String quantity, String published, String measured, String tolerance, Status status,
    String note) {

  /** Outcome of one check. */
  public enum Status {
    PASS("pass"),
    MISS("miss"),
    NOT_FOUND("not found");

    public final String label;

    Status(String label) {
      this.label = label;
    }
  }

  /** An integer (or exactly representable) value that must be equal. */
  public static Check exact(String quantity, long published, long measured, String note) {
    return new Check(quantity, Long.toString(published), Long.toString(measured), "exact",
        published == measured ? Status.PASS : Status.MISS, note);
  }

  /** A number that must lie within {@code tol} of the published one. */
  public static Check within(String quantity, double published, double measured, double tol, String note) {
    return new Check(quantity, num(published), num(measured), "±" + num(tol),
        Math.abs(published - measured) <= tol + 1e-12 ? Status.PASS : Status.MISS, note);
  }

  /**
   * A number that must lie in {@code [lo, hi]}: a published range, widened by the spread the paper
   * states (the widening is said in {@code tolerance}).
   */
  public static Check range(String quantity, String published, double measured, double lo, double hi,
      String tolerance, String note) {
    return new Check(quantity, published, num(measured), tolerance,
        measured >= lo - 1e-12 && measured <= hi + 1e-12 ? Status.PASS : Status.MISS, note);
  }

  /** A claim of the paper (a direction, an inequality) that holds or not in mesosim's run. */
  public static Check claim(String quantity, String published, String measured, boolean holds, String note) {
    return new Check(quantity, published, measured, "claim (direction)", holds ? Status.PASS : Status.MISS, note);
  }

  /** A value the paper reports that could not be found: mesosim's value is shown, nothing is compared. */
  public static Check notFound(String quantity, String measured, String note) {
    return new Check(quantity, "not found", measured, "—", Status.NOT_FOUND, note);
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4f", v);
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
