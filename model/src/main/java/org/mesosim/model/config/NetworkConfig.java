package org.mesosim.model.config;

import org.mesosim.engine.random.Distribution;

/**
 * @param latency one-way message latency in microseconds (a constant or a distribution), default 1 ms
 * @param loss probability a message is dropped, default 0
 */
public record NetworkConfig(Distribution latency, double loss) {
  public NetworkConfig {
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("network.loss: must be in [0, 1]");
    }
  }
}
