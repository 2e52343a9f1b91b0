package io.cellstack.gateway.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Writes a {@link Problem} as the whole response of an exchange. */
public final class ProblemWriter {

  private ProblemWriter() {}

  /** Answers {@code exchange} with {@code problem}. */
  public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    byte[] body = problem.toJson(exchange.getRequest().getPath().value());
    response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.setContentLength(body.length);
    problem.headers().forEach(headers::set);
    DataBuffer buffer = response.bufferFactory().wrap(body);
    return response.writeWith(Mono.just(buffer));
  }
}
