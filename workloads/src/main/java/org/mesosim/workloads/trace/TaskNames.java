package org.mesosim.workloads.trace;

/**
 * The names of tasks by index within their job ({@code "0"}, {@code "1"} …), shared: a replayed
 * SWF job of 1,024 processors is 1,024 tasks, and formatting their names was a quarter of the
 * reader's time. Built once when the class loads; immutable, so safe to share between runs.
 */
public final class TaskNames {
  private static final String[] NAMES = new String[4096];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      NAMES[i] = Integer.toString(i);
    }
  }

  private TaskNames() {}

  /** {@code Integer.toString(index)}, cached for indexes below 4,096. */
  public static String of(int index) {
    return index >= 0 && index < NAMES.length ? NAMES[index] : Integer.toString(index);
  }
}
