package io.cellstack.cli;

import io.cellstack.telemetry.TraceLog;
import io.cellstack.telemetry.TraceLogLine;
import io.opentelemetry.api.trace.TraceId;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cellstack trace}: the traces local mode wrote to its readable trace log. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Print one trace of local mode (make run) as a tree of spans: gateway, functions, Pulsar,"
          + " event bridge. Without TRACE_ID, list the latest traces.",
      "Spans are read from the trace log local mode writes (target/local/traces.log); they"
          + " reach it a few seconds after they end.",
      "Example: cellstack trace 4bf92f3577b34da6a3ce929d0e0e4736"
    })
final class TraceCommand implements Callable<Integer> {

  @Parameters(arity = "0..1", paramLabel = "TRACE_ID", description = "32 hex digits, not all zero.")
  String traceId;

  @Option(
      names = "--last",
      defaultValue = "10",
      description =
          "How many traces (1 or more) to list without TRACE_ID (default ${DEFAULT-VALUE}).")
  int last;

  @Option(
      names = "--log",
      paramLabel = "FILE",
      description = "Trace log to read (default: local mode's).")
  Path log;

  @Mixin LocalInstance local;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // usage errors first: they do not depend on local mode or on its log
    String id = traceId == null ? null : traceId.toLowerCase(Locale.ROOT);
    if (id != null && !TraceId.isValid(id)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "'" + traceId + "' is not a trace id (32 hex digits, not all zero)");
    }
    if (last < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--last must be at least 1, not " + last);
    }
    Path file = log;
    if (file == null) {
      Optional<LocalInstance.Addresses> found = local.read();
      if (found.isEmpty()) {
        err.println("cellstack: " + local.missing() + "; or pass --log FILE");
        return CellstackCli.PROBLEMS;
      }
      file = found.get().traces();
    }
    if (!Files.isRegularFile(file)) {
      err.println(
          "cellstack: no trace log at "
              + file
              + " yet: local mode writes it a few seconds after the first request");
      return CellstackCli.PROBLEMS;
    }
    List<TraceLogLine> spans;
    try {
      spans = TraceLog.read(file);
    } catch (IllegalArgumentException e) {
      err.println("cellstack: " + file + ": " + e.getMessage());
      return CellstackCli.PROBLEMS;
    }
    if (id == null) {
      list(spans, file, out);
      return 0;
    }
    List<TraceLogLine> trace = spans.stream().filter(s -> s.traceId().equals(id)).toList();
    if (trace.isEmpty()) {
      err.println(
          "cellstack: no span of trace "
              + id
              + " in "
              + file
              + " (spans arrive a few seconds after they end; try again, or list the latest"
              + " traces with 'cellstack trace')");
      return CellstackCli.PROBLEMS;
    }
    print(id, trace, out);
    return 0;
  }

  private void list(List<TraceLogLine> spans, Path file, PrintWriter out) {
    Map<String, List<TraceLogLine>> byTrace = new LinkedHashMap<>();
    spans.forEach(s -> byTrace.computeIfAbsent(s.traceId(), t -> new ArrayList<>()).add(s));
    List<Summary> latest =
        byTrace.values().stream()
            .map(Summary::of)
            .sorted(Comparator.comparing((Summary t) -> t.first().start()).reversed())
            .limit(last)
            .toList();
    out.printf("latest %d of %d traces in %s%n", latest.size(), byTrace.size(), file);
    out.printf("%-32s  %-24s %5s  %9s  %s%n", "TRACE", "START", "SPANS", "DURATION", "FIRST SPAN");
    for (Summary trace : latest) {
      TraceLogLine first = trace.first();
      out.printf(
          "%s  %-24s %5d  %9s  %s %s %s%n",
          first.traceId(),
          first.start(),
          trace.spans(),
          millis(first),
          first.service(),
          first.kind(),
          label(first));
    }
  }

  /** A trace in the list: its earliest span (the first written among equals) and its size. */
  private record Summary(TraceLogLine first, int spans) {

    static Summary of(List<TraceLogLine> trace) {
      return new Summary(
          trace.stream().min(Comparator.comparing(TraceLogLine::start)).orElseThrow(),
          trace.size());
    }
  }

  private static void print(String id, List<TraceLogLine> trace, PrintWriter out) {
    Set<String> ids = trace.stream().map(TraceLogLine::spanId).collect(Collectors.toSet());
    Map<String, List<TraceLogLine>> children = new LinkedHashMap<>();
    List<TraceLogLine> roots = new ArrayList<>();
    for (TraceLogLine span : sorted(trace)) {
      if (span.isRoot() || !ids.contains(span.parentSpanId())) {
        roots.add(span);
      } else {
        children.computeIfAbsent(span.parentSpanId(), p -> new ArrayList<>()).add(span);
      }
    }
    long services = trace.stream().map(TraceLogLine::service).distinct().count();
    out.printf("trace %s: %d spans from %d services%n", id, trace.size(), services);
    for (TraceLogLine root : roots) {
      print(root, children, 1, out);
    }
  }

  private static void print(
      TraceLogLine span, Map<String, List<TraceLogLine>> children, int depth, PrintWriter out) {
    String indent = "  ".repeat(depth);
    out.printf(
        "%-60s %9s  %s%n",
        indent + span.service() + " " + span.kind() + " " + label(span),
        millis(span),
        span.status().equals("ERROR") ? "ERROR" : "");
    for (TraceLogLine child : children.getOrDefault(span.spanId(), List.of())) {
      print(child, children, depth + 1, out);
    }
  }

  /** The span name, with its URL or destination and its HTTP status when the span has them. */
  private static String label(TraceLogLine span) {
    StringBuilder label = new StringBuilder(span.name());
    for (String key : List.of("url.full", "http.uri", "http.url", "messaging.destination.name")) {
      String value = span.attributes().get(key);
      if (value != null && !span.name().contains(value)) {
        label.append(' ').append(value);
        break;
      }
    }
    for (String key : List.of("http.response.status_code", "status")) {
      String value = span.attributes().get(key);
      if (value != null) {
        label.append(" -> ").append(value);
        break;
      }
    }
    return label.toString();
  }

  private static List<TraceLogLine> sorted(List<TraceLogLine> trace) {
    return trace.stream().sorted(Comparator.comparing(TraceLogLine::start)).toList();
  }

  private static String millis(TraceLogLine span) {
    return String.format(Locale.ROOT, "%.1f ms", span.durationMillis());
  }
}
