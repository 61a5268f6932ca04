package org.mesosim.cli.scenario;

import java.util.Collection;

/** Suggests the closest known name for a misspelt one (edit distance, case-insensitive). */
public final class DidYouMean {
  private DidYouMean() {}

  /** {@code " (did you mean 'x'?)"}, or {@code ""} when nothing is close. */
  public static String hint(String given, Collection<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(given.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best == null) {
      return "";
    }
    int limit = Math.max(2, given.length() / 3);
    if (bestD <= limit || best.toLowerCase(java.util.Locale.ROOT).startsWith(given.toLowerCase(java.util.Locale.ROOT))) {
      return " (did you mean '" + best + "'?)";
    }
    return "";
  }

  /** The list of choices, for messages: {@code a, b, c}. */
  public static String choices(Collection<String> known) {
    return String.join(", ", known);
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
