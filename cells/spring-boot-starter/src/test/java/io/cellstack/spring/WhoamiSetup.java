package io.cellstack.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What a test of the {@link io.cellstack.spring.whoami.DemoFunctions} app needs: to be cell rz00
 * (east) of a two-cell routing file, and to call {@code /whoami} acting for a user.
 */
final class WhoamiSetup {

  private WhoamiSetup() {}

  /** Registers cell rz00 in region east, reading its routing table from {@code routingFile}. */
  static void register(DynamicPropertyRegistry registry, Path routingFile) {
    registry.add("cellstack.cell", () -> "rz00");
    registry.add("cellstack.region", () -> "east");
    registry.add("cellstack.routing.file", routingFile::toString);
  }

  /**
   * Posts {@code hello} to {@code /whoami} on {@code port} acting for {@code uid}, with further
   * {@code headers} as name, value pairs.
   */
  static HttpResponse<String> post(int port, String uid, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/whoami"))
            .header("Content-Type", "text/plain")
            .header(OwnershipFilter.UID_HEADER, uid)
            .POST(HttpRequest.BodyPublishers.ofString("hello"));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
