package org.mesosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mesosim.cli.scenario.Examples;

class VersionInfoTest {
  static List<String> version() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = MesosimCommand.execute(Services.standard(), new PrintWriter(out, true), new PrintWriter(err, true),
        "--version");
    assertEquals(ExitCodes.OK, code, err.toString());
    assertEquals("", err.toString());
    return out.toString().lines().toList();
  }

  /** What git says the checkout's commit is (as the build asks it), or null without git or .git. */
  static String gitHead(Path root) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("git", "rev-parse", "--short=12", "--verify", "HEAD").directory(root.toFile());
    pb.environment().put("GIT_CEILING_DIRECTORIES", root.getParent().toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (java.io.IOException noGit) {
      return null;
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    return p.exitValue() == 0 ? out : null;
  }

  @Test
  void version_printsTheVersionTheCommitOfThisCheckoutAndTheBuildDate() throws Exception {
    List<String> lines = version();
    assertEquals(4, lines.size(), lines.toString());
    assertTrue(lines.get(0).matches("mesosim \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines.get(0));
    // built from this checkout: the commit git names here (a linked worktree's own HEAD, not the main one's),
    // or "unknown" in a source tree without .git
    String head = gitHead(Examples.repoRoot());
    if (head != null) {
      assertTrue(lines.get(1).matches("commit " + head + "( \\(with uncommitted changes\\))?"), lines + " vs " + head);
    } else {
      assertEquals("commit unknown", lines.get(1));
    }
    assertTrue(lines.get(2).matches("built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), lines.get(2));
    assertTrue(lines.get(3).startsWith("Java " + System.getProperty("java.version") + " ("), lines.get(3));
  }

  @Test
  void valuesTheBuildCouldNotKnow_areUnknown() {
    Properties p = new Properties();
    p.setProperty("version", "1.2.3");
    p.setProperty("commit", "${mesosim.git.commit}"); // git not installed: Maven left the placeholder
    p.setProperty("dirty", "true");
    p.setProperty("built", "");
    VersionInfo v = VersionInfo.of(p);
    assertEquals(new VersionInfo("1.2.3", "unknown", false, "unknown"), v);
    assertEquals(List.of("mesosim 1.2.3", "commit unknown", "built unknown"), v.lines().subList(0, 3));
    p.setProperty("commit", ""); // no .git: git printed nothing
    assertEquals("unknown", VersionInfo.of(p).commit());
    assertEquals("unknown", VersionInfo.of(new Properties()).version());
  }

  @Test
  void aDirtyBuild_saysSo() {
    Properties p = new Properties();
    p.setProperty("version", "1.2.3");
    p.setProperty("commit", "0123456789ab");
    p.setProperty("dirty", "true");
    p.setProperty("built", "2026-12-07T20:00:00Z");
    VersionInfo v = VersionInfo.of(p);
    assertTrue(v.dirty());
    assertEquals(List.of("mesosim 1.2.3", "commit 0123456789ab (with uncommitted changes)",
        "built 2026-12-07T20:00:00Z"), v.lines().subList(0, 3));
    p.setProperty("dirty", "false");
    assertFalse(VersionInfo.of(p).dirty());
  }
}
