package org.mesosim.cli.commands;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mesosim.cli.RunRequest;
import org.mesosim.cli.RunResult;
import org.mesosim.cli.Runner;
import org.mesosim.cli.scenario.ScenarioWriter;

/** A runner whose "digest" is a hash of the resolved scenario: tests command plumbing without the model. */
class FakeRunner implements Runner {
  final List<RunRequest> seen = new CopyOnWriteArrayList<>();
  volatile int failOnCall = -1;
  volatile long violations;

  @Override
  public RunResult run(RunRequest req, PrintWriter progress) throws Exception {
    boolean fail;
    synchronized (seen) { // runs may be concurrent: add and count as one step
      seen.add(req);
      fail = seen.size() == failOnCall;
    }
    if (fail) {
      throw new IllegalStateException("interrupted");
    }
    String resolved = ScenarioWriter.write(req.scenario(), List.of());
    if (req.outDir() != null) {
      Files.createDirectories(req.outDir());
      Files.writeString(req.outDir().resolve("scenario.resolved.yaml"), resolved);
    }
    String digest = Integer.toHexString(ScenarioWriter.tree(req.scenario()).toString().hashCode());
    TreeMap<String, Double> headline = new TreeMap<>();
    headline.put("jain_mean", 1.0);
    headline.put("jobs_finished", 3.0);
    return new RunResult(digest, 100, 60_000_000L, 0.01, violations, req.outDir(), "fake run of "
        + req.scenario().name(), null, headline);
  }
}
