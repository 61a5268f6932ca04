package org.mesosim.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.Services;
import picocli.CommandLine;

/** Every command's --help: named parameter labels, never picocli's bare {@code <field>} placeholders. */
class HelpTest {
  static void collect(CommandLine cl, List<CommandLine> out) {
    out.add(cl);
    cl.getSubcommands().values().forEach(c -> collect(c, out));
  }

  @Test
  void everyCommandsHelp_namesItsParameters() {
    List<CommandLine> all = new ArrayList<>();
    collect(MesosimCommand.commandLine(Services.standard(), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter())), all);
    assertTrue(all.size() >= 12, all.size() + " commands"); // mesosim, 9 commands, trace inspect/convert
    for (CommandLine cl : all) {
      String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertFalse(usage.matches("(?s).*=<[a-zA-Z]+>.*"), cl.getCommandSpec().qualifiedName() + ":\n" + usage);
      for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
        assertFalse(o.description().length == 0 || o.description()[0].isBlank(),
            cl.getCommandSpec().qualifiedName() + " " + o.longestName() + " has no description");
      }
    }
  }

  @Test
  void benchHelp_showsLabelsAndDefaults() {
    Cli r = Cli.run(Services.standard(), "bench", "--help");
    assertEquals(ExitCodes.OK, r.code, r.toString());
    for (String s : List.of("--agents=N", "--tasks=N", "--frameworks=N", "--tasks-per-job=N", "--allocator=POLICY",
        "--seed=N", "--load=FRACTION", "(default 1000)", "(default hierarchical-drf)")) {
      assertTrue(r.out.contains(s), s + " in\n" + r.out);
    }
  }
}
