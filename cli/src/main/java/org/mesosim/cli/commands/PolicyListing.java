package org.mesosim.cli.commands;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.PolicyOption;

/**
 * The allocator policies and their option declarations ({@link PolicyOption}) as text: the lines of
 * {@code mesosim list allocators} and the option reference of docs/allocators.md
 * ({@code mesosim list allocators --markdown}), both from the one declaration of each option.
 */
public final class PolicyListing {
  private PolicyListing() {}

  /** One line per policy ({@code name  description}), each followed by one indented line per option. */
  public static List<String> lines(List<AllocatorPolicy> policies) {
    int w = 0;
    for (AllocatorPolicy p : policies) {
      w = Math.max(w, p.name().length());
      for (PolicyOption o : p.options()) {
        w = Math.max(w, o.name().length() + 2);
      }
    }
    List<String> out = new ArrayList<>();
    for (AllocatorPolicy p : policies) {
      out.add(String.format("%-" + w + "s  %s", p.name(), p.description()));
      for (PolicyOption o : p.options()) {
        out.add(String.format("%-" + w + "s  %s: %s", "  " + o.name(), o.summary(), o.description()));
      }
    }
    return out;
  }

  /**
   * The Markdown table of every option of every policy (docs/allocators.md, between its markers):
   * one row per distinct declaration, naming every policy that has it (the options common to the
   * comparison policies appear once).
   */
  public static List<String> markdown(List<AllocatorPolicy> policies) {
    Map<PolicyOption, List<String>> owners = new LinkedHashMap<>();
    List<String> out = new ArrayList<>();
    out.add("| policy | option | type, default, values | what it does |");
    out.add("|---|---|---|---|");
    for (AllocatorPolicy p : policies) {
      if (p.options().isEmpty()) {
        out.add("| `" + p.name() + "` | – | – | no options |");
      }
      for (PolicyOption o : p.options()) {
        owners.computeIfAbsent(o, k -> new ArrayList<>()).add("`" + p.name() + "`");
      }
    }
    owners.forEach((o, names) -> out.add("| " + String.join(", ", names) + " | `" + o.name() + "` | "
        + cell(o.summary()) + " | " + cell(o.description()) + " |"));
    return out;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }
}
