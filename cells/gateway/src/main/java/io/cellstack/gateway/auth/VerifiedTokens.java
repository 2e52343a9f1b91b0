package io.cellstack.gateway.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens the issuer's key already verified, until they expire: a client sends the same
 * token with every request, and re-checking its RSA signature and re-parsing it was a fifth of the
 * gateway's CPU per request. Only verified tokens are kept (keyed by the whole token, signature
 * included), a hit is refused from the moment the token expires (no clock skew), and the cache is
 * emptied whenever it reaches its size, so memory stays bounded.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder verifier;
  private final int maxSize;
  private final Clock clock;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  /** A cache of at most {@code maxSize} tokens in front of {@code verifier}. */
  public VerifiedTokens(ReactiveJwtDecoder verifier, int maxSize, Clock clock) {
    this.verifier = verifier;
    this.maxSize = maxSize;
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = verified.get(token);
    if (known != null) {
      if (clock.instant().isBefore(known.getExpiresAt())) {
        return Mono.just(known);
      }
      verified.remove(token);
    }
    return verifier.decode(token).doOnNext(jwt -> remember(token, jwt));
  }

  private void remember(String token, Jwt jwt) {
    Instant expires = jwt.getExpiresAt();
    if (expires == null || !clock.instant().isBefore(expires)) {
      return;
    }
    if (verified.size() >= maxSize) {
      verified.clear();
    }
    verified.put(token, jwt);
  }
}
