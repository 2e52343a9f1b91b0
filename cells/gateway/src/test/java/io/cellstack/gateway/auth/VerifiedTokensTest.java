package io.cellstack.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

  private final AtomicInteger verifications = new AtomicInteger();
  private Instant now = NOW;
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private final ReactiveJwtDecoder verifier =
      token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
          return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(jwt(token, NOW.plus(Duration.ofMinutes(5))));
      };

  @Test
  void verifiesEachTokenOnceWhileItIsValid() {
    VerifiedTokens tokens = new VerifiedTokens(verifier, 10, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(tokens.decode("t1").block().getSubject()).isEqualTo("u-1");
    }
    assertThat(verifications).hasValue(1);
  }

  @Test
  void verifiesAgainOnceTheTokenExpired() {
    VerifiedTokens tokens = new VerifiedTokens(verifier, 10, clock);
    tokens.decode("t1").block();
    now = NOW.plus(Duration.ofMinutes(5));
    tokens.decode("t1").block();
    assertThat(verifications).hasValue(2);
  }

  @Test
  void neverRemembersRefusedTokens() {
    VerifiedTokens tokens = new VerifiedTokens(verifier, 10, clock);
    for (int i = 0; i < 2; i++) {
      assertThat(tokens.decode("bad").onErrorResume(e -> Mono.empty()).block()).isNull();
    }
    assertThat(verifications).hasValue(2);
  }

  @Test
  void staysWithinItsSize() {
    VerifiedTokens tokens = new VerifiedTokens(verifier, 2, clock);
    tokens.decode("t1").block();
    tokens.decode("t2").block();
    tokens.decode("t3").block();
    tokens.decode("t3").block();
    tokens.decode("t1").block();
    assertThat(verifications).hasValue(4);
  }

  private static Jwt jwt(String token, Instant expires) {
    return Jwt.withTokenValue(token)
        .header("alg", "RS256")
        .subject("u-1")
        .issuedAt(NOW)
        .expiresAt(expires)
        .build();
  }
}
