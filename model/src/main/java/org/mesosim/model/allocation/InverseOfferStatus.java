package org.mesosim.model.allocation;

/**
 * A framework's answer to an inverse offer, Mesos' {@code mesos::allocator::InverseOfferStatus}
 * ({@code include/mesos/allocator/allocator.proto}); {@code UNKNOWN} is not a valid answer there
 * ({@code updateInverseOffer} CHECKs it), so it has no value here.
 */
public enum InverseOfferStatus {
  /** The framework will release the agent's resources before the window starts. */
  ACCEPT,
  /** The framework will not (or cannot) release them. */
  DECLINE
}
