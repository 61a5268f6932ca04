package org.mesosim.cli.scenario;

import java.util.Collection;

/** Formats the closest known name for a misspelt one ({@link org.mesosim.engine.text.DidYouMean}) for scenario errors. */
public final class DidYouMean {
  private DidYouMean() {}

  /** {@code " (did you mean 'x'?)"}, or {@code ""} when nothing is close. */
  public static String hint(String given, Collection<String> known) {
    return org.mesosim.engine.text.DidYouMean.closest(given, known)
        .map(best -> " (did you mean '" + best + "'?)").orElse("");
  }

  /** The list of choices, for messages: {@code a, b, c}. */
  public static String choices(Collection<String> known) {
    return String.join(", ", known);
  }
}
