package org.mesosim.model.config;

/**
 * What a fault hits, as written in scenarios: {@code leading-master}, {@code master-2},
 * {@code agent small-3}, {@code agents small} (every agent of a group), {@code framework A},
 * {@code zookeeper-1}.
 */
public record FaultTarget(Kind kind, String name) {
  public enum Kind {
    LEADING_MASTER,
    MASTER,
    AGENT,
    AGENT_GROUP,
    FRAMEWORK,
    ZOOKEEPER
  }

  @Override
  public String toString() {
    return switch (kind) {
      case LEADING_MASTER -> "leading-master";
      case MASTER, ZOOKEEPER -> name;
      case AGENT -> "agent " + name;
      case AGENT_GROUP -> "agents " + name;
      case FRAMEWORK -> "framework " + name;
    };
  }
}
