package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.engine.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesosim validate FILE...}: checks scenario files without running them. */
@Command(name = "validate", description = "Check scenario files without running them; every problem of a file is"
    + " reported with file:line:column and its YAML path.")
public final class ValidateCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files.")
  List<Path> files;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key before validating (repeatable).")
  List<String> sets = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int bad = 0;
    for (Path f : files) {
      try {
        Scenario s = new ScenarioLoader(parent.services().catalog()).load(f, sets);
        out.println("ok: " + f + " (" + s.name() + ": " + s.expanded().size() + " framework"
            + (s.expanded().size() == 1 ? "" : "s") + ", " + s.cluster().agents().size() + " agent group"
            + (s.cluster().agents().size() == 1 ? "" : "s") + ")");
        for (String w : org.mesosim.cli.scenario.ScenarioWarnings.of(s)) {
          err.println("warning: " + w);
        }
      } catch (BadInputException e) {
        for (String line : e.getMessage().split("\n")) {
          // with several files, a problem not located in the file (a --set override) says which file it is for
          boolean located = line.startsWith(f.toString() + ":") || files.size() == 1;
          err.println(located ? line : f + ": " + line);
        }
        bad++;
      }
    }
    if (bad > 0) {
      err.println(bad + " of " + files.size() + " file" + (files.size() == 1 ? "" : "s") + " invalid");
    }
    out.flush();
    err.flush();
    return bad == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }
}
