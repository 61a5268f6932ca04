package org.mesosim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code mesosim --version} prints: the version, the git commit and the date of the build. The build
 * writes them into {@code org/mesosim/cli/version.properties} (cli/pom.xml); a value it could not know (a
 * build from a source archive without .git, or without git) reads as {@value #UNKNOWN}. Nothing here is
 * read by a simulation.
 *
 * @param version the Maven version, e.g. {@code 0.1.0}
 * @param commit the abbreviated commit id, or {@value #UNKNOWN}
 * @param dirty the build had uncommitted changes to tracked files
 * @param built the build's UTC time, ISO 8601, or {@value #UNKNOWN}
 */
public record VersionInfo(String version, String commit, boolean dirty, String built) {
  public static final String UNKNOWN = "unknown";
  static final String RESOURCE = "/org/mesosim/cli/version.properties";

  /** This jar's (or classes folder's) build information. */
  public static VersionInfo current() {
    Properties p = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return of(p);
  }

  /** The information in a version.properties; empty or unsubstituted ({@code ${...}}) values are unknown. */
  public static VersionInfo of(Properties p) {
    String commit = value(p, "commit");
    return new VersionInfo(value(p, "version"), commit, !commit.equals(UNKNOWN) && "true".equals(value(p, "dirty")),
        value(p, "built"));
  }

  private static String value(Properties p, String key) {
    String v = p.getProperty(key);
    return v == null || v.isBlank() || v.contains("${") ? UNKNOWN : v.strip();
  }

  /** The lines of {@code --version}. */
  public List<String> lines() {
    return List.of(
        "mesosim " + version,
        "commit " + commit + (dirty ? " (with uncommitted changes)" : ""),
        "built " + built,
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
            + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
            + System.getProperty("os.arch"));
  }

  /** picocli's hook for {@code --version}. */
  public static final class Provider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return current().lines().toArray(new String[0]);
    }
  }
}
