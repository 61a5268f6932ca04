package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mesosim.cli.CommonOptions;
import org.mesosim.cli.ExitCodes;
import org.mesosim.cli.MesosimCommand;
import org.mesosim.cli.scenario.ScenarioCatalog;
import org.mesosim.model.allocation.AllocatorPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mesosim list allocators|formats|charts}: one line each, sorted by name; an allocator's line is
 * followed by one indented line per option ({@link PolicyListing}).
 */
@Command(name = "list", description = "List what is available: allocators (with their options), formats or charts (one line each).")
public final class ListCommand implements Callable<Integer> {
  /** What can be listed. */
  public enum What {
    allocators,
    formats,
    charts
  }

  /** Chart descriptions (docs/outputs.md). */
  static final Map<String, String> CHARTS = new TreeMap<>(Map.of(
      "completion", "CDF of job completion times, per framework",
      "fairness", "Jain's index over the frameworks' weighted dominant shares, over time",
      "queue", "tasks pending per framework, over time",
      "shares", "dominant share per framework, over time",
      "utilization", "allocated / total per resource, over time"));

  @ParentCommand MesosimCommand parent;
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "WHAT", description = "allocators, formats or charts")
  What what;

  @Option(names = "--markdown", description = "With allocators: every option of every policy as the Markdown table"
      + " of docs/allocators.md.")
  boolean markdown;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScenarioCatalog c = parent.services().catalog();
    TreeMap<String, String> lines = new TreeMap<>();
    switch (what) {
      case allocators: {
        List<AllocatorPolicy> policies = c.allocatorNames().stream().sorted().map(n -> c.policy(n).orElseThrow())
            .toList();
        (markdown ? PolicyListing.markdown(policies) : PolicyListing.lines(policies)).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
      }
      case formats:
        for (String f : c.traceFormats()) {
          String d = c.traceFormatDescription(f);
          lines.put(f, (d.isEmpty() ? "" : d + " ") + "[fields: " + String.join(", ", c.traceFields(f)) + "]");
        }
        break;
      default:
        lines.putAll(CHARTS);
    }
    int w = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
    lines.forEach((k, v) -> out.println(String.format("%-" + w + "s  %s", k, v)));
    out.flush();
    return ExitCodes.OK;
  }
}
