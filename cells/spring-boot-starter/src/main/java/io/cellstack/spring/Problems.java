package io.cellstack.spring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes RFC 9457 {@code application/problem+json} answers. */
final class Problems {

  private Problems() {}

  static void write(
      HttpServletResponse response, int status, String title, String detail, String instance)
      throws IOException {
    write(
        response,
        status,
        "{\"type\":\"about:blank\",\"title\":\""
            + escape(title)
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + escape(detail)
            + "\",\"instance\":\""
            + escape(instance)
            + "\"}");
  }

  static void write(HttpServletResponse response, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
