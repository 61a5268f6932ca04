package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mesosim.cli.ChartOptions;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.scenario.Scenario;
import org.mesosim.cli.scenario.ScenarioLoader;
import org.mesosim.engine.BadInputException;
import org.mesosim.reports.EventLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesosim run SCENARIO}: one simulation, results in a folder. */
@Command(name = "run", description = "Run one simulation; results go to DIR (default runs/<scenario name>/)."
    + " The last line of output is `digest: <hex>`.")
public final class RunCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin ChartOptions charts;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario YAML file.")
  Path scenario;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every random stream (overrides the scenario's).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default runs/<scenario name>/).")
  Path out;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override any key, e.g. allocator.policy=fifo (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--check-invariants", description = "Check the model's invariants after every event (exit 3 on a"
      + " violation).")
  boolean checkInvariants;

  @Option(names = "--events", description = "Also write events.jsonl: the observable event stream (what the digest"
      + " covers), one JSON object per line.")
  boolean events;

  @Option(names = "--event-kinds", paramLabel = "KIND", split = ",",
      description = "Only these kinds in events.jsonl (implies --events), e.g. offer,decline,launch,status.")
  List<String> eventKinds;

  @Override
  public Integer call() throws Exception {
    if (eventKinds != null) {
      String problem = EventLog.checkKinds(eventKinds);
      if (problem != null) {
        throw new BadInputException("--event-kinds: " + problem);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> overrides = charts.apply(sets);
    Scenario s = new ScenarioLoader(parent.services().catalog()).load(scenario, overrides);
    if (seed != null) {
      s = s.withSeed(seed);
    }
    Path dir = out != null ? out : Path.of("runs", s.name());
    org.mesosim.cli.OutputPaths.checkFolder("--out", dir);
    boolean progress = !common.quiet && parent.services().terminal().getAsBoolean();
    List<String> kinds = eventKinds != null ? eventKinds : events ? List.of() : null;
    RunResult r = parent.services().runner().run(new RunRequest(s, overrides, dir, checkInvariants, progress,
        common.debug, kinds), err);
    if (r.humanSummary() != null && !r.humanSummary().isEmpty()) {
      o.println(r.humanSummary().stripTrailing());
    }
    o.println("digest: " + r.digest());
    o.flush();
    if (r.invariantViolations() > 0) {
      err.println("error: " + r.invariantViolations() + " invariant violation" + (r.invariantViolations() == 1 ? ""
          : "s") + " (see " + dir.resolve("summary.json") + ")");
      err.flush();
      return ExitCodes.INVARIANT_VIOLATED;
    }
    return ExitCodes.OK;
  }
}
