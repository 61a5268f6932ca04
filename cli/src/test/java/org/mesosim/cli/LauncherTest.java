package org.mesosim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./mesosim} launcher, run by bash in a fake repository (the real script, an up-to-date
 * stand-in jar, and a {@code java} on the PATH that prints its arguments), so nothing is built.
 */
class LauncherTest {
  @TempDir Path tmp;

  private Path fakeRepo() throws Exception {
    Path script = Path.of("..", "mesosim").toAbsolutePath().normalize();
    assumeTrue(Files.isRegularFile(script), "the launcher is at the repository root");
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("cli/target"));
    Files.copy(script, repo.resolve("mesosim"));
    Files.writeString(repo.resolve("cli/target/mesosim.jar"), "stand-in");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.writeString(bin.resolve("java"), "#!/bin/bash\necho \"java $*\"\n");
    // a stand-in build: records that it ran, prints as Maven does (or fails) and leaves a fresh jar
    Files.writeString(bin.resolve("mvn"), "#!/bin/bash\necho \"$*\" >> \"" + tmp.resolve("builds") + "\"\n"
        + "echo '[INFO] Scanning for projects...'\n"
        + "echo '[INFO] Building sim-engine 0.1.0-SNAPSHOT                                 [2/7]'\n"
        + "echo '[INFO] Building jar: /x/sim-engine.jar'\n"
        + "if [ -n \"${FAKE_MVN_FAIL:-}\" ]; then echo '[ERROR] COMPILATION ERROR: A.java:[1,1] boom'; exit 1; fi\n"
        + "echo '[INFO] Building cli 0.1.0-SNAPSHOT                                        [7/7]'\n"
        + "sleep \"${FAKE_MVN_SECONDS:-0}\"\ntouch cli/target/mesosim.jar\n");
    for (Path p : List.of(repo.resolve("mesosim"), bin.resolve("java"), bin.resolve("mvn"))) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return repo;
  }

  private Process start(Path how, Path cwd, String... env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", how.toString(), "list", "charts").directory(cwd.toFile())
        .redirectErrorStream(true);
    pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("MESOSIM_CDS", "0");
    pb.environment().put("FAKE_MVN_SECONDS", "1");
    pb.environment().remove("MESOSIM_JAVA_OPTS");
    for (int i = 0; i < env.length; i += 2) {
      pb.environment().put(env[i], env[i + 1]);
    }
    return pb.start();
  }

  private static String output(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private String launch(Path how, Path cwd) throws Exception {
    return output(start(how, cwd));
  }

  @Test
  void launcher_fromAnotherDirectory_runsTheRepositorysJar() throws Exception {
    Path repo = fakeRepo();
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    assertEquals("java -Xmx4g -XX:+UseParallelGC -jar " + repo.resolve("cli/target/mesosim.jar") + " list charts",
        launch(repo.resolve("mesosim"), elsewhere));
  }

  @Test
  void launcher_throughASymlinkElsewhere_runsTheRepositorysJar() throws Exception {
    Path repo = fakeRepo();
    Path home = Files.createDirectories(tmp.resolve("home/bin"));
    Files.createSymbolicLink(home.resolve("mesosim"), Path.of("../../repo/mesosim"));
    assertEquals("java -Xmx4g -XX:+UseParallelGC -jar " + repo.resolve("cli/target/mesosim.jar") + " list charts",
        launch(home.resolve("mesosim"), tmp));
  }

  @Test
  void launcher_buildsOnlyWhenTheJarIsMissingOrOlderThanASource() throws Exception {
    Path repo = fakeRepo();
    Path jar = repo.resolve("cli/target/mesosim.jar");
    Path builds = tmp.resolve("builds");
    launch(repo.resolve("mesosim"), tmp);
    assertEquals(false, Files.exists(builds), "fresh jar: no build");
    Path src = Files.createDirectories(repo.resolve("model/src/main/java")).resolve("A.java");
    Files.writeString(src, "class A {}");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    String out = launch(repo.resolve("mesosim"), tmp);
    assertEquals(List.of("-B -ntp -DskipTests -Dassembly.skipAssembly=true -pl cli -am package"),
        Files.readAllLines(builds));
    // what the build is doing: one line per module Maven starts (its other output only in the log), the total
    List<String> lines = out.lines().toList();
    assertEquals(5, lines.size(), out);
    assertEquals("mesosim: building the runnable jar with Maven (first run or sources changed)...", lines.get(0));
    assertTrue(lines.get(1).matches("mesosim:   2/7 sim-engine   \\(\\d+s\\)"), lines.get(1));
    assertTrue(lines.get(2).matches("mesosim:   7/7 cli          \\(\\d+s\\)"), lines.get(2));
    assertTrue(lines.get(3).matches("mesosim: built in \\d+s; later runs start at once"), lines.get(3));
    assertEquals("java -Xmx4g -XX:+UseParallelGC -jar " + jar + " list charts", lines.get(4));
    assertEquals("java -Xmx4g -XX:+UseParallelGC -jar " + jar + " list charts", launch(repo.resolve("mesosim"), tmp),
        "a fresh jar: quiet");
    assertEquals(1, Files.readAllLines(builds).size(), "rebuilt jar is fresh: no second build");
    Files.delete(jar);
    launch(repo.resolve("mesosim"), tmp);
    assertEquals(2, Files.readAllLines(builds).size(), "missing jar: built");
  }

  @Test
  void launcher_failedBuild_showsMavensErrorsAndExits1() throws Exception {
    Path repo = fakeRepo();
    Files.delete(repo.resolve("cli/target/mesosim.jar"));
    Process p = start(repo.resolve("mesosim"), tmp, "FAKE_MVN_FAIL", "1");
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, p.waitFor(), out);
    List<String> lines = out.strip().lines().toList();
    assertEquals("[ERROR] COMPILATION ERROR: A.java:[1,1] boom", lines.get(lines.size() - 2), out);
    assertEquals("mesosim: build failed; run 'mvn -pl cli -am package' in " + repo + " to see why",
        lines.get(lines.size() - 1), out);
    assertFalse(out.contains("java "), "nothing ran");
  }

  @Test
  void launcher_startedTwiceWhileStale_buildsOnce() throws Exception {
    Path repo = fakeRepo();
    Files.delete(repo.resolve("cli/target/mesosim.jar"));
    Process a = start(repo.resolve("mesosim"), tmp);
    Process b = start(repo.resolve("mesosim"), tmp);
    String outA = output(a);
    String outB = output(b);
    assertEquals(1, Files.readAllLines(tmp.resolve("builds")).size(), outA + "\n" + outB);
    assertEquals(false, Files.exists(repo.resolve("cli/target/.mesosim-build.lock")), "the lock is released");
  }
}
