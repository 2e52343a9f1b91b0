package io.cellstack.telemetry;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The readable trace exporter: appends one {@link TraceLogLine} per span to a file. Several
 * processes may share the file (local mode's gateway, functions and bridges do): each batch is one
 * append, so lines of different writers never interleave.
 */
public final class TraceLog implements SpanExporter {

  /**
   * The Spring property naming the trace log file: when it is set, the functions and the gateway
   * append their spans there.
   */
  public static final String FILE_PROPERTY = "cellstack.tracing.log-file";

  private final Path file;

  /** A trace log appending to {@code file}, created (with its directory) on first use. */
  public TraceLog(Path file) {
    this.file = file.toAbsolutePath();
  }

  /** The file the spans go to. */
  public Path file() {
    return file;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    StringBuilder text = new StringBuilder(spans.size() * 256);
    for (SpanData span : spans) {
      text.append(TraceLogLine.of(span).format()).append('\n');
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    try {
      try {
        append(bytes);
      } catch (NoSuchFileException e) {
        // the directory is missing: before the first batch, or removed since; only then create it
        Files.createDirectories(file.getParent());
        append(bytes);
      }
      return CompletableResultCode.ofSuccess();
    } catch (IOException e) {
      System.err.println("cellstack trace log: cannot append to " + file + ": " + e);
      return CompletableResultCode.ofFailure();
    }
  }

  /** One append of {@code bytes}, creating the file if need be. */
  private void append(byte[] bytes) throws IOException {
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /**
   * The spans of the log at {@code file}; none when it does not exist yet. A last line without its
   * line break is a batch still being appended: it is left for the next read.
   *
   * @throws IllegalArgumentException when a whole line is not a trace log line
   */
  public static List<TraceLogLine> read(Path file) {
    if (!Files.exists(file)) {
      return List.of();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the trace log " + file, e);
    }
    List<TraceLogLine> lines = new ArrayList<>();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      String line = text.substring(start, end);
      if (!line.isBlank()) {
        lines.add(TraceLogLine.parse(line));
      }
      start = end + 1;
    }
    return lines;
  }

  /** The spans of trace {@code traceId} in {@code file}, in the order they were written. */
  public static List<TraceLogLine> trace(Path file, String traceId) {
    return read(file).stream().filter(line -> line.traceId().equals(traceId)).toList();
  }

  @Override
  public String toString() {
    return "TraceLog[" + file + "]";
  }
}
