package org.mesosim.cli.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's example scenarios and the shared traces beside the repository. */
public final class Examples {
  private Examples() {}

  /**
   * The digest of {@code scenarios/quickstart.yaml} as the README shows it (seed 1). Pinned here once: the
   * example tests and the distribution test (cli DistributionIT) check against it. A change that
   * legitimately moves it updates it here and in the README, and says why.
   */
  public static final String QUICKSTART_DIGEST = "e9e8fdb63515d225d50151692fda533a";

  /** The repository root (the folder holding {@code scenarios/}), from the module's working directory. */
  public static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("scenarios"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("scenarios/ not found above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public static Path scenario(String name) {
    return repoRoot().resolve("scenarios").resolve(name + ".yaml");
  }

  /** Every example scenario, by file name. */
  public static List<Path> all() throws IOException {
    try (Stream<Path> s = Files.list(repoRoot().resolve("scenarios"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  /** The shared traces folder as the examples reference it ({@code ../../shared/traces} from scenarios/). */
  public static Path traces() {
    return repoRoot().resolve("scenarios").resolve("../../shared/traces").normalize();
  }

  /** True if the example reads a trace that is not present here. */
  public static boolean needsMissingTraces(Path scenario) throws IOException {
    return Files.readString(scenario).contains("shared/traces") && !Files.isDirectory(traces());
  }
}
