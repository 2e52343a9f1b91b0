package io.cellstack.gateway.proxy;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request body, up to a limit, into memory so that it can be sent twice: the retry after a
 * {@code 421} sends it again. Requests without a body pass untouched.
 */
final class BufferedBody {

  private BufferedBody() {}

  /** {@code exchange} with a replayable body, or {@link TooLarge} when over {@code maxBytes}. */
  static Mono<ServerWebExchange> buffer(ServerWebExchange exchange, int maxBytes) {
    ServerHttpRequest request = exchange.getRequest();
    HttpHeaders headers = request.getHeaders();
    long length = headers.getContentLength();
    if (length > maxBytes) {
      return Mono.error(new TooLarge());
    }
    if (length == 0 || (length < 0 && !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING))) {
      return Mono.just(exchange);
    }
    return DataBufferUtils.join(request.getBody(), maxBytes)
        .onErrorMap(DataBufferLimitException.class, e -> new TooLarge())
        .map(BufferedBody::drain)
        .defaultIfEmpty(new byte[0])
        .map(bytes -> exchange.mutate().request(new Replayable(request, bytes)).build());
  }

  private static byte[] drain(DataBuffer joined) {
    try {
      byte[] bytes = new byte[joined.readableByteCount()];
      joined.read(bytes);
      return bytes;
    } finally {
      DataBufferUtils.release(joined);
    }
  }

  /** The body is larger than the limit: 413. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super("request body too large", null, false, false);
    }
  }

  /** A request whose body is a byte array, subscribable any number of times. */
  private static final class Replayable extends ServerHttpRequestDecorator {

    private final byte[] body;

    Replayable(ServerHttpRequest delegate, byte[] body) {
      super(delegate);
      this.body = body;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return body.length == 0
          ? Flux.empty()
          : Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body)));
    }
  }
}
