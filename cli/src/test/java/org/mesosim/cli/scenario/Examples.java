package org.mesosim.cli.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the repository's example scenarios and its trace samples ({@code traces/}). */
public final class Examples {
  private Examples() {}

  /**
   * The digest of {@code scenarios/quickstart.yaml} as the README shows it (seed 1). Pinned here once: the
   * example tests and the distribution test (cli DistributionIT) check against it. A change that
   * legitimately moves it updates it here and in the README, and says why.
   */
  public static final String QUICKSTART_DIGEST = "e9e8fdb63515d225d50151692fda533a";

  /**
   * The repository root: the first folder above the module's working directory that has
   * {@code traces/}, {@code scenarios/} and {@code pom.xml}.
   */
  public static Path repoRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("traces")) && Files.isDirectory(p.resolve("scenarios"))
          && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no folder with traces/, scenarios/ and pom.xml above " + start);
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

  /** The repository's trace samples folder ({@code traces/}, see {@code traces/README.md}). */
  public static Path traces() {
    return repoRoot().resolve("traces");
  }

  /** A trace sample of {@code traces/}; fails the test with a clear message if it is missing. */
  public static Path trace(String file) {
    Path f = traces().resolve(file);
    assertTrue(Files.isRegularFile(f), "trace sample " + f + " is missing: it is part of the repository"
        + " (traces/README.md); restore it with git checkout -- traces/");
    return f;
  }
}
