package org.mesosim.workloads.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.mesosim.engine.BadInputException;

/**
 * Streams the lines of one or more files, in order, as byte ranges of a reusable buffer: no
 * {@code String}, no regex and no allocation per line. Files whose name ends in {@code .gz} are
 * decompressed on the fly ({@link GZIPInputStream} with a 64 KiB buffer, reading 1 MiB at a time).
 * Only the current line (and the read-ahead buffer) is ever in memory.
 *
 * <p>After {@link #next()} returns true, the line is {@code buf()[start() .. end())} (without the
 * line terminator; a trailing {@code \r} is dropped) and {@link #split(byte)} or
 * {@link #splitWhitespace()} cut it into fields whose bounds are {@link #fieldStart(int)} and
 * {@link #fieldEnd(int)}. The {@link Fields} helpers parse them.
 */
public final class TraceLines implements AutoCloseable {
  private static final int READ = 1 << 20;
  private static final int MAX_FIELDS = 64;

  private final List<Path> files;
  private int fileIndex = -1;
  private InputStream in;
  private byte[] buf = new byte[2 * READ];
  private int pos;
  private int limit;
  private boolean eof = true;
  private int lineStart;
  private int lineEnd;
  private long lineNo;
  private String fileName = "";
  private final int[] starts = new int[MAX_FIELDS];
  private final int[] ends = new int[MAX_FIELDS];
  private int fieldCount;

  public TraceLines(List<Path> files) {
    this.files = List.copyOf(files);
  }

  /** Advances to the next line of the input; false at the end of the last file. */
  public boolean next() {
    while (true) {
      if (in == null && !openNext()) {
        return false;
      }
      int nl = indexOfNewline(pos, limit);
      if (nl >= 0) {
        setLine(pos, nl);
        pos = nl + 1;
        return true;
      }
      if (!eof) {
        fill();
        continue;
      }
      if (pos < limit) { // last line without a terminator
        setLine(pos, limit);
        pos = limit;
        return true;
      }
      closeCurrent();
    }
  }

  private void setLine(int s, int e) {
    if (e > s && buf[e - 1] == '\r') {
      e--;
    }
    lineStart = s;
    lineEnd = e;
    lineNo++;
    fieldCount = -1;
  }

  private int indexOfNewline(int from, int to) {
    byte[] b = buf;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void fill() {
    // keep the partial line, move it to the front, grow if one line fills the buffer
    int rest = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, rest);
      pos = 0;
      limit = rest;
    }
    if (buf.length - limit < READ) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    try {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    } catch (IOException e) {
      throw new BadInputException(fileName + ":" + (lineNo + 1) + ": cannot read: " + e.getMessage(), e);
    }
  }

  private boolean openNext() {
    fileIndex++;
    if (fileIndex >= files.size()) {
      return false;
    }
    Path p = files.get(fileIndex);
    fileName = p.toString();
    lineNo = 0;
    pos = 0;
    limit = 0;
    eof = false;
    try {
      InputStream raw = Files.newInputStream(p);
      in = p.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
    } catch (NoSuchFileException e) {
      throw new BadInputException(fileName + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(fileName + ": cannot open: " + e.getMessage(), e);
    }
    return true;
  }

  private void closeCurrent() {
    try {
      if (in != null) {
        in.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      in = null;
    }
  }

  @Override
  public void close() {
    closeCurrent();
    fileIndex = files.size();
  }

  /** The current file, as given. */
  public String file() {
    return fileName;
  }

  /** The current line's number in its file, from 1. */
  public long line() {
    return lineNo;
  }

  public byte[] buf() {
    return buf;
  }

  public int start() {
    return lineStart;
  }

  public int end() {
    return lineEnd;
  }

  /** True if the line is empty or only blanks. */
  public boolean blank() {
    for (int i = lineStart; i < lineEnd; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The first byte of the line, or -1 when empty. */
  public int firstByte() {
    return lineEnd > lineStart ? buf[lineStart] : -1;
  }

  /** The line as a String (for messages and headers only). */
  public String text() {
    return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
  }

  /**
   * Cuts the line at every {@code sep}; returns the number of fields (an empty line has one empty
   * field). At most {@value #MAX_FIELDS} fields are recorded; more are counted but not recorded.
   */
  public int split(byte sep) {
    byte[] b = buf;
    int n = 0;
    int s = lineStart;
    for (int i = lineStart; i < lineEnd; i++) {
      if (b[i] == sep) {
        if (n < MAX_FIELDS) {
          starts[n] = s;
          ends[n] = i;
        }
        n++;
        s = i + 1;
      }
    }
    if (n < MAX_FIELDS) {
      starts[n] = s;
      ends[n] = lineEnd;
    }
    n++;
    fieldCount = Math.min(n, MAX_FIELDS);
    return n;
  }

  /** Cuts the line at runs of blanks (spaces and tabs), ignoring leading and trailing ones. */
  public int splitWhitespace() {
    byte[] b = buf;
    int n = 0;
    int i = lineStart;
    int e = lineEnd;
    while (true) {
      while (i < e && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i >= e) {
        break;
      }
      int s = i;
      while (i < e && b[i] != ' ' && b[i] != '\t') {
        i++;
      }
      if (n < MAX_FIELDS) {
        starts[n] = s;
        ends[n] = i;
      }
      n++;
    }
    fieldCount = Math.min(n, MAX_FIELDS);
    return n;
  }

  public int fieldStart(int i) {
    return starts[i];
  }

  public int fieldEnd(int i) {
    return ends[i];
  }

  /** True if field {@code i} is empty. */
  public boolean empty(int i) {
    return starts[i] == ends[i];
  }

  /** Field {@code i} as a long; {@link MalformedRowException} if it is not an integer. */
  public long longField(int i, String name) {
    return Fields.parseLong(buf, starts[i], ends[i], name);
  }

  /** Field {@code i} as a double; {@link MalformedRowException} if it is not a number. */
  public double doubleField(int i, String name) {
    return Fields.parseDouble(buf, starts[i], ends[i], name);
  }

  /** Field {@code i} as a String (allocates). */
  public String stringField(int i) {
    return new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.ISO_8859_1);
  }

  /** Field {@code i} as UTF-8 text (allocates). */
  public String utf8Field(int i) {
    return new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
  }

  /** The number of fields recorded by the last split (capped at {@value #MAX_FIELDS}). */
  public int fieldCount() {
    return fieldCount;
  }

  /** A {@code file:line: reason} error for the current line. */
  public BadInputException error(String reason) {
    return BadInputException.at(fileName, lineNo, reason);
  }
}
