package org.mesosim.cli.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.allocators.AllocatorRegistry;
import org.mesosim.cli.commands.PolicyListing;
import org.mesosim.cli.scenario.Examples;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.OptionType;
import org.mesosim.model.allocation.PolicyOption;

/**
 * docs/allocators.md lists every option of every built-in policy exactly as the policies declare
 * it: the block between its markers is {@code mesosim list allocators --markdown}
 * ({@link PolicyListing#markdown}). A new option, default or range changes the declaration, and this
 * test then asks for the doc to follow.
 */
class AllocatorOptionsDocTest {
  static final String BEGIN = "<!-- policy-options:begin -->";
  static final String END = "<!-- policy-options:end -->";

  @Test
  void docsTable_isTheDeclarations() throws Exception {
    Path doc = Examples.repoRoot().resolve("docs/allocators.md");
    List<String> lines = Files.readAllLines(doc);
    int b = lines.indexOf(BEGIN);
    int e = lines.indexOf(END);
    assertTrue(b >= 0 && e > b, "docs/allocators.md must mark its option table with " + BEGIN + " and " + END);
    List<String> expected = PolicyListing.markdown(AllocatorRegistry.builtIns().stream()
        .sorted(java.util.Comparator.comparing(AllocatorPolicy::name)).toList());
    assertEquals(String.join("\n", expected), String.join("\n", lines.subList(b + 1, e)),
        "docs/allocators.md is out of date: replace its table with `mesosim list allocators --markdown`");
  }

  @Test
  void everyBuiltInOption_isTyped_withAWorkingDefault_andEveryNumberBounded() {
    for (AllocatorPolicy p : AllocatorRegistry.builtIns()) {
      for (PolicyOption o : p.options()) {
        assertTrue(!o.description().isBlank(), p.name() + "." + o.name() + " has no description");
        if (o.type() == OptionType.NUMBER || o.type() == OptionType.ROLE_MAP) {
          assertTrue(o.range() != null, p.name() + "." + o.name() + " declares no range");
        }
      }
      // every default passes its own declaration (PolicyOptions.resolve fails on a bad default)
      p.create(java.util.Map.of());
    }
  }

  @Test
  void summary_namesTypeDefaultAndRange() {
    assertEquals("number, default 0, in [0, 1)",
        PolicyOption.number("f", "0", PolicyOption.Range.closedOpen(0, 1), "d").summary());
    assertEquals("roleMap, default {}, values in [0, 1]",
        PolicyOption.roleMap("s", "{}", PolicyOption.Range.closed(0, 1), "d").summary());
    assertEquals("enum (a, b), default a", PolicyOption.oneOf("e", "a", List.of("a", "b"), "d").summary());
    assertEquals("number, default 2048, > 0", PolicyOption.number("m", "2048", PolicyOption.Range.above(0), "d").summary());
    assertEquals("string, default none", PolicyOption.text("t", "", "d").summary());
    assertThrows(IllegalArgumentException.class,
        () -> new PolicyOption("b", OptionType.BOOLEAN, "true", List.of(), PolicyOption.Range.above(0), "d"));
  }
}
