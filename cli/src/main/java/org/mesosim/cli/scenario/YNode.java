package org.mesosim.cli.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a parsed YAML document that remembers where it came from: a mapping (keys in file
 * order), a sequence, or a scalar (with its original text and Jackson's typed value). Used instead
 * of Jackson's {@code JsonNode} so that every validation error can name a line and column.
 */
public final class YNode {
  /** The node kinds. */
  public enum Kind {
    MAP,
    LIST,
    SCALAR
  }

  private final Kind kind;
  private final Loc loc;
  private Loc keyLoc;
  private final LinkedHashMap<String, YNode> map;
  private final List<YNode> list;
  private final Object value;
  private final String text;

  private YNode(Kind kind, Loc loc, Object value, String text) {
    this.kind = kind;
    this.loc = loc;
    this.value = value;
    this.text = text;
    this.map = kind == Kind.MAP ? new LinkedHashMap<>() : null;
    this.list = kind == Kind.LIST ? new ArrayList<>() : null;
    this.keyLoc = loc;
  }

  public static YNode map(Loc loc) {
    return new YNode(Kind.MAP, loc, null, null);
  }

  public static YNode list(Loc loc) {
    return new YNode(Kind.LIST, loc, null, null);
  }

  /**
   * A scalar.
   *
   * @param value a {@code String}, {@code Long}, {@code java.math.BigInteger}, {@code Double},
   *     {@code Boolean}, or null for YAML null
   * @param text the scalar as written
   */
  public static YNode scalar(Loc loc, Object value, String text) {
    return new YNode(Kind.SCALAR, loc, value, text);
  }

  public Kind kind() {
    return kind;
  }

  public Loc loc() {
    return loc;
  }

  /** Where this node's key is, when it is a mapping value (else its own location). */
  public Loc keyLoc() {
    return keyLoc;
  }

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  public boolean isList() {
    return kind == Kind.LIST;
  }

  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  public boolean isNull() {
    return kind == Kind.SCALAR && value == null;
  }

  /** The mapping's entries in file order (mutable: overrides are applied to it). */
  public Map<String, YNode> entries() {
    if (map == null) {
      throw new IllegalStateException("not a mapping");
    }
    return map;
  }

  /** The sequence's items (mutable). */
  public List<YNode> items() {
    if (list == null) {
      throw new IllegalStateException("not a sequence");
    }
    return list;
  }

  public YNode get(String key) {
    return map == null ? null : map.get(key);
  }

  /** Adds a mapping entry, remembering the key's location. */
  public void put(String key, Loc keyLocation, YNode child) {
    child.keyLoc = keyLocation;
    entries().put(key, child);
  }

  public Object value() {
    return value;
  }

  /** The scalar as written in the file (for numbers, the exact digits). */
  public String text() {
    return text;
  }

  /** A short name of this node's kind and value for messages: {@code a mapping}, {@code "abc"}. */
  public String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> value == null ? "null" : value instanceof String ? "'" + value + "'" : String.valueOf(text);
    };
  }

  /** Plain Java form: LinkedHashMap, ArrayList, scalars. */
  public Object toPlain() {
    return switch (kind) {
      case MAP -> {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, v.toPlain()));
        yield m;
      }
      case LIST -> {
        List<Object> l = new ArrayList<>();
        list.forEach(v -> l.add(v.toPlain()));
        yield l;
      }
      case SCALAR -> value;
    };
  }
}
