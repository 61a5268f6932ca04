package org.mesosim.workloads.trace.google2011;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mesosim.engine.SimTime;
import org.mesosim.model.ResourceNames;
import org.mesosim.model.Resources;
import org.mesosim.model.workload.DeferredRuntime;
import org.mesosim.model.workload.JobSpec;
import org.mesosim.model.workload.TaskOutcome;
import org.mesosim.model.workload.TaskSpec;
import org.mesosim.model.workload.Workload;
import org.mesosim.model.workload.WorkloadStats;
import org.mesosim.workloads.TraceFormat;
import org.mesosim.workloads.trace.ByteInterner;
import org.mesosim.workloads.trace.FieldMemo;
import org.mesosim.workloads.trace.LongLongMap;
import org.mesosim.workloads.trace.MalformedRowException;
import org.mesosim.workloads.trace.ReaderSupport;
import org.mesosim.workloads.trace.TaskNames;
import org.mesosim.workloads.trace.TraceLines;
import org.mesosim.workloads.trace.Units;

/**
 * Replays Google cluster-data 2011-2 {@code task_events} (schema: Reiss, Wilkes &amp; Hellerstein,
 * "Google cluster-usage traces: format + schema", 2011; 13 positional columns, see
 * {@link TaskEventField}).
 *
 * <p><b>Episodes.</b> A task (job ID + task index) lives through episodes: it is submitted
 * (SUBMIT, or its first event when the trace first sees it mid-life, such as the t = 0 snapshot),
 * scheduled (SCHEDULE) and ended (EVICT, FAIL, FINISH, KILL, LOST); it may be submitted again.
 * An episode becomes one task that is submitted at the episode's first event, asks for the
 * episode's latest non-empty requests up to its SCHEDULE, runs for its trace time from SCHEDULE to
 * the end event and ends as the trace ended it (FINISH: FINISHED; FAIL: FAILED; KILL and EVICT:
 * KILLED; LOST: LOST). An episode that ends before any SCHEDULE is dropped and counted; one still
 * alive (running or pending) at the end of the input runs forever. With a window start, episodes
 * that end before it are dropped and counted, and those alive at it are submitted at it (running
 * ones run from it to their end), just as the trace treats its own start with the t = 0 snapshot.
 *
 * <p><b>Jobs.</b> Episodes come out in the order of their first event (= non-decreasing submit
 * time). Consecutive episodes of the same trace job submitted at the same microsecond form one
 * {@link JobSpec} (so the t = 0 snapshot of a job is one job of many tasks); other episodes are
 * one-task jobs. A job's id is {@code <trace job ID>:<ordinal of its first episode>} (unique); its
 * field {@code job} is the trace's job ID, so filters and splits work per trace job.
 *
 * <p><b>Lookahead and memory.</b> A task's runtime is only known at its end event. Episodes wait
 * in a compact ring buffer (primitive columns) in submit order. With a finite lookahead H (the
 * default, {@link #DEFAULT_LOOKAHEAD}; units key {@code lookahead} in seconds) the oldest episode
 * is handed out once the reader has read every row up to its submit time + H: with its runtime if
 * it has ended by then (exact), else with a {@link DeferredRuntime} that the reader resolves when
 * it reads the end event (or to forever at the end of the input). The buffer then spans H of
 * trace time, and handed-out live tasks cost one map entry and one small cell each: the heap is
 * bounded by the tasks alive at once. Since a simulation pulls the next job when the previous
 * one arrives, the reader has always read H past the simulated clock (in trace time), so a
 * deferred runtime is learnt by trace time end - H and the task ends exactly at its simulated
 * start + runtime whenever the simulation started it no more than H earlier than the trace's
 * SCHEDULE; one started earlier ends when its end row is read. Requests changed after an episode
 * was handed out (UPDATE_PENDING, SCHEDULE of a task still pending after H) are ignored and
 * counted, and such an episode that ends without SCHEDULE is resolved to run 0 s (counted).
 *
 * <p>With an unbounded lookahead ({@link #UNBOUNDED}, used by {@code trace inspect} and {@code
 * trace convert}) every runtime is known when handed out, and an episode waits until every
 * earlier-submitted one has ended: the buffer spans from the oldest episode still alive to the
 * read position (in part 0 of the 2011 trace, the whole file). See docs/workloads.md ("google-2011").
 */
public final class GoogleTaskEventsReader implements Workload {
  /** The lookahead that makes every runtime known when its task is handed out (unbounded buffer). */
  public static final long UNBOUNDED = SimTime.NEVER;
  /**
   * The default lookahead, 5 minutes of trace time: tasks ending within 5 minutes of their submit
   * (most batch tasks) are handed out with their runtime, and a deferred runtime is exact unless
   * the simulation starts the task more than 5 minutes before the trace did; see docs/workloads.md.
   */
  public static final long DEFAULT_LOOKAHEAD = 5 * SimTime.MINUTE;

  /** Skip reason: requests changed after the task was handed out with a deferred runtime. */
  public static final String SKIP_REQUESTS_AFTER = "google: requests changed after the task was handed out (lookahead; ignored)";
  /** Skip reason: a task handed out while pending ended without SCHEDULE (resolved to 0 s). */
  public static final String SKIP_UNSCHEDULED_AFTER =
      "google: episode ended without SCHEDULE after it was handed out (lookahead; runs 0 s)";

  private static final byte PENDING = 0;
  private static final byte RUNNING = 1;
  private static final byte ENDED = 2;
  private static final byte DROPPED = 3;
  private static final TaskOutcome[] OUTCOMES = TaskOutcome.values();
  private static final String[] SMALL = new String[16];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = Integer.toString(i);
    }
  }

  private final long[] scratch = new long[ResourceNames.DISK + 1];
  private static final int RES_CACHE = 1 << 10;
  private final Resources[] resCache = new Resources[RES_CACHE];
  private Resources lastResources;
  private final TraceLines lines;
  private final EventLayout layout;
  private final ReaderSupport support;
  private final double cpuUnit;
  private final double memUnit;
  private final double diskUnit;
  private final long stopAt;
  private final long startAt;
  private final long lookahead;
  private final Path index;
  private final boolean dropUnended;
  private final ByteInterner users = new ByteInterner();
  // rows come in bursts sharing these columns (a job's tasks): parse them only when they change
  private final FieldMemo jobMemo = new FieldMemo();
  private final FieldMemo userMemo = new FieldMemo();
  private final FieldMemo cpuMemo = new FieldMemo();
  private final FieldMemo memMemo = new FieldMemo();
  /** Live task key → ring ordinal (>= 0) while buffered, or {@code -2 - cell} once handed out deferred. */
  private final LongLongMap live = new LongLongMap();

  // ring buffer of episodes in chunks of CHUNK (columns per chunk; no large arrays to grow or copy)
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int CMASK = CHUNK - 1;
  private static final int SPARE_CHUNKS = 2;
  private Chunk[] chunks = new Chunk[16]; // by (ordinal >>> CHUNK_BITS) & (length - 1)
  private final Chunk[] spare = new Chunk[SPARE_CHUNKS];
  private int spareCount;
  private long heldFrom; // ordinal of the first chunk still held
  private final boolean disk; // disk requests used (units.disk > 0)
  private long head;
  private long tail;
  private long scan; // first episode of the group being assembled is head; scan = next to examine

  // tasks handed out with a deferred runtime and still alive: a slab with a free list
  // (in chunks of CHUNK cells; a free cell's sched holds the next free cell, -1 ends the list)
  private DeferredRuntime[][] cells = new DeferredRuntime[8][];
  private long[][] cellKey = new long[8][]; // the task key of each cell (to look its end up in an index)
  private long[][] cellSched = new long[8][]; // -1 while pending
  private Resources[][] cellRes = new Resources[8][];
  private int freeCell = -1;
  private int cellsUsed;
  private int deferredLive;
  private long deferredTotal;

  private boolean eof;
  private long lastTime = Long.MIN_VALUE;
  private int[] groupIdx = new int[64];
  private long[] inGroup = new long[4]; // task indexes of the job being built (a bitmap)
  private long maxBuffered;
  private int maxLive;
  private int liveAtEnd = -1;

  // the fields of the last job, reused while consecutive jobs share them
  private SortedMap<String, String> lastFields;
  private String lastFieldsUser;
  private long lastFieldsJob = -1;
  private int lastFieldsPrio = -1;
  private int lastFieldsClass = -1;
  private String lastJobString;
  private long lastJobStringOf = -1;

  /**
   * @param files task_events part files, in order
   * @param units {@code cpus} (default 32), {@code mem} (default 65536 MB), {@code disk} (default 0 =
   *     ignored), {@code lookahead} (seconds, default 300)
   * @param skipMalformed skip and count malformed rows
   * @param stopAt stop reading at the first row at or after this trace time (µs); {@link SimTime#NEVER} = read all
   */
  public GoogleTaskEventsReader(List<Path> files, Map<String, Double> units, boolean skipMalformed, long stopAt) {
    this(files, units, skipMalformed, 0, stopAt);
  }

  /**
   * @param startAt the window start (trace µs; 0 = none): episodes that end before it are dropped
   *     and counted; those alive at it are submitted at it, as the trace's own t = 0 snapshot, and
   *     if already running, run from it to their end
   * @param stopAt stop reading at the first row at or after this trace time (µs); {@link SimTime#NEVER} = read all
   */
  public GoogleTaskEventsReader(List<Path> files, Map<String, Double> units, boolean skipMalformed, long startAt,
      long stopAt) {
    this(files, units, skipMalformed, startAt, stopAt, lookaheadOf(units));
  }

  /**
   * @param lookahead µs of trace time the reader reads past a task's submit before handing it out
   *     with a deferred runtime if it has not ended; {@link #UNBOUNDED} = only once it has ended
   *     (every runtime known when handed out; the units key {@code lookahead} is then ignored)
   */
  public GoogleTaskEventsReader(List<Path> files, Map<String, Double> units, boolean skipMalformed, long startAt,
      long stopAt, long lookahead) {
    this(files, units, skipMalformed, startAt, stopAt, lookahead, null, false);
  }

  /**
   * @param index a {@link TaskEndIndex} built over these parts and possibly later ones, or null: the
   *     tasks alive where the reading stops (the window's end or the end of the files) take their
   *     end from it
   * @param dropUnended what to do with a task whose end is beyond the input (and the index): false =
   *     it runs forever; true = it is dropped if not handed out yet, else ends KILLED when the input
   *     ends (at the last time read)
   */
  public GoogleTaskEventsReader(List<Path> files, Map<String, Double> units, boolean skipMalformed, long startAt,
      long stopAt, long lookahead, Path index, boolean dropUnended) {
    this(EventLayout.GOOGLE_2011, files, units, skipMalformed, startAt, stopAt, lookahead, index, dropUnended);
  }

  /**
   * @param layout where the input keeps its columns: {@link EventLayout#GOOGLE_2011}, or a 2019
   *     {@code instance_events} export ({@link EventLayout#google2019}); {@code units} are those of
   *     the layout's format
   */
  public GoogleTaskEventsReader(EventLayout layout, List<Path> files, Map<String, Double> units, boolean skipMalformed,
      long startAt, long stopAt, long lookahead, Path index, boolean dropUnended) {
    this.layout = layout;
    this.index = index;
    this.dropUnended = dropUnended;
    Units.validate(layout.format, units);
    if (lookahead < 0) {
      throw new IllegalArgumentException("lookahead must be >= 0");
    }
    this.lines = new TraceLines(files);
    this.support = new ReaderSupport(skipMalformed);
    this.cpuUnit = Units.get(layout.format, units, "cpus");
    this.memUnit = Units.get(layout.format, units, "mem");
    this.diskUnit = layout.disk < 0 ? 0 : Units.get(layout.format, units, "disk");
    this.stopAt = stopAt;
    this.startAt = Math.max(0, startAt);
    this.lookahead = lookahead;
    this.disk = diskUnit > 0;
  }

  /** The lookahead of a units map ({@code lookahead} in seconds), in µs; huge values are {@link #UNBOUNDED}. */
  public static long lookaheadOf(Map<String, Double> units) {
    return lookaheadOf(TraceFormat.GOOGLE_2011, units);
  }

  /** The lookahead of a units map of {@code format} (google-2011 or google-2019), in µs. */
  public static long lookaheadOf(TraceFormat format, Map<String, Double> units) {
    Units.validate(format, units);
    double s = Units.get(format, units, "lookahead");
    double micros = Math.rint(s * SimTime.SECOND);
    return micros >= (double) (SimTime.NEVER / 4) ? UNBOUNDED : (long) micros;
  }

  @Override
  public JobSpec next() {
    while (true) {
      JobSpec j = tryEmit();
      if (j != null) {
        support.job();
        return j;
      }
      if (eof && head >= tail) {
        return null;
      }
      if (!eof) {
        readRow();
      }
    }
  }

  /** The lookahead in µs of trace time, or {@link #UNBOUNDED}. */
  public long lookahead() {
    return lookahead;
  }

  /** Tasks alive (submitted, not ended) at the read position. */
  public int liveTasks() {
    return live.size();
  }

  /** The most tasks alive at once while reading. */
  public int maxLiveTasks() {
    return maxLive;
  }

  /** Tasks alive when the input ended (they run forever), or -1 before the end. */
  public int liveTasksAtEnd() {
    return liveAtEnd;
  }

  /** Episodes waiting in the buffer now. */
  public long bufferedEpisodes() {
    return tail - head;
  }

  /** The most episodes ever waiting in the buffer. */
  public long maxBufferedEpisodes() {
    return maxBuffered;
  }

  /** Tasks handed out with a runtime not resolved yet (each holds one cell of the reader). */
  public int deferredLive() {
    return deferredLive;
  }

  /** Tasks handed out with a deferred runtime so far. */
  public long deferredTotal() {
    return deferredTotal;
  }

  /** Reads only the rows (split and parse the key columns), for throughput measurements. */
  public long scanRowsOnly() {
    long rows = 0;
    long sum = 0;
    while (lines.next()) {
      if (lines.split((byte) ',') == layout.columns && !(layout.header != null && lines.line() == 1)) {
        sum += lines.longField(layout.time, "time") + lines.longField(layout.type, "type");
        rows++;
      }
    }
    return sum == Long.MIN_VALUE ? -1 : rows;
  }

  // ---- emission -------------------------------------------------------------------------------

  private JobSpec tryEmit() {
    // skip dropped episodes at the head
    while (head < tail) {
      Chunk c = chunk(head);
      int i = (int) (head & CMASK);
      if (c.state[i] != DROPPED) {
        break;
      }
      c.user[i] = null;
      head++;
    }
    releaseChunks();
    if (head >= tail) {
      return null;
    }
    Chunk hc = chunk(head);
    int h = (int) (head & CMASK);
    boolean bounded = lookahead != UNBOUNDED;
    if (!eof) {
      if (bounded) {
        // every row up to submit + H read (rows come in time order): hand it out now
        if (lastTime - hc.submit[h] <= lookahead) {
          return null;
        }
      } else if (hc.state[h] < ENDED) {
        return null;
      }
    }
    if (scan < head) {
      scan = head;
    }
    long job = hc.keys[h] >>> 24;
    long t = hc.submit[h];
    // extend the group over consecutive episodes of the same job and submit time
    while (scan < tail) {
      Chunk c = chunk(scan);
      int i = (int) (scan & CMASK);
      if (c.state[i] == DROPPED) {
        scan++;
        continue;
      }
      if (c.keys[i] >>> 24 != job || c.submit[i] != t) {
        break;
      }
      if (!eof && !bounded && c.state[i] < ENDED) {
        return null; // a member still running: wait
      }
      scan++;
    }
    if (scan >= tail && !eof && !bounded) {
      return null; // the next row may still belong to this group
    }
    return buildGroup(head, scan);
  }

  private JobSpec buildGroup(long from, long to) {
    Chunk hc = chunk(from);
    int h = (int) (from & CMASK);
    int groupSize = 0;
    TaskSpec only = null;
    List<TaskSpec> tasks = null;
    long o = from;
    for (; o < to; o++) {
      Chunk c = chunk(o);
      int i = (int) (o & CMASK);
      if (c.state[i] == DROPPED) {
        continue;
      }
      int idx = (int) (c.keys[i] & 0xFFFFFF);
      int w = idx >>> 6;
      if (w >= inGroup.length) {
        inGroup = Arrays.copyOf(inGroup, Math.max(w + 1, inGroup.length * 2));
      }
      if ((inGroup[w] & (1L << idx)) != 0) {
        break; // the same task twice at one instant: start a new job there
      }
      inGroup[w] |= 1L << idx;
      if (groupSize == groupIdx.length) {
        groupIdx = Arrays.copyOf(groupIdx, groupSize * 2);
      }
      groupIdx[groupSize++] = idx;
      TaskSpec ts = task(c, i);
      if (only == null) {
        only = ts;
      } else {
        if (tasks == null) {
          tasks = new ArrayList<>((int) Math.min(to - from, 1 << 16));
          tasks.add(only);
        }
        tasks.add(ts);
      }
    }
    for (int i = 0; i < groupSize; i++) {
      inGroup[groupIdx[i] >>> 6] = 0;
    }
    long job = hc.keys[h] >>> 24;
    JobSpec j = new JobSpec(jobIdString(job) + ":" + from, hc.submit[h], tasks == null ? List.of(only) : tasks,
        fields(hc, h, job));
    for (long r = from; r < o; r++) {
      chunk(r).user[(int) (r & CMASK)] = null;
    }
    head = o;
    scan = o;
    releaseChunks();
    return j;
  }

  private String jobIdString(long job) {
    if (job != lastJobStringOf) {
      lastJobString = Long.toString(job);
      lastJobStringOf = job;
    }
    return lastJobString;
  }

  private SortedMap<String, String> fields(Chunk hc, int h, long job) {
    String u = hc.user[h];
    int p = hc.prio[h];
    int k = hc.klass[h];
    if (lastFields != null && job == lastFieldsJob && u == lastFieldsUser && p == lastFieldsPrio && k == lastFieldsClass) {
      return lastFields;
    }
    TreeMap<String, String> fields = new TreeMap<>();
    if (u != null) {
      fields.put("user", u);
    }
    fields.put("priority", small(p));
    fields.put("class", small(k));
    fields.put("band", layout.band(p));
    fields.put("job", jobIdString(job));
    lastFields = Collections.unmodifiableSortedMap(fields); // never changed again: jobs share it (JobSpec.sharedFields)
    lastFieldsUser = u;
    lastFieldsJob = job;
    lastFieldsPrio = p;
    lastFieldsClass = k;
    return fields;
  }

  private TaskSpec task(Chunk ch, int s) {
    Resources res = resources(ch.cpu[s], ch.mem[s], ch.disk == null ? Double.NaN : ch.disk[s]);
    int ix = (int) (ch.keys[s] & 0xFFFFFF);
    String name = TaskNames.of(ix);
    if (ch.state[s] == ENDED) {
      return new TaskSpec(name, "", res, ch.end[s] - ch.sched[s], OUTCOMES[ch.outcome[s]], 0.0, List.of());
    }
    if (eof) { // alive at the end of the input
      return new TaskSpec(name, "", res, SimTime.NEVER, TaskOutcome.FINISHED, 0.0, List.of());
    }
    // alive past the lookahead: hand it out now, resolve its runtime when its end is read
    DeferredRuntime rt = new DeferredRuntime();
    int c = allocCell();
    cells[c >>> CHUNK_BITS][c & CMASK] = rt;
    cellSched[c >>> CHUNK_BITS][c & CMASK] = ch.state[s] == RUNNING ? ch.sched[s] : -1;
    cellRes[c >>> CHUNK_BITS][c & CMASK] = res;
    cellKey[c >>> CHUNK_BITS][c & CMASK] = ch.keys[s];
    live.put(ch.keys[s], -2 - c);
    deferredLive++;
    deferredTotal++;
    return TaskSpec.deferred(name, "", res, rt);
  }

  /** The Resources of a request (NaN = never given), reusing the previous object when equal. */
  private Resources resources(double c, double m, double d) {
    long[] milli = scratch;
    milli[ResourceNames.CPUS] = Double.isNaN(c) ? Resources.toMilli("cpus", ReaderSupport.MIN_CPUS) : Resources.toMilli("cpus", c * cpuUnit);
    milli[ResourceNames.MEM] = Double.isNaN(m) ? Resources.toMilli("mem", ReaderSupport.MIN_MEM) : Resources.toMilli("mem", m * memUnit);
    if (diskUnit > 0 && !Double.isNaN(d)) {
      milli[ResourceNames.DISK] = Resources.toMilli("disk", d * diskUnit);
    } else {
      milli[ResourceNames.DISK] = 0;
    }
    if (milli[ResourceNames.CPUS] == 0 && milli[ResourceNames.MEM] == 0 && milli[ResourceNames.DISK] == 0) {
      milli[ResourceNames.CPUS] = Resources.toMilli("cpus", ReaderSupport.MIN_CPUS);
    }
    // tasks of a job usually ask alike: reuse the previous (immutable) Resources when equal, else
    // one of a small direct-mapped cache of recent requests (few distinct values in the trace)
    long cm = milli[ResourceNames.CPUS];
    long mm = milli[ResourceNames.MEM];
    long dm = milli[ResourceNames.DISK];
    Resources last = lastResources;
    if (last != null && last.milli(ResourceNames.CPUS) == cm && last.milli(ResourceNames.MEM) == mm
        && last.milli(ResourceNames.DISK) == dm) {
      return last;
    }
    long hsh = (cm * 0x9E3779B97F4A7C15L + mm) * 0x9E3779B97F4A7C15L + dm;
    int k = (int) (hsh ^ (hsh >>> 29)) & (RES_CACHE - 1);
    Resources r = resCache[k];
    if (r == null || r.milli(ResourceNames.CPUS) != cm || r.milli(ResourceNames.MEM) != mm
        || r.milli(ResourceNames.DISK) != dm) {
      r = Resources.ofMilli(milli);
      resCache[k] = r;
    }
    lastResources = r;
    return r;
  }

  private int allocCell() {
    if (freeCell >= 0) {
      int c = freeCell;
      freeCell = (int) cellSched[c >>> CHUNK_BITS][c & CMASK];
      return c;
    }
    int k = cellsUsed >>> CHUNK_BITS;
    if (k == cells.length) {
      cells = Arrays.copyOf(cells, k * 2);
      cellKey = Arrays.copyOf(cellKey, k * 2);
      cellSched = Arrays.copyOf(cellSched, k * 2);
      cellRes = Arrays.copyOf(cellRes, k * 2);
    }
    if (cells[k] == null) {
      cells[k] = new DeferredRuntime[CHUNK];
      cellKey[k] = new long[CHUNK];
      cellSched[k] = new long[CHUNK];
      cellRes[k] = new Resources[CHUNK];
    }
    return cellsUsed++;
  }

  private void freeCell(int c) {
    cells[c >>> CHUNK_BITS][c & CMASK] = null;
    cellRes[c >>> CHUNK_BITS][c & CMASK] = null;
    cellSched[c >>> CHUNK_BITS][c & CMASK] = freeCell;
    freeCell = c;
    deferredLive--;
  }

  private static String small(int v) {
    if (v >= SMALL.length) {
      return Integer.toString(v);
    }
    return v >= 0 && v < SMALL.length ? SMALL[v] : Integer.toString(v);
  }

  private Chunk chunk(long ordinal) {
    return chunks[(int) (ordinal >>> CHUNK_BITS) & (chunks.length - 1)];
  }

  /** Makes room for ordinal {@code tail} (a new chunk when it starts one). */
  private void ensureChunk() {
    if ((tail & CMASK) != 0) {
      return;
    }
    long held = ((tail - heldFrom) >>> CHUNK_BITS) + 1;
    if (held > chunks.length) { // the chunk table is full: double it
      Chunk[] n = new Chunk[chunks.length * 2];
      for (long o = heldFrom; o < tail; o += CHUNK) {
        n[(int) (o >>> CHUNK_BITS) & (n.length - 1)] = chunk(o);
      }
      chunks = n;
    }
    Chunk c;
    if (spareCount > 0) {
      c = spare[--spareCount];
      spare[spareCount] = null;
    } else {
      c = new Chunk(disk);
    }
    chunks[(int) (tail >>> CHUNK_BITS) & (chunks.length - 1)] = c;
  }

  /** Gives back the chunks wholly before the head (a few are kept for reuse). */
  private void releaseChunks() {
    while (heldFrom + CHUNK <= head) {
      int k = (int) (heldFrom >>> CHUNK_BITS) & (chunks.length - 1);
      if (spareCount < SPARE_CHUNKS) {
        spare[spareCount++] = chunks[k];
      }
      chunks[k] = null;
      heldFrom += CHUNK;
    }
  }

  // ---- reading --------------------------------------------------------------------------------

  private void readRow() {
    if (!lines.next()) {
      finishInput();
      return;
    }
    if (lines.blank()) {
      return; // an empty line (trailing ones, say) is no row, as in the other formats
    }
    if (layout.header != null && lines.line() == 1) {
      if (!lines.text().strip().equals(layout.header)) {
        throw lines.error("the header differs from the first file's (" + layout.header + "): every file of one input"
            + " must come from the same export");
      }
      return;
    }
    support.row();
    try {
      row();
    } catch (MalformedRowException e) {
      support.malformed(lines, e.getMessage());
    }
  }

  /** Skip reason: a task alive where the reading stopped whose end the index gave. */
  public static final String SKIP_END_FROM_INDEX = "google: alive where the input stops, end taken from the index";
  /** Skip reason: a task alive at the end of the input (and of the index) that runs forever. */
  public static final String SKIP_UNENDED_RUN = "google: alive at the end of the input, end beyond it (runs forever)";
  /** Skip reason: a task alive at the end of the input (and of the index) that is dropped. */
  public static final String SKIP_UNENDED_DROP = "google: alive at the end of the input, end beyond it (dropped)";
  /** Skip reason: a task alive at the end of the input, handed out already, ended at the input's end. */
  public static final String SKIP_UNENDED_KILLED =
      "google: alive at the end of the input, end beyond it, handed out already (KILLED at the input's end)";

  private void finishInput() {
    if (!eof) {
      liveAtEnd = live.size();
      if (liveAtEnd > 0) {
        resolveAtEnd();
      }
    }
    eof = true;
    lines.close();
    live.clear();
    // tasks handed out and still alive run forever, as those handed out from now on
    DeferredRuntime[][] open = cells;
    int used = cellsUsed;
    cells = new DeferredRuntime[1][];
    cellSched = new long[1][];
    cellRes = new Resources[1][];
    cellsUsed = 0;
    freeCell = -1;
    deferredLive = 0;
    for (int c = 0; c < used; c++) {
      DeferredRuntime rt = open[c >>> CHUNK_BITS][c & CMASK];
      if (rt != null) {
        rt.resolve(SimTime.NEVER, TaskOutcome.FINISHED); // only with unended: run (else resolved above)
      }
    }
  }

  /**
   * The tasks alive where the reading stops: with an index, each takes the first end event of its
   * key at or after the last time read (a pending one first its SCHEDULE; one that ends before any
   * is dropped); those the index does not end either run forever or are dropped ({@code unended}).
   * Buffered episodes become ENDED or DROPPED; handed-out ones have their runtime resolved here.
   */
  private void resolveAtEnd() {
    long from = Math.max(0, lastTime);
    // live key -> slot: ring ordinal (>= 0) or -2 - cell; pending ones also get a SCHEDULE time
    LongLongMap open = new LongLongMap();
    LongLongMap schedOf = new LongLongMap();
    for (long o = head; o < tail; o++) {
      Chunk c = chunk(o);
      int i = (int) (o & CMASK);
      if (c.state[i] == PENDING || c.state[i] == RUNNING) {
        open.put(c.keys[i], o);
      }
    }
    for (int c = 0; c < cellsUsed; c++) {
      if (cells[c >>> CHUNK_BITS][c & CMASK] != null) {
        open.put(cellKey[c >>> CHUNK_BITS][c & CMASK], -2 - c);
      }
    }
    if (index != null && open.size() > 0) {
      int[] left = {open.size()};
      TaskEndIndex.scan(index, from, (time, key, type) -> {
        long slot = open.get(key, Long.MIN_VALUE);
        if (slot == Long.MIN_VALUE) {
          return true;
        }
        boolean running = slot >= 0 ? chunk(slot).state[(int) (slot & CMASK)] == RUNNING
            : cellSched[(int) (-2 - slot) >>> CHUNK_BITS][(int) (-2 - slot) & CMASK] >= 0;
        long sched = schedOf.get(key, -1);
        if (type == 1) {
          if (!running && sched < 0) {
            schedOf.put(key, Math.max(time, startAt));
          }
          return true;
        }
        open.remove(key);
        left[0]--;
        support.skip(SKIP_END_FROM_INDEX);
        endFromIndex(slot, running, sched, time, outcomeOf(type));
        return left[0] > 0;
      });
    }
    if (open.size() == 0) {
      return;
    }
    // not ended by the index (or no index): run forever or drop
    for (long o = head; o < tail; o++) {
      Chunk c = chunk(o);
      int i = (int) (o & CMASK);
      if ((c.state[i] == PENDING || c.state[i] == RUNNING) && open.get(c.keys[i], Long.MIN_VALUE) == o) {
        if (dropUnended) {
          c.state[i] = DROPPED;
          support.skip(SKIP_UNENDED_DROP);
        } else {
          support.skip(SKIP_UNENDED_RUN);
        }
      }
    }
    for (int c = 0; c < cellsUsed; c++) {
      DeferredRuntime rt = cells[c >>> CHUNK_BITS][c & CMASK];
      if (rt == null) {
        continue;
      }
      if (dropUnended) {
        long sched = cellSched[c >>> CHUNK_BITS][c & CMASK];
        freeCell(c);
        support.skip(SKIP_UNENDED_KILLED);
        rt.resolve(sched < 0 ? 0 : Math.max(0, lastTime - sched), TaskOutcome.KILLED);
      } else {
        support.skip(SKIP_UNENDED_RUN);
      }
    }
  }

  /** A live task whose end the index gave: {@code sched} is its SCHEDULE from the index when it was pending. */
  private void endFromIndex(long slot, boolean running, long sched, long time, TaskOutcome how) {
    if (slot >= 0) {
      Chunk c = chunk(slot);
      int i = (int) (slot & CMASK);
      if (!running && sched < 0) {
        c.state[i] = DROPPED; // ended without SCHEDULE, as the reader drops such an episode
        support.skip("google: episode ended without SCHEDULE (dropped)");
        return;
      }
      if (!running) {
        c.sched[i] = sched;
      }
      c.state[i] = ENDED;
      c.end[i] = time;
      c.outcome[i] = (byte) how.ordinal();
      return;
    }
    int c = (int) (-2 - slot);
    long s = running ? cellSched[c >>> CHUNK_BITS][c & CMASK] : sched;
    DeferredRuntime rt = cells[c >>> CHUNK_BITS][c & CMASK];
    freeCell(c);
    if (s < 0) {
      support.skip(SKIP_UNSCHEDULED_AFTER);
      rt.resolve(0, how);
    } else {
      rt.resolve(Math.max(0, time - s), how);
    }
  }

  private void row() {
    int n = lines.split((byte) ',');
    if (n != layout.columns) {
      throw new MalformedRowException("expected " + layout.columns + " comma-separated columns, found " + n);
    }
    long time = lines.longField(layout.time, "time"); // changes from row to row: no memo
    if (time == Long.MAX_VALUE) {
      support.skip("google: event after the end of the trace (time 2^63-1)");
      return;
    }
    if (time < 0) {
      throw new MalformedRowException("time must be >= 0");
    }
    if (time < lastTime) {
      throw new MalformedRowException("time goes backwards (" + time + " after " + lastTime + "); "
          + (layout.header == null ? "task_events are in time order"
              : "export instance_events ordered by time, or sort the rows by time"));
    }
    if (time >= stopAt) {
      support.skip("google: rows at or after the window end (not read)");
      finishInput();
      return;
    }
    lastTime = time;
    long job = jobMemo.longField(lines, layout.job, layout.jobName);
    long idx = lines.longField(layout.index, layout.indexName);
    if (job < 0 || job >= (1L << 39)) { // a task is keyed job << 24 | index in one long
      throw new MalformedRowException(layout.jobName + " must be 0 to " + ((1L << 39) - 1) + ", not " + job);
    }
    if (idx < 0 || idx >= (1L << 24)) {
      throw new MalformedRowException(layout.indexName + " must be 0 to " + ((1L << 24) - 1) + ", not " + idx);
    }
    long eventType = lines.longField(layout.type, "event type");
    if (eventType < 0 || eventType > layout.maxType()) { // checked before the cast: 4294967297 is no SCHEDULE
      throw new MalformedRowException("event type must be 0-" + layout.maxType() + ", not " + eventType);
    }
    if (layout.collectionType >= 0 && !lines.empty(layout.collectionType)) {
      long ct = lines.longField(layout.collectionType, "collection_type");
      if (ct != 0 && ct != 1) {
        throw new MalformedRowException("collection_type must be 0 (job) or 1 (alloc set), not " + ct);
      }
      if (ct == 1) {
        support.skip(SKIP_ALLOC_INSTANCE);
        return;
      }
    }
    int type = layout.type((int) eventType);
    if (type >= 2 && type <= 6) {
      endRowRanges(); // an end event uses none of these, but they are checked as on every other row
    }
    long key = (job << 24) | idx;
    long ord = live.get(key, -1);
    if (ord <= -2) {
      handedOut(key, (int) (-2 - ord), time, type);
      return;
    }
    switch (type) {
      case 0, 7 -> { // SUBMIT, UPDATE_PENDING
        if (ord < 0) {
          start(key, job, (int) idx, time, PENDING);
        } else {
          Chunk c = chunk(ord);
          int s = (int) (ord & CMASK);
          if (c.state[s] == PENDING) {
            requests(c, s);
          } else if (type == 0) {
            support.skip("google: SUBMIT of a task already running (ignored)");
          }
        }
      }
      case 1, 8 -> { // SCHEDULE, UPDATE_RUNNING
        if (ord < 0) {
          start(key, job, (int) idx, time, RUNNING);
        } else {
          Chunk c = chunk(ord);
          int s = (int) (ord & CMASK);
          if (c.state[s] == PENDING) {
            requests(c, s);
            c.state[s] = RUNNING;
            c.sched[s] = Math.max(time, startAt);
          } else if (type == 1) {
            support.skip("google: SCHEDULE of a task already running (ignored)");
          }
        }
      }
      default -> { // 2 EVICT, 3 FAIL, 4 FINISH, 5 KILL, 6 LOST
        if (ord < 0) {
          support.skip("google: end event of a task not alive in the input (dropped)");
          return;
        }
        Chunk c = chunk(ord);
        int s = (int) (ord & CMASK);
        live.remove(key);
        if (time < startAt) {
          c.state[s] = DROPPED;
          support.skip("google: episode ended before the window start (dropped)");
          return;
        }
        if (c.state[s] == PENDING) {
          c.state[s] = DROPPED;
          support.skip("google: episode ended without SCHEDULE (dropped)");
          return;
        }
        c.state[s] = ENDED;
        c.end[s] = time;
        c.outcome[s] = (byte) outcomeOf(type).ordinal();
      }
    }
  }

  private static TaskOutcome outcomeOf(int type) {
    return switch (type) {
      case 3 -> TaskOutcome.FAILED;
      case 4 -> TaskOutcome.FINISHED;
      case 6 -> TaskOutcome.LOST;
      default -> TaskOutcome.KILLED; // 2 EVICT, 5 KILL
    };
  }

  /** An event of a task already handed out with a deferred runtime (cell {@code c}). */
  private void handedOut(long key, int c, long time, int type) {
    long[] schedOf = cellSched[c >>> CHUNK_BITS];
    int ci = c & CMASK;
    boolean pending = schedOf[ci] < 0;
    if (type <= 1 || type >= 7) { // SUBMIT, SCHEDULE, UPDATE_PENDING, UPDATE_RUNNING
      if (pending) {
        // a buffered episode would still take these requests; this one was handed out already
        if (requestsChange(cellRes[c >>> CHUNK_BITS][ci])) {
          support.skip(SKIP_REQUESTS_AFTER);
        }
        if (type == 1 || type == 8) {
          schedOf[ci] = Math.max(time, startAt);
        }
      } else if (type == 0) {
        support.skip("google: SUBMIT of a task already running (ignored)");
      } else if (type == 1) {
        support.skip("google: SCHEDULE of a task already running (ignored)");
      }
      return;
    }
    // 2 EVICT, 3 FAIL, 4 FINISH, 5 KILL, 6 LOST
    live.remove(key);
    DeferredRuntime rt = cells[c >>> CHUNK_BITS][ci];
    long runtime = pending ? 0 : time - schedOf[ci];
    freeCell(c);
    if (pending) {
      support.skip(SKIP_UNSCHEDULED_AFTER);
    }
    rt.resolve(runtime, outcomeOf(type));
  }

  /** True if this row's non-empty requests would change {@code res} (what the task was handed out with). */
  private boolean requestsChange(Resources res) {
    int c = layout.cpu;
    int m = layout.mem;
    int d = layout.disk;
    if (!empty(c)
        && Resources.toMilli("cpus", request(lines.doubleField(c, "CPU request"), "CPU request", cpuUnit, "cpus") * cpuUnit)
        != res.milli(ResourceNames.CPUS)) {
      return true;
    }
    if (!empty(m) && Resources.toMilli("mem",
        request(lines.doubleField(m, "memory request"), "memory request", memUnit, "MB of memory") * memUnit)
        != res.milli(ResourceNames.MEM)) {
      return true;
    }
    return diskUnit > 0 && !empty(d)
        && Resources.toMilli("disk",
            request(lines.doubleField(d, "disk request"), "disk request", diskUnit, "MB of disk") * diskUnit)
        != res.milli(ResourceNames.DISK);
  }

  private void start(long key, long job, int idx, long time, byte st) {
    // Parse and check the whole row before it takes a slot: a malformed row skipped with
    // skipMalformed leaves no episode behind (nor another task's leftovers in a reused chunk).
    String user = layout.user < 0 ? null : userMemo.internedField(lines, layout.user, users);
    byte klass = (byte) smallInt(layout.klass, "scheduling class", 0, 3);
    short prio = (short) smallInt(layout.prio, "priority", 0, layout.maxPriority);
    int ci = layout.cpu;
    int mi = layout.mem;
    double cpu = empty(ci) ? Double.NaN : request(cpuMemo.doubleField(lines, ci, "CPU request"), "CPU request", cpuUnit, "cpus");
    double mem = empty(mi) ? Double.NaN
        : request(memMemo.doubleField(lines, mi, "memory request"), "memory request", memUnit, "MB of memory");
    double dsk = Double.NaN;
    int di = layout.disk;
    if (disk && !empty(di)) { // units.disk = 0 (the default): the disk column is neither used nor checked
      dsk = request(lines.doubleField(di, "disk request"), "disk request", diskUnit, "MB of disk");
    }
    ensureChunk();
    long ord = tail++;
    if (tail - head > maxBuffered) {
      maxBuffered = tail - head;
    }
    Chunk c = chunk(ord);
    int s = (int) (ord & CMASK);
    live.put(key, ord);
    if (live.size() > maxLive) {
      maxLive = live.size();
    }
    c.submit[s] = Math.max(time, startAt); // alive at the window start: submitted at it
    c.sched[s] = st == RUNNING ? Math.max(time, startAt) : -1;
    c.end[s] = -1;
    c.keys[s] = key;
    c.state[s] = st;
    c.user[s] = user;
    c.klass[s] = klass;
    c.prio[s] = prio;
    c.cpu[s] = cpu;
    c.mem[s] = mem;
    if (c.disk != null) {
      c.disk[s] = dsk;
    }
  }

  /**
   * The range checks of {@link #start} on an end event's row (EVICT, FAIL, FINISH, KILL, LOST): a
   * scheduling class 7, a priority 1e19 or a CPU request -5 is malformed there too. Empty fields
   * pass, as on other rows where they are optional.
   */
  private void endRowRanges() {
    int k = layout.klass;
    int p = layout.prio;
    int c = layout.cpu;
    int m = layout.mem;
    int d = layout.disk;
    if (!empty(k)) {
      smallInt(k, "scheduling class", 0, 3);
    }
    if (!empty(p)) {
      smallInt(p, "priority", 0, layout.maxPriority);
    }
    if (!empty(c)) {
      request(lines.doubleField(c, "CPU request"), "CPU request", cpuUnit, "cpus");
    }
    if (!empty(m)) {
      request(lines.doubleField(m, "memory request"), "memory request", memUnit, "MB of memory");
    }
    if (disk && !empty(d)) { // as in start: unchecked while units.disk = 0
      request(lines.doubleField(d, "disk request"), "disk request", diskUnit, "MB of disk");
    }
  }

  /** True when the layout has no such column or the row leaves it empty. */
  private boolean empty(int col) {
    return col < 0 || lines.empty(col);
  }

  /** Skip reason (google-2019): an instance of an alloc set, a reservation rather than a task. */
  public static final String SKIP_ALLOC_INSTANCE = "google-2019: alloc set instance (a reservation, not a task; skipped)";

  private int smallInt(int f, String name, int min, int max) {
    long v = lines.longField(f, name);
    if (v < min || v > max) {
      throw new MalformedRowException(name + " must be " + min + "-" + max + ", not " + v);
    }
    return (int) v;
  }

  private void requests(Chunk ch, int s) {
    int c = layout.cpu;
    int m = layout.mem;
    if (!empty(c)) {
      ch.cpu[s] = request(cpuMemo.doubleField(lines, c, "CPU request"), "CPU request", cpuUnit, "cpus");
    }
    if (!empty(m)) {
      ch.mem[s] = request(memMemo.doubleField(lines, m, "memory request"), "memory request", memUnit, "MB of memory");
    }
    if (ch.disk != null) { // units.disk = 0 (the default): the disk column is neither used nor checked
      int d = layout.disk;
      if (!empty(d)) {
        ch.disk[s] = request(lines.doubleField(d, "disk request"), "disk request", diskUnit, "MB of disk");
      }
    }
  }

  /** A normalised request: >= 0, and times its unit an amount a task can ask. */
  private static double request(double v, String name, double unit, String resource) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new MalformedRowException(name + " must be >= 0");
    }
    ReaderSupport.amount(v * unit, name + " " + v + " × units", resource);
    return v;
  }

  @Override
  public WorkloadStats stats() {
    return support.stats();
  }

  @Override
  public void close() {
    lines.close();
  }

  /** {@link #CHUNK} episodes of the ring, column by column. */
  private static final class Chunk {
    final long[] submit = new long[CHUNK];
    final long[] sched = new long[CHUNK];
    final long[] end = new long[CHUNK];
    final long[] keys = new long[CHUNK]; // job ID << 24 | task index
    final String[] user = new String[CHUNK];
    final double[] cpu = new double[CHUNK];
    final double[] mem = new double[CHUNK];
    final double[] disk; // only when disk requests are used (units.disk > 0)
    final byte[] state = new byte[CHUNK];
    final byte[] outcome = new byte[CHUNK];
    final byte[] klass = new byte[CHUNK];
    final short[] prio = new short[CHUNK];

    Chunk(boolean withDisk) {
      disk = withDisk ? new double[CHUNK] : null;
    }
  }
}
