package io.cellstack.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the functions of one cell: a JDK HTTP server on 127.0.0.1 that records every
 * request and answers as told (200 by default, or 421, 500, echoed headers, a dropped connection).
 */
public final class StandIn implements AutoCloseable {

  private static final Set<String> NOT_ECHOED =
      Set.of("content-length", "transfer-encoding", "connection", "host");

  private final String cell;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Recorded> requests = new ConcurrentLinkedQueue<>();
  private volatile Responder responder;
  private volatile boolean recording = true;

  /** Starts the stand-in of {@code cell}. */
  public StandIn(String cell) {
    this.cell = cell;
    this.responder = ok();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Its base URL. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The requests it got, oldest first. */
  public List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  /** Answers from now on with {@code next}. */
  public void answer(Responder next) {
    this.responder = next;
  }

  /** Stops recording (for the benchmark); the stand-in still answers. */
  public void stopRecording() {
    recording = false;
  }

  /** Forgets the requests and answers 200 again. */
  public void reset() {
    requests.clear();
    responder = ok();
    recording = true;
  }

  /** 200 with a small JSON body naming the cell and the path. */
  public Responder ok() {
    return request ->
        new Answer(
            200,
            Map.of("Content-Type", "application/json"),
            "{\"cell\":\"" + cell + "\",\"path\":\"" + request.path() + "\"}");
  }

  /** 421 with the problem body a function sends. */
  public static Responder misdirected() {
    return request ->
        new Answer(
            421,
            Map.of("Content-Type", "application/problem+json"),
            "{\"title\":\"Misdirected Request\",\"status\":421}");
  }

  /** 500. */
  public static Responder failing() {
    return request -> new Answer(500, Map.of("Content-Type", "text/plain"), "boom");
  }

  /** Closes the connection without answering. */
  public static Responder droppingConnection() {
    return request -> null;
  }

  /** 200, with every request header copied into the response, as Spring Cloud Function does. */
  public static Responder echoingHeaders() {
    return request -> {
      Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      request
          .headers()
          .forEach(
              (name, values) -> {
                if (!NOT_ECHOED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  headers.put(name, values.get(0));
                }
              });
      headers.put("X-Function-Own", "kept");
      headers.put("Content-Type", "application/json");
      return new Answer(200, headers, "{}");
    };
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
    Recorded request =
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()),
            Collections.unmodifiableMap(headers),
            new String(body, StandardCharsets.UTF_8));
    if (recording) {
      requests.add(request);
    }
    Answer answer = responder.answer(request);
    if (answer == null) {
      exchange.close();
      return;
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** How to answer a request. */
  @FunctionalInterface
  public interface Responder {
    /** The answer, or null to drop the connection. */
    Answer answer(Recorded request);
  }

  /**
   * An answer.
   *
   * @param status the status
   * @param headers response headers
   * @param body the body
   */
  public record Answer(int status, Map<String, String> headers, String body) {}

  /**
   * A request the stand-in got.
   *
   * @param method the method
   * @param path raw path and query
   * @param headers headers, by case-insensitive name
   * @param body the body as UTF-8
   */
  public record Recorded(
      String method, String path, Map<String, List<String>> headers, String body) {

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }
}
