package org.mesosim.cli.scenario;

import org.mesosim.model.Resources;

/**
 * What the file-wide checks (drained, a task larger than every agent, duplicate names) need of
 * one {@code frameworks} entry, filled as far as the entry's own keys are valid: an entry with an
 * error elsewhere is still checked, so every problem of a file is reported at once.
 */
final class FrameworkEntry {
  final int index;
  final YNode node;
  /** The entry as loaded; null when it has an error. */
  Scenario.Framework complete;
  /** Null when missing or invalid. */
  String name;
  /** Null when invalid. */
  Integer count = 1;
  boolean splitBy;
  /** Why the workload never runs out of jobs or tasks; null when it does or cannot be told. */
  String endlessWorkload;
  boolean service;
  /** A synthetic task's resources; null when not synthetic or invalid. */
  Resources task;
  /** {@code gpuResources}: agents with GPUs are offered to this framework. */
  boolean gpuResources;
  /** {@code scheduler.stateful}: the framework uses offer operations (hierarchical-drf only). */
  boolean stateful;
  /** The framework's role; null when invalid or set per split value ({@code {value}}). */
  String role;

  FrameworkEntry(int index, YNode node) {
    this.index = index;
    this.node = node;
  }

  /** Why this entry never drains (a trace's tasks aside), or null. */
  String endless() {
    if (endlessWorkload != null) {
      return endlessWorkload;
    }
    return service ? "is a service scheduler (it keeps its tasks running forever)" : null;
  }
}
