package org.mesosim.model.config;

import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.model.Resources;

/**
 * {@code count} identical agents named {@code <name>-1} … {@code <name>-<count>}.
 *
 * @param resources total resources of each agent, including the reserved parts
 * @param attributes agent attributes
 * @param reservations static reservations by role, carved out of {@code resources}
 */
public record AgentGroup(String name, int count, Resources resources, SortedMap<String, String> attributes,
    SortedMap<String, Resources> reservations) {
  public AgentGroup {
    if (count < 0) {
      throw new IllegalArgumentException("agents." + name + ".count: must be >= 0");
    }
    attributes = new TreeMap<>(attributes == null ? new TreeMap<>() : attributes);
    reservations = new TreeMap<>(reservations == null ? new TreeMap<>() : reservations);
  }
}
