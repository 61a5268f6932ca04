package org.mesosim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mesosim.engine.BadInputException;

/**
 * Checks of an output path given on the command line, before any work: a path that cannot be what
 * the option asks for (a folder where a file exists, a file under a file) is a usage error, exit
 * code 2 (docs/outputs.md), not an I/O failure found after the runs.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /** {@code dir} (given as {@code option}, or its default) can be an output folder. */
  public static void checkFolder(String option, Path dir) {
    if (dir.toString().isEmpty()) { // "" is the current folder: a run there removes earlier results in it
      throw new BadInputException(option + ": an empty path; name a folder (. for the current one)");
    }
    if (Files.isDirectory(dir)) {
      return;
    }
    if (Files.exists(dir)) {
      throw new BadInputException(option + " " + dir + ": is a file, where a folder is needed");
    }
    checkParents(option, dir);
  }

  /** {@code file} (given as {@code option}) can be an output file. */
  public static void checkFile(String option, Path file) {
    if (file.toString().isEmpty()) {
      throw new BadInputException(option + ": an empty path; name a file");
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(option + " " + file + ": is a folder, where a file is needed");
    }
    checkParents(option, file);
  }

  /** The nearest existing ancestor of {@code p} must be a folder. */
  private static void checkParents(String option, Path p) {
    for (Path a = p.toAbsolutePath().getParent(); a != null; a = a.getParent()) {
      if (Files.isDirectory(a)) {
        return;
      }
      if (Files.exists(a)) {
        throw new BadInputException(option + " " + p + ": " + a + " is a file, where a folder is needed");
      }
    }
  }
}
