package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mesosim.model.Resources;
import org.mesosim.model.config.AgentFlags;
import org.mesosim.model.config.AgentGroup;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.MasterFlags;
import org.mesosim.model.config.NetworkConfig;
import org.mesosim.model.config.ZooKeeperConfig;

/** Reads {@code cluster}: ZooKeeper, masters, master and agent flags, the network and the agent groups. */
final class ClusterSection extends Section {
  private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._]*");

  private final DistributionReader dists;

  ClusterSection(Scalars in, DistributionReader dists) {
    super(in);
    this.dists = dists;
  }

  Scenario.Cluster read(YNode n, YNode root) {
    Fields m = ctx.object(n, "cluster", "cluster");
    if (m == null) {
      return null;
    }
    Fields zk = ctx.object(m.get("zookeeper"), "cluster.zookeeper", "zookeeper");
    int servers = Defaults.ZOOKEEPER.servers();
    long session = Defaults.ZOOKEEPER.sessionTimeout();
    if (zk != null) {
      servers = (int) in.integer(zk.get("servers"), "cluster.zookeeper.servers", servers, 1, 99);
      session = in.duration(zk.get("sessionTimeout"), "cluster.zookeeper.sessionTimeout", session, false);
      if (session == 0) {
        ctx.error(zk.get("sessionTimeout"), "cluster.zookeeper.sessionTimeout", "must be > 0");
        session = Defaults.ZOOKEEPER.sessionTimeout();
      }
    }
    int masters = (int) in.integer(m.get("masters"), "cluster.masters", 1, 1, 99);
    MasterFlags d = Defaults.MASTER;
    MasterFlags master = d;
    Fields mf = ctx.object(m.get("master"), "cluster.master", "masterFlags");
    if (mf != null) {
      String p = "cluster.master.";
      master = new MasterFlags(
          in.positive(mf.get("agentPingTimeout"), p + "agentPingTimeout", d.agentPingTimeout()),
          (int) in.integer(mf.get("maxAgentPingTimeouts"), p + "maxAgentPingTimeouts", d.maxAgentPingTimeouts(), 1,
              Integer.MAX_VALUE),
          in.duration(mf.get("offerTimeout"), p + "offerTimeout", d.offerTimeout(), true),
          in.positive(mf.get("agentReregisterTimeout"), p + "agentReregisterTimeout", d.agentReregisterTimeout()),
          in.duration(mf.get("registryWriteLatency"), p + "registryWriteLatency", d.registryWriteLatency(), false),
          in.duration(mf.get("restartDelay"), p + "restartDelay", d.restartDelay(), true));
    }
    AgentFlags da = Defaults.AGENT;
    AgentFlags agent = da;
    Fields af = ctx.object(m.get("agent"), "cluster.agent", "agentFlags");
    if (af != null) {
      String p = "cluster.agent.";
      agent = new AgentFlags(
          // > 0: with no backoff an unregistered agent re-sends its registration in the same instant, forever
          in.positive(af.get("registrationBackoffFactor"), p + "registrationBackoffFactor", da.registrationBackoffFactor()),
          in.positive(af.get("executorRegistrationTimeout"), p + "executorRegistrationTimeout",
              da.executorRegistrationTimeout()),
          in.duration(af.get("executorShutdownGracePeriod"), p + "executorShutdownGracePeriod",
              da.executorShutdownGracePeriod(), false));
    }
    Scenario.Dist latency = new Scenario.Dist(Defaults.NETWORK.latency(), true);
    double loss = Defaults.NETWORK.loss();
    NetworkConfig.LossModel lossModel = Defaults.NETWORK.lossModel();
    Fields net = ctx.object(m.get("network"), "cluster.network", "network");
    if (net != null) {
      YNode l = net.get("latency");
      if (l != null && !l.isNull()) {
        Scenario.Dist dl = dists.dist(l, "cluster.network.latency", true);
        latency = dl == null ? latency : dl;
      }
      loss = in.number(net.get("loss"), "cluster.network.loss", loss, 0, false, 1);
      YNode lm = net.get("lossModel");
      String lms = in.string(lm, "cluster.network.lossModel", null);
      if (lms != null && in.oneOf(lm, "cluster.network.lossModel", lms, "loss model", ScenarioKeys.LOSS_MODELS)) {
        lossModel = NetworkConfig.LossModel.valueOf(lms.toUpperCase(Locale.ROOT));
      }
    }
    List<Scenario.Agents> agents = new ArrayList<>();
    YNode list = m.get("agents");
    if (list == null || list.isNull()) {
      ctx.error(n == null ? root : n, "cluster.agents", "is required: at least one group of agents");
    } else if (!list.isList()) {
      ctx.error(list, "cluster.agents", "expected a list of agent groups, not " + list.describe());
    } else {
      if (list.items().isEmpty()) {
        ctx.error(list, "cluster.agents", "needs at least one group of agents");
      }
      TreeSet<String> seen = new TreeSet<>();
      for (int i = 0; i < list.items().size(); i++) {
        Scenario.Agents g = agentGroup(list.items().get(i), "cluster.agents[" + i + "]");
        if (g != null) {
          for (String gn : groupNames(g)) {
            if (!seen.add(gn)) {
              ctx.error(list.items().get(i), "cluster.agents[" + i + "].name", "duplicate agent group '" + gn + "'");
            }
          }
          agents.add(g);
        }
      }
    }
    return new Scenario.Cluster(new ZooKeeperConfig(servers, session), masters, master, agent, latency, loss,
        lossModel, agents);
  }

  private List<String> groupNames(Scenario.Agents g) {
    if (g.preset() == null && g.machines() == null) {
      return g.name() == null ? List.of() : List.of(g.name()); // a group without a name is reported
    }
    return ctx.catalog.presetGroups(g).stream().map(AgentGroup::name).toList();
  }

  private Scenario.Agents agentGroup(YNode n, String path) {
    Fields m = ctx.object(n, path, "agentGroup");
    if (m == null) {
      return null;
    }
    YNode presetNode = m.get("preset");
    if (presetNode != null && !presetNode.isNull() && m.get("machines") != null) {
      ctx.error(m.get("machines"), path + ".machines", "cannot be combined with preset (each defines the machines)");
      return null;
    }
    if (presetNode != null && !presetNode.isNull()) {
      String preset = in.string(presetNode, path + ".preset", null);
      if (preset != null && !in.oneOf(presetNode, path + ".preset", preset, "preset", ScenarioKeys.AGENT_PRESETS)) {
        return null;
      }
      in.absent(m, path, List.of("name", "count", "resources", "reservations", "attributes", "resourceEstimator"),
          "cannot be combined with preset (the preset defines the machines)");
      double scale = in.number(m.get("scale"), path + ".scale", 1.0, 0, true, 1e6);
      return new Scenario.Agents(null, 0, Resources.EMPTY, new TreeMap<>(), new TreeMap<>(), preset, scale);
    }
    YNode machinesNode = m.get("machines");
    if (machinesNode != null && !machinesNode.isNull()) {
      in.absent(m, path, List.of("name", "count", "resources", "reservations", "attributes"),
          "cannot be combined with machines (the machine table defines the machines)");
      Scenario.Machines mt = machines(machinesNode, path + ".machines");
      double scale = in.number(m.get("scale"), path + ".scale", 1.0, 0, true, 1e6);
      if (mt == null) {
        return null;
      }
      Scenario.Agents a = new Scenario.Agents(null, 0, Resources.EMPTY, new TreeMap<>(), new TreeMap<>(), null, scale, mt, null);
      try {
        ctx.catalog.presetGroups(a); // read once here: a bad table is reported at its YAML path
      } catch (org.mesosim.engine.BadInputException e) {
        ctx.error(machinesNode, path + ".machines", e.getMessage());
        return null;
      }
      return a;
    }
    if (m.containsKey("scale")) {
      ctx.error(m.get("scale"), path + ".scale", "only applies with preset or machines");
    }
    String name = in.string(m.get("name"), path + ".name", null);
    if (name == null) {
      ctx.error(n, path + ".name", "is required");
    } else if (!GROUP_NAME.matcher(name).matches()) {
      ctx.error(m.get("name"), path + ".name", "must be letters, digits, '.' or '_' (agents are named <name>-1, <name>-2, ...)");
    }
    int count = (int) in.integer(m.get("count"), path + ".count", 1, 1, 10_000_000);
    Resources res = in.resources(m.get("resources"), path + ".resources", true, true);
    if (m.get("resources") == null) {
      ctx.error(n, path + ".resources", "is required, e.g. {cpus: 4, mem: 8192, disk: 100000}");
    }
    SortedMap<String, String> attributes = new TreeMap<>();
    YNode attrs = m.get("attributes");
    if (attrs != null && !attrs.isNull()) {
      if (!attrs.isMap()) {
        ctx.error(attrs, path + ".attributes", "expected a mapping of name: value");
      } else {
        attrs.entries().forEach((k, v) -> {
          if (!v.isScalar() || v.isNull()) {
            ctx.error(v, path + ".attributes." + k, "expected a text or number value");
          } else {
            attributes.put(k, v.text());
          }
        });
      }
    }
    SortedMap<String, Resources> reservations = new TreeMap<>();
    YNode resv = m.get("reservations");
    if (resv != null && !resv.isNull()) {
      if (!resv.isMap()) {
        ctx.error(resv, path + ".reservations", "expected a mapping of role: resources");
      } else {
        Resources total = Resources.EMPTY;
        for (Map.Entry<String, YNode> e : resv.entries().entrySet()) {
          String rp = path + ".reservations." + e.getKey();
          if (e.getKey().equals("*")) {
            // Mesos: '*' is the default role, so cpus(*):4 means unreserved; nothing can be reserved to it
            ctx.error(e.getValue(), rp, "'*' is the default role: resources not reserved to another role are"
                + " unreserved; list them under resources only");
            continue;
          }
          in.checkRole(e.getKey(), e.getValue(), rp);
          Resources r = in.resources(e.getValue(), rp, false, true);
          reservations.put(e.getKey(), r);
          total = total.plus(r);
        }
        if (!res.contains(total)) {
          ctx.error(resv, path + ".reservations", "reserve more (" + total + ") than each agent has (" + res + ")");
        }
      }
    }
    org.mesosim.model.config.Oversubscription.Estimator estimator = estimator(m.get("resourceEstimator"),
        path + ".resourceEstimator", res);
    return new Scenario.Agents(name, count, res, attributes, reservations, null, 1.0, null, estimator);
  }

  /**
   * {@code resourceEstimator} of an agent group (docs/oversubscription.md): Mesos'
   * {@code --resource_estimator} (the fixed module or the model's usage estimator),
   * {@code --oversubscribed_resources_interval} and {@code --qos_controller}.
   */
  private org.mesosim.model.config.Oversubscription.Estimator estimator(YNode n, String path, Resources agent) {
    if (n == null || n.isNull()) {
      return null;
    }
    Fields m = ctx.object(n, path, "resourceEstimator");
    if (m == null) {
      return null;
    }
    int before = ctx.count();
    YNode tn = m.get("type");
    String type = in.string(tn, path + ".type", null);
    if (type == null) {
      ctx.error(n, path + ".type", "is required: " + String.join(" or ", ScenarioKeys.ESTIMATOR_TYPES));
    } else {
      in.oneOf(tn, path + ".type", type, "estimator type", ScenarioKeys.ESTIMATOR_TYPES);
    }
    Resources res = in.resources(m.get("resources"), path + ".resources", false, true);
    if (m.get("resources") == null) {
      ctx.error(n, path + ".resources", "is required: the revocable resources (fixed) or the names to"
          + " oversubscribe (usage), e.g. {cpus: 4}");
    } else if (res.isEmpty()) {
      ctx.error(m.get("resources"), path + ".resources", "must name at least one resource with an amount > 0");
    } else {
      for (String name : res.names()) {
        if (agent.get(name) <= 0) {
          ctx.error(m.get("resources"), path + ".resources." + name, "the agents have no " + name
              + " to oversubscribe");
        }
      }
    }
    YNode un = m.get("usage");
    double usage = in.number(un, path + ".usage", 0.5, 0, false, 1);
    if (un != null && !un.isNull() && "fixed".equals(type)) {
      ctx.error(un, path + ".usage", "only applies to type usage");
    }
    long interval = in.positive(m.get("interval"), path + ".interval",
        org.mesosim.model.config.Oversubscription.DEFAULT_INTERVAL);
    YNode qn = m.get("qosController");
    String qos = in.string(qn, path + ".qosController", "noop");
    boolean qosOk = in.oneOf(qn, path + ".qosController", qos, "QoS controller", ScenarioKeys.QOS_CONTROLLERS);
    if (ctx.count() > before || type == null || !qosOk) {
      return null;
    }
    return new org.mesosim.model.config.Oversubscription.Estimator(
        org.mesosim.model.config.Oversubscription.EstimatorType.valueOf(type.toUpperCase(java.util.Locale.ROOT)), res,
        usage, interval, org.mesosim.model.config.Oversubscription.QosType.valueOf(qos.toUpperCase(java.util.Locale.ROOT)));
  }

  /** {@code machines: {format, path, units}}: null when in error (reported). */
  private Scenario.Machines machines(YNode n, String path) {
    Fields m = ctx.object(n, path, "machines");
    if (m == null) {
      return null;
    }
    YNode fn = m.get("format");
    String format = in.string(fn, path + ".format", null);
    if (format == null) {
      ctx.error(n, path + ".format", "is required: one of " + String.join(", ", org.mesosim.workloads.MachineTables.FORMATS));
      return null;
    }
    if (!in.oneOf(fn, path + ".format", format, "machine table format", org.mesosim.workloads.MachineTables.FORMATS)) {
      return null;
    }
    String p = in.string(m.get("path"), path + ".path", null);
    if (p == null) {
      ctx.error(n, path + ".path", "is required: the machine table, relative to the scenario file");
      return null;
    }
    java.nio.file.Path f = ctx.baseDir.resolve(p).normalize();
    if (!java.nio.file.Files.isRegularFile(f)) {
      ctx.error(m.get("path"), path + ".path", "machine table not found: " + f);
      return null;
    }
    SortedMap<String, Double> units = new TreeMap<>();
    YNode un = m.get("units");
    if (un != null && !un.isNull()) {
      if (!un.isMap()) {
        ctx.error(un, path + ".units", "expected a mapping of unit: number");
      } else {
        List<String> keys = org.mesosim.workloads.MachineTables.unitKeys(format);
        for (Map.Entry<String, YNode> e : un.entries().entrySet()) {
          if (!keys.contains(e.getKey())) {
            ctx.error(e.getValue(), path + ".units." + e.getKey(), "unknown for machine tables of " + format
                + " (expected one of " + String.join(", ", keys) + ")");
            continue;
          }
          units.put(e.getKey(), in.number(e.getValue(), path + ".units." + e.getKey(), 0, 0, true, 1e15));
        }
      }
    }
    return new Scenario.Machines(format, p, f, units);
  }
}
