package org.mesosim.reports.html;

/** HTML text helpers. */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " '} for text and attribute values. */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The page skeleton start: doctype, viewport meta, inline CSS, title. No external references. */
  public static String head(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + esc(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n";
  }

  /** The page end. */
  public static String tail() {
    return "</body>\n</html>\n";
  }

  /** Shared, responsive styles. */
  public static final String CSS = String.join("\n",
      "*{box-sizing:border-box}",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;"
          + "padding:1rem;max-width:1100px;color:#222;line-height:1.45;background:#fff}",
      "h1{font-size:1.5rem;margin:.2rem 0 .6rem}h2{font-size:1.2rem;margin:1.6rem 0 .5rem;"
          + "border-bottom:1px solid #ddd;padding-bottom:.2rem}",
      ".meta{color:#555;font-size:.95rem}.meta code{word-break:break-all}",
      ".table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.4rem 0}",
      "table{border-collapse:collapse;font-size:.9rem;min-width:100%}",
      "th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:right;white-space:nowrap}",
      "th{background:#f4f4f4;position:sticky;top:0}td:first-child,th:first-child{text-align:left}",
      "tr:nth-child(even) td{background:#fafafa}",
      ".sw{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.35em;vertical-align:-1px}",
      "figure{margin:1rem 0}figure img{width:100%;height:auto;border:1px solid #eee}",
      "figcaption{font-size:.9rem;color:#555}",
      ".note{background:#fff8e1;border-left:4px solid #e0a000;padding:.4rem .6rem;font-size:.9rem}",
      ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:.8rem}",
      "pre{background:#f6f8fa;padding:.8rem;overflow-x:auto;font-size:.85rem}",
      "details summary{cursor:pointer;font-weight:600}",
      "@media (max-width:600px){body{padding:.5rem}th,td{padding:.25rem .35rem;font-size:.8rem}}",
      "");
}
