package org.mesosim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {
  @TempDir Path dir;

  @Test
  void isTerminal_followsTheDescriptorLinkNotTheConsole() throws Exception {
    Path pts = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3"));
    Path tty = Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1"));
    Path log = Files.createSymbolicLink(dir.resolve("log"), dir.resolve("err.log"));
    Path pipe = Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]"));
    assertTrue(Terminal.isTerminal(pts, () -> false), "stderr on a terminal, stdout redirected");
    assertTrue(Terminal.isTerminal(tty, () -> false));
    assertFalse(Terminal.isTerminal(log, () -> true), "stderr redirected to a file, stdout on a terminal");
    assertFalse(Terminal.isTerminal(pipe, () -> true));
    for (Path p : new Path[] {pts, tty, log, pipe}) {
      Files.delete(p); // links out of the temp dir: JUnit's cleanup would warn about each
    }
  }

  @Test
  void isTerminal_withoutADescriptorLink_asksTheFallback() {
    assertTrue(Terminal.isTerminal(dir.resolve("none"), () -> true));
    assertFalse(Terminal.isTerminal(dir.resolve("none"), () -> false));
  }
}
