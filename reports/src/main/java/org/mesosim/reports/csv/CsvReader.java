package org.mesosim.reports.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Streams an RFC 4180 CSV file with a header row (no embedded newlines), row by row. */
public final class CsvReader {
  private CsvReader() {}

  /** Splits one line into fields, honouring double quotes. */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean q = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            q = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        q = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  /**
   * Reads {@code file}: gives the header to {@code header} and then each row's fields to
   * {@code rows}.
   */
  public static void read(Path file, Consumer<List<String>> header, Consumer<List<String>> rows) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      if (line == null) {
        return;
      }
      header.accept(split(line));
      while ((line = r.readLine()) != null) {
        if (!line.isEmpty()) {
          rows.accept(split(line));
        }
      }
    }
  }
}
