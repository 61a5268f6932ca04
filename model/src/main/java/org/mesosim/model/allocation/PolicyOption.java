package org.mesosim.model.allocation;

import java.util.List;

/**
 * A typed option of an allocator policy, listed by {@code mesosim list allocators} and checked when
 * a scenario's {@code allocator.options} are loaded.
 *
 * @param name option key in {@code allocator.options}
 * @param type one of {@code boolean}, {@code integer}, {@code number}, {@code string},
 *     {@code duration}, {@code resources}, {@code enum}, {@code map} (name → number, e.g. {@code {a: 0.6, b: 0.4}} or
 *     {@code a=0.6,b=0.4}), {@code roleMap} (a {@code map} whose keys are roles: a key that is no
 *     framework's role, nor a parent of one, is bad input)
 * @param defaultValue the default, in scenario syntax
 * @param allowed for {@code enum}, the allowed values; otherwise empty
 * @param description one line
 */
public record PolicyOption(String name, String type, String defaultValue, List<String> allowed, String description) {
  public PolicyOption {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
  }
}
