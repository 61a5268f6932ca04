package org.mesosim.cli.papers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import org.mesosim.cli.scenario.Examples;

/**
 * {@code docs/validation.md} is what {@code mesosim reproduce --all --out docs} writes: the quick
 * reproductions' sections and overview rows are regenerated and compared here; the long ones with
 * {@code -Ppapers}.
 */
class ValidationDocTest {
  static String doc() throws Exception {
    return Files.readString(Examples.repoRoot().resolve("docs").resolve("validation.md"));
  }

  static String sectionIn(String doc, String name) {
    String start = "<!-- reproduction: " + name + " -->\n";
    String end = "<!-- end: " + name + " -->\n";
    int a = doc.indexOf(start);
    int b = doc.indexOf(end);
    assertTrue(a >= 0 && b > a, "docs/validation.md has no section for " + name
        + "; regenerate it: ./mesosim reproduce --all --out docs");
    return doc.substring(a, b + end.length());
  }

  void checkCurrent(boolean quick) throws Exception {
    String doc = doc();
    for (Reproduction r : Papers.all()) {
      if (r.quick() != quick) {
        continue;
      }
      Reproduction.Result res = PapersTest.result(r);
      assertEquals(ValidationReport.section(r, res), sectionIn(doc, r.name()),
          "docs/validation.md is stale for " + r.name() + "; regenerate it: ./mesosim reproduce --all --out docs");
      assertTrue(doc.contains(ValidationReport.summaryRow(r, res) + "\n"), "overview row of " + r.name()
          + " is stale; regenerate: ./mesosim reproduce --all --out docs");
    }
  }

  @Test
  void docsValidation_isCurrentForTheQuickReproductions() throws Exception {
    String doc = doc();
    for (Reproduction r : Papers.all()) {
      sectionIn(doc, r.name()); // every reproduction, long ones too, has its section
    }
    checkCurrent(true);
    String head = ValidationReport.markdown(new LinkedHashMap<>());
    assertTrue(doc.startsWith(head.substring(0, head.indexOf("| reproduction |"))),
        "docs/validation.md's fixed part is stale; regenerate it: ./mesosim reproduce --all --out docs");
  }

  @Test
  @EnabledIfSystemProperty(named = "mesosim.papers.long", matches = "true")
  void docsValidation_isCurrentForTheLongReproductions() throws Exception {
    checkCurrent(false);
  }

  @Test
  void reproduceCommand_writesBothFiles_andRejectsUnknownNames(@TempDir Path dir) throws Exception {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int code = MesosimCommand.execute(Services.standard(), new PrintWriter(o, true), new PrintWriter(e, true),
        "reproduce", "drf-s4-example", "--out", dir.toString(), "--root", Examples.repoRoot().toString());
    assertEquals(ExitCodes.OK, code, o + "\n" + e);
    String md = Files.readString(dir.resolve("validation.md"));
    assertTrue(md.contains("<!-- reproduction: drf-s4-example -->"), md);
    assertTrue(!md.contains("<!-- reproduction: asset-fairness -->"), "only the named one");
    String html = Files.readString(dir.resolve("validation.html"));
    assertTrue(html.contains("<svg") && html.contains("stroke-dasharray"), "a figure with the published curve dashed");
    assertTrue(o.toString().contains("0 miss(es)"), o.toString());

    StringWriter e2 = new StringWriter();
    int bad = MesosimCommand.execute(Services.standard(), new PrintWriter(new StringWriter(), true),
        new PrintWriter(e2, true), "reproduce", "drf-s4-exampel", "--out", dir.resolve("x").toString());
    assertEquals(ExitCodes.BAD_INPUT, bad);
    assertTrue(e2.toString().contains("did you mean 'drf-s4-example'") || e2.toString().contains("drf-s4-example"),
        e2.toString());
    assertTrue(!Files.exists(dir.resolve("x")), "nothing written on bad input");
  }

  @Test
  void markdown_isDeterministic() throws Exception {
    Reproduction r = PapersTest.byName("drf-s4-example");
    Map<Reproduction, Reproduction.Result> m = new LinkedHashMap<>();
    m.put(r, PapersTest.result(r));
    assertEquals(ValidationReport.markdown(m), ValidationReport.markdown(m));
    assertEquals(ValidationReport.html(m), ValidationReport.html(m));
  }
}
