package org.mesosim.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.Services;

/** {@code mesosim generate-completion}: a bash/zsh script that completes commands, options and values. */
class CompletionTest {
  @TempDir Path dir;

  /**
   * What the generated script offers for a command line whose last word is being completed, as bash
   * computes it (COMPREPLY after calling the completion function the script registers for mesosim).
   */
  List<String> complete(Path script, String... words) throws Exception {
    StringBuilder arr = new StringBuilder();
    for (String w : words) {
      arr.append(" '").append(w).append('\'');
    }
    String driver = "compopt() { :; }\n" // only valid while bash itself is completing; a stub here
        + "source '" + script + "'\n"
        + "COMP_WORDS=(" + arr + ")\n"
        + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
        + "COMP_LINE=\"${COMP_WORDS[*]}\"\nCOMP_POINT=${#COMP_LINE}\n"
        + "\"$(complete -p mesosim | sed -E 's/.*-F ([^ ]+).*/\\1/')\"\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p = new ProcessBuilder("bash", "-c", driver).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out.lines().filter(l -> !l.isEmpty()).sorted().toList();
  }

  @Test
  void generatedScript_completesCommandsOptionsAndValues() throws Exception {
    Cli r = Cli.run(Services.standard(), "generate-completion");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    assertEquals("", r.err);
    Path script = dir.resolve("mesosim.bash");
    Files.writeString(script, r.out);

    assertEquals(List.of("run"), complete(script, "mesosim", "ru"));
    assertEquals(List.of("bench", "compare", "generate-completion", "help", "list", "run", "sweep", "trace",
        "validate"), complete(script, "mesosim", ""));
    assertEquals(List.of("--no-charts"), complete(script, "mesosim", "run", "--no"));
    assertEquals(List.of("--no-charts"), complete(script, "mesosim", "compare", "--no-c"));
    assertEquals(List.of("--no-charts"), complete(script, "mesosim", "sweep", "--no-c"));
    assertEquals(List.of("allocators", "charts", "formats"), complete(script, "mesosim", "list", ""));
    assertEquals(List.of("--tasks", "--tasks-per-job"), complete(script, "mesosim", "bench", "--tas"));
  }
}
