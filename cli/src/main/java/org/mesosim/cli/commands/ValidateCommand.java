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

/**
 * {@code mesosim validate FILE...}: checks scenario files, and sweep files (a mapping with a
 * top-level {@code scenario:} key, which no scenario has) with every grid point's scenario, without
 * running them.
 */
@Command(name = "validate", description = "Check scenario (or sweep) files without running them; every problem of a file is"
    + " reported with file:line:column and its YAML path.")
public final class ValidateCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario or sweep files.")
  List<Path> files;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a key before validating (repeatable).")
  List<String> sets = new java.util.ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int bad = 0;
    for (Path f : files) {
      try {
        if (isSweepFile(f)) {
          if (!sets.isEmpty()) {
            throw new BadInputException(f + ": --set applies to scenario files; a sweep file sets its overrides in"
                + " grid:");
          }
          org.mesosim.cli.sweep.SweepPlan p = org.mesosim.cli.sweep.SweepPlan.load(f, parent.services().catalog());
          p.scenarios(); // every grid point's scenario, as the sweep checks them before it runs
          out.println("ok: " + f + " (sweep " + p.name() + ": " + p.points().size() + " run"
              + (p.points().size() == 1 ? "" : "s") + " of " + p.scenarioFile().getFileName() + ", " + p.keys().size()
              + " grid key" + (p.keys().size() == 1 ? "" : "s") + ")");
          continue;
        }
        Scenario s = new ScenarioLoader(parent.services().catalog()).load(f, sets);
        out.println("ok: " + f + " (" + s.name() + ": " + s.expanded().size() + " framework"
            + (s.expanded().size() == 1 ? "" : "s") + ", " + s.cluster().agents().size() + " agent group"
            + (s.cluster().agents().size() == 1 ? "" : "s") + ")");
        for (String w : org.mesosim.cli.scenario.ScenarioWarnings.of(s)) {
          err.println("warning: " + w);
        }
      } catch (Exception e) {
        if (!(e instanceof BadInputException)) {
          throw e;
        }
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

  /**
   * Whether {@code f} is a sweep file: a YAML mapping with a top-level {@code scenario} key. A file
   * that cannot be read or parsed is not (the scenario loader then reports its problem).
   */
  static boolean isSweepFile(Path f) {
    try {
      if (!java.nio.file.Files.isRegularFile(f)) {
        return false;
      }
      java.util.List<org.mesosim.cli.scenario.Problem> problems = new java.util.ArrayList<>();
      String text = org.mesosim.cli.scenario.YamlTree.readFile(f, "file", problems);
      if (text == null) {
        return false;
      }
      org.mesosim.cli.scenario.YNode root = org.mesosim.cli.scenario.YamlTree.parse(text, f.toString(), problems);
      return root != null && root.isMap() && root.get("scenario") != null;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
