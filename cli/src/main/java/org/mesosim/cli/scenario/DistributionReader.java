package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mesosim.engine.random.Distribution;

/** Reads a distribution ({@code {kind: params}}, or a plain scalar as a constant) of a scenario value. */
final class DistributionReader {
  private final LoadContext ctx;
  private final Scalars in;

  DistributionReader(Scalars in) {
    this.in = in;
    this.ctx = in.ctx;
  }

  /**
   * A distribution: {@code {kind: params}}; a plain scalar is a constant. Values are durations in
   * µs when {@code duration}, else plain numbers.
   */
  Scenario.Dist dist(YNode n, String path, boolean duration) {
    if (n.isScalar()) {
      if (n.isNull()) {
        ctx.error(n, path, "expected a " + (duration ? "duration" : "number") + " or a distribution");
        return null;
      }
      double v = value(n, path, duration);
      return Double.isNaN(v) ? null : new Scenario.Dist(new Distribution.Constant(v), duration);
    }
    if (!n.isMap() || n.entries().size() != 1) {
      ctx.error(n, path, "expected a distribution: one of {constant: X}, {exponential: {mean: X}}, "
          + "{uniform: {min: X, max: Y}}, {normal: {mean: X, sd: Y}}, {lognormal: {median: X, sigma: S}}, "
          + "{pareto: {scale: X, shape: A}}, {weibull: {scale: X, shape: K}}, {empirical: [x1, x2, ...]}");
      return null;
    }
    Map.Entry<String, YNode> e = n.entries().entrySet().iterator().next();
    String kind = e.getKey();
    String p = LoadContext.join(path, kind);
    YNode body = e.getValue();
    List<String> params = ScenarioKeys.DISTRIBUTIONS.get(kind);
    if (params == null) {
      ctx.keyError(body, p, "unknown distribution" + DidYouMean.hint(kind,
          ScenarioKeys.DISTRIBUTIONS.keySet()) + "; known: " + String.join(", ", ScenarioKeys.DISTRIBUTIONS.keySet()));
      return null;
    }
    try {
      switch (kind) {
        case "constant": {
          double v = value(body, p, duration);
          return Double.isNaN(v) ? null : new Scenario.Dist(new Distribution.Constant(v), duration);
        }
        case "empirical": {
          if (!body.isList() || body.items().isEmpty()) {
            ctx.error(body, p, "expected a non-empty list of values");
            return null;
          }
          List<Double> vals = new ArrayList<>();
          for (int i = 0; i < body.items().size(); i++) {
            double v = value(body.items().get(i), p + "[" + i + "]", duration);
            if (Double.isNaN(v)) {
              return null;
            }
            vals.add(v);
          }
          return new Scenario.Dist(new Distribution.Empirical(vals), duration);
        }
        default: {
          if (!body.isMap()) {
            ctx.error(body, p, "expected a mapping of " + String.join(", ", params) + ", not " + body.describe());
            return null;
          }
          double[] v = new double[params.size()];
          boolean ok = true;
          for (Map.Entry<String, YNode> pe : body.entries().entrySet()) {
            if (!params.contains(pe.getKey())) {
              ctx.keyError(pe.getValue(), LoadContext.join(p, pe.getKey()), "unknown parameter"
                  + DidYouMean.hint(pe.getKey(), params) + "; " + kind + " takes " + String.join(", ", params));
              ok = false;
            }
          }
          for (int i = 0; i < params.size(); i++) {
            YNode pn = body.get(params.get(i));
            String pp = LoadContext.join(p, params.get(i));
            if (pn == null || pn.isNull()) {
              ctx.error(body, pp, "is required");
              ok = false;
              continue;
            }
            // shape and sigma are dimensionless even in a duration distribution
            boolean dim = duration && !params.get(i).equals("shape") && !params.get(i).equals("sigma");
            v[i] = value(pn, pp, dim);
            if (Double.isNaN(v[i])) {
              ok = false;
            }
          }
          if (!ok) {
            return null;
          }
          if (kind.equals("uniform") && v[1] < v[0]) { // in the units as written, not microseconds
            ctx.error(body.get("max"), LoadContext.join(p, "max"), "must be >= min (" + body.get("min").text() + "), not "
                + body.get("max").text());
            return null;
          }
          Distribution d = switch (kind) {
            case "exponential" -> new Distribution.Exponential(v[0]);
            case "uniform" -> new Distribution.Uniform(v[0], v[1]);
            case "normal" -> new Distribution.Normal(v[0], v[1]);
            case "lognormal" -> new Distribution.LogNormal(v[0], v[1]);
            case "pareto" -> new Distribution.Pareto(v[0], v[1]);
            default -> new Distribution.Weibull(v[0], v[1]);
          };
          return new Scenario.Dist(d, duration);
        }
      }
    } catch (IllegalArgumentException ex) {
      String msg = ex.getMessage();
      String param = msg.contains(":") ? msg.substring(0, msg.indexOf(':')) : "";
      String where = param.startsWith(kind + ".") ? LoadContext.join(path, param) : p;
      ctx.error(body, where, msg.contains(":") ? msg.substring(msg.indexOf(':') + 1).trim() : msg);
      return null;
    }
  }

  private double value(YNode n, String path, boolean duration) {
    if (duration) {
      long d = in.duration(n, path, -1, false);
      return d < 0 ? Double.NaN : (double) d;
    }
    double v = in.number(n, path);
    if (!Double.isNaN(v) && v < 0) {
      ctx.error(n, path, "must be >= 0, not " + n.text());
      return Double.NaN;
    }
    return v;
  }
}
