package org.mesosim.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Results files are written whole or not at all: each to {@code <name>.partial} beside it, then
 * renamed over the final name (an atomic rename on one file system). A process killed, or a write
 * that fails (a full disk), leaves the {@code .partial} file and never a truncated file under the
 * final name. See docs/reliability.md.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** The suffix of a file being written. */
  public static final String PARTIAL = ".partial";

  /** {@code file}'s partial name ({@code summary.json.partial}). */
  public static Path partial(Path file) {
    return file.resolveSibling(file.getFileName() + PARTIAL);
  }

  /** Writes {@code bytes} to {@code file}'s partial name only (promote it later with {@link #promote}). */
  public static void writePartial(Path file, byte[] bytes) throws IOException {
    try (OutputStream o = Files.newOutputStream(partial(file))) {
      o.write(bytes);
    }
  }

  /** Writes {@code bytes} to {@code file}: to its partial name, then renamed. */
  public static void write(Path file, byte[] bytes) throws IOException {
    writePartial(file, bytes);
    promote(file);
  }

  /** Writes {@code text} (UTF-8) to {@code file}: to its partial name, then renamed. */
  public static void write(Path file, String text) throws IOException {
    write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Renames {@code file}'s partial name over {@code file}, atomically where the file system can. */
  public static void promote(Path file) throws IOException {
    move(partial(file), file);
  }

  /** Renames {@code from} over {@code to}, atomically where the file system can. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
