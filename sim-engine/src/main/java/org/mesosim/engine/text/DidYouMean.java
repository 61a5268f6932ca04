package org.mesosim.engine.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Suggests the closest known name for a misspelt one, for error messages ("unknown key 'sed';
 * did you mean 'seed'?"). Case-insensitive Levenshtein distance; a candidate is close when the
 * distance is at most max(2, length/3) or it starts with what was given. Ties go to the
 * candidate closest in length, then to the first in name order, so the suggestion never depends on collection order.
 */
public final class DidYouMean {
  private DidYouMean() {}

  /** The closest candidate, if any is close enough. */
  public static Optional<String> closest(String given, Iterable<String> candidates) {
    List<String> sorted = new ArrayList<>();
    for (String c : candidates) {
      sorted.add(c);
    }
    Collections.sort(sorted);
    String g = given.toLowerCase(Locale.ROOT);
    String best = null;
    int bestD = Integer.MAX_VALUE;
    int bestLen = Integer.MAX_VALUE;
    for (String c : sorted) {
      int d = distance(g, c.toLowerCase(Locale.ROOT));
      int len = Math.abs(c.length() - given.length());
      if (d < bestD || (d == bestD && len < bestLen)) {
        bestD = d;
        bestLen = len;
        best = c;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    int limit = Math.max(2, Math.max(given.length(), best.length()) / 3);
    boolean close = bestD <= limit || best.toLowerCase(Locale.ROOT).startsWith(g);
    return close ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein edit distance. */
  public static int distance(String a, String b) {
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
