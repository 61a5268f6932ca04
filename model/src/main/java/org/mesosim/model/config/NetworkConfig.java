package org.mesosim.model.config;

import java.util.Locale;
import org.mesosim.engine.random.Distribution;

/**
 * @param latency one-way message latency in microseconds (a constant or a distribution), default 1 ms
 * @param loss probability a message would be lost, default 0
 * @param lossModel what a lost message does, default {@link LossModel#LINK}
 */
public record NetworkConfig(Distribution latency, double loss, LossModel lossModel) {
  /**
   * What a message drawn as lost (probability {@code loss}, stream {@code network/loss}) does.
   * See docs/reliability.md, message loss.
   */
  public enum LossModel {
    /**
     * The link breaks, as a TCP connection does (libprocess): the message and every other one in
     * flight on that link are dropped, and both ends observe {@code exited} one base latency later;
     * the master and the scheduler react as Mesos does (default).
     */
    LINK,
    /**
     * The message alone vanishes and nobody notices: a lost offer keeps its resources offered until
     * the offer times out (the model before link failures; an explicit option).
     */
    MESSAGE;

    /** The scenario spelling: {@code link}, {@code message}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public NetworkConfig {
    if (!(loss >= 0 && loss <= 1)) {
      throw new IllegalArgumentException("network.loss: must be in [0, 1]");
    }
    if (lossModel == null) {
      throw new IllegalArgumentException("network.lossModel: required");
    }
  }

  /** With the default loss model, {@link LossModel#LINK}. */
  public NetworkConfig(Distribution latency, double loss) {
    this(latency, loss, LossModel.LINK);
  }
}
