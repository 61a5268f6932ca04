package org.mesosim.cli;

import java.nio.file.Path;
import java.util.List;
import org.mesosim.cli.scenario.Scenario;

/**
 * One run to do.
 *
 * @param scenario validated, seed already applied
 * @param overrides the {@code --set} assignments (written into the resolved file's header)
 * @param outDir where the files go
 * @param checkInvariants run the invariant checker
 * @param progress report progress (terminal only)
 * @param debug print timing details (JVM start to first event) with the progress output
 * @param eventKinds write {@code events.jsonl} into outDir with these kinds (empty = all); null = no log
 */
public record RunRequest(Scenario scenario, List<String> overrides, Path outDir, boolean checkInvariants,
    boolean progress, boolean debug, List<String> eventKinds) {
  public RunRequest {
    overrides = List.copyOf(overrides);
    eventKinds = eventKinds == null ? null : List.copyOf(eventKinds);
  }

  /** A request without an event log. */
  public RunRequest(Scenario scenario, List<String> overrides, Path outDir, boolean checkInvariants,
      boolean progress, boolean debug) {
    this(scenario, overrides, outDir, checkInvariants, progress, debug, null);
  }

  /** A request without debug output or event log. */
  public RunRequest(Scenario scenario, List<String> overrides, Path outDir, boolean checkInvariants,
      boolean progress) {
    this(scenario, overrides, outDir, checkInvariants, progress, false, null);
  }
}
