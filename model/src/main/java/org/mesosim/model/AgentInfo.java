package org.mesosim.model;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The parts of Mesos' {@code SlaveInfo} the model uses: a hostname (the agent's scenario name,
 * e.g. {@code small-3}), attributes, and the resources it advertises (with static reservations).
 */
public record AgentInfo(String hostname, ResourceSet resources, SortedMap<String, String> attributes) {
  public AgentInfo {
    if (hostname == null || hostname.isEmpty()) {
      throw new IllegalArgumentException("agent hostname must not be empty");
    }
    attributes = attributes == null ? new TreeMap<>() : new TreeMap<>(attributes);
  }

  public static AgentInfo of(String hostname, ResourceSet resources) {
    return new AgentInfo(hostname, resources, new TreeMap<>());
  }
}
