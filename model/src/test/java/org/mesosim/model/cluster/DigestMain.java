package org.mesosim.model.cluster;

/** Prints the digest of a fixed small scenario (used by {@link DeterminismTest} in a second JVM). */
public final class DigestMain {
  private DigestMain() {}

  public static void main(String[] args) {
    System.out.println(DeterminismTest.digest());
  }
}
