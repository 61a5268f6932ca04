package org.mesosim.model.config;

/**
 * @param servers ensemble size (default 3); the ensemble serves while a majority is up
 * @param sessionTimeout microseconds (default 10 s, {@code --zk_session_timeout})
 */
public record ZooKeeperConfig(int servers, long sessionTimeout) {
  public ZooKeeperConfig {
    if (servers < 1) {
      throw new IllegalArgumentException("zookeeper.servers: must be >= 1");
    }
    if (sessionTimeout <= 0) {
      throw new IllegalArgumentException("zookeeper.sessionTimeout: must be > 0");
    }
  }
}
