package org.mesosim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads report.html in Debian's headless chromium (installed by .ci/run) and checks that the page
 * logs nothing to the console and that the DOM holds the summary table and every chart. Skipped,
 * with a message, when {@code chromium} is not on the PATH.
 */
class HeadlessBrowserTest {
  @TempDir Path tmp;
  private static Path chromium;

  @BeforeAll
  static void findChromium() {
    chromium = onPath("chromium").orElse(null);
  }

  static Optional<Path> onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path p = Path.of(dir, exe);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** stdout (the DOM) and the console lines chromium logged for the page. */
  record Load(String dom, List<String> console) {}

  Load load(Path html) throws IOException, InterruptedException {
    Path userData = Files.createTempDirectory(tmp, "chromium-profile");
    Path out = tmp.resolve("dom-" + html.getFileName() + ".txt");
    Path err = tmp.resolve("err-" + html.getFileName() + ".txt");
    List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + userData, "--enable-logging=stderr", "--v=0", "--dump-dom",
        html.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish loading " + html);
    }
    assertEquals(0, p.exitValue(), () -> "chromium failed: " + read(err));
    List<String> console = new ArrayList<>();
    for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    return new Load(read(out), console);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void reportHtml_loadsInChromiumWithoutConsoleErrors() throws Exception {
    Assumptions.assumeTrue(chromium != null,
        "chromium is not on the PATH: headless-browser test skipped (apt-get install chromium, as .ci/run does)");
    Path run = tmp.resolve("run");
    ReportWriterTest.run(run, ReportOptions.defaults());
    Load l = load(run.resolve("report.html"));
    assertEquals(List.of(), l.console());
    assertTrue(l.dom().contains("<table id=\"summary\">"), "summary table in the DOM");
    for (String c : ReportOptions.CHARTS) {
      assertTrue(l.dom().contains("id=\"chart-" + c + "\""), c);
    }
    assertTrue(l.dom().contains("zeta"));
  }

  @Test
  void consoleDetection_seesAnErrorOnABrokenPage() throws Exception {
    Assumptions.assumeTrue(chromium != null,
        "chromium is not on the PATH: headless-browser test skipped (apt-get install chromium, as .ci/run does)");
    Path bad = tmp.resolve("bad.html");
    Files.writeString(bad, "<!DOCTYPE html><html><body><script>console.error('boom')</script></body></html>");
    Load l = load(bad);
    assertFalse(l.console().isEmpty(), "a console.error must be seen");
    assertTrue(l.console().get(0).contains("boom"));
  }
}
