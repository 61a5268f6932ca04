package org.mesosim.cli.papers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code validation.md} and {@code validation.html}: per reproduction its citation, setup,
 * checks (published value, mesosim's, tolerance, pass/miss) and its figures redrawn (a table of
 * points in Markdown; SVG charts with the published curves dashed in HTML). Deterministic: no wall
 * times, no dates, so {@code docs/validation.md} can be checked to be current.
 */
public final class ValidationReport {
  private ValidationReport() {}

  static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"};

  /** The summary line of one reproduction in the overview table. */
  public static String summaryRow(Reproduction r, Reproduction.Result res) {
    int pass = 0;
    int miss = 0;
    int nf = 0;
    for (Check c : res.checks()) {
      switch (c.status()) {
        case PASS -> pass++;
        case MISS -> miss++;
        default -> nf++;
      }
    }
    return "| [" + r.name() + "](#" + r.name() + ") | " + r.citation() + " | " + (r.quick() ? "quick" : "long")
        + ", " + r.time() + " | " + pass + " | " + miss + " | " + nf + " |";
  }

  /** One reproduction's section, between markers (the currency test compares sections). */
  public static String section(Reproduction r, Reproduction.Result res) {
    StringBuilder b = new StringBuilder();
    b.append("<!-- reproduction: ").append(r.name()).append(" -->\n");
    b.append("## ").append(r.name()).append("\n\n");
    b.append("**").append(r.citation()).append(".** ").append(r.title()).append("\n\n");
    b.append("Scenarios: ");
    b.append(String.join(", ", r.scenarios().stream().map(s -> "`" + s + "`").toList()));
    b.append(". Runs in ").append(r.time()).append(" (").append(r.quick() ? "quick: in `mvn verify`"
        : "long: `mesosim reproduce " + r.name() + "` or `mvn verify -Ppapers`").append(").\n\n");
    b.append("Setup and tolerances: ").append(r.setup()).append("\n\n");
    b.append("| quantity | published | mesosim | tolerance | result | note |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (Check c : res.checks()) {
      b.append("| ").append(cell(c.quantity())).append(" | ").append(cell(c.published())).append(" | ")
          .append(cell(c.measured())).append(" | ").append(cell(c.tolerance())).append(" | **")
          .append(c.status().label).append("** | ").append(cell(c.note())).append(" |\n");
    }
    for (Figure f : res.figures()) {
      b.append("\n").append(figureTable(f));
    }
    b.append("<!-- end: ").append(r.name()).append(" -->\n");
    return b.toString();
  }

  /** The fixed part of validation.md: sources, and the model pieces the reproductions use. */
  static final String MODEL_NOTES = """
      ## Sources

      Published values were looked up with a search tool over stored copies of public pages and public
      GitHub files. Its page store holds the papers' PDFs (the Mesos tech report of May 2010 at fdocuments.net,
      of September 2010 at vdocuments.net; the Omega paper at b.hatena.ne.jp) only from their first page, so
      the evaluation sections were read in notes and transcriptions that quote them, named in each
      reproduction and scenario header, not in the PDFs themselves.

      - **DRF (Ghodsi et al., NSDI 2011)**: the §4 example (⟨9 CPUs, 18 GB⟩; A 3 tasks, B 2, dominant shares
        2/3) and the abstract's claim that DRF "leads to better throughput and fairness than the slot-based
        fair sharing schemes". Not found: every value of §7's figures (dynamic sharing; DRF against slots).
        The asset-fairness figure (A gets 15 tasks) is as quoted in mesosim issue 19.
      - **Mesos (Hindman et al., NSDI 2011 camera-ready)**, §6, read in two sets of paper notes that quote
        the NSDI text (https://www.anantjain.dev/posts/mesos, section "Evaluation", mostly in the paper's
        words, its macrobenchmark set-up sentence paraphrased; and a GitHub notes file quoting the same
        subsections, which links static.usenix.org/events/nsdi11/tech/full_papers/Hindman_new.pdf; both
        carry the NSDI abstract, "resilient to failures", not the tech report's "to node failures"). Where
        both quote a sentence they agree word for word. Found: the macrobenchmark's setup (96
        nodes of 4 CPUs and 15 GB; static partitions of 24) and claims (CPU and memory utilization up 10% and
        17%; Hadoop and Spark beyond 1/4 of the cluster; the large-job Hadoop mix 2x better; jobs at least as
        fast); data locality (16 Hadoop instances, 4 tasks per node; static partitioning 18%, 1 s delay above
        90%, 5 s delay 95%, jobs 1.7x faster than static); failure recovery ("MTTR was between 4 and 8
        seconds, with 95% confidence intervals of up to 3s on either side"); the abstract (Mesos "is resilient
        to failures"). Not found: the macrobenchmark's per-framework table of job times and speed-ups, the
        shares over time and ramp-up times, the locality experiment's node count (93, from issue 19's brief)
        and workload, and the failover experiment's cluster and ZooKeeper session timeout.
      - **Omega (Schwarzkopf et al., EuroSys 2013)**, §4 (the simulator's set-up) and §4.2, read in transcriptions of the paper's
        text stored as public GitHub files (search: "1,000-attempt retry limit"): t_job = 0.1 s and t_task =
        5 ms; a Mesos offer takes 1 ms; "we limit any single job to 1,000 scheduling attempts"; wait time is
        "the difference between the job submission time and the beginning of the job's first scheduling
        attempt"; "the batch scheduler busyness (Figure 7b) turns out to be much higher than in the monolithic
        multi-path case"; the batch scheduler "cannot make progress while the service scheduler holds an
        offer"; "a number of jobs are abandoned ... by the 1,000-attempt retry limit in the Mesos case (Figure
        7c)". Not found: the numbers plotted in Fig. 7 (the text gives none).

      Nothing not found is estimated: such rows show mesosim's value only.

      ## Model pieces used here

      Scheduler options (in `frameworks[].scheduler`; all off by default, so no earlier result moved):

      | key | default | what it does |
      |---|---|---|
      | `serialDecisions` | `false` | Omega's serial scheduler: one offer is decided at a time, taking its `decisionTime` (per offer + per task launched); offers that arrive meanwhile wait, in order. Without it every offer of a message is decided at once and answered after its own delay (as before). Not with `type: gang`. |
      | `abandonAfter` | `0` (never) | Omega's retry limit (it uses 1,000): a decision that ends with the job at the head of the queue still having tasks unplaced is one unsuccessful attempt; after this many the job is abandoned (queued tasks dropped, running ones run out; it ends `abandoned`). An attempt needs an offer, so a framework that gets few offers makes few attempts. |
      | `locality: {replicas, wait, per}` | none (`replicas` 3, `wait` 5 s, `per: job` when given) | delay scheduling (Zaharia et al., EuroSys 2010, as the Mesos paper's Hadoop port): with `per: job` each job's input is on `replicas` distinct agents drawn at its arrival (stream `framework/<name>/locality`), and a task takes an offer from another agent only once its job has waited `wait` since its arrival or its last launch; with `per: task` each task has its own `replicas` agents (one block of a file spread over the cluster), a queued task whose input is on the offered agent goes first, and the wait counts from the job's arrival or its last local launch (after a non-local launch the job's tasks may run anywhere until a local one, as the port's `lastMapWasLocal`). Not with `type: gang`. |

      Framework behaviours: *elastic* is the `batch` scheduler (it takes what it is offered, task by task,
      and gives resources back as tasks end), optionally with `locality`; *rigid* is the `gang` scheduler (it
      holds offers and starts a job only when all its tasks fit at once).

      Measures: frameworks with a decision time or one of these options get `scheduler` in
      `summary.json` (`frameworks[]`): `busyness` (fraction of the run spent deciding: the union of the
      decisions' intervals), `decisions`, `firstAttemptWaitSeconds` (submission to the first decision that
      began with the job queued: Omega's job wait time), `abandoned`, and with `locality`
      `placedWithLocality` / `placedLocal`. They come from event-stream records `decision`,
      `job-attempted` and `placement` (`run --events`), which are measurements of events already in the
      digest and are not folded into it.

      """;

  public static String markdown(Map<Reproduction, Reproduction.Result> results) {
    StringBuilder b = new StringBuilder();
    b.append("# Validation: published results reproduced by mesosim\n\n");
    b.append("<!-- Generated by `mesosim reproduce --all --out docs`; do not edit by hand."
        + " `ValidationDocTest` checks that it is current. -->\n\n");
    b.append("Each row is a published table or figure, rerun from the scenario files in `scenarios/papers/`"
        + " (each file's header names the paper, section, figure and published values). A check passes when"
        + " mesosim's value is within the stated tolerance of the paper's; **miss** shows a value outside it, with"
        + " its reason (the model is never tuned to a paper's number); **not found** marks a value the paper"
        + " reports that could not be looked up here: mesosim's value is shown and nothing is compared.\n\n");
    b.append("Regenerate with `./mesosim reproduce --all --out docs` (one or more names instead of `--all` runs"
        + " those only). The quick reproductions run in `mvn verify` (`PapersTest`, `ValidationDocTest`); the long"
        + " ones with `mvn -pl cli verify -Ppapers`.\n\n");
    b.append(MODEL_NOTES);
    b.append("## Overview\n\n");
    b.append("| reproduction | paper | runs | pass | miss | not found |\n|---|---|---|---|---|---|\n");
    for (Map.Entry<Reproduction, Reproduction.Result> e : results.entrySet()) {
      b.append(summaryRow(e.getKey(), e.getValue())).append("\n");
    }
    for (Map.Entry<Reproduction, Reproduction.Result> e : results.entrySet()) {
      b.append("\n").append(section(e.getKey(), e.getValue()));
    }
    return b.toString();
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
  }

  /** A figure as a table: up to 13 points per curve, sampled evenly. */
  static String figureTable(Figure f) {
    StringBuilder b = new StringBuilder();
    b.append("*").append(f.title()).append("* (").append(f.yLabel()).append(" against ").append(f.xLabel())
        .append(")\n\n");
    b.append("| curve | points (x: y) |\n|---|---|\n");
    for (Figure.Series s : f.series()) {
      List<String> pts = new ArrayList<>();
      int n = s.x().length;
      int k = Math.min(n, 13);
      int last = -1;
      for (int i = 0; i < k; i++) {
        int idx = k == 1 ? 0 : (int) Math.round((double) i * (n - 1) / (k - 1));
        if (idx != last) {
          pts.add(Check.num(s.x()[idx]) + ": " + fmt(s.y()[idx]));
          last = idx;
        }
      }
      b.append("| ").append(cell(s.name())).append(s.published() ? " (published)" : "").append(" | ")
          .append(String.join(", ", pts)).append(" |\n");
    }
    return b.toString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }

  // ---- HTML -------------------------------------------------------------------------------------

  public static String html(Map<Reproduction, Reproduction.Result> results) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mesosim validation</title>\n");
    b.append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 6px;"
        + "vertical-align:top}.pass{color:#1a7f37;font-weight:bold}.miss{color:#cf222e;font-weight:bold}"
        + ".nf{color:#777}svg{margin:0.5em 1em 0.5em 0}</style></head><body>\n");
    b.append("<h1>Validation: published results reproduced by mesosim</h1>\n");
    b.append("<p>Generated by <code>mesosim reproduce</code>. Solid curves are mesosim's; dashed ones are the"
        + " paper's values where it gives them.</p>\n<table><tr><th>reproduction</th><th>paper</th><th>runs</th>"
        + "<th>pass</th><th>miss</th><th>not found</th></tr>\n");
    for (Map.Entry<Reproduction, Reproduction.Result> e : results.entrySet()) {
      String[] cells = summaryRow(e.getKey(), e.getValue()).split(" \\| ");
      b.append("<tr><td><a href=\"#").append(esc(e.getKey().name())).append("\">").append(esc(e.getKey().name()))
          .append("</a></td>");
      for (int i = 1; i < cells.length; i++) {
        b.append("<td>").append(esc(cells[i].replace(" |", ""))).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</table>\n");
    for (Map.Entry<Reproduction, Reproduction.Result> e : results.entrySet()) {
      Reproduction r = e.getKey();
      b.append("<h2 id=\"").append(esc(r.name())).append("\">").append(esc(r.name())).append("</h2>\n<p><b>")
          .append(esc(r.citation())).append(".</b> ").append(esc(r.title())).append("</p>\n<p>Setup and tolerances: ")
          .append(esc(r.setup())).append("</p>\n<div>");
      for (Figure f : e.getValue().figures()) {
        b.append(svg(f));
      }
      b.append("</div>\n<table><tr><th>quantity</th><th>published</th><th>mesosim</th><th>tolerance</th>"
          + "<th>result</th><th>note</th></tr>\n");
      for (Check c : e.getValue().checks()) {
        String cls = c.status() == Check.Status.PASS ? "pass" : c.status() == Check.Status.MISS ? "miss" : "nf";
        b.append("<tr><td>").append(esc(c.quantity())).append("</td><td>").append(esc(c.published()))
            .append("</td><td>").append(esc(c.measured())).append("</td><td>").append(esc(c.tolerance()))
            .append("</td><td class=\"").append(cls).append("\">").append(esc(c.status().label)).append("</td><td>")
            .append(esc(c.note())).append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  /** A line chart, 480 × 280, axes from the data's range (y from 0). */
  static String svg(Figure f) {
    int w = 480;
    int h = 280;
    int l = 55;
    int r = 10;
    int t = 28;
    int btm = 40;
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = 0;
    double y0 = 0;
    for (Figure.Series s : f.series()) {
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isNaN(s.y()[i])) {
          continue;
        }
        x0 = Math.min(x0, s.x()[i]);
        x1 = Math.max(x1, s.x()[i]);
        y1 = Math.max(y1, s.y()[i]);
        y0 = Math.min(y0, s.y()[i]);
      }
    }
    if (!(x1 > x0)) {
      x1 = x0 + 1;
    }
    if (!(y1 > y0)) {
      y1 = y0 + 1;
    }
    y1 *= 1.05;
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" font-size=\"11\">", w, h + 18 * f.series().size(), w, h + 18 * f.series().size()));
    b.append("<text x=\"").append(l).append("\" y=\"16\" font-weight=\"bold\">").append(esc(f.title()))
        .append("</text>");
    int pw = w - l - r;
    int ph = h - t - btm;
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
        + " stroke=\"#999\"/>", l, t, pw, ph));
    for (int i = 0; i <= 4; i++) {
      double yv = y0 + (y1 - y0) * i / 4;
      double yy = t + ph - ph * (double) i / 4;
      double xv = x0 + (x1 - x0) * i / 4;
      double xx = l + pw * (double) i / 4;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", l - 4, yy + 4,
          esc(short3(yv))));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", xx, t + ph + 14,
          esc(short3(xv))));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", l + pw / 2.0,
        t + ph + 30, esc(f.xLabel())));
    b.append(String.format(Locale.ROOT, "<text transform=\"translate(12,%.1f) rotate(-90)\" text-anchor=\"middle\">"
        + "%s</text>", t + ph / 2.0, esc(f.yLabel())));
    int k = 0;
    for (Figure.Series s : f.series()) {
      String color = COLORS[k % COLORS.length];
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < s.x().length; i++) {
        if (Double.isNaN(s.y()[i])) {
          continue;
        }
        double xx = l + pw * (s.x()[i] - x0) / (x1 - x0);
        double yy = t + ph - ph * (s.y()[i] - y0) / (y1 - y0);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xx, yy));
      }
      b.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"")
          .append(s.published() ? "2\" stroke-dasharray=\"6 4\"" : "1.5\"").append(" points=\"")
          .append(pts.toString().strip()).append("\"/>");
      if (s.x().length <= 12) {
        for (String p : pts.toString().strip().split(" ")) {
          if (!p.isEmpty()) {
            String[] xy = p.split(",");
            b.append("<circle cx=\"").append(xy[0]).append("\" cy=\"").append(xy[1]).append("\" r=\"2.5\" fill=\"")
                .append(color).append("\"/>");
          }
        }
      }
      int ly = h + 4 + 18 * k;
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
          + " stroke-width=\"2\"%s/>", l, ly, l + 24, ly, color, s.published() ? " stroke-dasharray=\"6 4\"" : ""));
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", l + 30, ly + 4,
          esc(s.name() + (s.published() ? " (published)" : ""))));
      k++;
    }
    b.append("</svg>");
    return b.toString();
  }

  private static String short3(double v) {
    if (Math.abs(v) >= 100) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return Check.num(Math.round(v * 1000) / 1000.0);
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** Runs the reproductions in order. */
  public static Map<Reproduction, Reproduction.Result> runAll(List<Reproduction> reps, PaperRuns runs)
      throws Exception {
    Map<Reproduction, Reproduction.Result> m = new LinkedHashMap<>();
    for (Reproduction r : reps) {
      m.put(r, r.run(runs));
    }
    return m;
  }
}
