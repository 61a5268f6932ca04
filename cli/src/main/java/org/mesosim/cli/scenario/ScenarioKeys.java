package org.mesosim.cli.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every mapping of the scenario format and the keys it accepts, by shape name: the one definition
 * of the scenario's keys. The loader rejects any other key in a file and cannot read an undeclared
 * one ({@link Fields}); the writer cannot write one ({@link Out}); the JSON Schema defines one object
 * per shape ({@code definitions/<shape>}) and SchemaTest checks that the two agree; ScenarioKeysTest
 * checks that every declared key is read and written.
 */
public final class ScenarioKeys {
  private ScenarioKeys() {}

  /** Shape name → accepted keys, in documentation order. */
  public static final Map<String, List<String>> SHAPES = shapes();

  private static Map<String, List<String>> shapes() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("scenario", List.of("name", "description", "seed", "until", "cluster", "roles", "allocator", "frameworks",
        "faults", "maintenance", "metrics", "report"));
    m.put("cluster", List.of("zookeeper", "masters", "master", "agent", "network", "agents"));
    m.put("zookeeper", List.of("servers", "sessionTimeout"));
    m.put("masterFlags", List.of("agentPingTimeout", "maxAgentPingTimeouts", "offerTimeout", "agentReregisterTimeout",
        "registryWriteLatency", "restartDelay"));
    m.put("agentFlags", List.of("registrationBackoffFactor", "executorRegistrationTimeout",
        "executorShutdownGracePeriod"));
    m.put("network", List.of("latency", "loss", "lossModel"));
    m.put("agentGroup", List.of("name", "count", "resources", "attributes", "reservations", "preset", "scale",
        "machines", "resourceEstimator"));
    m.put("machines", List.of("format", "path", "units"));
    m.put("resourceEstimator", List.of("type", "resources", "usage", "interval", "qosController"));
    m.put("role", List.of("weight", "quota"));
    m.put("allocator", List.of("policy", "interval", "options"));
    m.put("framework", List.of("name", "count", "role", "failoverTimeout", "checkpoint", "partitionAware",
        "gpuResources", "sharedResources", "revocableResources", "revocableTasks", "scheduler", "workload", "splitBy"));
    m.put("scheduler", List.of("type", "maxAttempts", "maxTasksPerOffer", "refuseSeconds", "suppressWhenIdle",
        "decisionTime", "serialDecisions", "abandonAfter", "locality", "inverseOffers", "stateful"));
    m.put("locality", List.of("replicas", "wait", "per"));
    m.put("decisionTime", List.of("perOffer", "perTask"));
    m.put("workload", List.of("synthetic", "trace"));
    m.put("synthetic", List.of("jobs", "arrival", "tasksPerJob", "task", "preset", "scale", "diurnal"));
    m.put("diurnal", List.of("amplitude", "peakHour"));
    m.put("task", List.of("resources", "duration", "failureProbability"));
    m.put("trace", List.of("format", "path", "filter", "window", "timeScale", "skipMalformed", "units",
        "loadScale", "index", "unended"));
    m.put("window", List.of("from", "to"));
    m.put("range", List.of("min", "max"));
    m.put("fault", List.of("at", "every", "crash", "partition", "restartAfter", "healAfter"));
    m.put("maintenance", List.of("schedule", "actions"));
    m.put("maintenanceSchedule", List.of("at", "windows"));
    m.put("maintenanceWindow", List.of("machines", "start", "duration"));
    m.put("maintenanceAction", List.of("at", "down", "up"));
    m.put("metrics", List.of("sampleInterval", "agentHeatmap"));
    m.put("agentHeatmap", List.of("rows", "columns", "interval"));
    m.put("report", List.of("charts", "formats"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * An empty mapping of shape {@code shape} for writing a scenario ({@link ScenarioWriter}): putting
   * a key the shape does not declare throws, so the writer cannot write a key the loader rejects.
   */
  public static Out out(String shape) {
    return new Out(shape);
  }

  /** A mapping being written, of one shape; keys in insertion order. */
  public static final class Out extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    private final String shape;

    private Out(String shape) {
      if (!SHAPES.containsKey(shape)) {
        throw new IllegalArgumentException("no shape " + shape);
      }
      this.shape = shape;
    }

    /** The shape's name ({@link #SHAPES}). */
    public String shape() {
      return shape;
    }

    @Override
    public Object put(String key, Object value) {
      if (!SHAPES.get(shape).contains(key)) {
        throw new IllegalStateException("the writer writes '" + key + "', which shape " + shape
            + " does not declare (ScenarioKeys.SHAPES)");
      }
      return super.put(key, value);
    }
  }

  /** Distribution kinds and their parameters ({@code empirical} takes a list). */
  public static final Map<String, List<String>> DISTRIBUTIONS = distributions();

  private static Map<String, List<String>> distributions() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("constant", List.of());
    m.put("exponential", List.of("mean"));
    m.put("uniform", List.of("min", "max"));
    m.put("normal", List.of("mean", "sd"));
    m.put("lognormal", List.of("median", "sigma"));
    m.put("pareto", List.of("scale", "shape"));
    m.put("weibull", List.of("scale", "shape"));
    m.put("empirical", List.of());
    return java.util.Collections.unmodifiableMap(m);
  }

  /** {@code scheduler.inverseOffers} values (SchedulerConfig.InverseOfferAnswer): the default first. */
  public static final List<String> INVERSE_OFFER_ANSWERS = List.of("ignore", "accept", "decline");

  /** Scheduler types. */
  public static final List<String> SCHEDULER_TYPES = List.of("batch", "service", "gang");

  /** {@code scheduler.locality.per}: one input placement per job (default) or per task. */
  public static final List<String> LOCALITY_PER = List.of("job", "task");

  /** {@code cluster.network.lossModel} values (NetworkConfig.LossModel): the default first. */
  public static final List<String> LOSS_MODELS = List.of("link", "message");
  /** Chart names (reports' {@code ReportOptions.CHARTS}). */
  public static final List<String> CHARTS = List.of("utilization", "shares", "fairness", "queue", "completion",
      "wait", "offers", "heatmap", "gantt");
  /** Chart file formats. */
  public static final List<String> FORMATS = List.of("png", "svg");
  /** Agent presets (extension). */
  public static final List<String> AGENT_PRESETS = List.of("google-2011");
  /** {@code resourceEstimator.type}, {@code .qosController}, a framework's {@code revocableTasks} (docs/oversubscription.md). */
  public static final List<String> ESTIMATOR_TYPES = List.of("fixed", "usage");
  public static final List<String> QOS_CONTROLLERS = List.of("noop", "revoke");
  public static final List<String> REVOCABLE_TASKS = List.of("none", "prefer", "only");
  /** Synthetic workload presets (extension). */
  public static final List<String> WORKLOAD_PRESETS = List.of("google-like");
}
