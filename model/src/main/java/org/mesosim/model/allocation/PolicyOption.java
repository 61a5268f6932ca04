package org.mesosim.model.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * A typed option of an allocator policy, declared once: it is checked when a scenario's
 * {@code allocator.options} are loaded (type and range, with the option's YAML path in the error),
 * listed by {@code mesosim list allocators} and documented in docs/allocators.md (a test compares).
 *
 * @param name option key in {@code allocator.options}
 * @param type how the value is read ({@link OptionType})
 * @param defaultValue the default, in scenario syntax
 * @param allowed for {@link OptionType#ENUM}, the allowed values; otherwise empty
 * @param range for numeric types, the values allowed (for maps, of every value); null when any
 * @param description one line
 */
public record PolicyOption(String name, OptionType type, String defaultValue, List<String> allowed, Range range,
    String description) {
  public PolicyOption {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
    if (range != null && !type.numeric()) {
      throw new IllegalArgumentException(name + ": a range applies to numeric options, not " + type);
    }
    if (type == OptionType.ENUM && allowed.isEmpty()) {
      throw new IllegalArgumentException(name + ": an enum option lists its allowed values");
    }
  }

  /** An option without a range, its type named as in scenario syntax ({@code boolean}, {@code roleMap}, ...). */
  public PolicyOption(String name, String type, String defaultValue, List<String> allowed, String description) {
    this(name, OptionType.of(type), defaultValue, allowed, null, description);
  }

  /** A {@code boolean} option. */
  public static PolicyOption bool(String name, boolean defaultValue, String description) {
    return new PolicyOption(name, OptionType.BOOLEAN, String.valueOf(defaultValue), List.of(), null, description);
  }

  /** A {@code number} option within {@code range} (null: any finite number). */
  public static PolicyOption number(String name, String defaultValue, Range range, String description) {
    return new PolicyOption(name, OptionType.NUMBER, defaultValue, List.of(), range, description);
  }

  /** An {@code enum} option: one of {@code allowed}. */
  public static PolicyOption oneOf(String name, String defaultValue, List<String> allowed, String description) {
    return new PolicyOption(name, OptionType.ENUM, defaultValue, allowed, null, description);
  }

  /** A {@code string} option. */
  public static PolicyOption text(String name, String defaultValue, String description) {
    return new PolicyOption(name, OptionType.STRING, defaultValue, List.of(), null, description);
  }

  /** A {@code roleMap} option, each value within {@code range} (null: any finite number). */
  public static PolicyOption roleMap(String name, String defaultValue, Range range, String description) {
    return new PolicyOption(name, OptionType.ROLE_MAP, defaultValue, List.of(), range, description);
  }

  /**
   * The type, default and allowed values in a few words, as listings and docs show them:
   * {@code number, default 0, in [0, 1)}; {@code enum (shuffle, id), default shuffle}.
   */
  public String summary() {
    List<String> parts = new ArrayList<>();
    parts.add(type == OptionType.ENUM ? type + " (" + String.join(", ", allowed) + ")" : type.toString());
    parts.add("default " + (defaultValue == null || defaultValue.isEmpty() ? "none" : defaultValue));
    if (range != null) {
      parts.add((type == OptionType.MAP || type == OptionType.ROLE_MAP ? "values " : "") + range.describe());
    }
    return String.join(", ", parts);
  }

  /**
   * The numbers an option allows: a lower and an upper bound, each open or closed, either may be
   * absent (infinite).
   *
   * @param min the lower bound ({@code -Infinity}: none)
   * @param minOpen whether {@code min} itself is excluded
   * @param max the upper bound ({@code +Infinity}: none)
   * @param maxOpen whether {@code max} itself is excluded
   */
  public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
    public Range {
      if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
        throw new IllegalArgumentException("not a range: " + min + ", " + max);
      }
    }

    /** {@code [min, max]}. */
    public static Range closed(double min, double max) {
      return new Range(min, false, max, false);
    }

    /** {@code [min, max)}. */
    public static Range closedOpen(double min, double max) {
      return new Range(min, false, max, true);
    }

    /** {@code > min}. */
    public static Range above(double min) {
      return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code >= min}. */
    public static Range atLeast(double min) {
      return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    public boolean contains(double v) {
      return (minOpen ? v > min : v >= min) && (maxOpen ? v < max : v <= max);
    }

    /** {@code > 0}, {@code >= 1}, {@code <= 5} or {@code in [0, 1)}. */
    public String describe() {
      boolean low = min != Double.NEGATIVE_INFINITY;
      boolean high = max != Double.POSITIVE_INFINITY;
      if (low && high) {
        return "in " + (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]");
      }
      if (low) {
        return (minOpen ? "> " : ">= ") + fmt(min);
      }
      return high ? (maxOpen ? "< " : "<= ") + fmt(max) : "any number";
    }

    private static String fmt(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
  }
}
