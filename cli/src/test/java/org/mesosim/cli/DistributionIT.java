package org.mesosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.scenario.Examples;

/**
 * The distribution archive that {@code mvn package} writes (src/assembly/dist.xml), as a user gets it:
 * unpacked into an empty folder outside the repository and run with nothing but a Java runtime (JAVA_HOME
 * pointing at a folder holding only bin/java and the release file). Runs after package (failsafe, in
 * {@code mvn verify}).
 */
class DistributionIT {
  @TempDir Path tmp;
  /** Symbolic links made here, removed after the test (JUnit warns about links out of its temporary folder). */
  private final List<Path> links = new ArrayList<>();

  private void link(Path link, Path target) throws IOException {
    links.add(Files.createSymbolicLink(link, target));
  }

  @AfterEach
  void removeLinks() throws IOException {
    for (Path l : links) {
      Files.deleteIfExists(l);
    }
  }

  record Result(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  Result exec(Path cwd, Map<String, String> env, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", cmd) + " did not finish");
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A Java "installation" of just the runtime's launcher and its release file. */
  Path bareJre() throws IOException {
    Path javaHome = Path.of(System.getProperty("java.home"));
    Path jre = tmp.resolve("jre");
    Files.createDirectories(jre.resolve("bin"));
    link(jre.resolve("bin/java"), javaHome.resolve("bin/java"));
    if (Files.isRegularFile(javaHome.resolve("release"))) {
      link(jre.resolve("release"), javaHome.resolve("release"));
    }
    return jre;
  }

  @Test
  void unpackedArchive_runsTheQuickstartWithOnlyAJre() throws Exception {
    String version = System.getProperty("mesosim.version");
    Path archive = Path.of(System.getProperty("mesosim.dist"));
    assertTrue(Files.isRegularFile(archive), archive + " (mvn package writes it)");
    Path unpacked = tmp.resolve("unpacked");
    Files.createDirectories(unpacked);
    Result tar = exec(unpacked, Map.of("PATH", "/usr/bin:/bin"), "tar", "-xzf", archive.toString());
    assertEquals(0, tar.code(), tar.toString());
    Path home = unpacked.resolve("mesosim-" + version);

    // the layout: launcher, jar, and what the repository has of examples, traces, docs and licence files
    assertTrue(Files.isExecutable(home.resolve("bin/mesosim")));
    assertTrue(Files.isRegularFile(home.resolve("lib/mesosim.jar")));
    Path repo = Examples.repoRoot();
    for (String d : List.of("scenarios", "traces", "docs")) {
      assertEquals(files(repo.resolve(d)), files(home.resolve(d)), d + "/");
    }
    for (String f : List.of("LICENSE", "NOTICE", "README.md")) {
      assertEquals(Files.isRegularFile(repo.resolve(f)), Files.isRegularFile(home.resolve(f)), f);
    }

    Map<String, String> env = Map.of("JAVA_HOME", bareJre().toString(), "PATH", "/usr/bin:/bin",
        "HOME", tmp.toString());
    Path out = tmp.resolve("quickstart");
    Result run = exec(home, env, "bin/mesosim", "run", "scenarios/quickstart.yaml", "--out", out.toString(), "--quiet");
    assertEquals(0, run.code(), run.toString());
    List<String> lines = run.out().strip().lines().toList();
    assertEquals("digest: " + Examples.QUICKSTART_DIGEST, lines.get(lines.size() - 1), run.toString());
    assertTrue(Files.isRegularFile(out.resolve("summary.json")));
    assertEquals(Examples.QUICKSTART_DIGEST,
        new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("digest").asText());
    assertEquals("", run.err(), "nothing on stderr (JVM or class-data sharing messages)");

    // through a symlink from elsewhere (as installed on PATH), java found on PATH instead of JAVA_HOME
    Path elsewhere = tmp.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    link(elsewhere.resolve("mesosim"), home.resolve("bin/mesosim"));
    Result v = exec(elsewhere, Map.of("PATH", bareJre2() + ":/usr/bin:/bin", "HOME", tmp.toString()),
        "./mesosim", "--version");
    assertEquals(0, v.code(), v.toString());
    assertEquals("mesosim " + version, v.out().lines().findFirst().orElse(""), v.toString());
    assertTrue(v.out().lines().anyMatch(l -> l.startsWith("commit ")), v.toString());

    // MESOSIM_JAVA_OPTS reaches the JVM (here an option it refuses)
    Result opts = exec(home, Map.of("JAVA_HOME", env.get("JAVA_HOME"), "PATH", "/usr/bin:/bin",
        "MESOSIM_JAVA_OPTS", "-XX:+NoSuchMesosimOption"), "bin/mesosim", "--version");
    assertTrue(opts.code() != 0 && opts.err().contains("NoSuchMesosimOption"), opts.toString());

    // no Java at all: one clear line
    Path tools = tmp.resolve("tools");
    Files.createDirectories(tools);
    for (String t : List.of("dirname", "readlink")) {
      Path real = Files.isExecutable(Path.of("/usr/bin", t)) ? Path.of("/usr/bin", t) : Path.of("/bin", t);
      link(tools.resolve(t), real);
    }
    Result none = exec(home, Map.of("PATH", tools.toString()), "/bin/sh", "bin/mesosim", "--version");
    assertEquals(1, none.code(), none.toString());
    assertEquals("mesosim: no Java found: install Java 17 or later (a JRE is enough) and put java on PATH, or set"
        + " JAVA_HOME", none.err().strip());
  }

  /** bin/ of a second bare runtime, for PATH. */
  private Path bareJre2() throws IOException {
    Path bin = tmp.resolve("jre2/bin");
    Files.createDirectories(bin);
    link(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    return bin;
  }

  /** The files under {@code dir}, relative to it, sorted (empty if there is no such folder). */
  static List<String> files(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (var s = Files.walk(dir)) {
        // dot files (.gitignore, .gitattributes) are left out of the archive (the assembly's default excludes)
        s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
            .forEach(p -> out.add(dir.relativize(p).toString()));
      }
    }
    return out.stream().sorted().toList();
  }
}
