package org.mesosim.model.cluster;

import java.util.ArrayList;
import org.mesosim.model.AgentId;

/**
 * The registry in the replicated log ({@code src/master/registry.proto}): admitted and unreachable
 * agents. It outlives any one master; each leading master writes to it through its own
 * {@link Registrar}. Frameworks and tasks are not in it (as in Mesos).
 */
final class Registry {
  static final byte NONE = 0;
  static final byte ADMITTED = 1;
  static final byte UNREACHABLE = 2;

  final byte[] state;
  final long[] unreachableSince;
  final AgentId[] ids;
  long nextAgentSeq;
  int admitted;
  // Maintenance (registry.proto's schedules and machines; src/master/maintenance.cpp's operations):
  // each agent's machine's mode and unavailability, by agent index (one agent per machine here).
  static final byte MACHINE_UP = 0;
  static final byte MACHINE_DRAINING = 1;
  static final byte MACHINE_DOWN = 2;
  final byte[] machineMode;
  final org.mesosim.model.allocation.Unavailability[] unavailability;

  Registry(int agents) {
    machineMode = new byte[agents];
    unavailability = new org.mesosim.model.allocation.Unavailability[agents];
    state = new byte[agents];
    unreachableSince = new long[agents];
    ids = new AgentId[agents];
  }

  /**
   * Queues operations and applies them in batches, one write at a time, each write taking the
   * configured latency ({@code src/master/registrar.cpp}: operations queued while a store is in
   * progress are applied together in the next one). The master acts on an operation only after it
   * commits. Operations of a master that lost leadership before the commit are dropped.
   */
  static final class Registrar {
    private final Cluster c;
    private final Master.Leadership owner;
    private ArrayList<Runnable> queue = new ArrayList<>();
    private boolean writing;

    Registrar(Cluster c, Master.Leadership owner) {
      this.c = c;
      this.owner = owner;
    }

    void apply(Runnable operation) {
      queue.add(operation);
      if (!writing) {
        write();
      }
    }

    private void write() {
      ArrayList<Runnable> batch = queue;
      queue = new ArrayList<>();
      writing = true;
      c.sim.schedule(c.config.master().registryWriteLatency(), () -> {
        writing = false;
        if (owner.current()) {
          for (Runnable r : batch) {
            r.run();
          }
        }
        if (!queue.isEmpty() && owner.current()) {
          write();
        }
      });
    }
  }
}
