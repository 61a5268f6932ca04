package org.mesosim.workloads.trace.google2011;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.mesosim.engine.BadInputException;
import org.mesosim.workloads.trace.MalformedRowException;
import org.mesosim.workloads.trace.ReaderSupport;
import org.mesosim.workloads.trace.TraceLines;

/**
 * The index of the Google 2011 {@code task_events} that end or start a task's run: every SCHEDULE
 * and every EVICT, FAIL, FINISH, KILL or LOST row of all the given parts, in trace order, as
 * (time, task key, event type), 17 bytes each ({@code mesosim trace index}). Built once over all
 * the parts a user has, it lets a replay that stops earlier (a window's end, or fewer parts) learn
 * the end of every task still alive there: the first end event of that task at or after the point
 * where the replay stopped (and, for a task still pending, its first SCHEDULE before that end).
 *
 * <p>File layout: the 8-byte magic {@code MSIMIDX1}, the rows, then a footer row of type -1 whose
 * time is the last time indexed and whose key is the number of rows. An index without its footer
 * (a build that stopped) is refused.
 */
public final class TaskEndIndex {
  static final long MAGIC = 0x4d53494d49445831L; // "MSIMIDX1"
  static final byte FOOTER = -1;

  private TaskEndIndex() {}

  /** What {@link #build} read and wrote. */
  public record Built(long rows, long indexed, long lastTime) {}

  /**
   * Reads {@code parts} in order (strict: a malformed row stops the build with its file and line) and
   * writes the index to {@code out} (through {@code out.partial}, renamed at the end).
   */
  public static Built build(List<Path> parts, Path out) {
    Path partial = out.resolveSibling(out.getFileName() + ".partial");
    long rows = 0;
    long indexed = 0;
    long last = 0;
    ReaderSupport support = new ReaderSupport(false);
    try (TraceLines lines = new TraceLines(parts);
        DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
      o.writeLong(MAGIC);
      while (lines.next()) {
        if (lines.blank()) {
          continue;
        }
        rows++;
        try {
          int n = lines.split((byte) ',');
          if (n != 13) {
            throw new MalformedRowException("expected 13 comma-separated columns, found " + n);
          }
          long time = lines.longField(TaskEventField.TIME.index(), "time");
          if (time == Long.MAX_VALUE) {
            continue; // after the end of the trace
          }
          if (time < last) {
            throw new MalformedRowException("time goes backwards (" + time + " after " + last + ")");
          }
          last = time;
          long type = lines.longField(TaskEventField.EVENT_TYPE.index(), "event type");
          if (type < 1 || type > 6) {
            continue;
          }
          long job = lines.longField(TaskEventField.JOB_ID.index(), "job ID");
          long idx = lines.longField(TaskEventField.TASK_INDEX.index(), "task index");
          if (job < 0 || job >= (1L << 39) || idx < 0 || idx >= (1L << 24)) {
            throw new MalformedRowException("job ID or task index out of range");
          }
          o.writeLong(time);
          o.writeLong((job << 24) | idx);
          o.writeByte((int) type);
          indexed++;
        } catch (MalformedRowException e) {
          support.malformed(lines, e.getMessage()); // throws: the build is strict
        }
      }
      o.writeLong(last);
      o.writeLong(indexed);
      o.writeByte(FOOTER);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
    try {
      Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    return new Built(rows, indexed, last);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the original failure is what matters
    }
  }

  /** Receives the index rows at or after a time, in order; returns false to stop reading. */
  @FunctionalInterface
  public interface Visitor {
    boolean row(long time, long key, int type);
  }

  /**
   * Streams the rows with time >= {@code from} to {@code v} until it returns false or the rows end;
   * returns the index's last time. A file that is not an index, or one without its footer, is bad input.
   */
  public static long scan(Path index, long from, Visitor v) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(index), 1 << 16))) {
      if (in.readLong() != MAGIC) {
        throw new BadInputException(index + ": not a mesosim trace index (build one with mesosim trace index)");
      }
      boolean reading = true;
      while (true) {
        long time = in.readLong();
        long key = in.readLong();
        byte type = in.readByte();
        if (type == FOOTER) {
          return time;
        }
        if (reading && time >= from) {
          reading = v.row(time, key, type);
          if (!reading) {
            return checkFooter(index, in);
          }
        }
      }
    } catch (EOFException e) {
      throw new BadInputException(index + ": the index is incomplete (its build stopped); build it again with"
          + " mesosim trace index");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + index + ": " + e.getMessage(), e);
    }
  }

  /** Skips to the footer (so a truncated file is still refused) and returns its last time. */
  private static long checkFooter(Path index, DataInputStream in) throws IOException {
    long size = Files.size(index);
    long rowsEnd = size - 17;
    if (size < 8 + 17 || (size - 8) % 17 != 0) {
      throw new EOFException();
    }
    try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(index)) {
      ch.position(rowsEnd);
      java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(17);
      while (b.hasRemaining() && ch.read(b) > 0) {
        // fill
      }
      b.flip();
      long time = b.getLong();
      b.getLong();
      if (b.get() != FOOTER) {
        throw new EOFException();
      }
      return time;
    }
  }
}
