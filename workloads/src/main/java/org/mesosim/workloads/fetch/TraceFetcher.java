package org.mesosim.workloads.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.mesosim.engine.BadInputException;

/**
 * Downloads the public traces from their publishers ({@code mesosim trace fetch}); see
 * docs/workload-fitting.md ("Getting the real traces") for sources, licences and citations.
 *
 * <p>Every file goes to {@code <name>.partial} beside its destination, is resumed from there with an
 * HTTP {@code Range} request when a previous download stopped, must have the length the server
 * announced (else it stays {@code .partial} for the next attempt, and the fetch fails), and is then
 * checked: against the publisher's SHA-256 (Google's {@code SHA256SUM} file, the sums Alibaba lists
 * in its trace description) or, where none is published (the Parallel Workloads Archive), by
 * decompressing it whole. A file that fails the check is deleted and the fetch fails; only a
 * checked file is renamed to its destination. A destination that is already there and passes the
 * check is kept.
 */
public final class TraceFetcher {
  /** Where the Google 2011 trace lives (Google Cloud Storage bucket {@code clusterdata-2011-2}). */
  public static final String GOOGLE_BASE = "https://storage.googleapis.com/clusterdata-2011-2/";
  /** Where the Alibaba 2018 trace lives (Alibaba's OSS bucket, as its {@code fetchData.sh} names it). */
  public static final String ALIBABA_BASE = "http://aliopentrace.oss-cn-beijing.aliyuncs.com/v2018Traces/";
  /** The Parallel Workloads Archive's logs. */
  public static final String SWF_BASE = "https://www.cs.huji.ac.il/labs/parallel/workload/";

  /**
   * SHA-256 of the Alibaba 2018 tables, as published in alibaba/clusterdata
   * {@code cluster-trace-v2018/trace_2018.md} ("Checksum", separate files).
   */
  public static final Map<String, String> ALIBABA_SHA256 = Map.of(
      "batch_instance", "e73e5a9326669aa079ba20048ddd759383cabe1fe3e58620aa75bd034e2450c6",
      "batch_task", "7c4b32361bd1ec2083647a8f52a6854a03bc125ca5c202652316c499fbf978c6",
      "container_meta", "febd75e693d1f208a8941395e7faa7e466e50d21c256eff12a815b7e2fa2053f",
      "container_usage", "b4bd3b1b82f5407c1b0dd47fe736ff5152c4b016a9c30cb26f988e2d1c5e5031",
      "machine_meta", "b5b1b786b22cd413a3674b8f2ebfb2f02fac991c95df537f363ef2797c8f6d55",
      "machine_usage", "3e6ee87fd204bb85b9e234c5c75a5096580fdabc8f085b224033080090753a7a");

  /**
   * SWF logs by name and their folder in the archive (a few of the cleaned logs; any other can be
   * fetched with {@code --url}).
   */
  public static final Map<String, String> SWF_LOGS = new TreeMap<>(Map.of(
      "LANL-CM5-1994-4.1-cln", "l_lanl_cm5",
      "SDSC-SP2-1998-4.2-cln", "l_sdsc_sp2",
      "CTC-SP2-1996-3.1-cln", "l_ctc_sp2",
      "KTH-SP2-1996-2.1-cln", "l_kth_sp2",
      "SDSC-BLUE-2000-4.2-cln", "l_sdsc_blue",
      "HPC2N-2002-2.2-cln", "l_hpc2n"));

  /** One file to fetch: where from, where to, and its SHA-256 (null: checked by decompressing it). */
  public record Item(URI url, Path dest, String sha256) {}

  private final HttpClient http;
  private final Consumer<String> progress;
  private final Duration idle;

  /** @param progress receives progress lines (about every 10% of a file, and each file's outcome) */
  public TraceFetcher(Consumer<String> progress) {
    this(progress, Duration.ofSeconds(60));
  }

  /** @param idle a download that receives nothing for this long is stopped (kept to be resumed) */
  public TraceFetcher(Consumer<String> progress, Duration idle) {
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(30)).build();
    this.progress = progress;
    this.idle = idle;
  }

  /**
   * The Google 2011 {@code task_events} parts {@code from..to} (0-499) from {@code base} (normally
   * {@link #GOOGLE_BASE}), to {@code dest/task_events/}; their sums from {@code base/SHA256SUM}.
   */
  public List<Item> google2011(String base, int from, int to, Path dest) {
    if (from < 0 || to > 499 || from > to) {
      throw new BadInputException("--parts: must be a part or a range within 0-499, such as 0-13");
    }
    Map<String, String> sums = parseSums(text(URI.create(slash(base) + "SHA256SUM")));
    List<Item> out = new ArrayList<>();
    for (int p = from; p <= to; p++) {
      String rel = String.format(Locale.ROOT, "task_events/part-%05d-of-00500.csv.gz", p);
      String sum = sums.get(rel);
      if (sum == null) {
        throw new IllegalStateException(slash(base) + "SHA256SUM lists no sum for " + rel);
      }
      out.add(new Item(URI.create(slash(base) + rel), dest.resolve(rel), sum));
    }
    return out;
  }

  /** Alibaba 2018 tables ({@code batch_task} …) from {@code base} to {@code dest/<table>.tar.gz}. */
  public static List<Item> alibaba2018(String base, List<String> tables, Path dest) {
    List<Item> out = new ArrayList<>();
    for (String t : tables) {
      String sum = ALIBABA_SHA256.get(t);
      if (sum == null) {
        throw new BadInputException("--tables: unknown table '" + t + "' of alibaba-2018 (known: "
            + String.join(", ", new TreeMap<>(ALIBABA_SHA256).keySet()) + ")");
      }
      out.add(new Item(URI.create(slash(base) + t + ".tar.gz"), dest.resolve(t + ".tar.gz"), sum));
    }
    return out;
  }

  /** An SWF log of the archive ({@link #SWF_LOGS}) from {@code base}, to {@code dest/<name>.swf.gz}. */
  public static Item swf(String base, String name, Path dest) {
    String folder = SWF_LOGS.get(name);
    if (folder == null) {
      throw new BadInputException("swf: unknown log '" + name + "' (known: " + String.join(", ", SWF_LOGS.keySet())
          + "; any other: --url URL)");
    }
    return new Item(URI.create(slash(base) + folder + "/" + name + ".swf.gz"), dest.resolve(name + ".swf.gz"), null);
  }

  private static String slash(String base) {
    return base.endsWith("/") ? base : base + "/";
  }

  /** Parses {@code sha256sum} output: {@code <hex>  <path>} or {@code <hex> *<path>} per line. */
  static Map<String, String> parseSums(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      int sp = l.indexOf(' ');
      if (sp != 64) {
        continue;
      }
      String path = l.substring(sp).strip();
      if (path.startsWith("*")) {
        path = path.substring(1);
      }
      if (path.startsWith("./")) {
        path = path.substring(2);
      }
      out.put(path, l.substring(0, 64).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private String text(URI url) {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200) {
        throw new IllegalStateException(url + ": HTTP " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(url + ": interrupted", e);
    }
  }

  /** Fetches every item in order; returns one line per item. */
  public List<String> fetchAll(List<Item> items) {
    List<String> out = new ArrayList<>();
    for (Item i : items) {
      out.add(fetch(i));
    }
    return out;
  }

  /** Fetches one item (see the class comment); returns what was done. */
  public String fetch(Item item) {
    Path dest = item.dest();
    try {
      Path dir = dest.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      if (Files.isRegularFile(dest)) {
        String problem = check(dest, item.sha256());
        if (problem == null) {
          return dest + ": already there, checked";
        }
        progress.accept(dest + ": present but " + problem + "; fetching it again");
      }
      Path partial = dest.resolveSibling(dest.getFileName() + ".partial");
      download(item.url(), partial);
      String problem = check(partial, item.sha256());
      if (problem != null) {
        Files.deleteIfExists(partial);
        throw new IllegalStateException(item.url() + ": the download is corrupt (" + problem + "); removed it");
      }
      Files.move(partial, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      String line = dest + ": fetched, " + Files.size(dest) + " bytes, "
          + (item.sha256() == null ? "decompressed whole (no published checksum)" : "SHA-256 checked");
      progress.accept(line);
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException(item.url() + ": " + e.getMessage(), e);
    }
  }

  /** Downloads into {@code partial}, resuming from its length. */
  private void download(URI url, Path partial) throws IOException {
    long have = Files.isRegularFile(partial) ? Files.size(partial) : 0;
    HttpRequest.Builder rb = HttpRequest.newBuilder(url).timeout(Duration.ofHours(2)).GET();
    if (have > 0) {
      rb.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> r;
    try {
      r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    int code = r.statusCode();
    long total;
    boolean append;
    if (code == 206 && have > 0) {
      append = true;
      total = rangeTotal(r, have);
      progress.accept(url + ": resuming at byte " + have + (total > 0 ? " of " + total : ""));
    } else if (code == 416 && have > 0) { // nothing more to send: the partial file may be whole
      r.body().close();
      return;
    } else if (code == 200) {
      append = false;
      have = 0;
      total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
    } else {
      r.body().close();
      throw new IOException("HTTP " + code);
    }
    long got = have;
    long nextReport = total > 0 ? total / 10 : Long.MAX_VALUE;
    // a stalled connection (nothing received for `idle`) is closed by a watchdog, so the read fails
    java.util.concurrent.atomic.AtomicLong lastRead = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
    java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicBoolean stalled = new java.util.concurrent.atomic.AtomicBoolean();
    InputStream body = r.body();
    Thread dog = new Thread(() -> {
      while (!finished.get()) {
        if (System.nanoTime() - lastRead.get() > idle.toNanos()) {
          stalled.set(true);
          try {
            body.close();
          } catch (IOException ignored) {
            // the reader sees the failure
          }
          return;
        }
        try {
          Thread.sleep(Math.max(10, Math.min(1000, idle.toMillis() / 4)));
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "trace-fetch-watchdog");
    dog.setDaemon(true);
    dog.start();
    try (InputStream in = body;
        OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        lastRead.set(System.nanoTime());
        out.write(buf, 0, n);
        got += n;
        if (got >= nextReport) {
          progress.accept(String.format(Locale.ROOT, "%s: %d%% (%.1f of %.1f MB)", url, 100 * got / total, got / 1e6,
              total / 1e6));
          nextReport += total / 10;
        }
      }
    } catch (IOException e) {
      throw new IOException("the download stopped at byte " + got + (total > 0 ? " of " + total : "") + " ("
          + (stalled.get() ? "nothing received for " + idle.toSeconds() + " s" : e.getMessage())
          + "); run the same fetch again to resume it", e);
    } finally {
      finished.set(true);
      dog.interrupt();
    }
    if (stalled.get() && (total < 0 || got != total)) {
      throw new IOException("the download stopped at byte " + got + (total > 0 ? " of " + total : "")
          + " (nothing received for " + idle.toSeconds() + " s); run the same fetch again to resume it");
    }
    if (total >= 0 && got != total) {
      throw new IOException("the download stopped at byte " + got + " of " + total + " (partial); run the same fetch"
          + " again to resume it");
    }
  }

  /** The total length from {@code Content-Range: bytes a-b/total} (checking it starts where asked), or -1. */
  private static long rangeTotal(HttpResponse<?> r, long from) throws IOException {
    String cr = r.headers().firstValue("Content-Range").orElse("");
    if (!cr.startsWith("bytes " + from + "-")) {
      throw new IOException("the server resumed at '" + cr + "', not at byte " + from);
    }
    int slash = cr.indexOf('/');
    try {
      return slash < 0 || cr.endsWith("/*") ? -1 : Long.parseLong(cr.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      throw new IOException("bad Content-Range '" + cr + "'", e);
    }
  }

  /** Null if the file passes its check, else what is wrong. */
  static String check(Path file, String sha256) throws IOException {
    if (sha256 != null) {
      String got = sha256(file);
      return got.equals(sha256) ? null : "SHA-256 " + got + ", expected " + sha256;
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] buf = new byte[1 << 16];
      while (in.read(buf) >= 0) {
        // read it all: a truncated or damaged gzip stream throws
      }
      return null;
    } catch (IOException e) {
      return "not a whole gzip file (" + e.getMessage() + ")";
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
