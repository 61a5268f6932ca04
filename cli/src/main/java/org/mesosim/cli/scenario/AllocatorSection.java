package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.mesosim.allocators.AllocatorRegistry;
import org.mesosim.model.Resources;
import org.mesosim.model.allocation.AllocatorPolicy;
import org.mesosim.model.allocation.OptionType;
import org.mesosim.model.allocation.PolicyOption;
import org.mesosim.model.config.Defaults;
import org.mesosim.model.config.RoleConfig;

/**
 * Reads {@code roles} and {@code allocator} (the policy, its interval and its options, checked and
 * typed by the policy), and checks both against the frameworks' roles once those are known.
 */
final class AllocatorSection extends Section {

  AllocatorSection(Scalars in) {
    super(in);
  }

  SortedMap<String, RoleConfig> roles(YNode n) {
    SortedMap<String, RoleConfig> out = new TreeMap<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isMap()) {
      ctx.error(n, "roles", "expected a mapping of role name: {weight, quota}");
      return out;
    }
    for (Map.Entry<String, YNode> e : n.entries().entrySet()) {
      String p = "roles." + e.getKey();
      in.checkRole(e.getKey(), e.getValue(), p);
      Fields m = ctx.object(e.getValue(), p, "role");
      if (m == null) {
        continue;
      }
      double weight = in.number(m.get("weight"), p + ".weight", 1.0, 0, true, 1e9);
      Resources quota = in.resources(m.get("quota"), p + ".quota", false, false);
      out.put(e.getKey(), new RoleConfig(weight, quota));
    }
    return out;
  }

  /** The frameworks' roles and every parent of one ({@code a/b} gives {@code a} and {@code a/b}). */
  private static TreeSet<String> usedRoles(List<Scenario.Expanded> expanded) {
    TreeSet<String> used = new TreeSet<>();
    for (Scenario.Expanded e : expanded) {
      String r = e.role();
      used.add(r);
      for (int i = r.indexOf('/'); i >= 0; i = r.indexOf('/', i + 1)) {
        used.add(r.substring(0, i));
      }
    }
    return used;
  }

  /** A {@code roleMap} option (e.g. capacity's {@code shares}) may only name the frameworks' roles. */
  void checkRoleOptions(YNode allocatorNode, Scenario.Allocator allocator, List<Scenario.Expanded> expanded) {
    Optional<AllocatorPolicy> policy = ctx.catalog.policy(allocator.policy());
    if (policy.isEmpty()) {
      return;
    }
    TreeSet<String> used = usedRoles(expanded);
    YNode options = allocatorNode == null || !allocatorNode.isMap() ? null : allocatorNode.get("options");
    for (PolicyOption o : policy.get().options()) {
      if (o.type() != OptionType.ROLE_MAP || !(allocator.typedOptions().get(o.name()) instanceof Map<?, ?> map)) {
        continue;
      }
      YNode at = options == null || !options.isMap() ? null : options.get(o.name());
      for (Object k : map.keySet()) {
        String role = String.valueOf(k);
        if (!used.contains(role)) {
          YNode keyAt = at != null && at.isMap() && at.get(role) != null ? at.get(role) : at;
          ctx.error(keyAt != null ? keyAt : allocatorNode, "allocator.options." + o.name() + "." + role,
              "unknown role '" + role + "'" + DidYouMean.hint(role, used) + "; the frameworks' roles: "
              + String.join(", ", used));
        }
      }
    }
  }

  /**
   * A {@code roles} entry that only sets a weight must name the role of some framework or an
   * ancestor of one (hierarchical roles): otherwise it changes nothing and is almost surely a typo.
   * An entry with a quota is accepted without frameworks: Mesos holds back headroom for the
   * guarantee of a role that has none (the allocator's quota headroom), which is worth modelling.
   */
  void checkRolesUsed(YNode rolesNode, SortedMap<String, RoleConfig> roles, List<Scenario.Expanded> expanded) {
    TreeSet<String> used = usedRoles(expanded);
    for (Map.Entry<String, RoleConfig> e : roles.entrySet()) {
      RoleConfig rc = e.getValue();
      String path = "roles." + e.getKey();
      if (used.contains(e.getKey()) || (rc.quota() != null && !rc.quota().isEmpty())
          || ctx.reportedUnder(path)) {
        continue; // used, or holds a guarantee, or already reported
      }
      YNode at = rolesNode == null ? null : rolesNode.get(e.getKey());
      ctx.error(at != null ? at : rolesNode, path, "no framework has this role or a role under it, so"
          + " its weight changes nothing" + DidYouMean.hint(e.getKey(), used) + "; the frameworks' roles: "
          + String.join(", ", used));
    }
  }

  Scenario.Allocator allocator(YNode n) {
    Fields m = ctx.object(n, "allocator", "allocator");
    String policyName = "hierarchical-drf";
    long interval = Defaults.ALLOCATION_INTERVAL;
    YNode optionsNode = null;
    YNode policyNode = null;
    if (m != null) {
      policyNode = m.get("policy");
      policyName = in.string(policyNode, "allocator.policy", policyName);
      interval = in.positive(m.get("interval"), "allocator.interval", interval);
      optionsNode = m.get("options");
    }
    Map<String, Object> raw = new LinkedHashMap<>();
    if (optionsNode != null && !optionsNode.isNull()) {
      if (!optionsNode.isMap()) {
        ctx.error(optionsNode, "allocator.options", "expected a mapping of option: value");
      } else {
        optionsNode.entries().forEach((k, v) -> raw.put(k, v.toPlain()));
      }
    }
    Optional<AllocatorPolicy> policy = ctx.catalog.policy(policyName);
    if (policy.isEmpty()) {
      List<String> names = ctx.catalog.allocatorNames();
      ctx.error(policyNode != null ? policyNode : n, "allocator.policy", "unknown allocator policy '" + policyName + "'"
          + DidYouMean.hint(policyName, names) + "; known: " + (names.isEmpty() ? "(none installed)"
          : String.join(", ", names)) + " (mesosim list allocators)");
      return new Scenario.Allocator(policyName, interval, raw, Map.of(), null);
    }
    Map<String, Object> typed = Map.of();
    AllocatorPolicy.Validated allocators = null;
    try {
      AllocatorRegistry.Resolved r = ctx.catalog.resolveOptions(policy.get(), raw);
      typed = r.options();
      allocators = r.allocators();
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage() == null ? "bad option" : e.getMessage();
      int colon = msg.indexOf(':');
      String key = colon > 0 ? msg.substring(0, colon).trim() : "";
      YNode at = optionsNode != null && optionsNode.isMap() && optionsNode.get(key) != null
          ? optionsNode.get(key) : (optionsNode != null ? optionsNode : n);
      String where = key.isEmpty() || key.contains(" ") ? "allocator.options" : "allocator.options." + key;
      ctx.error(at, where, colon > 0 && !key.contains(" ") ? msg.substring(colon + 1).trim() : msg);
    }
    Map<String, Object> resolved = new LinkedHashMap<>();
    for (PolicyOption o : policy.get().options()) {
      if (raw.containsKey(o.name())) {
        resolved.put(o.name(), raw.get(o.name()));
      } else if (o.defaultValue() != null) {
        resolved.put(o.name(), defaultScalar(o));
      }
    }
    raw.forEach(resolved::putIfAbsent);
    return new Scenario.Allocator(policy.get().name(), interval, resolved, typed, allocators);
  }

  private static Object defaultScalar(PolicyOption o) {
    String v = o.defaultValue();
    switch (o.type()) {
      case BOOLEAN:
        return Boolean.parseBoolean(v);
      case INTEGER:
        try {
          return Long.parseLong(v);
        } catch (NumberFormatException e) {
          return v;
        }
      case NUMBER:
        try {
          return Double.parseDouble(v);
        } catch (NumberFormatException e) {
          return v;
        }
      case RESOURCES: {
        List<Problem> ignored = new ArrayList<>();
        YNode n = YamlTree.parse(v, "default", ignored);
        return n == null || !ignored.isEmpty() ? v : n.toPlain();
      }
      default:
        return v;
    }
  }
}
