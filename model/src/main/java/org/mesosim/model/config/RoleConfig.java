package org.mesosim.model.config;

import org.mesosim.model.Resources;

/**
 * @param weight role weight (default 1.0)
 * @param quota the role's guarantee, or {@link Resources#EMPTY} for none
 */
public record RoleConfig(double weight, Resources quota) {
  public RoleConfig {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight: must be > 0");
    }
    quota = quota == null ? Resources.EMPTY : quota;
  }
}
