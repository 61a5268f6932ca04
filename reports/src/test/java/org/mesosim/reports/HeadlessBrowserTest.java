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
    return load(html, "--window-size=1280,900");
  }

  Load load(Path html, String windowSize) throws IOException, InterruptedException {
    Path userData = Files.createTempDirectory(tmp, "chromium-profile");
    Path out = tmp.resolve("dom-" + html.getFileName() + ".txt");
    Path err = tmp.resolve("err-" + html.getFileName() + ".txt");
    List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + userData, "--enable-logging=stderr", "--v=0", windowSize, "--dump-dom",
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

  /** Measures the page in the browser: facts written as a data attribute of body, read from the DOM dump. */
  static final String MEASURE = """
      <script>
      (function () {
        var vw = document.documentElement.clientWidth;
        var head = document.getElementById('headline').getBoundingClientRect();
        var fig = document.querySelector('figure').getBoundingClientRect();
        var t = document.getElementById('headline');
        var facts = [
          'pageScrollsSideways=' + (document.documentElement.scrollWidth > vw),
          'headlineOverflows=' + (t.scrollWidth > t.clientWidth + 1 || head.right > vw + 1),
          'keyNumbersBeforeCharts=' + (head.bottom <= fig.top),
          'everyMetricOpen=' + document.getElementById('all-metrics').open,
          'runsOpen=' + document.getElementById('runs-details').open,
          'imagesLoaded=' + Array.prototype.every.call(document.images, function (i) { return i.naturalWidth > 0; }),
          'zoomable=' + Array.prototype.map.call(document.querySelectorAll('figure[data-zoom="ready"]'),
              function (f) { return f.id; }).join(','),
          'zoomFitsWidth=' + Array.prototype.every.call(document.querySelectorAll('.zoom .uplot'), function (z) {
            var r = z.getBoundingClientRect();
            return r.right <= vw + 1 && r.width > 200;
          })
        ];
        document.body.setAttribute('data-layout', facts.join(';'));
      })();
      </script>
      """;

  @Test
  void comparisonHtml_keyNumbersFirst_noSidewaysScroll_wideTablesCollapsed() throws Exception {
    Assumptions.assumeTrue(chromium != null,
        "chromium is not on the PATH: headless-browser test skipped (apt-get install chromium, as .ci/run does)");
    List<RunSummary> runs = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (String policy : List.of("hierarchical-drf", "fifo")) {
      for (long seed = 1; seed <= 2; seed++) {
        Path d = tmp.resolve("runs/" + policy + "-" + seed);
        runs.add(ComparisonTest.run(d, policy, seed));
        dirs.add(d);
      }
    }
    Path out = tmp.resolve("cmp");
    Comparison.write(out, runs, dirs);
    String html = Files.readString(out.resolve("comparison.html"));
    Path measured = out.resolve("measured.html");
    Files.writeString(measured, html.replace("</body>", MEASURE + "</body>"));
    for (String size : List.of("--window-size=1280,900", "--window-size=800,900")) {
      Load l = load(measured, size);
      assertEquals(List.of(), l.console(), size);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-layout=\"([^\"]*)\"").matcher(l.dom());
      assertTrue(m.find(), "the measuring script ran: " + size);
      assertEquals("pageScrollsSideways=false;headlineOverflows=false;keyNumbersBeforeCharts=true;"
          + "everyMetricOpen=false;runsOpen=false;imagesLoaded=true;zoomable=chart-roleshares-hierarchical-drf,"
          + "chart-roleshares-fifo,chart-utilization,chart-fairness;"
          + "zoomFitsWidth=true", m.group(1), size);
    }
  }

  /** Layout facts of a run's report.html, measured in the browser after the zoomable charts are drawn. */
  static final String MEASURE_RUN = """
      <script>
      window.addEventListener('load', function () {
        var vw = document.documentElement.clientWidth;
        var zooms = document.querySelectorAll('.zoom .uplot');
        var fits = Array.prototype.every.call(zooms, function (z) {
          var r = z.getBoundingClientRect();
          return r.left >= 0 && r.right <= vw + 1 && r.width > 200 && r.height > 150;
        });
        var canvases = Array.prototype.every.call(zooms, function (z) {
          var c = z.querySelector('canvas');
          return c && c.width > 0 && c.height > 0;
        });
        var hidden = Array.prototype.filter.call(document.querySelectorAll('figure[data-zoom] img'), function (i) {
          return i.style.display === 'none';
        }).length;
        var figs = ['heatmap', 'gantt', 'offers', 'wait'].map(function (n) {
          var f = document.getElementById('chart-' + n);
          var img = f && f.querySelector('img');
          return n + '=' + (img ? img.naturalWidth > 0 && img.getBoundingClientRect().right <= vw + 1 : 'missing');
        });
        var facts = [
          'pageScrollsSideways=' + (document.documentElement.scrollWidth > vw),
          'zoomable=' + document.querySelectorAll('figure[data-zoom="ready"]').length,
          'zoomFitsWidth=' + fits,
          'canvasesDrawn=' + canvases,
          'staticHiddenUnderZoom=' + hidden,
          'imagesLoaded=' + Array.prototype.every.call(document.images, function (i) { return i.naturalWidth > 0; })
        ].concat(figs);
        document.body.setAttribute('data-layout', facts.join(';'));
      });
      </script>
      """;

  @Test
  void reportHtml_zoomableTimeCharts_andEveryNewChart_fitTheWidth() throws Exception {
    Assumptions.assumeTrue(chromium != null,
        "chromium is not on the PATH: headless-browser test skipped (apt-get install chromium, as .ci/run does)");
    Path run = tmp.resolve("run");
    ReportWriterTest.run(run, ReportOptions.defaults());
    String html = Files.readString(run.resolve("report.html"));
    Path measured = run.resolve("measured.html");
    Files.writeString(measured, html.replace("</body>", MEASURE_RUN + "</body>"));
    for (String size : List.of("--window-size=1280,900", "--window-size=800,900", "--window-size=500,900")) {
      Load l = load(measured, size);
      assertEquals(List.of(), l.console(), size);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-layout=\"([^\"]*)\"").matcher(l.dom());
      assertTrue(m.find(), "the measuring script ran: " + size);
      assertEquals("pageScrollsSideways=false;zoomable=4;zoomFitsWidth=true;canvasesDrawn=true;"
          + "staticHiddenUnderZoom=4;imagesLoaded=true;heatmap=true;gantt=true;offers=true;wait=true", m.group(1), size);
    }
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
