package org.mesosim.reports;

import java.util.Objects;

/**
 * A framework as the scenario declares it: its name (as events carry it) and its role.
 *
 * @param name the framework's scenario name (after {@code count} expansion / {@code splitBy})
 * @param role the framework's role, {@code "*"} when none
 */
public record FrameworkMeta(String name, String role) {
  public FrameworkMeta {
    Objects.requireNonNull(name, "name");
    role = role == null || role.isEmpty() ? "*" : role;
  }
}
