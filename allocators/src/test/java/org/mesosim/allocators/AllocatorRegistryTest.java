package org.mesosim.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mesosim.engine.Simulation;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.OptionType;
import org.mesosim.model.allocation.PolicyOption;

class AllocatorRegistryTest {
  private final AllocatorRegistry registry = AllocatorRegistry.standard();

  @Test
  void standard_listsBuiltInsSortedByName() {
    List<String> names = registry.names();
    assertTrue(names.containsAll(List.of("asset-fairness", "capacity", "drf", "fifo", "random", "slots", "tetris")), names.toString());
    List<String> sorted = new ArrayList<>(names);
    java.util.Collections.sort(sorted);
    assertEquals(sorted, names);
    assertEquals(names, registry.all().stream().map(AllocatorPolicy::name).toList());
  }

  @Test
  void builtIns_areAllListedInTheServicesFile() throws IOException {
    String services;
    try (var in = AllocatorRegistry.class.getResourceAsStream(
        "/META-INF/services/org.mesosim.model.allocation.AllocatorPolicy")) {
      services = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (AllocatorPolicy p : AllocatorRegistry.builtIns()) {
      assertTrue(services.contains(p.getClass().getName()), p.getClass().getName());
    }
  }

  @Test
  void find_unknownName_isEmptyAndRequireSuggests() {
    assertFalse(registry.find("drff").isPresent());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.require("fifoo"));
    assertTrue(e.getMessage().startsWith("policy: unknown allocator policy 'fifoo'; did you mean 'fifo'?"), e.getMessage());
  }

  /**
   * The options are parsed once, when validated: every allocator of a run (one per elected master)
   * is built from the same parsed record (fails if the factory parses again per allocator).
   */
  @Test
  void validateOptions_parsesOnce_andEveryAllocatorOfTheRunGetsThatRecord() {
    AllocatorRegistry.Resolved r = registry.validateOptions(registry.require("hierarchical-drf"),
        Map.of("mesosVersion", "1.5", "minAllocatableResources", "cpus:1"));
    var first = (org.mesosim.allocators.drf.HierarchicalDrfAllocator) r.allocators().create();
    var second = (org.mesosim.allocators.drf.HierarchicalDrfAllocator) r.allocators().create();
    assertTrue(first != second, "a fresh allocator each time");
    assertTrue(first.options() == second.options(), "one options record, parsed once");
    assertEquals(15, first.options().mesosVersion());
    assertEquals("1.5", r.options().get("mesosVersion"));
    // A bad value is bad input at validation, before any allocator is built.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.validateOptions(registry.require("hierarchical-drf"), Map.of("minAllocatableResources", "cpus")));
    assertTrue(e.getMessage().startsWith("minAllocatableResources: "), e.getMessage());
    // Offer policies: resolved once, ranges checked by building one allocator at validation.
    assertThrows(IllegalArgumentException.class,
        () -> registry.validateOptions(registry.require("tetris"), Map.of("fairnessKnob", 1)));
    assertTrue(registry.validateOptions(registry.require("fifo"), Map.of()).allocators().create() != null);
  }

  @Test
  void everyPolicy_hasDescriptionAndValidDefaults() {
    for (AllocatorPolicy p : registry.all()) {
      assertFalse(p.description().isBlank(), p.name());
      Map<String, Object> resolved = registry.resolveOptions(p, Map.of());
      assertEquals(p.options().size(), resolved.size(), p.name());
    }
  }

  /**
   * {@code mesosim list allocators} prints this description: it must say that mesosVersion switches
   * the allocator only and name the master behaviours of later versions that are not modelled.
   */
  @Test
  void hierarchicalDrf_descriptionSaysWhatALaterMesosVersionDoesNotChange() {
    String d = registry.require("hierarchical-drf").description();
    for (String s : List.of("allocator's behaviour only", "Mesos 1.1 at every version", "TASK_UNKNOWN",
        "PARTITION_AWARE", "1.5's", "docs/mesos-model.md")) {
      assertTrue(d.contains(s), s + " missing from: " + d);
    }
  }

  @Test
  void resolveOptions_fillsTypedDefaults() {
    Map<String, Object> slots = registry.resolveOptions(registry.require("slots"), Map.of("slotMem", "4096"));
    assertEquals(1.0, slots.get("slotCpus"));
    assertEquals(4096.0, slots.get("slotMem"));
    assertEquals("shuffle", slots.get("agentOrder"));
    assertEquals(Boolean.FALSE, slots.get("batching"));
    Map<String, Object> cap = registry.resolveOptions(registry.require("capacity"), Map.of("shares", Map.of("b", 0.4, "a", 0.6)));
    assertEquals(new TreeMap<>(Map.of("a", 0.6, "b", 0.4)), cap.get("shares"));
    assertTrue(cap.get("shares") instanceof SortedMap);
    Map<String, Object> cap2 = registry.resolveOptions(registry.require("capacity"), Map.of("shares", "a=0.6, b=0.4"));
    assertEquals(cap.get("shares"), cap2.get("shares"));
  }

  @Test
  void resolveOptions_unknownKey_namesKeyAndSuggests() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("slots"), Map.of("slotCpu", 2)));
    assertEquals("slotCpu: unknown option of allocator policy 'slots'; did you mean 'slotCpus'?"
        + " (options: agentOrder, batching, slotCpus, slotMem)", e.getMessage());
  }

  @Test
  void resolveOptions_badValues_sayWhichKeyAndWhy() {
    assertEquals("slotCpus: expected a number, not 'many'", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("slots"), Map.of("slotCpus", "many"))).getMessage());
    assertEquals("batching: expected true or false, not 'yes'", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("fifo"), Map.of("batching", "yes"))).getMessage());
    assertEquals("agentOrder: 'ids' is not one of shuffle, id; did you mean 'id'?", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("fifo"), Map.of("agentOrder", "ids"))).getMessage());
    assertEquals("shares: expected a map such as {a: 0.6, b: 0.4}, not a list", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("capacity"), Map.of("shares", List.of(1)))).getMessage());
  }

  /** A value of the right type but out of range is bad input too: reported before any run, as "<key>: <problem>". */
  @Test
  void resolveOptions_outOfRangeValues_areRejectedBeforeAnyRun() {
    assertEquals("fairnessKnob: must be in [0, 1), not 1.0", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("tetris"), Map.of("fairnessKnob", 1))).getMessage());
    assertEquals("slotCpus: must be > 0, not 0.0", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("slots"), Map.of("slotCpus", 0))).getMessage());
    assertEquals("shares.a: must be in [0, 1], not 1.5", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("capacity"), Map.of("shares", Map.of("a", 1.5)))).getMessage());
    assertEquals("defaultShare: must be in [0, 1], not 2.0", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("capacity"), Map.of("defaultShare", 2))).getMessage());
    // Amounts are counted in thousandths: a slot below that would be 0 (a division by zero).
    assertEquals("slotCpus: must be at least 0.001, not 1.0E-4", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("slots"), Map.of("slotCpus", 0.0001))).getMessage());
    assertEquals("slotMem: must be at least 0.001, not 1.0E-4", assertThrows(IllegalArgumentException.class,
        () -> registry.resolveOptions(registry.require("slots"), Map.of("slotMem", 0.0001))).getMessage());
  }

  @Test
  void parse_everyType() {
    assertEquals(5_000_000L, PolicyOptions.parse(new PolicyOption("d", "duration", "1s", null, ""), "5s"));
    assertEquals(2_000_000L, PolicyOptions.parse(new PolicyOption("d", "duration", "1s", null, ""), 2));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> PolicyOptions.parse(new PolicyOption("d", "duration", "1s", null, ""), "5 parsecs")).getMessage().startsWith("d: "));
    assertEquals(3L, PolicyOptions.parse(new PolicyOption("n", "integer", "1", null, ""), 3.0));
    assertEquals("n: expected a whole number, not '2.5'", assertThrows(IllegalArgumentException.class,
        () -> PolicyOptions.parse(new PolicyOption("n", "integer", "1", null, ""), 2.5)).getMessage());
    assertEquals(Resources.of(1, 512), PolicyOptions.parse(new PolicyOption("r", "resources", "", null, ""), "cpus:1;mem:512"));
    assertEquals(Resources.of(0.5, 64), PolicyOptions.parse(new PolicyOption("r", "resources", "", null, ""), Map.of("cpus", 0.5, "mem", 64)));
    assertEquals("x", PolicyOptions.parse(new PolicyOption("s", "string", "", null, ""), "x"));
    // a declared range bounds an integer, a number and every value of a map
    PolicyOption atLeastOne = new PolicyOption("n", OptionType.INTEGER, "1", null, PolicyOption.Range.atLeast(1), "");
    assertEquals(4L, PolicyOptions.parse(atLeastOne, 4));
    assertEquals("n: must be >= 1, not 0", assertThrows(IllegalArgumentException.class,
        () -> PolicyOptions.parse(atLeastOne, 0)).getMessage());
    PolicyOption weights = new PolicyOption("w", OptionType.MAP, "{}", null, PolicyOption.Range.above(0), "");
    assertEquals("w.b: must be > 0, not 0.0", assertThrows(IllegalArgumentException.class,
        () -> PolicyOptions.parse(weights, Map.of("a", 1, "b", 0))).getMessage());
  }

  @Test
  void policyCreate_resolvesOptionsItself() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> registry.require("tetris").create(Map.of("fairnessKnob", 1.5)));
    assertEquals("fairnessKnob: must be in [0, 1), not 1.5", e.getMessage());
  }

  @Test
  void of_twoClassesClaimingOneName_isAnError() {
    AllocatorPolicy fake = new OfferAllocatorPolicy("fifo", "impostor", List.of(), o -> null) {};
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> AllocatorRegistry.of(List.of(new org.mesosim.allocators.fifo.FifoPolicy(), fake)));
    assertTrue(e.getMessage().startsWith("allocator policy name 'fifo' is claimed by both"), e.getMessage());
  }

  /** Compiles a policy class into a jar in {@code dir} with a services file, as a user would ship it. */
  static Path buildPluginJar(Path dir) throws IOException {
    Path src = dir.resolve("src/com/example/LifoPolicy.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, LIFO_SOURCE);
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes);
    String cp = String.join(java.io.File.pathSeparator,
        location(AllocatorPolicy.class), location(AllocatorRegistry.class),
        location(Simulation.class), location(UniformRandomProvider.class));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", cp, src.toString());
    assertEquals(0, rc, "javac failed");
    Path jar = dir.resolve("lifo.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
      for (String c : List.of("LifoPolicy.class", "LifoPolicy$LifoAllocator.class")) {
        j.putNextEntry(new JarEntry("com/example/" + c));
        j.write(Files.readAllBytes(classes.resolve("com/example/" + c)));
        j.closeEntry();
      }
      j.putNextEntry(new JarEntry("META-INF/services/org.mesosim.model.allocation.AllocatorPolicy"));
      j.write("com.example.LifoPolicy\n".getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    return jar;
  }

  private static String location(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void standard_thirdPartyJarOnClasspath_isFoundThroughServiceLoader(@TempDir Path dir) throws IOException {
    Path jar = buildPluginJar(dir);
    assertFalse(AllocatorRegistry.standard().find("lifo").isPresent());
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      AllocatorRegistry withPlugin = AllocatorRegistry.standard(loader);
      AllocatorPolicy p = withPlugin.find("lifo").orElseThrow();
      assertEquals("com.example.LifoPolicy", p.getClass().getName());
      assertEquals("newest framework first", p.description());
      assertEquals(Boolean.TRUE, withPlugin.resolveOptions(p, Map.of()).get("newestFirst"));
      // Listed in name order among the built-ins.
      List<String> names = withPlugin.names();
      assertTrue(names.contains("lifo"));
      assertEquals(names.stream().sorted().toList(), names);
      // And it allocates: the newest framework is offered the agent.
      OfferHarness h = new OfferHarness(p, Map.of(), 1L);
      h.addFramework("old", "*", Resources.of(1, 128), OfferHarness.Behavior.HOLD);
      h.addFramework("new", "*", Resources.of(1, 128), OfferHarness.Behavior.HOLD);
      h.addAgent("a1", 2, 1024);
      assertEquals(List.of("0.000000 new {a1=cpus:2; mem:1024}"), h.offerLog());
      OfferHarness g = new OfferHarness(p, Map.of("newestFirst", false), 1L);
      g.addFramework("old", "*", Resources.of(1, 128), OfferHarness.Behavior.HOLD);
      g.addFramework("new", "*", Resources.of(1, 128), OfferHarness.Behavior.HOLD);
      g.addAgent("a1", 2, 1024);
      assertEquals(List.of("0.000000 old {a1=cpus:2; mem:1024}"), g.offerLog());
    }
  }

  /** The example of docs/allocators.md, "Adding your own policy", verbatim. */
  static final String LIFO_SOURCE = String.join("\n",
      "package com.example;",
      "",
      "import java.util.List;",
      "import java.util.Map;",
      "import org.mesosim.allocators.AbstractOfferAllocator;",
      "import org.mesosim.allocators.AgentState;",
      "import org.mesosim.allocators.FrameworkState;",
      "import org.mesosim.allocators.OfferAllocatorPolicy;",
      "import org.mesosim.model.allocation.PolicyOption;",
      "",
      "/** Offers each agent to the most recently registered framework first. */",
      "public final class LifoPolicy extends OfferAllocatorPolicy {",
      "  public LifoPolicy() {",
      "    super(\"lifo\", \"newest framework first\",",
      "        List.of(PolicyOption.bool(\"newestFirst\", true, \"false turns it into FIFO\")),",
      "        LifoAllocator::new);",
      "  }",
      "",
      "  static final class LifoAllocator extends AbstractOfferAllocator {",
      "    private final boolean newestFirst;",
      "",
      "    LifoAllocator(Map<String, Object> options) {",
      "      super(options); // options arrive resolved: typed, defaults filled in",
      "      this.newestFirst = (Boolean) options.get(\"newestFirst\");",
      "    }",
      "",
      "    @Override",
      "    protected void orderFrameworks(AgentState agent, List<FrameworkState> eligible) {",
      "      eligible.sort((a, b) -> newestFirst",
      "          ? Long.compare(b.order(), a.order())",
      "          : Long.compare(a.order(), b.order()));",
      "    }",
      "  }",
      "}",
      "");
}
