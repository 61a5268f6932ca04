package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.SchedulerConfig;

/**
 * Reads {@code frameworks} entries (name, count, role, flags, scheduler, workload, splitBy) and
 * expands them into the frameworks of a run, checking that their names are unique.
 */
final class FrameworkSection extends Section {
  private static final Pattern FRAMEWORK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final WorkloadSection workloads;

  FrameworkSection(Scalars in, DistributionReader dists) {
    super(in);
    this.workloads = new WorkloadSection(in, dists);
  }

  Scenario.Framework read(YNode n, String path, FrameworkEntry facts) {
    Fields m = ctx.object(n, path, "framework");
    if (m == null) {
      return null;
    }
    int before = ctx.count();
    String name = in.string(m.get("name"), path + ".name", null);
    if (name == null) {
      ctx.error(n, path + ".name", "is required");
      name = "?";
    } else if (!FRAMEWORK_NAME.matcher(name).matches()) {
      ctx.error(m.get("name"), path + ".name", "must be letters, digits, '.', '_' or '-', not '" + name + "'");
    } else {
      facts.name = name;
    }
    int beforeCount = ctx.count();
    int count = (int) in.integer(m.get("count"), path + ".count", 1, 1, 100_000);
    facts.count = ctx.count() == beforeCount ? count : null;
    String role = in.string(m.get("role"), path + ".role", "*");
    if (!role.contains("{value}")) {
      int beforeRole = ctx.count();
      in.checkRoleValue(role, m.get("role"), path + ".role");
      facts.role = ctx.count() == beforeRole ? role : null;
    }
    long failover = in.duration(m.get("failoverTimeout"), path + ".failoverTimeout", 0, false);
    boolean checkpoint = in.bool(m.get("checkpoint"), path + ".checkpoint", false);
    boolean partitionAware = in.bool(m.get("partitionAware"), path + ".partitionAware", false);
    boolean gpus = in.bool(m.get("gpuResources"), path + ".gpuResources", false);
    facts.gpuResources = gpus;
    boolean revocable = in.bool(m.get("revocableResources"), path + ".revocableResources", false);
    // Which tasks use revocable resources (docs/oversubscription.md): by default every task of a
    // REVOCABLE_RESOURCES framework prefers them; without the capability none may.
    org.mesosim.model.config.FrameworkConfig.RevocableTasks revocableTasks = revocable
        ? org.mesosim.model.config.FrameworkConfig.RevocableTasks.PREFER
        : org.mesosim.model.config.FrameworkConfig.RevocableTasks.NONE;
    YNode rtn = m.get("revocableTasks");
    String rt = in.string(rtn, path + ".revocableTasks", null);
    if (rt != null && in.oneOf(rtn, path + ".revocableTasks", rt, "revocableTasks", ScenarioKeys.REVOCABLE_TASKS)) {
      revocableTasks = org.mesosim.model.config.FrameworkConfig.RevocableTasks.valueOf(rt.toUpperCase(Locale.ROOT));
      if (!revocable && revocableTasks != org.mesosim.model.config.FrameworkConfig.RevocableTasks.NONE) {
        // Mesos offers revocable resources only to frameworks with the capability (hierarchical.cpp)
        ctx.error(rtn, path + ".revocableTasks", "'" + rt + "' needs revocableResources: true (Mesos offers revocable"
            + " resources only to frameworks with the REVOCABLE_RESOURCES capability)");
      }
    }
    boolean shared = in.bool(m.get("sharedResources"), path + ".sharedResources", false);
    SchedulerConfig scheduler = scheduler(m.get("scheduler"), path + ".scheduler");
    if (scheduler.stateful()) {
      facts.stateful = true;
      if (org.mesosim.model.ResourceSet.UNRESERVED.equals(role)) {
        ctx.error(m.get("scheduler"), path + ".scheduler.stateful", "a stateful scheduler reserves for its role;"
            + " give the framework a role other than '*'");
      }
    }
    facts.service = scheduler.type() == SchedulerConfig.SchedulerType.SERVICE;
    Scenario.Workload workload = null;
    YNode wn = m.get("workload");
    if (wn == null || wn.isNull()) {
      ctx.error(n, path + ".workload", "is required: synthetic or trace");
    } else {
      workload = workloads.read(wn, path + ".workload", facts);
    }
    String splitBy = null;
    YNode sb = m.get("splitBy");
    if (sb != null && !sb.isNull()) {
      facts.splitBy = true;
      splitBy = in.string(sb, path + ".splitBy", null);
      if (workload instanceof Scenario.GoogleLike && splitBy != null) {
        List<String> fields = ScenarioCatalog.PRESET_FIELDS;
        if (!fields.contains(splitBy)) {
          ctx.error(sb, path + ".splitBy", "unknown field '" + splitBy + "' of preset google-like"
              + DidYouMean.hint(splitBy, fields) + "; fields: " + String.join(", ", fields));
        }
      } else if (!(workload instanceof Scenario.Trace) && workload != null) {
        ctx.error(sb, path + ".splitBy", "only applies to a trace workload or the google-like preset");
      } else if (workload instanceof Scenario.Trace t && splitBy != null) {
        List<String> fields = ctx.catalog.traceFields(t.format());
        if (!fields.contains(splitBy)) {
          ctx.error(sb, path + ".splitBy", "unknown field '" + splitBy + "' of format " + t.format()
              + DidYouMean.hint(splitBy, fields) + "; fields: " + String.join(", ", fields));
        }
      }
      if (count != 1) {
        ctx.error(sb, path + ".splitBy", "cannot be combined with count");
      }
    } else if (role.contains("{value}")) {
      ctx.error(m.get("role"), path + ".role", "'{value}' only applies with splitBy");
    }
    if (ctx.count() > before || workload == null) {
      return null;
    }
    return new Scenario.Framework(name, count, role, failover, checkpoint, partitionAware, gpus, shared, scheduler,
        workload, splitBy, revocable, revocableTasks);
  }

  private SchedulerConfig scheduler(YNode n, String path) {
    SchedulerConfig d = Defaults.SCHEDULER;
    Fields m = ctx.object(n, path, "scheduler");
    if (m == null) {
      return d;
    }
    SchedulerConfig.SchedulerType type = d.type();
    YNode tn = m.get("type");
    String t = in.string(tn, path + ".type", null);
    if (t != null) {
      if (in.oneOf(tn, path + ".type", t, "scheduler type", ScenarioKeys.SCHEDULER_TYPES)) {
        type = SchedulerConfig.SchedulerType.valueOf(t.toUpperCase(Locale.ROOT));
      }
    }
    int maxAttempts = (int) in.integer(m.get("maxAttempts"), path + ".maxAttempts", d.maxAttempts(), 1, 1_000_000);
    int perOffer = (int) in.integer(m.get("maxTasksPerOffer"), path + ".maxTasksPerOffer", d.maxTasksPerOffer(), 0,
        1_000_000);
    long refuse = in.duration(m.get("refuseSeconds"), path + ".refuseSeconds", d.refuseMicros(), false);
    boolean suppress = in.bool(m.get("suppressWhenIdle"), path + ".suppressWhenIdle", d.suppressWhenIdle());
    long perOfferTime = d.decisionPerOffer();
    long perTaskTime = d.decisionPerTask();
    Fields dt = ctx.object(m.get("decisionTime"), path + ".decisionTime", "decisionTime");
    if (dt != null) {
      perOfferTime = in.duration(dt.get("perOffer"), path + ".decisionTime.perOffer", perOfferTime, false);
      perTaskTime = in.duration(dt.get("perTask"), path + ".decisionTime.perTask", perTaskTime, false);
    }
    boolean serial = in.bool(m.get("serialDecisions"), path + ".serialDecisions", d.serialDecisions());
    int abandonAfter = (int) in.integer(m.get("abandonAfter"), path + ".abandonAfter", d.abandonAfter(), 0, 1_000_000_000);
    if (type == SchedulerConfig.SchedulerType.GANG && serial) {
      ctx.error(m.get("serialDecisions"), path + ".serialDecisions", "a gang scheduler holds its offers and decides them"
          + " together; serialDecisions applies to batch and service schedulers");
    }
    int replicas = d.localityReplicas();
    long localityWait = d.localityWait();
    boolean perTask = d.localityPerTask();
    YNode locNode = m.get("locality");
    Fields loc = locNode == null || locNode.isNull() ? null
        : ctx.object(locNode, path + ".locality", "locality");
    if (loc != null) {
      replicas = (int) in.integer(loc.get("replicas"), path + ".locality.replicas", 3, 1, 1_000_000);
      localityWait = in.duration(loc.get("wait"), path + ".locality.wait", 5 * org.mesosim.engine.SimTime.SECOND, false);
      YNode pn = loc.get("per");
      String per = in.string(pn, path + ".locality.per", "job");
      if (per != null && in.oneOf(pn, path + ".locality.per", per, "locality placement", ScenarioKeys.LOCALITY_PER)) {
        perTask = per.equals("task");
      }
      if (type == SchedulerConfig.SchedulerType.GANG) {
        ctx.error(m.get("locality"), path + ".locality", "a gang scheduler launches whole jobs across held offers;"
            + " locality (delay scheduling) applies to batch and service schedulers");
      }
    }
    SchedulerConfig.InverseOfferAnswer inverse = d.inverseOffers();
    YNode io = m.get("inverseOffers");
    String iv = in.string(io, path + ".inverseOffers", null);
    if (iv != null && in.oneOf(io, path + ".inverseOffers", iv, "inverse-offer answer",
        ScenarioKeys.INVERSE_OFFER_ANSWERS)) {
      inverse = SchedulerConfig.InverseOfferAnswer.valueOf(iv.toUpperCase(Locale.ROOT));
    }
    YNode statefulNode = m.get("stateful");
    boolean stateful = in.bool(statefulNode, path + ".stateful", d.stateful());
    if (stateful && type == SchedulerConfig.SchedulerType.GANG) {
      ctx.error(statefulNode, path + ".stateful", "a gang scheduler launches whole jobs across held offers;"
          + " stateful applies to batch and service schedulers");
    }
    if (stateful && loc != null) {
      ctx.error(statefulNode, path + ".stateful", "a stateful task relaunches on its volume's agent; it cannot be"
          + " combined with locality");
    }
    return new SchedulerConfig(type, maxAttempts, perOffer, refuse, suppress, perOfferTime, perTaskTime, serial,
        abandonAfter, replicas, localityWait, perTask, inverse, stateful);
  }

  /**
   * Expands {@code count: N} to A-1 … A-N and {@code splitBy} to one framework per value; checks names are
   * unique. An entry with an error is not expanded, but its names (when its name and count are valid and
   * it has no splitBy) still take part in the uniqueness check.
   */
  List<Scenario.Expanded> expand(List<FrameworkEntry> entries) {
    List<Scenario.Expanded> out = new ArrayList<>();
    TreeSet<String> seen = new TreeSet<>();
    for (FrameworkEntry entry : entries) {
      Scenario.Framework f = entry.complete;
      int i = entry.index;
      YNode node = entry.node;
      List<String> names = new ArrayList<>();
      if (f == null) {
        if (entry.name != null && entry.count != null && !entry.splitBy) {
          names.addAll(countNames(entry.name, entry.count));
        }
      } else if (f.splitBy() != null && f.workload() instanceof Scenario.Trace t) {
        List<String> values;
        try {
          values = ctx.catalog.distinctValues(t, f.splitBy());
        } catch (RuntimeException e) {
          ctx.error(node, "frameworks[" + i + "].splitBy", "cannot read the trace: " + e.getMessage());
          continue;
        }
        if (values.isEmpty()) {
          ctx.error(node, "frameworks[" + i + "].splitBy", "the trace has no value of field '" + f.splitBy()
              + "' (after filter and window)");
        }
        split(entry, values, out, names);
      } else if (f.splitBy() != null && f.workload() instanceof Scenario.GoogleLike) {
        split(entry, ctx.catalog.presetValues(f.splitBy()), out, names); // every value the preset generates
      } else {
        for (String name : countNames(f.name(), f.count())) {
          out.add(new Scenario.Expanded(name, f.role(), f, null));
          names.add(name);
        }
      }
      for (String name : names) {
        if (!seen.add(name)) {
          ctx.error(node, "frameworks[" + i + "].name", "duplicate framework name '" + name + "'");
        }
      }
    }
    return out;
  }

  /** One framework per split value: named {@code <name>-<value>}, {@code {value}} in its role replaced. */
  private void split(FrameworkEntry entry, List<String> values, List<Scenario.Expanded> out, List<String> names) {
    Scenario.Framework f = entry.complete;
    for (String v : values) {
      String role = f.role().replace("{value}", v);
      if (!Scalars.validRole(role)) {
        ctx.error(entry.node, "frameworks[" + entry.index + "].role", "'" + role + "' (from value '" + v
            + "') is not a valid role name");
      }
      out.add(new Scenario.Expanded(f.name() + "-" + v, role, f, v));
      names.add(f.name() + "-" + v);
    }
  }

  /** {@code count: 1} keeps the name; more are A-1 … A-N. */
  static List<String> countNames(String name, int count) {
    if (count == 1) {
      return List.of(name);
    }
    List<String> out = new ArrayList<>(count);
    for (int k = 1; k <= count; k++) {
      out.add(name + "-" + k);
    }
    return out;
  }
}
