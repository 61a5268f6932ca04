package org.mesosim.cli.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.engine.BadInputException;

/**
 * {@code --shard I/N}: a deterministic split of a sweep's or a comparison's runs for batch systems
 * (Slurm job arrays, Kubernetes indexed jobs). The run at 0-based position k (a sweep's folder
 * {@code runs/NNNN}, NNNN = k+1; a comparison's k-th (policy, seed), policies in the order given, then
 * seeds) belongs to shard k mod N, so every shard gets every N-th run and shards are of equal size
 * within one run. A shard writes {@code shard-I-of-N.json} into its output folder: the command, the
 * plan's digest, its keys and the key of each of its runs, which {@code merge} checks.
 */
public record Shard(int index, int count) {
  /** Parses {@code I/N}; a bad value is bad input (exit 2). */
  public static Shard parse(String text) {
    String[] parts = text.strip().split("/", -1);
    try {
      if (parts.length == 2) {
        int i = Integer.parseInt(parts[0].strip());
        int n = Integer.parseInt(parts[1].strip());
        if (n >= 1 && i >= 0 && i < n) {
          return new Shard(i, n);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException("--shard: expected I/N with 0 <= I < N (e.g. 0/4 ... 3/4), not '" + text + "'");
  }

  /** Whether the run at 0-based position {@code k} is this shard's. */
  public boolean owns(int k) {
    return k % count == index;
  }

  /** The manifest's file name. */
  public String manifestName() {
    return "shard-" + index + "-of-" + count + ".json";
  }

  /** Writes this shard's manifest into {@code dir} (atomically). */
  public void writeManifest(Path dir, SweepPlan plan, List<String> runKeys) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", plan.kind().command);
    m.put("sweep", plan.name());
    m.put("plan", SweepPlan.planDigest(runKeys));
    m.put("shard", index);
    m.put("of", count);
    m.put("runs", runKeys.size());
    m.put("keys", plan.keys());
    Map<String, String> mine = new LinkedHashMap<>();
    for (int k = 0; k < runKeys.size(); k++) {
      if (owns(k)) {
        mine.put(plan.points().get(k).id(), runKeys.get(k)); // in run order (a merge keeps it)
      }
    }
    m.put("run_keys", mine);
    Files.createDirectories(dir);
    Path f = dir.resolve(manifestName());
    Path tmp = dir.resolve(manifestName() + ".partial");
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), m);
    Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
