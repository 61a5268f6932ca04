package org.mesosim.workloads;

import java.util.List;

/**
 * A condition on one field of a job ({@code filter: {queue: 3}}, {@code {user: [a, b]}},
 * {@code {priority: {min: 9, max: 11}}}). Values are compared as the text the trace wrote,
 * except {@link Range}, which parses the field as a number (a field that is not a number never
 * matches a range).
 */
public sealed interface FieldFilter {

  /** True if {@code value} (null when the job lacks the field) passes. */
  boolean matches(String value);

  /** Equal to one value. */
  record Equals(String value) implements FieldFilter {
    public Equals {
      if (value == null) {
        throw new IllegalArgumentException("filter value must not be null");
      }
    }

    @Override
    public boolean matches(String v) {
      return value.equals(v);
    }
  }

  /** Equal to one of the values. */
  record In(List<String> values) implements FieldFilter {
    public In {
      if (values == null || values.isEmpty()) {
        throw new IllegalArgumentException("filter list must not be empty");
      }
      values = List.copyOf(values);
    }

    @Override
    public boolean matches(String v) {
      return v != null && values.contains(v);
    }
  }

  /** A number in [min, max] (both inclusive). */
  record Range(double min, double max) implements FieldFilter {
    public Range {
      if (Double.isNaN(min) || Double.isNaN(max) || max < min) {
        throw new IllegalArgumentException("filter range: need min <= max");
      }
    }

    @Override
    public boolean matches(String v) {
      if (v == null || v.isEmpty()) {
        return false;
      }
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return false;
      }
      return d >= min && d <= max;
    }
  }
}
