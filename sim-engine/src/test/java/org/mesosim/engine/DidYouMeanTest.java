package org.mesosim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mesosim.engine.text.DidYouMean;

class DidYouMeanTest {
  @Test
  void closest_typo_isSuggested() {
    assertEquals(Optional.of("seed"), DidYouMean.closest("sed", List.of("name", "seed", "until")));
  }

  @Test
  void closest_tie_goesToSameLengthThenName_whateverTheOrder() {
    assertEquals(Optional.of("masters"), DidYouMean.closest("masterz", List.of("master", "masters")));
    assertEquals(Optional.of("masters"), DidYouMean.closest("masterz", List.of("masters", "master")));
    assertEquals(Optional.of("ab"), DidYouMean.closest("a", List.of("ac", "ab")));
  }

  @Test
  void closest_nothingClose_isEmpty() {
    assertEquals(Optional.empty(), DidYouMean.closest("zookeeperz-ensemble", List.of("cpus", "mem")));
    assertEquals(Optional.empty(), DidYouMean.closest("x", List.of()));
  }

  @Test
  void distance_isLevenshtein() {
    assertEquals(3, DidYouMean.distance("kitten", "sitting"));
    assertEquals(0, DidYouMean.distance("", ""));
    assertEquals(4, DidYouMean.distance("", "abcd"));
  }
}
