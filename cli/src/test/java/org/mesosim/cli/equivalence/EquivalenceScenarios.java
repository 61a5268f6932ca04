package org.mesosim.cli.equivalence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The scenarios of {@link StreamEquivalenceTest}, each built from explicit parameters (never a
 * preset that may be refitted): small clusters and short runs that together exercise every path of
 * the offer mechanics (faults, failover, roles, weights, quota, reservations, gang, gpus,
 * suppress/revive, refusals of 0 s to an hour, every modelled {@code mesosVersion} and every
 * registered allocator policy).
 *
 * <p>A scenario's name says what it covers; names that start with {@code quota-} are the ones a
 * change of the quota rules may legitimately move (re-record just those lines, see the test).
 */
final class EquivalenceScenarios {
  private EquivalenceScenarios() {}

  /** One framework (or {@code count} copies) with a synthetic workload. */
  record Fw(String name, int count, String role, String scheduler, int jobs, String arrival, String tasksPerJob,
      String resources, String duration, String extra) {
    Fw {
      extra = extra == null ? "" : extra;
    }

    String yaml() {
      StringBuilder b = new StringBuilder();
      b.append("  - name: ").append(name).append('\n');
      if (count > 1) {
        b.append("    count: ").append(count).append('\n');
      }
      b.append("    role: ").append(role).append('\n');
      if (!extra.isEmpty()) {
        for (String l : extra.split("\n")) {
          b.append("    ").append(l).append('\n');
        }
      }
      b.append("    scheduler: {").append(scheduler).append("}\n");
      b.append("    workload:\n      synthetic:\n");
      b.append("        jobs: ").append(jobs).append('\n');
      b.append("        arrival: ").append(arrival).append('\n');
      b.append("        tasksPerJob: ").append(tasksPerJob).append('\n');
      b.append("        task: {resources: {").append(resources).append("}, duration: ").append(duration)
          .append("}\n");
      return b.toString();
    }
  }

  /** A scenario: its name and its YAML text. */
  record Case(String name, String yaml) {}

  private static final class B {
    final String name;
    long seed = 1;
    String until = "10m";
    String policy = "hierarchical-drf";
    final List<String> options = new ArrayList<>();
    String interval = null;
    final List<String> agents = new ArrayList<>();
    String cluster = "";
    String roles = "";
    final List<Fw> fws = new ArrayList<>();
    final List<String> faults = new ArrayList<>();

    B(String name) {
      this.name = name;
    }

    B seed(long s) {
      seed = s;
      return this;
    }

    B until(String u) {
      until = u;
      return this;
    }

    B policy(String p) {
      policy = p;
      return this;
    }

    B version(String v) {
      options.add("mesosVersion: \"" + v + "\"");
      return this;
    }

    B option(String o) {
      options.add(o);
      return this;
    }

    B interval(String i) {
      interval = i;
      return this;
    }

    B agents(String group) {
      agents.add(group);
      return this;
    }

    B cluster(String c) {
      cluster += c;
      return this;
    }

    B roles(String r) {
      roles += r;
      return this;
    }

    B fw(String name, String role, String scheduler, int jobs, String arrival, String tasksPerJob, String resources,
        String duration) {
      fws.add(new Fw(name, 1, role, scheduler, jobs, arrival, tasksPerJob, resources, duration, null));
      return this;
    }

    B fw(Fw f) {
      fws.add(f);
      return this;
    }

    B fault(String f) {
      faults.add(f);
      return this;
    }

    Case build() {
      StringBuilder b = new StringBuilder();
      b.append("name: ").append(name).append('\n');
      b.append("seed: ").append(seed).append('\n');
      b.append("until: ").append(until).append('\n');
      b.append("cluster:\n").append(cluster);
      b.append("  agents:\n");
      for (String a : agents) {
        b.append("    - ").append(a).append('\n');
      }
      if (!roles.isEmpty()) {
        b.append("roles:\n").append(roles);
      }
      b.append("allocator:\n  policy: ").append(policy).append('\n');
      if (interval != null) {
        b.append("  interval: ").append(interval).append('\n');
      }
      if (!options.isEmpty()) {
        b.append("  options: {").append(String.join(", ", options)).append("}\n");
      }
      b.append("frameworks:\n");
      for (Fw f : fws) {
        b.append(f.yaml());
      }
      if (!faults.isEmpty()) {
        b.append("faults:\n");
        for (String f : faults) {
          b.append("  - ").append(f).append('\n');
        }
      }
      b.append("report: {charts: []}\n");
      return new Case(name, b.toString());
    }
  }

  private static final String NODES = "{name: node, count: 8, resources: {cpus: 8, mem: 32GB}}";
  private static final String EXP = "{exponential: {mean: %s}}";

  private static String exp(String mean) {
    return String.format(Locale.ROOT, EXP, mean);
  }

  /** A two-role mix used by many cases: batch jobs and a service, both on the same agents. */
  private static B twoRoles(String name, String scheduler) {
    return new B(name).agents(NODES)
        .fw("batch", "batch", scheduler, 40, exp("8s"), "{uniform: {min: 1, max: 6}}", "cpus: 1, mem: 2GB",
            exp("40s"))
        .fw("svc", "svc", scheduler, 6, exp("30s"), "3", "cpus: 2, mem: 4GB", exp("3m"));
  }

  /** Every scenario, in a fixed order. */
  static List<Case> all() {
    List<Case> out = new ArrayList<>();
    // --- hierarchical-drf at each modelled Mesos version, the same two-role mix ----------------
    for (String v : List.of("1.1", "1.2", "1.3", "1.4", "1.5", "1.7")) {
      out.add(twoRoles("drf-v" + v.replace(".", "") + "-two-roles", "refuseSeconds: 5").version(v).seed(3).build());
      // A latency of half the interval puts declines, filter expiries and revives on the instants of
      // periodic runs: the equal-instant orders (MESOS-4302, the 1.7 hop, 1.2 batching) decide.
      out.add(twoRoles("drf-v" + v.replace(".", "") + "-aligned", "refuseSeconds: 2, suppressWhenIdle: false")
          .version(v).cluster("  network: {latency: 500ms}\n").until("5m").seed(4).build());
    }
    // With no network latency a decline reaches the master at the instant of the run that offered,
    // after it: its filter's expiry timer then fires after the next periodic timer of that instant,
    // the case where 1.7's extra hop (filter expiry after a run queued at that instant) differs from 1.2.
    for (String v : List.of("1.1", "1.2", "1.7")) {
      out.add(twoRoles("zero-latency-v" + v.replace(".", ""), "refuseSeconds: 1, suppressWhenIdle: false")
          .version(v).cluster("  network: {latency: 0s}\n").until("3m").build());
    }
    // --- refusals: 0, 1 s, long; with and without suppression ------------------------------------
    for (String v : List.of("1.1", "1.2", "1.7")) {
      out.add(twoRoles("refuse0-v" + v.replace(".", ""), "refuseSeconds: 0, suppressWhenIdle: false").version(v)
          .until("4m").build());
    }
    for (String v : List.of("1.1", "1.2", "1.7")) {
      out.add(new B("decline-storm-v" + v.replace(".", "")).version(v).until("5m").seed(7)
          .agents("{name: node, count: 12, resources: {cpus: 8, mem: 32GB}}")
          .fw(new Fw("decliner", 8, "services", "refuseSeconds: 1, suppressWhenIdle: false", 6, exp("40s"), "1",
              "cpus: 0.5, mem: 512MB", exp("2m"), null))
          .fw("big", "big", "refuseSeconds: 1", 12, exp("20s"), "2", "cpus: 8, mem: 16GB", "90s").build());
    }
    out.add(twoRoles("refuse-long-v11", "refuseSeconds: 3600").version("1.1").until("6m")
        .build());
    out.add(twoRoles("refuse-long-v17", "refuseSeconds: 400").version("1.7").interval("2s").until("6m").build());
    out.add(twoRoles("refuse-frac-v12", "refuseSeconds: 0.25, suppressWhenIdle: false").version("1.2")
        .interval("500ms").until("3m").build());
    // --- weights -----------------------------------------------------------------------------------
    for (String v : List.of("1.1", "1.5")) {
      out.add(new B("weights-v" + v.replace(".", "")).version(v).until("5m").agents(NODES)
          .roles("  gold: {weight: 3}\n  bronze: {weight: 1}\n")
          .fw("gold", "gold", "refuseSeconds: 5", 1, "{at: 0s}", "200", "cpus: 1, mem: 2GB", "60s")
          .fw("bronze", "bronze", "refuseSeconds: 5", 1, "{at: 0s}", "200", "cpus: 1, mem: 2GB", "60s").build());
    }
    // --- quota and static reservations (quota-* lines move with the quota rules) -----------------
    for (String v : List.of("1.1", "1.4", "1.5", "1.7")) {
      out.add(new B("quota-reservations-v" + v.replace(".", "")).version(v).until("6m")
          .agents("{name: r, count: 2, resources: {cpus: 8, mem: 32GB}, reservations: {prod: {cpus: 4, mem: 8GB}}}")
          .agents("{name: s, count: 3, resources: {cpus: 8, mem: 32GB}}")
          .roles("  prod: {weight: 1, quota: {cpus: 16, mem: 32GB}}\n  batch: {weight: 2}\n")
          .fw("batch", "batch", "refuseSeconds: 2", 3, exp("20s"), "40", "cpus: 1, mem: 1GB", exp("90s"))
          .fw(new Fw("prod", 1, "prod", "type: service, refuseSeconds: 5", 2, "{at: 1m}", "10", "cpus: 1, mem: 2GB",
              "forever", null))
          .build());
    }
    out.add(new B("quota-unused-role-v12").version("1.2").until("4m").agents(NODES)
        .roles("  reserved-for-later: {quota: {cpus: 20, mem: 40GB}}\n")
        .fw("batch", "batch", "refuseSeconds: 1, suppressWhenIdle: false", 20, exp("6s"), "4", "cpus: 1, mem: 2GB",
            exp("45s"))
        .build());
    // --- hierarchical roles: reservations to an ancestor (1.4+ descendant reservations) ----------
    for (String v : List.of("1.1", "1.3", "1.4", "1.7")) {
      out.add(new B("ancestor-reservations-v" + v.replace(".", "")).version(v).until("6m")
          .agents("{name: e, count: 3, resources: {cpus: 8, mem: 32GB}, reservations: {eng: {cpus: 6, mem: 16GB}}}")
          .agents("{name: s, count: 3, resources: {cpus: 8, mem: 32GB}}")
          .roles("  eng/dev: {weight: 2}\n  eng/ci: {weight: 1}\n")
          .fw("dev", "eng/dev", "refuseSeconds: 3", 20, exp("10s"), "3", "cpus: 1, mem: 2GB", exp("60s"))
          .fw("ci", "eng/ci", "refuseSeconds: 1", 20, exp("12s"), "2", "cpus: 2, mem: 2GB", exp("50s"))
          .fw("other", "other", "refuseSeconds: 5", 20, exp("10s"), "4", "cpus: 1, mem: 1GB", exp("40s")).build());
    }
    // --- gang jobs and gpus -----------------------------------------------------------------------
    out.add(new B("gang-v11").version("1.1").until("8m").agents(NODES)
        .fw("gang", "hpc", "type: gang, refuseSeconds: 2", 12, exp("25s"), "{uniform: {min: 4, max: 20}}",
            "cpus: 2, mem: 4GB", exp("60s"))
        .fw("batch", "batch", "refuseSeconds: 5", 30, exp("10s"), "3", "cpus: 1, mem: 2GB", exp("40s")).build());
    for (String v : List.of("1.2", "1.7")) {
      out.add(new B("gpus-v" + v.replace(".", "")).version(v).until("6m")
          .agents("{name: gpu, count: 2, resources: {cpus: 16, mem: 64GB, gpus: 4}}")
          .agents("{name: cpu, count: 4, resources: {cpus: 8, mem: 32GB}}")
          .fw(new Fw("ml", 1, "ml", "refuseSeconds: 5", 10, exp("20s"), "2", "cpus: 2, mem: 8GB, gpus: 1", exp("90s"),
              "gpuResources: true"))
          .fw("batch", "batch", "refuseSeconds: 1, suppressWhenIdle: false", 30, exp("8s"), "3",
              "cpus: 1, mem: 2GB", exp("40s"))
          .build());
    }
    // --- faults -----------------------------------------------------------------------------------
    for (String v : List.of("1.1", "1.2", "1.7")) {
      out.add(new B("master-failover-v" + v.replace(".", "")).version(v).until("8m")
          .cluster("  zookeeper: {servers: 3, sessionTimeout: 10s}\n  masters: 3\n").agents(NODES)
          .fw(new Fw("batch", 1, "batch", "refuseSeconds: 2", 40, exp("6s"), "4", "cpus: 1, mem: 2GB", exp("50s"),
              "failoverTimeout: 1h\ncheckpoint: true"))
          .fw("svc", "svc", "type: service, refuseSeconds: 10", 2, "{at: 10s}", "6", "cpus: 1, mem: 1GB", "forever")
          .fault("{at: 2m, crash: leading-master, restartAfter: 30s}")
          .fault("{at: 5m, crash: zookeeper-1, restartAfter: 20s}").build());
    }
    out.add(new B("agent-churn-v11").version("1.1").until("20m")
        .agents("{name: node, count: 12, resources: {cpus: 8, mem: 32GB}}")
        .fw(new Fw("batch", 1, "batch", "maxAttempts: 4, refuseSeconds: 3", 80, exp("10s"), "6", "cpus: 1, mem: 2GB",
            exp("2m"), null))
        .fault("{every: {exponential: {mean: 10m}}, crash: agents node, restartAfter: {exponential: {mean: 2m}}}")
        .build());
    out.add(new B("agent-churn-v17").version("1.7").until("20m").seed(5)
        .agents("{name: node, count: 12, resources: {cpus: 8, mem: 32GB}}")
        .fw(new Fw("batch", 1, "batch", "maxAttempts: 4, refuseSeconds: 1, suppressWhenIdle: false", 80, exp("10s"),
            "6", "cpus: 1, mem: 2GB", exp("2m"), "checkpoint: true\nfailoverTimeout: 10m"))
        .fault("{every: {exponential: {mean: 10m}}, crash: agents node, restartAfter: {exponential: {mean: 2m}}}")
        .build());
    for (String v : List.of("1.1", "1.5")) {
      out.add(new B("partition-v" + v.replace(".", "")).version(v).until("12m").agents(NODES)
          .fw(new Fw("aware", 1, "aware", "refuseSeconds: 2", 12, "{at: 0s}", "4", "cpus: 1, mem: 2GB", "5m",
              "partitionAware: true"))
          .fw("classic", "classic", "refuseSeconds: 2", 12, "{at: 0s}", "4", "cpus: 1, mem: 2GB", "5m")
          .fault("{at: 2m, partition: [agent node-1, agent node-2], healAfter: 3m}")
          .fault("{at: 4m, crash: framework classic, restartAfter: 20s}").build());
    }
    for (String v : List.of("1.1", "1.2")) {
      out.add(twoRoles("loss-v" + v.replace(".", ""), "refuseSeconds: 1, suppressWhenIdle: false").version(v)
          .cluster("  network: {loss: 0.01, latency: {uniform: {min: 500us, max: 3ms}}}\n").until("6m").seed(11)
          .build());
    }
    out.add(new B("offer-timeout-v11").version("1.1").until("6m")
        .cluster("  master: {offerTimeout: 10s}\n").agents(NODES)
        .fw(new Fw("slow", 1, "slow", "refuseSeconds: 5, decisionTime: {perOffer: 4s, perTask: 10ms}", 20, exp("10s"),
            "3", "cpus: 1, mem: 2GB", exp("40s"), null))
        .fw("fast", "fast", "refuseSeconds: 1", 20, exp("10s"), "3", "cpus: 1, mem: 2GB", exp("40s")).build());
    out.add(new B("sorters-random-v17").version("1.7").option("roleSorter: random").option("frameworkSorter: random")
        .option("minAllocatableResources: \"cpus:1|mem:1024\"").until("5m").agents(NODES)
        .fw(new Fw("a", 3, "ra", "refuseSeconds: 1", 15, exp("10s"), "3", "cpus: 1, mem: 2GB", exp("40s"), null))
        .fw("b", "rb", "refuseSeconds: 0", 15, exp("10s"), "3", "cpus: 1, mem: 2GB", exp("40s")).build());
    out.add(new B("excluded-gpus-v15").version("1.5").option("fairnessExcludeResourceNames: gpus").until("5m")
        .agents("{name: gpu, count: 3, resources: {cpus: 8, mem: 32GB, gpus: 2}}").agents(NODES)
        .fw(new Fw("ml", 1, "ml", "refuseSeconds: 1", 10, exp("20s"), "2", "cpus: 1, mem: 4GB, gpus: 1", exp("60s"),
            "gpuResources: true"))
        .fw("batch", "batch", "refuseSeconds: 1", 30, exp("8s"), "3", "cpus: 1, mem: 2GB", exp("40s")).build());
    // --- every registered comparison policy, on the same mixed cluster with faults --------------
    String[][] policies = {
        {"drf", "drf", null}, {"asset-fairness", "asset-fairness", null},
        {"capacity", "capacity", "shares: {batch: 0.6, svc: 0.4}"}, {"fifo", "fifo", null},
        {"random-run", "random", "reshuffle: run"}, {"random", "random", null},
        {"slots", "slots", "slotCpus: 2, slotMem: 4096"}, {"tetris", "tetris", "fairnessKnob: 0.5"},
        {"drf-batching", "drf", "batching: true, agentOrder: id"}, {"fifo-batching", "fifo", "batching: true"}};
    int k = 0;
    for (String[] p : policies) {
      B b = twoRoles("policy-" + p[0],
          "refuseSeconds: " + (k % 3 == 0 ? "1, suppressWhenIdle: false" : k % 3 == 1 ? "0" : "5"))
          .policy(p[1]).until("6m").seed(20 + k)
          .roles("  batch: {weight: 2}\n")
          .fault("{at: 3m, crash: agent node-3, restartAfter: 40s}");
      if (p[2] != null) {
        b.option(p[2]);
      }
      out.add(b.build());
      k++;
    }
    // --- the scheduler's scan and its "nothing fits" memo (Framework#nothingFits): many task
    // shapes entering and leaving the queues (the google-like preset), and delay scheduling, whose
    // offers can fit a shape yet launch nothing while a job waits for a local agent -----------------
    for (String v : List.of("1.1", "1.7")) {
      out.add(new Case("google-like-shapes-v" + v.replace(".", ""), "name: google-like-shapes\n"
          + "seed: 5\nuntil: 8m\nreport: {charts: []}\n"
          + "cluster:\n  agents:\n    - {preset: google-2011, scale: 0.004}\n"
          + "allocator:\n  policy: hierarchical-drf\n  options: {mesosVersion: \"" + v + "\"}\n"
          + "frameworks:\n  - name: g\n    count: 3\n    scheduler: {type: batch, refuseSeconds: 1}\n"
          + "    workload:\n      synthetic: {preset: google-like, scale: 0.0016}\n"));
    }
    out.add(new Case("locality-storm-v11", "name: locality-storm\nseed: 9\nuntil: 6m\nreport: {charts: []}\n"
        + "cluster:\n  agents:\n    - {name: node, count: 10, resources: {cpus: 8, mem: 32GB}}\n"
        + "allocator:\n  policy: hierarchical-drf\n  options: {mesosVersion: \"1.1\"}\n"
        + "frameworks:\n"
        + "  - name: local\n    role: analytics\n"
        + "    scheduler: {type: batch, refuseSeconds: 1, suppressWhenIdle: false, locality: {replicas: 2, wait: 4s}}\n"
        + "    workload:\n      synthetic: {jobs: 40, arrival: {exponential: {mean: 6s}}, tasksPerJob: 4,"
        + " task: {resources: {cpus: 2, mem: 4GB}, duration: {exponential: {mean: 30s}}}}\n"
        + "  - name: wide\n    role: batch\n    scheduler: {type: batch, refuseSeconds: 1}\n"
        + "    workload:\n      synthetic: {jobs: 20, arrival: {exponential: {mean: 15s}}, tasksPerJob: 2,"
        + " task: {resources: {cpus: 6, mem: 8GB}, duration: {exponential: {mean: 45s}}}}\n"));
    // --- a role of many frameworks: DrfSorter sorts up to 16 active clients and scans share groups
    // above that; suppression (idle frameworks) moves the active count across the line both ways ---
    for (String v : List.of("1.1", "1.7")) {
      out.add(new Case("crowded-role-v" + v.replace(".", ""), "name: crowded-role\nseed: 12\nuntil: 6m\n"
          + "report: {charts: []}\n"
          + "cluster:\n  agents:\n    - {name: node, count: 10, resources: {cpus: 8, mem: 32GB}}\n"
          + "allocator:\n  policy: hierarchical-drf\n  options: {mesosVersion: \"" + v + "\"}\n"
          + "frameworks:\n"
          + "  - name: crowd\n    count: 24\n    role: crowd\n    scheduler: {type: batch, refuseSeconds: 2}\n"
          + "    workload:\n      synthetic: {jobs: 6, arrival: {exponential: {mean: 40s}}, tasksPerJob: 3,"
          + " task: {resources: {cpus: 1, mem: 2GB}, duration: {exponential: {mean: 35s}}}}\n"
          + "  - name: other\n    role: other\n    scheduler: {type: batch, refuseSeconds: 1, suppressWhenIdle: false}\n"
          + "    workload:\n      synthetic: {jobs: 30, arrival: {exponential: {mean: 10s}}, tasksPerJob: 4,"
          + " task: {resources: {cpus: 2, mem: 4GB}, duration: {exponential: {mean: 50s}}}}\n"));
    }
    return out;
  }
}
