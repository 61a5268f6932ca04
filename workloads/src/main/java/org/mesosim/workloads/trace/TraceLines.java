package org.mesosim.workloads.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * {@link #fieldEnd(int)}. The {@link Fields} helpers parse them. A UTF-8 byte order mark at the
 * start of a file is skipped.
 */
public final class TraceLines implements AutoCloseable {
  private static final int READ = 1 << 20;
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = repeat((byte) '\n');
  private static final long SPACES = repeat((byte) ' ');
  private static final long TABS = repeat((byte) '\t');
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final int MAX_FIELDS = 64;
  /** The longest line read, in bytes (rows of the known traces are under 1 KiB). */
  private static final int MAX_LINE = 16 << 20;

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
    if (lineNo == 0 && e - s >= 3 && buf[s] == (byte) 0xEF && buf[s + 1] == (byte) 0xBB && buf[s + 2] == (byte) 0xBF) {
      s += 3; // a UTF-8 byte order mark (spreadsheets and Windows editors write one): not part of the text
    }
    if (lineNo == 0 && e - s >= 2 && buf[s] == (byte) 0x1F && buf[s + 1] == (byte) 0x8B
        && !(in instanceof GZIPInputStream)) { // gzip's magic number: no text starts so
      throw new BadInputException(fileName + ": is gzip-compressed but its name does not end in .gz (rename it)");
    }
    if (lineNo == 0 && e - s >= 262 && Fields.equalsAscii(buf, s + 257, s + 262, "ustar")) { // POSIX tar header
      throw new BadInputException(fileName + ": is a tar archive (Alibaba's batch_task.tar.gz is one): extract it"
          + " first, e.g. tar xzf " + Path.of(fileName).getFileName() + ", and read the file inside");
    }
    lineStart = s;
    lineEnd = e;
    lineNo++;
    fieldCount = -1;
  }

  private int indexOfNewline(int from, int to) {
    byte[] b = buf;
    int i = from;
    for (; i + 8 <= to; i += 8) { // eight bytes at a time
      long m = matches((long) LONGS.get(b, i), NEWLINES);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The high bit of every byte of {@code word} equal to the byte repeated in {@code pattern}
   * (exact SWAR zero-byte test, no false positives; bytes in little-endian order).
   */
  private static long matches(long word, long pattern) {
    long x = word ^ pattern;
    long t = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x;
    return ~(t | 0x7F7F7F7F7F7F7F7FL);
  }

  private static long repeat(byte b) {
    return (b & 0xFFL) * 0x0101010101010101L;
  }

  private void fill() {
    // keep the partial line, move it to the front, grow if one line fills the buffer
    int rest = limit - pos;
    if (rest > MAX_LINE) { // trace rows are short: this is no text trace, and would fill the heap
      throw new BadInputException(fileName + ":" + (lineNo + 1) + ": a line longer than " + (MAX_LINE >> 20)
          + " MiB: not a text trace (binary, or compressed other than gzip)?");
    }
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
      String why = e instanceof java.io.EOFException ? "truncated gzip file" : e.getMessage();
      throw new BadInputException(fileName + ":" + (lineNo + 1) + ": cannot read: " + why, e);
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
      in = p.getFileName().toString().endsWith(".gz") ? new StrictGzip(raw) : raw;
    } catch (NoSuchFileException e) {
      throw new BadInputException(fileName + ": no such file");
    } catch (java.io.EOFException e) {
      throw new BadInputException(fileName + ": cannot open: empty or truncated gzip file", e);
    } catch (IOException e) {
      throw new BadInputException(fileName + ": cannot open: " + e.getMessage(), e);
    }
    return true;
  }

  /**
   * gzip that refuses bytes after its last member: {@link GZIPInputStream} ends quietly there (it
   * takes them for a next member that is not one), so a damaged or joined file read as complete.
   */
  static final class StrictGzip extends GZIPInputStream {
    private final InputStream raw;
    private boolean checked;

    StrictGzip(InputStream raw) throws IOException {
      super(raw, 1 << 16);
      this.raw = raw;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n < 0 && !checked) {
        checked = true;
        // after the last member's 8-byte trailer the inflater's input holds nothing more, nor the file
        if (inf.getRemaining() > 8 || raw.read() >= 0) {
          throw new java.util.zip.ZipException("bytes after the end of the gzip data (a damaged file, or"
              + " something appended to it)");
        }
      }
      return n;
    }
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

  /**
   * True iff this is the first line of the input, already split into {@code n} fields, and its
   * first field is {@code firstColumn}: a header row that some copies of a table carry.
   */
  public boolean headerRow(int n, String firstColumn) {
    return line() == 1 && n > 0 && Fields.equalsAscii(buf(), fieldStart(0), fieldEnd(0), firstColumn);
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
    int i = lineStart;
    long pattern = repeat(sep);
    for (; i + 8 <= lineEnd; i += 8) { // eight bytes at a time, each separator found by its bit
      long m = matches((long) LONGS.get(b, i), pattern);
      while (m != 0) {
        int at = i + (Long.numberOfTrailingZeros(m) >>> 3);
        if (n < MAX_FIELDS) {
          starts[n] = s;
          ends[n] = at;
        }
        n++;
        s = at + 1;
        m &= m - 1;
      }
    }
    for (; i < lineEnd; i++) {
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
    boolean inField = false;
    int s = 0;
    for (; i + 8 <= e; i += 8) { // eight bytes at a time: field starts and ends are blank/non-blank edges
      long w = (long) LONGS.get(b, i);
      long blank = matches(w, SPACES) | matches(w, TABS);
      long nonBlank = ~blank & HIGH_BITS;
      long prevBlank = (blank << 8) | (inField ? 0 : 0x80L);
      long prevNonBlank = (nonBlank << 8) | (inField ? 0x80L : 0);
      long edges = (nonBlank & prevBlank) | (blank & prevNonBlank);
      while (edges != 0) {
        int at = i + (Long.numberOfTrailingZeros(edges) >>> 3);
        if (inField) {
          if (n < MAX_FIELDS) {
            starts[n] = s;
            ends[n] = at;
          }
          n++;
        } else {
          s = at;
        }
        inField = !inField;
        edges &= edges - 1;
      }
    }
    for (; i < e; i++) {
      boolean isBlank = b[i] == ' ' || b[i] == '\t';
      if (inField && isBlank) {
        if (n < MAX_FIELDS) {
          starts[n] = s;
          ends[n] = i;
        }
        n++;
        inField = false;
      } else if (!inField && !isBlank) {
        s = i;
        inField = true;
      }
    }
    if (inField) {
      if (n < MAX_FIELDS) {
        starts[n] = s;
        ends[n] = e;
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
