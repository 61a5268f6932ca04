package org.mesosim.model.cluster;

import java.util.ArrayList;
import java.util.List;
import org.mesosim.model.ResourceSet;
import org.mesosim.model.Resources;

/**
 * The {@code gang} scheduler behaviour (docs/scenario-format.md): offers are held until every queued
 * task of the job at the head of the queue fits at once across them, then the job is launched
 * whole; with nothing queued the held offers are declined. Moved out of {@link Framework} as is.
 */
final class GangPlacement {
  private final Framework f;
  /** Offers held until a whole job fits. */
  final ArrayList<Offer> held = new ArrayList<>();

  GangPlacement(Framework f) {
    this.f = f;
  }

  /** Gang: launch the head job only when all its queued tasks fit at once across held offers. */
  void tryGang() {
    while (f.queue.qHead != null && !held.isEmpty()) {
      Job job = f.queue.qHead.job;
      ArrayList<LogicalTask> members = new ArrayList<>();
      for (LogicalTask lt : job.tasks) {
        if (lt.queued) {
          members.add(lt);
        }
      }
      ResourceSet[] rem = new ResourceSet[held.size()];
      for (int i = 0; i < rem.length; i++) {
        rem[i] = held.get(i).resources;
      }
      int[] where = new int[members.size()];
      ResourceSet[] takes = new ResourceSet[members.size()];
      boolean fits = true;
      for (int k = 0; k < members.size() && fits; k++) {
        Resources need = members.get(k).spec.resources();
        where[k] = -1;
        for (int i = 0; i < rem.length; i++) {
          ResourceSet take = f.take(rem[i], need);
          if (take != null) {
            rem[i] = rem[i].minus(take);
            where[k] = i;
            takes[k] = take;
            break;
          }
        }
        fits = where[k] >= 0;
      }
      if (!fits) {
        break;
      }
      ArrayList<List<Message.Launch>> per = new ArrayList<>(held.size());
      for (int i = 0; i < held.size(); i++) {
        per.add(null);
      }
      for (int k = 0; k < members.size(); k++) {
        LogicalTask lt = members.get(k);
        f.queue.dequeue(lt);
        int i = where[k];
        if (per.get(i) == null) {
          per.set(i, new ArrayList<>());
        }
        per.get(i).add(new Message.Launch(f.launch(lt, held.get(i).agent, takes[k]), takes[k]));
      }
      ArrayList<Offer> keep = new ArrayList<>();
      for (int i = 0; i < per.size(); i++) {
        if (per.get(i) != null) {
          f.answer(held.get(i), per.get(i));
        } else {
          keep.add(held.get(i));
        }
      }
      held.clear();
      held.addAll(keep);
    }
    if (f.queue.qHead == null && !held.isEmpty()) {
      for (Offer o : held) {
        f.answer(o, null);
      }
      held.clear();
    }
    f.emitPending();
    f.maybeSuppress();
  }
}
