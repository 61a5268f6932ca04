package org.mesosim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * Whether stderr is a terminal, so that progress goes there only then. Java 17 cannot ask this
 * directly ({@code System.console()} looks at stdin and stdout: {@code mesosim run x 2> log} would get
 * progress lines in the log, {@code mesosim run x > out} none on the screen). Where the system shows
 * a process's open files under {@code /proc/self/fd} (Linux), stderr's link names the device;
 * elsewhere {@code System.console() != null} is the answer.
 */
public final class Terminal {
  private Terminal() {}

  /** Whether this process's stderr is a terminal. */
  public static boolean stderr() {
    return isTerminal(Path.of("/proc/self/fd/2"), () -> System.console() != null);
  }

  /**
   * Whether the file descriptor link {@code fd} points at a terminal device; {@code fallback} when
   * there is no such link to read.
   */
  static boolean isTerminal(Path fd, BooleanSupplier fallback) {
    if (!Files.isSymbolicLink(fd)) {
      return fallback.getAsBoolean();
    }
    try {
      String target = Files.readSymbolicLink(fd).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return fallback.getAsBoolean();
    }
  }
}
