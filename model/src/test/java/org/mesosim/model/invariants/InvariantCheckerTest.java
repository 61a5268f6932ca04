package org.mesosim.model.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mesosim.model.Resources;
import org.mesosim.model.TaskState;
import org.mesosim.model.events.ModelEvent;

class InvariantCheckerTest {

  @Test
  void legal_followsTheTaskLifecycle() {
    assertTrue(InvariantChecker.legal(null, TaskState.TASK_STAGING));
    assertTrue(InvariantChecker.legal(null, TaskState.TASK_LOST));
    assertFalse(InvariantChecker.legal(null, TaskState.TASK_RUNNING));
    assertTrue(InvariantChecker.legal(TaskState.TASK_STAGING, TaskState.TASK_RUNNING));
    assertTrue(InvariantChecker.legal(TaskState.TASK_STARTING, TaskState.TASK_FINISHED));
    assertTrue(InvariantChecker.legal(TaskState.TASK_RUNNING, TaskState.TASK_UNREACHABLE));
    assertFalse(InvariantChecker.legal(TaskState.TASK_RUNNING, TaskState.TASK_STARTING));
    assertFalse(InvariantChecker.legal(TaskState.TASK_FINISHED, TaskState.TASK_RUNNING));
    assertFalse(InvariantChecker.legal(TaskState.TASK_LOST, TaskState.TASK_FINISHED));
  }

  @Test
  void violation_namesInvariantTimeAndEntities() {
    List<ModelEvent.InvariantViolated> seen = new ArrayList<>();
    InvariantChecker c = new InvariantChecker(seen::add);
    c.transition(42, "A", "t-1", TaskState.TASK_FINISHED, TaskState.TASK_RUNNING);
    c.conservation(43, "S1", Resources.of(4, 4096), Resources.of(3, 1024), Resources.of(2, 1024));
    c.conservation(44, "S2", Resources.of(4, 4096), Resources.of(2, 1024), Resources.of(2, 3072));
    assertEquals(2, c.violations());
    assertEquals(new ModelEvent.InvariantViolated(42, "task-transition", "A/t-1: TASK_FINISHED -> TASK_RUNNING"),
        seen.get(0));
    assertEquals(43, seen.get(1).time());
    assertEquals("conservation", seen.get(1).invariant());
    assertTrue(seen.get(1).detail().startsWith("S1:"));
  }
}
