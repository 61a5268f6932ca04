package org.mesosim.model.allocation;

import java.util.Locale;

/**
 * The type of an allocator policy option ({@link PolicyOption}): how a scenario's value is read and
 * what {@code create} receives. The name in scenario syntax and listings is {@link #toString()}.
 */
public enum OptionType {
  /** {@code true} or {@code false}: a {@code Boolean}. */
  BOOLEAN("boolean"),
  /** A whole number: a {@code Long}. */
  INTEGER("integer"),
  /** A finite number: a {@code Double}. */
  NUMBER("number"),
  /** Text: a {@code String}. */
  STRING("string"),
  /** A duration ({@code 250ms}, {@code 5s}; a bare number is seconds): a {@code Long} of microseconds. */
  DURATION("duration"),
  /** Resources ({@code {cpus: 1, mem: 512}} or {@code cpus:1;mem:512}): a {@code Resources}. */
  RESOURCES("resources"),
  /** One of {@link PolicyOption#allowed()}: a {@code String}. */
  ENUM("enum"),
  /** Name → number ({@code {a: 0.6, b: 0.4}} or {@code a=0.6,b=0.4}): a {@code SortedMap<String, Double>}. */
  MAP("map"),
  /** A {@link #MAP} whose keys are roles: a key that is no framework's role, nor a parent of one, is bad input. */
  ROLE_MAP("roleMap");

  private final String yamlName;

  OptionType(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The type named {@code name} ({@code boolean}, {@code roleMap}, ...; case-insensitive). */
  public static OptionType of(String name) {
    for (OptionType t : values()) {
      if (t.yamlName.equalsIgnoreCase(name) || t.name().equals(name.toUpperCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown option type '" + name + "'");
  }

  /** Whether values are numbers (or, for maps, every value is) that a {@link PolicyOption.Range} can bound. */
  public boolean numeric() {
    return this == INTEGER || this == NUMBER || this == MAP || this == ROLE_MAP;
  }

  @Override
  public String toString() {
    return yamlName;
  }
}
