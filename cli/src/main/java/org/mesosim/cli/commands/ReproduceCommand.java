package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.papers.Check;
import org.mesosim.cli.papers.PaperRuns;
import org.mesosim.cli.papers.Papers;
import org.mesosim.cli.papers.Reproduction;
import org.mesosim.cli.papers.ValidationReport;
import org.mesosim.engine.BadInputException;
import org.mesosim.cli.scenario.DidYouMean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mesosim reproduce [NAME…|--all]}: reruns published results and writes validation.md/html. */
@Command(name = "reproduce", description = "Rerun published tables and figures (scenarios/papers/) and write"
    + " validation.md and validation.html into DIR: each figure beside the published values, tolerance, pass or miss."
    + " Without names: the quick ones; --all: every one.")
public final class ReproduceCommand implements Callable<Integer> {
  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Reproductions to run (see --list).")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Run every reproduction, the long ones too.")
  boolean all;

  @Option(names = "--list", description = "List the reproductions and exit.")
  boolean list;

  @Option(names = "--out", paramLabel = "DIR", description = "Where validation.md and validation.html go (default"
      + " runs/validation).")
  Path out = Path.of("runs", "validation");

  @Option(names = "--root", paramLabel = "DIR", description = "The repository holding scenarios/papers/ (default:"
      + " the current folder or the nearest one above it that has it).")
  Path root;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    List<Reproduction> known = Papers.all();
    if (list) {
      for (Reproduction r : known) {
        o.println(r.name() + "  (" + (r.quick() ? "quick" : "long") + ", " + r.time() + ")  " + r.citation());
      }
      return ExitCodes.OK;
    }
    if (all && !names.isEmpty()) {
      throw new BadInputException("reproduce: give names or --all, not both");
    }
    List<Reproduction> chosen = new ArrayList<>();
    for (String n : names) {
      Reproduction r = known.stream().filter(k -> k.name().equals(n)).findFirst().orElse(null);
      if (r == null) {
        throw new BadInputException("reproduce: unknown reproduction '" + n + "'" + DidYouMean.hint(n, Papers.names())
            + "; known: " + String.join(", ", Papers.names()));
      }
      if (!chosen.contains(r)) {
        chosen.add(r);
      }
    }
    if (chosen.isEmpty()) {
      chosen = all ? known : known.stream().filter(Reproduction::quick).toList();
    }
    Path repo = root != null ? root : PaperRuns.findRoot(Path.of(""));
    if (repo == null || !Files.isDirectory(repo.resolve("scenarios").resolve("papers"))) {
      throw new BadInputException("reproduce: scenarios/papers/ not found " + (root != null ? "in " + root
          : "here or above; run from the repository or give --root"));
    }
    org.mesosim.cli.OutputPaths.checkFolder("--out", out);
    PaperRuns runs = new PaperRuns(parent.services(), repo);
    Map<Reproduction, Reproduction.Result> results = new java.util.LinkedHashMap<>();
    int misses = 0;
    for (Reproduction r : chosen) {
      o.println("reproducing " + r.name() + " (" + r.citation() + ") …");
      o.flush();
      Reproduction.Result res = r.run(runs);
      results.put(r, res);
      for (Check c : res.checks()) {
        o.println("  " + c.status().label + ": " + c.quantity() + ": published " + c.published() + ", mesosim "
            + c.measured() + (c.status() == Check.Status.NOT_FOUND ? "" : " (" + c.tolerance() + ")"));
        misses += c.status() == Check.Status.MISS ? 1 : 0;
      }
    }
    Files.createDirectories(out);
    write(out.resolve("validation.md"), ValidationReport.markdown(results));
    write(out.resolve("validation.html"), ValidationReport.html(results));
    o.println(misses + " miss(es); written: " + out.resolve("validation.md") + ", " + out.resolve("validation.html"));
    return ExitCodes.OK;
  }

  /** Written whole or not at all: a temporary file moved into place. */
  private static void write(Path file, String text) throws Exception {
    Path tmp = file.resolveSibling(file.getFileName() + ".partial");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
