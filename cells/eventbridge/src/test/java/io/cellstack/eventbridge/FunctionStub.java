package io.cellstack.eventbridge;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/** A function on 127.0.0.1 that records every CloudEvent posted to it and answers as told. */
final class FunctionStub implements AutoCloseable {

  /** One request as the function saw it. */
  record Delivery(
      String id, String subject, String body, Map<String, List<String>> headers, int status) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private volatile ToIntFunction<Delivery> responder = d -> 204;
  private volatile long delayMillis;

  FunctionStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(64));
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String id = exchange.getRequestHeaders().getFirst("ce-id");
          attempts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          Delivery seen =
              new Delivery(
                  id,
                  exchange.getRequestHeaders().getFirst("ce-subject"),
                  body,
                  Map.copyOf(exchange.getRequestHeaders()),
                  0);
          int status = responder.applyAsInt(seen);
          if (delayMillis > 0) {
            try {
              Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          deliveries.add(new Delivery(id, seen.subject(), body, seen.headers(), status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  void answer(ToIntFunction<Delivery> responder) {
    this.responder = responder;
  }

  void delay(long millis) {
    this.delayMillis = millis;
  }

  int attempts(String id) {
    AtomicInteger count = attempts.get(id);
    return count == null ? 0 : count.get();
  }

  /** Requests answered 2xx, in the order they were answered. */
  List<Delivery> accepted() {
    return deliveries.stream().filter(d -> d.status() >= 200 && d.status() < 300).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
