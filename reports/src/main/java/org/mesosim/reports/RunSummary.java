package org.mesosim.reports;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The content of {@code summary.json} (docs/outputs.md), as records in the file's key order. Every key
 * of the contract is here, in the contract's order; keys after them are additions (documented in
 * docs/outputs.md). Resource maps are in the run's resource order; {@code frameworks} in
 * scenario order. Written by {@link SummaryJson}.
 *
 * @param scenario scenario name
 * @param seed seed
 * @param allocator allocator policy
 * @param digest hex digest of the observable event stream
 * @param simulated simulated time and simulation event count
 * @param wall wall-clock seconds (the only field that may differ between identical runs)
 * @param cluster agents, capacity and utilization
 * @param leaders every election: master and time
 * @param frameworks per framework, scenario order
 * @param fairness Jain's index (and the max-min gap)
 * @param invariantViolations invariant violations seen
 * @param roles addition: per role share
 * @param leadership addition: leader changes and recovery times
 * @param jobs addition: job statistics over every framework
 * @param metrics addition: the settings the metrics used
 */
@JsonPropertyOrder({"scenario", "seed", "allocator", "digest", "simulated", "wall", "cluster", "leaders",
    "frameworks", "fairness", "invariantViolations", "roles", "leadership", "jobs", "metrics"})
public record RunSummary(String scenario, long seed, String allocator, String digest, Simulated simulated,
    Wall wall, Cluster cluster, List<Leader> leaders, List<FrameworkSummary> frameworks, Fairness fairness,
    long invariantViolations, List<RoleSummary> roles, Leadership leadership, Jobs jobs, Settings metrics) {

  /** @param seconds simulated seconds at the end @param events simulation events executed */
  @JsonPropertyOrder({"seconds", "events"})
  public record Simulated(double seconds, long events) {}

  /** @param seconds wall-clock seconds of the run */
  public record Wall(double seconds) {}

  /**
   * @param agents registered agents at the end
   * @param capacity their total, per resource
   * @param utilization allocated / capacity per resource
   * @param agentsMax addition: most agents registered at once
   */
  @JsonPropertyOrder({"agents", "capacity", "utilization", "agentsMax"})
  public record Cluster(int agents, Map<String, BigDecimal> capacity, Map<String, MeanFinal> utilization,
      int agentsMax) {}

  /** A level's time-weighted mean over the run and its value at the end. */
  @JsonPropertyOrder({"mean", "final"})
  public record MeanFinal(double mean, @JsonProperty("final") double last) {}

  /** @param master the elected master @param since election time, seconds */
  @JsonPropertyOrder({"master", "since"})
  public record Leader(String master, double since) {}

  /**
   * One framework.
   *
   * @param name name
   * @param role role
   * @param tasks task counts
   * @param allocated held by non-terminal tasks at the end
   * @param dominantShare unweighted dominant share
   * @param offers offer counts
   * @param jobs job counts and times
   * @param weightedShare addition: dominant share / role weight
   * @param pending addition: tasks waiting in its queue
   * @param offerToLaunchSeconds addition: offer made → first launch on it
   * @param starvation addition: starvation intervals
   */
  @JsonPropertyOrder({"name", "role", "tasks", "allocated", "dominantShare", "offers", "jobs", "weightedShare",
      "pending", "offerToLaunchSeconds", "starvation", "scheduler"})
  public record FrameworkSummary(String name, String role, Tasks tasks, Map<String, BigDecimal> allocated,
      MeanFinal dominantShare, Offers offers, Jobs jobs, MeanFinal weightedShare, MeanFinal pending,
      Dist offerToLaunchSeconds, Starvation starvation,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      SchedulerSummary scheduler) {

    /** Without the scheduler measures. */
    public FrameworkSummary(String name, String role, Tasks tasks, Map<String, BigDecimal> allocated,
        MeanFinal dominantShare, Offers offers, Jobs jobs, MeanFinal weightedShare, MeanFinal pending,
        Dist offerToLaunchSeconds, Starvation starvation) {
      this(name, role, tasks, allocated, dominantShare, offers, jobs, weightedShare, pending, offerToLaunchSeconds,
          starvation, null);
    }
  }

  /**
   * Addition: Omega's scheduler measures (Schwarzkopf et al., EuroSys 2013, section 4), present only
   * for frameworks with a decision time or a scheduler extension (serialDecisions, abandonAfter).
   *
   * @param busyness fraction of the run the scheduler spent deciding (the union of its decisions'
   *     intervals; with parallel decisions, overlapping ones count once)
   * @param decisions decisions made (one per offer message, or per offer when serial)
   * @param firstAttemptWaitSeconds submit → the first decision that started while the job had tasks
   *     queued (Omega's "job wait time"), every job attempted
   * @param abandoned jobs abandoned after {@code abandonAfter} unsuccessful decisions
   * @param placedWithLocality launches of tasks whose job has input locality preferences
   *     ({@code scheduler.locality})
   * @param placedLocal of those, launches on an agent holding the job's input
   */
  @JsonPropertyOrder({"busyness", "decisions", "firstAttemptWaitSeconds", "abandoned", "placedWithLocality",
      "placedLocal"})
  public record SchedulerSummary(double busyness, long decisions, Dist firstAttemptWaitSeconds, long abandoned,
      long placedWithLocality, long placedLocal) {}

  /**
   * Task launches and how they ended.
   *
   * @param launched launches the master accepted
   * @param running running (RUNNING or KILLING) at the end
   * @param finished ended FINISHED
   * @param failed ended FAILED or ERROR
   * @param killed ended KILLED
   * @param lost ended LOST, UNREACHABLE, DROPPED, GONE or GONE_BY_OPERATOR (net of recoveries)
   * @param staging addition: STAGING or STARTING at the end
   * @param recovered addition: tasks counted lost that came back (TaskRecovered)
   * @param endedUnseen addition: tasks released when their job ended because no terminal status
   *     was observed for them (should be 0; non-zero points at a gap in the event stream)
   */
  @JsonPropertyOrder({"launched", "running", "finished", "failed", "killed", "lost", "staging", "recovered",
      "endedUnseen"})
  public record Tasks(long launched, long running, long finished, long failed, long killed, long lost,
      long staging, long recovered, long endedUnseen) {}

  /**
   * Offers.
   *
   * @param received offers made to the framework
   * @param declined offers declined without any task launched on them
   * @param rescinded offers rescinded by the master
   * @param used addition: offers at least one task was launched on (their unused rest, returned
   *     at the same instant, is not counted as declined)
   */
  @JsonPropertyOrder({"received", "declined", "rescinded", "used"})
  public record Offers(long received, long declined, long rescinded, long used) {}

  /**
   * Jobs.
   *
   * @param submitted submitted
   * @param finished ended {@code finished}
   * @param completionSeconds submit → end of finished jobs
   * @param waitSeconds submit → first launch, every job that launched
   * @param failed addition: ended {@code failed}
   * @param killed addition: ended {@code killed}
   * @param open addition: not ended at the end of the run
   * @param slowdown addition: bounded slowdown of finished jobs
   */
  @JsonPropertyOrder({"submitted", "finished", "completionSeconds", "waitSeconds", "failed", "killed", "open",
      "slowdown"})
  public record Jobs(long submitted, long finished, Dist completionSeconds, Dist waitSeconds, long failed,
      long killed, long open, Dist slowdown) {}

  /** A distribution: mean and nearest-rank percentiles (0 when empty), plus count and max. */
  @JsonPropertyOrder({"mean", "p50", "p95", "p99", "count", "max"})
  public record Dist(double mean, double p50, double p95, double p99, long count, double max) {
    /** From a {@link Quantiles}. */
    public static Dist of(Quantiles q) {
      return new Dist(q.mean(), q.percentile(0.50), q.percentile(0.95), q.percentile(0.99), q.count(), q.max());
    }
  }

  /**
   * Periods with pending work and no offer longer than the threshold.
   *
   * @param thresholdSeconds the threshold
   * @param intervals how many
   * @param seconds their total length
   * @param longestSeconds the longest
   */
  @JsonPropertyOrder({"thresholdSeconds", "intervals", "seconds", "longestSeconds"})
  public record Starvation(double thresholdSeconds, long intervals, double seconds, double longestSeconds) {}

  /**
   * Fairness.
   *
   * @param jainIndex Jain's index over every framework's weighted dominant share
   * @param maxMinGap addition: max − min weighted dominant share
   * @param jainIndexActive addition: Jain's index over the frameworks with demand at the time
   *     (pending tasks or an allocation)
   */
  @JsonPropertyOrder({"jainIndex", "maxMinGap", "jainIndexActive"})
  public record Fairness(MeanFinal jainIndex, MeanFinal maxMinGap, MeanFinal jainIndexActive) {}

  /**
   * @param role role
   * @param weight weight
   * @param frameworks its frameworks' names
   * @param allocated held by its frameworks' tasks at the end
   * @param dominantShare unweighted dominant share of the role
   */
  @JsonPropertyOrder({"role", "weight", "frameworks", "allocated", "dominantShare"})
  public record RoleSummary(String role, double weight, List<String> frameworks, Map<String, BigDecimal> allocated,
      MeanFinal dominantShare) {}

  /**
   * @param elections LeaderElected events
   * @param changes elections after the first
   * @param losses LeaderLost events
   * @param recoverySeconds LeaderLost → next LeaderRecovered
   * @param unavailableSeconds total time from a loss to the next recovery (or the end)
   */
  @JsonPropertyOrder({"elections", "changes", "losses", "recoverySeconds", "unavailableSeconds"})
  public record Leadership(long elections, long changes, long losses, Dist recoverySeconds,
      double unavailableSeconds) {}

  /**
   * @param sampleIntervalSeconds time-series period
   * @param starvationThresholdSeconds starvation threshold
   * @param capacity how capacity is defined
   * @param faults fault events seen
   * @param unknownFrameworkEvents events naming a framework not in the scenario (ignored)
   */
  @JsonPropertyOrder({"sampleIntervalSeconds", "starvationThresholdSeconds", "capacity", "faults",
      "unknownFrameworkEvents"})
  public record Settings(double sampleIntervalSeconds, double starvationThresholdSeconds, String capacity,
      long faults, long unknownFrameworkEvents) {}
}
