package org.mesosim.cli.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mesosim.engine.Durations;
import org.mesosim.engine.SimTime;
import org.mesosim.engine.random.Distribution;
import org.mesosim.model.Resources;
import org.mesosim.model.config.FaultSpec;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.RoleConfig;
import org.mesosim.model.config.SchedulerConfig;

/**
 * Writes a {@link Scenario} back as YAML with every default spelled out ({@code scenario.resolved.yaml}).
 * Loading the output again gives an equal scenario, so a run of it reproduces the digest. Trace
 * paths are written as absolute file lists.
 */
public final class ScenarioWriter {
  private ScenarioWriter() {}

  /** The resolved YAML, starting with a comment naming the source and the overrides. */
  public static String write(Scenario s, List<String> overrides) {
    StringBuilder head = new StringBuilder();
    head.append("# Resolved by mesosim from ").append(s.file()).append('\n');
    head.append("# Every default is spelled out; `mesosim run` on this file reproduces the run's digest.\n");
    for (String o : overrides) {
      // a value may span lines (--set $'description=a\n  b'): every line of it stays in the comment
      head.append("# --set ").append(o.replace("\r", "").replace("\n", "\n#   ")).append('\n');
    }
    ObjectMapper m = new ObjectMapper(new YAMLFactory()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    try {
      return head + m.writeValueAsString(tree(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The scenario as plain maps and lists. */
  public static Map<String, Object> tree(Scenario s) {
    Map<String, Object> root = ScenarioKeys.out("scenario");
    root.put("name", s.name());
    if (!s.description().isEmpty()) {
      root.put("description", s.description());
    }
    root.put("seed", s.seed());
    root.put("until", s.until() == SimTime.NEVER ? "drained" : Durations.format(s.until()));
    Map<String, Object> cluster = ScenarioKeys.out("cluster");
    Scenario.Cluster c = s.cluster();
    cluster.put("zookeeper", shape("zookeeper", "servers", c.zookeeper().servers(), "sessionTimeout",
        Durations.format(c.zookeeper().sessionTimeout())));
    cluster.put("masters", c.masters());
    MasterFlags mf = c.master();
    Map<String, Object> master = ScenarioKeys.out("masterFlags");
    master.put("agentPingTimeout", Durations.format(mf.agentPingTimeout()));
    master.put("maxAgentPingTimeouts", mf.maxAgentPingTimeouts());
    master.put("offerTimeout", mf.offerTimeout() == SimTime.NEVER ? "none" : Durations.format(mf.offerTimeout()));
    master.put("agentReregisterTimeout", Durations.format(mf.agentReregisterTimeout()));
    master.put("registryWriteLatency", Durations.format(mf.registryWriteLatency()));
    master.put("restartDelay", Durations.format(mf.restartDelay()));
    cluster.put("master", master);
    cluster.put("agent", shape("agentFlags", "registrationBackoffFactor", Durations.format(c.agent().registrationBackoffFactor()),
        "executorRegistrationTimeout", Durations.format(c.agent().executorRegistrationTimeout()),
        "executorShutdownGracePeriod", Durations.format(c.agent().executorShutdownGracePeriod())));
    cluster.put("network", shape("network", "latency", dist(c.latency()), "loss", c.loss(), "lossModel",
        c.lossModel().key()));
    List<Object> agents = new ArrayList<>();
    for (Scenario.Agents a : c.agents()) {
      Map<String, Object> g = ScenarioKeys.out("agentGroup");
      if (a.machines() != null) {
        Map<String, Object> mt = ScenarioKeys.out("machines");
        mt.put("format", a.machines().format());
        mt.put("path", a.machines().file().toString());
        if (!a.machines().units().isEmpty()) {
          mt.put("units", new LinkedHashMap<>(a.machines().units()));
        }
        g.put("machines", mt);
        g.put("scale", a.scale());
      } else if (a.preset() != null) {
        g.put("preset", a.preset());
        g.put("scale", a.scale());
      } else {
        g.put("name", a.name());
        g.put("count", a.count());
        g.put("resources", resources(a.resources()));
        if (!a.attributes().isEmpty()) {
          g.put("attributes", new LinkedHashMap<>(a.attributes()));
        }
        if (!a.reservations().isEmpty()) {
          Map<String, Object> r = new LinkedHashMap<>();
          a.reservations().forEach((role, res) -> r.put(role, resources(res)));
          g.put("reservations", r);
        }
        if (a.estimator() != null) {
          var est = a.estimator();
          Map<String, Object> e = ScenarioKeys.out("resourceEstimator");
          e.put("type", est.type().name().toLowerCase(java.util.Locale.ROOT));
          e.put("resources", resources(est.resources()));
          e.put("usage", est.usage());
          e.put("interval", Durations.format(est.interval()));
          e.put("qosController", est.qos().name().toLowerCase(java.util.Locale.ROOT));
          g.put("resourceEstimator", e);
        }
      }
      agents.add(g);
    }
    cluster.put("agents", agents);
    root.put("cluster", cluster);
    if (!s.roles().isEmpty()) {
      Map<String, Object> roles = new LinkedHashMap<>();
      for (Map.Entry<String, RoleConfig> e : s.roles().entrySet()) {
        Map<String, Object> r = ScenarioKeys.out("role");
        r.put("weight", e.getValue().weight());
        if (!e.getValue().quota().isEmpty()) {
          r.put("quota", resources(e.getValue().quota()));
        }
        roles.put(e.getKey(), r);
      }
      root.put("roles", roles);
    }
    root.put("allocator", shape("allocator", "policy", s.allocator().policy(), "interval", Durations.format(s.allocator().interval()),
        "options", new LinkedHashMap<>(s.allocator().options())));
    List<Object> fws = new ArrayList<>();
    for (Scenario.Framework f : s.frameworks()) {
      fws.add(framework(f));
    }
    root.put("frameworks", fws);
    if (!s.faults().isEmpty()) {
      List<Object> faults = new ArrayList<>();
      for (Scenario.Fault f : s.faults()) {
        Map<String, Object> m = ScenarioKeys.out("fault");
        if (f.at() >= 0) {
          m.put("at", Durations.format(f.at()));
        } else {
          m.put("every", dist(f.every()));
        }
        if (f.action() == FaultSpec.Action.CRASH) {
          m.put("crash", f.targets().get(0));
          if (f.recoverAfter() != null) {
            m.put("restartAfter", dist(f.recoverAfter()));
          }
        } else {
          m.put("partition", new ArrayList<>(f.targets()));
          if (f.recoverAfter() != null) {
            m.put("healAfter", dist(f.recoverAfter()));
          }
        }
        faults.add(m);
      }
      root.put("faults", faults);
    }
    if (!s.maintenance().isNone()) {
      root.put("maintenance", maintenance(s.maintenance()));
    }
    root.put("metrics", shape("metrics", "sampleInterval", Durations.format(s.sampleInterval()), "agentHeatmap",
        shape("agentHeatmap", "rows", s.heatmap().rows(), "columns", s.heatmap().columns(), "interval",
            Durations.format(s.heatmap().interval()))));
    root.put("report", shape("report", "charts", new ArrayList<>(s.charts()), "formats", new ArrayList<>(s.formats())));
    return root;
  }

  /** {@code maintenance}: the schedule (when it has windows) and the actions (when any). */
  private static Map<String, Object> maintenance(org.mesosim.model.config.MaintenanceConfig mc) {
    Map<String, Object> m = ScenarioKeys.out("maintenance");
    if (!mc.windows().isEmpty()) {
      List<Object> windows = new ArrayList<>();
      for (org.mesosim.model.config.MaintenanceConfig.Window w : mc.windows()) {
        Map<String, Object> wm = ScenarioKeys.out("maintenanceWindow");
        wm.put("machines", new ArrayList<>(w.machines()));
        wm.put("start", Durations.format(w.start()));
        if (w.duration() != org.mesosim.engine.SimTime.NEVER) {
          wm.put("duration", Durations.format(w.duration()));
        }
        windows.add(wm);
      }
      m.put("schedule", shape("maintenanceSchedule", "at", Durations.format(mc.postAt()), "windows", windows));
    }
    if (!mc.actions().isEmpty()) {
      List<Object> actions = new ArrayList<>();
      for (org.mesosim.model.config.MaintenanceConfig.Action a : mc.actions()) {
        Map<String, Object> am = ScenarioKeys.out("maintenanceAction");
        am.put("at", Durations.format(a.at()));
        am.put(a.mode() == org.mesosim.model.config.MaintenanceConfig.Mode.DOWN ? "down" : "up",
            new ArrayList<>(a.machines()));
        actions.add(am);
      }
      m.put("actions", actions);
    }
    return m;
  }

  private static Map<String, Object> framework(Scenario.Framework f) {
    Map<String, Object> m = ScenarioKeys.out("framework");
    m.put("name", f.name());
    m.put("count", f.count());
    m.put("role", f.role());
    m.put("failoverTimeout", Durations.format(f.failoverTimeout()));
    m.put("checkpoint", f.checkpoint());
    m.put("partitionAware", f.partitionAware());
    m.put("gpuResources", f.gpuResources());
    if (f.sharedResources()) {
      m.put("sharedResources", true); // only when set: resolved files of scenarios without it are unchanged
    }
    if (f.revocableResources() || f.revocableTasks() != org.mesosim.model.config.FrameworkConfig.RevocableTasks.NONE) {
      m.put("revocableResources", f.revocableResources());
      m.put("revocableTasks", f.revocableTasks().name().toLowerCase(java.util.Locale.ROOT));
    }
    SchedulerConfig sc = f.scheduler();
    Map<String, Object> s = ScenarioKeys.out("scheduler");
    s.put("type", sc.type().name().toLowerCase(java.util.Locale.ROOT));
    s.put("maxAttempts", sc.maxAttempts());
    s.put("maxTasksPerOffer", sc.maxTasksPerOffer());
    s.put("refuseSeconds", Durations.format(sc.refuseMicros()));
    s.put("suppressWhenIdle", sc.suppressWhenIdle());
    s.put("decisionTime", shape("decisionTime", "perOffer", Durations.format(sc.decisionPerOffer()), "perTask",
        Durations.format(sc.decisionPerTask())));
    // Extensions only when set, so resolved files of scenarios without them are unchanged.
    if (sc.serialDecisions()) {
      s.put("serialDecisions", true);
    }
    if (sc.abandonAfter() > 0) {
      s.put("abandonAfter", sc.abandonAfter());
    }
    if (sc.localityReplicas() > 0) {
      s.put("locality", shape("locality", "replicas", sc.localityReplicas(), "wait",
          Durations.format(sc.localityWait()), "per", sc.localityPerTask() ? "task" : "job"));
    }
    if (sc.inverseOffers() != SchedulerConfig.InverseOfferAnswer.IGNORE) {
      s.put("inverseOffers", sc.inverseOffers().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (sc.stateful()) {
      s.put("stateful", true);
    }
    m.put("scheduler", s);
    Map<String, Object> w = ScenarioKeys.out("workload");
    if (f.workload() instanceof Scenario.Synthetic syn) {
      Map<String, Object> y = ScenarioKeys.out("synthetic");
      y.put("jobs", syn.jobs() < 0 ? "unbounded" : (Object) syn.jobs());
      y.put("arrival", syn.arrival() == null ? map("at", Durations.format(syn.arrivalAt())) : dist(syn.arrival()));
      y.put("tasksPerJob", syn.tasksPerJob().value() instanceof Distribution.Constant k ? (Object) (long) k.value()
          : dist(syn.tasksPerJob()));
      Map<String, Object> t = ScenarioKeys.out("task");
      t.put("resources", resources(syn.task()));
      t.put("duration", syn.duration() == null ? "forever" : dist(syn.duration()));
      t.put("failureProbability", syn.failureProbability());
      y.put("task", t);
      w.put("synthetic", y);
    } else if (f.workload() instanceof Scenario.GoogleLike g) {
      Map<String, Object> y = shape("synthetic", "preset", "google-like", "scale", g.scale());
      if (g.diurnalAmplitude() > 0) {
        y.put("diurnal", shape("diurnal", "amplitude", g.diurnalAmplitude(), "peakHour", g.diurnalPeakHour()));
      }
      w.put("synthetic", y);
    } else if (f.workload() instanceof Scenario.Trace tr) {
      Map<String, Object> t = ScenarioKeys.out("trace");
      t.put("format", tr.format());
      List<Object> files = new ArrayList<>();
      for (Path p : tr.files()) {
        files.add(p.toString());
      }
      t.put("path", files);
      if (!tr.filter().isEmpty()) {
        Map<String, Object> fl = new LinkedHashMap<>();
        tr.filter().forEach((k, v) -> {
          if (v instanceof Scenario.Equals e) {
            fl.put(k, e.value());
          } else if (v instanceof Scenario.In in) {
            fl.put(k, new ArrayList<>(in.values()));
          } else if (v instanceof Scenario.Range r) {
            Map<String, Object> rm = ScenarioKeys.out("range");
            if (r.min() != Double.NEGATIVE_INFINITY) {
              rm.put("min", r.min());
            }
            if (r.max() != Double.POSITIVE_INFINITY) {
              rm.put("max", r.max());
            }
            fl.put(k, rm);
          }
        });
        t.put("filter", fl);
      }
      t.put("window", shape("window", "from", Durations.format(tr.windowFrom()), "to",
          tr.windowTo() == SimTime.NEVER ? "none" : Durations.format(tr.windowTo())));
      t.put("timeScale", tr.timeScale());
      t.put("loadScale", tr.loadScale());
      t.put("skipMalformed", tr.skipMalformed());
      if (tr.index() != null) {
        t.put("index", tr.index().toString());
      }
      if (tr.dropUnended()) {
        t.put("unended", "drop");
      }
      if (!tr.units().isEmpty()) {
        t.put("units", new LinkedHashMap<>(tr.units()));
      }
      w.put("trace", t);
    }
    m.put("workload", w);
    if (f.splitBy() != null) {
      m.put("splitBy", f.splitBy());
    }
    return m;
  }

  /** A distribution in scenario syntax; duration parameters with units. */
  public static Object dist(Scenario.Dist d) {
    Distribution v = d.value();
    boolean t = d.duration();
    if (v instanceof Distribution.Constant c) {
      return map("constant", num(c.value(), t));
    }
    if (v instanceof Distribution.Exponential e) {
      return map("exponential", map("mean", num(e.mean(), t)));
    }
    if (v instanceof Distribution.Uniform u) {
      return map("uniform", map("min", num(u.min(), t), "max", num(u.max(), t)));
    }
    if (v instanceof Distribution.Normal n) {
      return map("normal", map("mean", num(n.mean(), t), "sd", num(n.sd(), t)));
    }
    if (v instanceof Distribution.LogNormal l) {
      return map("lognormal", map("median", num(l.median(), t), "sigma", l.sigma()));
    }
    if (v instanceof Distribution.Pareto p) {
      return map("pareto", map("scale", num(p.scale(), t), "shape", p.shape()));
    }
    if (v instanceof Distribution.Weibull w) {
      return map("weibull", map("scale", num(w.scale(), t), "shape", w.shape()));
    }
    Distribution.Empirical e = (Distribution.Empirical) v;
    List<Object> vals = new ArrayList<>();
    for (Double x : e.values()) {
      vals.add(num(x, t));
    }
    return map("empirical", vals);
  }

  private static Object num(double v, boolean duration) {
    if (duration) {
      return Durations.format((long) v);
    }
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v : (Object) v;
  }

  /** Resources as {@code {cpus: 1, mem: 4096}} in output order. */
  public static Map<String, Object> resources(Resources r) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String n : r.names()) {
      double v = r.get(n);
      m.put(n, v == Math.rint(v) ? (Object) (long) v : (Object) v);
    }
    return m;
  }

  /** A mapping of {@code shape} ({@link ScenarioKeys#out}) with these keys and values. */
  private static Map<String, Object> shape(String shape, Object... kv) {
    Map<String, Object> m = ScenarioKeys.out(shape);
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
