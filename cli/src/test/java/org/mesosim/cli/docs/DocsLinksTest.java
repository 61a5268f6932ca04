package org.mesosim.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mesosim.cli.scenario.Examples;

/**
 * The repository stands on its own: every relative link of the documentation resolves (the file
 * exists and a {@code #anchor} is a heading of the target, as GitHub derives anchors), every path an
 * example scenario or sweep names exists, and no file refers to a folder beside the repository.
 */
class DocsLinksTest {
  static final Path ROOT = Examples.repoRoot();
  /** Markdown links and images: [text](target) or ![alt](target "title"). */
  static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");

  /** README.md, CONTRIBUTING.md, traces/README.md, benchmarks/README.md and docs/**.md. */
  static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    for (String f : List.of("README.md", "CONTRIBUTING.md", "traces/README.md", "benchmarks/README.md")) {
      Path p = ROOT.resolve(f);
      assertTrue(Files.isRegularFile(p), f + " is missing");
      docs.add(p);
    }
    try (Stream<Path> s = Files.walk(ROOT.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  @Test
  void everyRelativeLinkInTheDocs_resolves() throws IOException {
    List<String> broken = new ArrayList<>();
    Map<Path, Set<String>> anchors = new HashMap<>();
    int checked = 0;
    for (Path doc : documents()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      boolean fence = false;
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.stripLeading().startsWith("```")) {
          fence = !fence;
          continue;
        }
        if (fence) {
          continue;
        }
        Matcher m = LINK.matcher(withoutCodeSpans(line));
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            continue; // https:, mailto: …
          }
          checked++;
          String where = ROOT.relativize(doc) + ":" + (i + 1) + ": " + target;
          int hash = target.indexOf('#');
          String file = hash < 0 ? target : target.substring(0, hash);
          String anchor = hash < 0 ? null : target.substring(hash + 1);
          Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
          if (!resolved.startsWith(ROOT)) {
            broken.add(where + " (leaves the repository)");
          } else if (!Files.exists(resolved)) {
            broken.add(where + " (no such file)");
          } else if (anchor != null) {
            if (!resolved.toString().endsWith(".md")) {
              broken.add(where + " (an anchor into a file that is not Markdown)");
            } else if (!anchors.computeIfAbsent(resolved, DocsLinksTest::anchorsOf).contains(anchor)) {
              broken.add(where + " (no heading with that anchor in " + ROOT.relativize(resolved) + ")");
            }
          }
        }
      }
    }
    assertTrue(checked > 100, "too few links found: " + checked);
    assertEquals(List.of(), broken);
  }

  @Test
  void everyPathAnExampleScenarioOrSweepNames_exists() throws IOException {
    List<String> missing = new ArrayList<>();
    Pattern path = Pattern.compile("^\\s*(?:-\\s*)?(?:path|scenario):\\s*(\\S+)\\s*$");
    List<Path> files = new ArrayList<>(Examples.all());
    try (Stream<Path> s = Files.walk(ROOT.resolve("scenarios"))) {
      s.filter(p -> p.toString().endsWith(".yaml") && !files.contains(p)).sorted().forEach(files::add);
    }
    int seen = 0;
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = path.matcher(lines.get(i));
        if (m.find()) {
          seen++;
          Path target = f.getParent().resolve(m.group(1)).normalize();
          if (!target.startsWith(ROOT) || !Files.isRegularFile(target)) {
            missing.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + m.group(1));
          }
        }
      }
    }
    assertTrue(seen >= 3, "expected the trace paths of swf-replay and google-replay and a sweep's scenario");
    assertEquals(List.of(), missing);
  }

  @Test
  void noFileInTheRepository_refersToAFolderBesideIt() throws IOException {
    // built so that this file does not match itself
    List<String> needles = List.of(".." + "/shared", "shared" + "/traces", "shared" + "/design");
    List<String> hits = new ArrayList<>();
    try (Stream<Path> s = Files.walk(ROOT)) {
      for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
        Path rel = ROOT.relativize(p);
        String first = rel.getName(0).toString();
        boolean built = false;
        for (Path part : rel) {
          built |= part.toString().equals("target");
        }
        if (first.equals(".git") || first.equals("runs") || built || !isText(p)) {
          continue;
        }
        String text = Files.readString(p, StandardCharsets.ISO_8859_1);
        for (String n : needles) {
          if (text.contains(n)) {
            hits.add(rel + " mentions " + n);
          }
        }
      }
    }
    assertEquals(List.of(), hits);
  }

  @Test
  void anchors_followGitHubsRules() {
    assertEquals("google-2011--task_events", slug("`google-2011` — `task_events`"));
    assertEquals("frameworksworkloadsynthetic", slug("`frameworks[].workload.synthetic`"));
    assertEquals("the-drf-papers-example-under-every-policy", slug("The DRF paper's example under every policy"));
    assertEquals("eventsjsonl", slug("`events.jsonl`"));
  }

  private static boolean isText(Path p) {
    String n = p.getFileName().toString();
    return !(n.endsWith(".gz") || n.endsWith(".png") || n.endsWith(".jar") || n.endsWith(".class")
        || n.endsWith(".jsa") || n.endsWith(".svg"));
  }

  private static String withoutCodeSpans(String line) {
    return line.replaceAll("`[^`]*`", "``");
  }

  /** The anchors GitHub gives a Markdown file's headings (duplicates get -1, -2 …). */
  static Set<String> anchorsOf(Path md) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    boolean fence = false;
    for (String line : lines) {
      if (line.stripLeading().startsWith("```")) {
        fence = !fence;
        continue;
      }
      if (fence) {
        continue;
      }
      Matcher h = HTML_ID.matcher(line);
      while (h.find()) {
        out.add(h.group(1));
      }
      if (line.matches("^#{1,6}\\s+.*")) {
        String s = slug(line.replaceFirst("^#{1,6}\\s+", ""));
        int n = seen.merge(s, 1, Integer::sum);
        out.add(n == 1 ? s : s + "-" + (n - 1));
      }
    }
    return out;
  }

  /** GitHub's heading slug: text of the heading, lower case, punctuation dropped, spaces to hyphens. */
  static String slug(String heading) {
    String t = heading.strip().replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
    t = t.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "");
    return t.replace(' ', '-');
  }
}
