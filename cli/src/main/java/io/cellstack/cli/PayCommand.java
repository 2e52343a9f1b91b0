package io.cellstack.cli;

import io.opentelemetry.sdk.trace.IdGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cellstack pay}: a demo payment through the gateway. */
@Command(
    name = "pay",
    mixinStandardHelpOptions = true,
    description = {
      "Make a payment through the gateway: as the demo user of local mode (make run), or with"
          + " --gateway and --token for another gateway or user.",
      "Example: cellstack pay --amount 1250 --currency CNY --payee M-1",
      "Exit 0 when the gateway answers 2xx, 1 otherwise (the problem is printed)."
    })
final class PayCommand implements Callable<Integer> {

  @Option(
      names = "--amount",
      required = true,
      description = "Amount in minor units (1250 is 12.50).")
  long amount;

  @Option(names = "--currency", required = true, description = "ISO 4217 code, e.g. CNY, EUR.")
  String currency;

  @Option(
      names = "--payee",
      defaultValue = "M-1",
      description = "Merchant id (default ${DEFAULT-VALUE}).")
  String payee;

  @Option(
      names = "--key",
      description = "Idempotency-Key; repeat it to retry safely (default: a new UUID).")
  String key;

  @Option(names = "--gateway", description = "Gateway URL (default: local mode's).")
  String gateway;

  @Option(names = "--token", description = "Bearer token (default: local mode's demo user).")
  String token;

  @Mixin LocalInstance local;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (gateway == null || token == null) {
      Optional<LocalInstance.Addresses> found = local.read();
      if (found.isEmpty()) {
        err.println("cellstack: " + local.missing() + "; or pass --gateway and --token");
        return CellstackCli.PROBLEMS;
      }
      gateway = gateway == null ? found.get().gateway() : gateway;
      token = token == null ? found.get().demoToken() : token;
    }
    String idempotencyKey = key == null ? UUID.randomUUID().toString() : key;
    IdGenerator ids = IdGenerator.random();
    String traceId = ids.generateTraceId();
    String body =
        "{\"payeeId\":\""
            + payee.replace("\"", "")
            + "\",\"amount\":"
            + amount
            + ",\"currency\":\""
            + currency.replace("\"", "")
            + "\"}";
    HttpResponse<String> response;
    try {
      response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(gateway + "/functions/payment/pay"))
                      .timeout(Duration.ofSeconds(30))
                      .header("Authorization", "Bearer " + token)
                      .header("Idempotency-Key", idempotencyKey)
                      // a sampled trace of our own, so that its id can be printed and looked up
                      .header("traceparent", "00-" + traceId + "-" + ids.generateSpanId() + "-01")
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      err.println("cellstack: cannot reach the gateway at " + gateway + ": " + e.getMessage());
      return CellstackCli.PROBLEMS;
    }
    out.println("POST " + gateway + "/functions/payment/pay  Idempotency-Key: " + idempotencyKey);
    out.println(response.statusCode() + " " + response.body());
    out.println("trace " + traceId + "  (cellstack trace " + traceId + ")");
    if (response.statusCode() / 100 != 2) {
      return CellstackCli.PROBLEMS;
    }
    out.println("retry safely with --key " + idempotencyKey + "; see the bill with billQuery");
    return 0;
  }
}
