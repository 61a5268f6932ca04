package org.mesosim.cli.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML into {@link YNode} trees with source locations (Jackson's streaming YAML parser, so
 * each token's line and column are kept), and applies {@code --set PATH=VALUE} overrides.
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY = new AnchoringFactory();

  /**
   * The most values YAML aliases may add to a document. A scenario needs a few hundred at most; a
   * document of aliases of aliases (a "billion laughs") would otherwise grow until the heap is gone.
   */
  static final long MAX_ALIAS_VALUES = 100_000;

  /** YAML 1.1's and 1.2's spellings of infinity and not-a-number. */
  private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(inf|Inf|INF)");
  private static final Pattern NOT_A_NUMBER = Pattern.compile("\\.(nan|NaN|NAN)");

  /**
   * Numbers only YAML 1.1 (this parser) reads as numbers: with a '_' ({@code 1_000}) or binary
   * ({@code 0b101}); YAML 1.2 (editors, the JSON Schema) reads them as strings.
   */
  private static final Pattern ONLY_YAML_1_1_NUMBER = Pattern.compile("[-+]?(0b[01_]+|[0-9.]*_[0-9_.eE+-]*)");

  /** The YAML merge key. */
  private static final String MERGE_KEY = "<<";

  /**
   * The largest scenario or sweep file read, in bytes. Such a file is a few kilobytes; SnakeYAML's
   * reader takes time quadratic in the length of one value (3 MB: 6 s, 30 MB: over 10 minutes).
   */
  public static final long MAX_FILE_BYTES = 2_000_000;

  /** The deepest nesting of mappings and lists read. */
  static final int MAX_NESTING = 100;

  private YamlTree() {}

  /**
   * Reads a scenario or sweep file ({@code what}) as UTF-8 text.
   *
   * @return the text, or null after adding the problem to {@code problems}
   */
  public static String readFile(Path file, String what, List<Problem> problems) {
    Loc at = Loc.of(file.toString());
    try {
      if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
        // a device (/dev/zero never ends), a FIFO (blocks until a writer comes) or a socket
        problems.add(new Problem(at, "", "is not a regular file (a device, FIFO or socket); a " + what
            + " is a YAML text file"));
        return null;
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES && Files.isRegularFile(file)) {
        problems.add(new Problem(at, "", String.format(Locale.ROOT, "is %.1f MB; a %s is at most %d MB (it holds"
            + " settings; workloads go in trace files)", size / 1e6, what, MAX_FILE_BYTES / 1_000_000)));
        return null;
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      problems.add(new Problem(at, "", "no such file"));
    } catch (MalformedInputException e) {
      problems.add(new Problem(at, "", "is not UTF-8 text (a " + what + " is a YAML text file)"));
    } catch (IOException e) {
      problems.add(new Problem(at, "", "cannot read: " + e.getMessage()));
    }
    return null;
  }

  /**
   * Parses one YAML document.
   *
   * @param problems receives syntax errors, duplicate keys and "empty file"
   * @return the root, or null when the text could not be parsed or is empty
   */
  public static YNode parse(String text, String source, List<Problem> problems) {
    JsonParser parser = null;
    try (JsonParser p = FACTORY.createParser(text)) {
      parser = p;
      JsonToken t = p.nextToken();
      if (t == null) {
        problems.add(new Problem(Loc.of(source), "", "the file is empty"));
        return null;
      }
      Anchors anchors = new Anchors();
      YNode root = read(p, source, "", problems, anchors);
      if (anchors.broken) {
        return null; // reported; the rest of the tree would only add follow-up errors
      }
      if (p.nextToken() != null) {
        problems.add(new Problem(loc(source, p.currentTokenLocation()), "",
            "only one YAML document per file is allowed"));
      }
      return root;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null && m.getProblem() != null) {
        // SnakeYAML's own mark is where the problem is; Jackson's location is where its last token was
        Mark pm = m.getProblemMark();
        String msg = m.getProblem().trim();
        if (m.getContext() != null) {
          Mark cm = m.getContextMark();
          msg += " (" + m.getContext().trim() + (cm == null ? "" : " started at line " + (cm.getLine() + 1)
              + ", column " + (cm.getColumn() + 1)) + ")";
        }
        problems.add(new Problem(new Loc(source, pm.getLine() + 1, pm.getColumn() + 1), "", "YAML syntax error: " + msg));
        return null;
      }
      if (e.getCause() instanceof ReaderException r) {
        // a character YAML does not allow (a control character): SnakeYAML gives its position only
        problems.add(new Problem(at(source, text, r.getPosition()), "", String.format(Locale.ROOT,
            "YAML syntax error: special character U+%04X is not allowed", r.getCodePoint())));
        return null;
      }
      // a limit of Jackson's (nesting depth) has no location of its own: where the parser stopped
      JsonLocation l = e.getLocation() != null || parser == null ? e.getLocation() : parser.currentLocation();
      String msg = e.getOriginalMessage().replaceAll(", from `StreamReadConstraints[^`]*`\\)", ")");
      int nl = msg.indexOf('\n');
      if (nl > 0) {
        msg = msg.substring(0, nl);
      }
      problems.add(new Problem(l == null ? Loc.of(source) : loc(source, l), "", "YAML syntax error: " + msg.trim()));
      return null;
    } catch (IOException e) {
      problems.add(new Problem(Loc.of(source), "", "cannot read: " + e.getMessage()));
      return null;
    }
  }

  private static Problem onlyYaml11Number(Loc here, String path, String raw, Number value) {
    String plain = value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString(d.longValue()) : String.valueOf(value);
    return new Problem(here, path, "'" + raw + "' is read by YAML 1.1 as " + plain + " and by editors as the string '"
        + raw + "': write " + plain + ", or quote it ('" + raw + "')");
  }

  /** The line and column of the {@code codePoints}-th code point of {@code text}. */
  private static Loc at(String source, String text, int codePoints) {
    int end = codePoints <= text.codePointCount(0, text.length()) ? text.offsetByCodePoints(0, codePoints)
        : text.length();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Loc(source, line, text.codePointCount(lineStart, end) + 1);
  }

  private static Loc loc(String source, JsonLocation l) {
    return new Loc(source, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  /**
   * Reads the node at the current token. YAML anchors ({@code &name}) are remembered in
   * {@code anchors}; an alias ({@code *name}) becomes a copy of the anchored node (Jackson's parser
   * reports an alias as a plain string, so without this {@code resources: *big} would read as 'big').
   */
  private static YNode read(JsonParser p, String source, String path, List<Problem> problems,
      Anchors anchors) throws IOException {
    JsonToken t = p.currentToken();
    Loc here = loc(source, p.currentTokenLocation());
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      YNode target = anchors.byName.get(p.getText());
      if (target == null) {
        problems.add(new Problem(here, path, "YAML alias *" + p.getText() + " names no anchor (&" + p.getText()
            + ") defined before it"));
        anchors.broken = true;
        return YNode.scalar(here, null, "null");
      }
      if (anchors.broken) {
        return YNode.scalar(here, null, "null"); // the tree is not used
      }
      anchors.copied += size(target, MAX_ALIAS_VALUES - anchors.copied + 1);
      if (anchors.copied > MAX_ALIAS_VALUES) {
        problems.add(new Problem(here, path, "YAML aliases here add more than " + String.format(Locale.ROOT, "%,d", MAX_ALIAS_VALUES)
            + " values to the document (aliases of aliases?); a scenario needs far fewer"));
        anchors.broken = true;
        return YNode.scalar(here, null, "null");
      }
      return copy(target);
    }
    String anchor = p instanceof YAMLParser y ? y.getObjectId() : null;
    if (anchor == null && p instanceof AnchoringParser a) {
      anchor = a.scalarAnchor();
    }
    YNode node = readNode(p, t, here, source, path, problems, anchors);
    if (anchor != null) {
      anchors.byName.put(anchor, node);
    }
    return node;
  }

  /**
   * Makes {@link AnchoringParser}s: Jackson's YAMLParser reports the anchor of a mapping or a list
   * ({@code getObjectId()}) but not of a scalar ({@code mem: &m 4GB}), whose aliases then named no
   * anchor.
   */
  private static final class AnchoringFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    AnchoringFactory() {
      // a scenario nests a few levels; reading is recursive, and Jackson's default limit (1000)
      // could overflow the stack first ("error: stack overflow", exit code 1)
      setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
      return new AnchoringParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, r);
    }
  }

  private static final class AnchoringParser extends YAMLParser {
    AnchoringParser(IOContext ctxt, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
        Reader r) {
      super(ctxt, parserFeatures, yamlFeatures, options, codec, r);
    }

    /** The anchor of the current scalar ({@code &m} in {@code mem: &m 4GB}), or null. */
    String scalarAnchor() {
      return _lastEvent instanceof ScalarEvent s ? s.getAnchor() : null;
    }
  }

  /** The anchors seen so far and what their aliases have added. */
  private static final class Anchors {
    final Map<String, YNode> byName = new TreeMap<>();
    /** An alias named no anchor, or aliases added too much (reported): the tree is not used. */
    boolean broken;
    /** Values (scalars, mappings and lists) the aliases have added so far. */
    long copied;
  }

  /** The number of values in {@code n}, counting no further than {@code limit}. */
  private static long size(YNode n, long limit) {
    long total = 1;
    if (n.isMap()) {
      for (YNode v : n.entries().values()) {
        if (total > limit) {
          break;
        }
        total += size(v, limit - total);
      }
    } else if (n.isList()) {
      for (YNode v : n.items()) {
        if (total > limit) {
          break;
        }
        total += size(v, limit - total);
      }
    }
    return total;
  }

  /** A deep copy keeping every location (an alias must not share nodes that --set may change). */
  private static YNode copy(YNode n) {
    switch (n.kind()) {
      case MAP: {
        YNode m = YNode.map(n.loc());
        n.entries().forEach((k, v) -> m.put(k, v.keyLoc(), copy(v)));
        return m;
      }
      case LIST: {
        YNode l = YNode.list(n.loc());
        n.items().forEach(v -> l.items().add(copy(v)));
        return l;
      }
      default:
        return YNode.scalar(n.loc(), n.value(), n.text());
    }
  }

  private static YNode readNode(JsonParser p, JsonToken t, Loc here, String source, String path,
      List<Problem> problems, Anchors anchors) throws IOException {
    switch (t) {
      case START_OBJECT: {
        YNode m = YNode.map(here);
        List<YNode> merges = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Loc keyLoc = loc(source, p.currentTokenLocation());
          p.nextToken();
          String childPath = path.isEmpty() ? key : path + "." + key;
          YNode child = read(p, source, childPath, problems, anchors);
          if (key.equals(MERGE_KEY)) {
            // YAML merge key: `<<: *base` or `<<: [*a, *b]` adds the mappings' keys this one lacks
            List<YNode> sources = child.isList() ? child.items() : List.of(child);
            for (YNode src : sources) {
              if (!src.isMap() && !anchors.broken) { // a broken alias is reported already
                problems.add(new Problem(keyLoc, childPath, "a merge key (<<) takes a mapping or a list of"
                    + " mappings, such as *base, not " + src.describe()));
              } else if (src.isMap()) {
                merges.add(src);
              }
            }
            continue;
          }
          if (m.entries().containsKey(key)) {
            problems.add(new Problem(keyLoc, childPath, "duplicate key"));
          }
          m.put(key, keyLoc, child);
        }
        for (YNode src : merges) { // the mapping's own keys win, then earlier merged mappings
          src.entries().forEach((k, v) -> {
            if (!m.entries().containsKey(k)) {
              m.put(k, v.keyLoc(), copy(v));
            }
          });
        }
        return m;
      }
      case START_ARRAY: {
        YNode l = YNode.list(here);
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          l.items().add(read(p, source, path + "[" + i + "]", problems, anchors));
          i++;
        }
        return l;
      }
      case VALUE_STRING:
        return YNode.scalar(here, p.getText(), p.getText());
      case VALUE_NUMBER_INT: {
        if (p.getText().matches("[-+]?0[0-7_]+")) {
          // YAML 1.1 (this parser) reads 010 as octal 8; YAML 1.2 (editors, the schema) as 10
          problems.add(new Problem(here, path, "'" + p.getText() + "' has a leading zero, which YAML 1.1 reads as"
              + " octal (" + p.getNumberValue() + ") and editors as decimal: write it without the zero, or quote it"));
        } else if (ONLY_YAML_1_1_NUMBER.matcher(p.getText()).matches()) {
          problems.add(onlyYaml11Number(here, path, p.getText(), p.getNumberValue()));
        }
        Number n = p.getNumberValue();
        Object v = n instanceof BigInteger b ? b : (Object) n.longValue();
        return YNode.scalar(here, v, p.getText());
      }
      case VALUE_NUMBER_FLOAT: {
        // YAML's infinity and not-a-number (.inf, -.inf, .nan), which Jackson reports as floats but
        // cannot convert: values, so that the key's own check reports them with its path
        String raw = p.getText();
        if (INFINITY.matcher(raw).matches()) {
          return YNode.scalar(here, raw.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, raw);
        }
        if (NOT_A_NUMBER.matcher(raw).matches()) {
          return YNode.scalar(here, Double.NaN, raw);
        }
        if (ONLY_YAML_1_1_NUMBER.matcher(raw).matches()) {
          problems.add(onlyYaml11Number(here, path, raw, p.getDoubleValue()));
        }
        return YNode.scalar(here, p.getDoubleValue(), raw);
      }
      case VALUE_TRUE:
      case VALUE_FALSE: {
        boolean b = t == JsonToken.VALUE_TRUE;
        String raw = p.getText();
        if (raw != null && !raw.equalsIgnoreCase(String.valueOf(b))) {
          // YAML 1.1 (this parser) reads yes/no/on/off/y/n as booleans; YAML 1.2 (editors, the
          // schema) as strings: a framework named `no` would silently become `false`
          problems.add(new Problem(here, path, "'" + raw + "' is read by YAML 1.1 as " + b + " and by editors as"
              + " the string '" + raw + "': write " + b + ", or quote it ('" + raw + "')"));
        }
        return YNode.scalar(here, b, String.valueOf(b));
      }
      case VALUE_NULL:
        return YNode.scalar(here, null, "null");
      default:
        throw new JsonProcessingException("unexpected token " + t, p.currentTokenLocation()) {
          private static final long serialVersionUID = 1L;
        };
    }
  }

  /**
   * Applies one {@code PATH=VALUE} override to the tree: {@code allocator.policy=fifo},
   * {@code frameworks[1].scheduler.refuseSeconds=0}. VALUE is parsed as YAML (a scalar, or a flow
   * mapping/sequence such as {@code {cpus: 2, mem: 4GB}}). Missing mappings on the way are created.
   *
   * @throws IllegalArgumentException with a message when the override is malformed
   */
  public static void set(YNode root, String assignment) {
    int eq = assignment.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("--set " + assignment + ": expected PATH=VALUE, e.g. allocator.policy=fifo");
    }
    String path = assignment.substring(0, eq).trim();
    String valueText = assignment.substring(eq + 1);
    String source = "--set " + assignment;
    YNode value;
    if (valueText.isBlank()) {
      value = YNode.scalar(Loc.of(source), valueText.isEmpty() ? "" : valueText, valueText);
    } else {
      List<Problem> problems = new ArrayList<>();
      value = parse(valueText, source, problems);
      if (value == null) { // say why, and where in the value (a column past 1 counts from its first character)
        Problem why = problems.isEmpty() ? null : problems.get(0);
        throw new IllegalArgumentException(source + ": the value is not valid YAML" + (why == null ? ""
            : " (column " + why.loc().column() + ": " + why.message().replaceFirst("^YAML syntax error: ", "") + ")"));
      }
      if (!problems.isEmpty()) { // parsed, but ambiguous (a leading zero, yes/no): say why
        throw new IllegalArgumentException(source + ": " + problems.get(0).message());
      }
      value = relocate(value, Loc.of(source));
    }
    List<Object> segments = segments(path, source);
    YNode cur = root;
    for (int i = 0; i < segments.size(); i++) {
      Object seg = segments.get(i);
      boolean last = i == segments.size() - 1;
      if (seg instanceof String key) {
        if (!cur.isMap()) {
          throw new IllegalArgumentException(source + ": '" + key + "' cannot be set: its parent is not a mapping");
        }
        if (last) {
          cur.put(key, Loc.of(source), value);
        } else {
          YNode next = cur.get(key);
          if (next == null || next.isNull()) {
            next = segments.get(i + 1) instanceof String ? YNode.map(Loc.of(source)) : YNode.list(Loc.of(source));
            cur.put(key, Loc.of(source), next);
          }
          cur = next;
        }
      } else {
        int idx = (Integer) seg;
        if (!cur.isList()) {
          throw new IllegalArgumentException(source + ": [" + idx + "] cannot be set: not a list");
        }
        List<YNode> items = cur.items();
        if (idx > items.size()) {
          throw new IllegalArgumentException(source + ": index " + idx + " is out of range (the list has "
              + items.size() + " item" + (items.size() == 1 ? "" : "s") + ")");
        }
        if (last) {
          if (idx == items.size()) {
            items.add(value);
          } else {
            items.set(idx, value);
          }
        } else {
          if (idx == items.size()) {
            items.add(segments.get(i + 1) instanceof String ? YNode.map(Loc.of(source)) : YNode.list(Loc.of(source)));
          }
          cur = items.get(idx);
        }
      }
    }
  }

  private static YNode relocate(YNode n, Loc loc) {
    switch (n.kind()) {
      case MAP: {
        YNode m = YNode.map(loc);
        n.entries().forEach((k, v) -> m.put(k, loc, relocate(v, loc)));
        return m;
      }
      case LIST: {
        YNode l = YNode.list(loc);
        n.items().forEach(v -> l.items().add(relocate(v, loc)));
        return l;
      }
      default:
        return YNode.scalar(loc, n.value(), n.text());
    }
  }

  /**
   * Whether one path is part of the other at a segment boundary: {@code allocator} and
   * {@code allocator.policy}, {@code frameworks[0]} and {@code frameworks[0].role}, but not
   * {@code allocator.policy} and {@code allocator.policyX}.
   */
  public static boolean pathsOverlap(String a, String b) {
    String shorter = a.length() <= b.length() ? a : b;
    String longer = a.length() <= b.length() ? b : a;
    return longer.startsWith(shorter) && (longer.length() == shorter.length()
        || longer.charAt(shorter.length()) == '.' || longer.charAt(shorter.length()) == '[');
  }

  /**
   * Splits {@code a.b[1].c} into "a", "b", 1, "c". Strict: no empty segment ({@code a..b},
   * {@code .a}, {@code a.}), a key follows a '.' and only '.', '[' or the end follow a ']'.
   */
  static List<Object> segments(String path, String source) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    int n = path.length();
    boolean afterDot = false;
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        if (out.isEmpty() || afterDot) {
          throw new IllegalArgumentException(source + ": '" + path + "' has an empty key (at character " + (i + 1) + ")");
        }
        afterDot = true;
        i++;
        continue;
      }
      if (c == '[') {
        if (afterDot) {
          throw new IllegalArgumentException(source + ": '" + path + "' has an empty key (at character " + i + ")");
        }
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException(source + ": missing ']' in the path");
        }
        try {
          int idx = Integer.parseInt(path.substring(i + 1, close).trim());
          if (idx < 0) {
            throw new NumberFormatException();
          }
          out.add(idx);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(source + ": '" + path.substring(i, close + 1) + "' is not a list index");
        }
        i = close + 1;
        continue;
      }
      if (c == ']') {
        throw new IllegalArgumentException(source + ": '" + path + "' has a ']' without its '[' (at character "
            + (i + 1) + ")");
      }
      if (!out.isEmpty() && !afterDot) {
        throw new IllegalArgumentException(source + ": '" + path + "' needs a '.' before '" + path.substring(i)
            + "'");
      }
      int j = i;
      while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[' && path.charAt(j) != ']') {
        j++;
      }
      out.add(path.substring(i, j));
      afterDot = false;
      i = j;
    }
    if (afterDot) {
      throw new IllegalArgumentException(source + ": '" + path + "' ends with '.'");
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(source + ": empty path");
    }
    return out;
  }
}
