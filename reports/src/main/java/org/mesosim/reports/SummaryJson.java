package org.mesosim.reports;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@link RunSummary} as {@code summary.json}: pretty-printed, keys in record order,
 * resource amounts as plain numbers ({@code 9}, {@code 1.5}, never {@code 9.0E0}), a trailing
 * newline. Deterministic: the same summary gives the same bytes.
 */
public final class SummaryJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private SummaryJson() {}

  /** The shared mapper (pretty, plain big decimals). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The JSON text of {@code s}. */
  public static String toJson(Object s) {
    try {
      return MAPPER.writeValueAsString(s) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code s} to {@code file}. */
  public static void write(Object s, Path file) throws IOException {
    AtomicFiles.write(file, toJson(s));
  }
}
