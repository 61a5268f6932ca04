package org.mesosim.model.config;

import java.util.List;
import org.mesosim.engine.SimTime;

/**
 * An operator's maintenance of the cluster (docs/maintenance.md): one maintenance schedule, posted
 * at {@code postAt} ({@code POST /maintenance/schedule}, src/master/http.cpp
 * {@code _updateMaintenanceSchedule}), and machines brought down and up at given times
 * ({@code POST /machine/down} and {@code /machine/up}: {@code _startMaintenance},
 * {@code _stopMaintenance}). A machine is an agent's host, named by the agent's hostname
 * ({@code <group>-<n>}); Mesos names it by hostname and IP, and the model has one agent per host.
 *
 * @param postAt when the schedule is posted (virtual microseconds)
 * @param windows the schedule's windows; a machine is in at most one
 * @param actions DOWN / UP actions in time order
 */
public record MaintenanceConfig(long postAt, List<Window> windows, List<Action> actions) {
  /** No maintenance: nothing is posted, nothing changes. */
  public static final MaintenanceConfig NONE = new MaintenanceConfig(0, List.of(), List.of());

  public MaintenanceConfig {
    if (postAt < 0) {
      throw new IllegalArgumentException("maintenance.postAt: must be >= 0");
    }
    windows = List.copyOf(windows);
    actions = List.copyOf(actions);
  }

  public boolean isNone() {
    return windows.isEmpty() && actions.isEmpty();
  }

  /**
   * {@code mesos::maintenance::Window}: machines and their unavailability.
   *
   * @param start virtual microseconds
   * @param duration microseconds, or {@link SimTime#NEVER} (no duration: unavailable from start on)
   */
  public record Window(List<String> machines, long start, long duration) {
    public Window {
      machines = List.copyOf(machines);
      if (start < 0) {
        throw new IllegalArgumentException("maintenance window start must be >= 0");
      }
      if (duration != SimTime.NEVER && duration < 0) {
        throw new IllegalArgumentException("maintenance window duration must be >= 0");
      }
    }
  }

  /** {@code DOWN}: {@code /machine/down}; {@code UP}: {@code /machine/up}. */
  public enum Mode {
    DOWN,
    UP
  }

  /** An operator action on machines at a time. */
  public record Action(long at, Mode mode, List<String> machines) {
    public Action {
      machines = List.copyOf(machines);
      if (at < 0) {
        throw new IllegalArgumentException("maintenance action time must be >= 0");
      }
    }
  }
}
