package io.cellstack.gateway.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A stand-in Keycloak realm: an RSA key, its JWK set served over HTTP on 127.0.0.1 at the path
 * Keycloak uses, and tokens minted the way Keycloak mints them (realm roles in {@code
 * realm_access.roles}). One per test JVM.
 */
public final class TestJwks {

  private static TestJwks instance;

  private final RSAKey key;
  private final RSAKey otherKey;
  private final String issuer;
  private final String jwkSetUri;

  private TestJwks() throws IOException, JOSEException {
    key = new RSAKeyGenerator(2048).keyID("realm-key").generate();
    otherKey = new RSAKeyGenerator(2048).keyID("realm-key").generate();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/realms/cellstack/protocol/openid-connect/certs",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
    String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/cellstack";
    issuer = base;
    jwkSetUri = base + "/protocol/openid-connect/certs";
  }

  /** The realm of this test JVM. */
  public static synchronized TestJwks get() {
    if (instance == null) {
      try {
        instance = new TestJwks();
      } catch (IOException | JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /** The realm's issuer URL. */
  public String issuer() {
    return issuer;
  }

  /** Where the realm's public keys are. */
  public String jwkSetUri() {
    return jwkSetUri;
  }

  /** A valid token of {@code subject} with realm {@code roles}. */
  public String token(String subject, String... roles) {
    return sign(key, claims(subject, issuer, Instant.now().plus(Duration.ofMinutes(5)), roles));
  }

  /** A token that expired ten minutes ago (beyond the 60 s clock skew). */
  public String expiredToken(String subject) {
    return sign(key, claims(subject, issuer, Instant.now().minus(Duration.ofMinutes(10))));
  }

  /** A token from another realm, correctly signed. */
  public String tokenOfIssuer(String otherIssuer, String subject) {
    return sign(key, claims(subject, otherIssuer, Instant.now().plus(Duration.ofMinutes(5))));
  }

  /** A token with the same key id, signed by a key the realm does not have. */
  public String tokenSignedByAnotherKey(String subject) {
    return sign(otherKey, claims(subject, issuer, Instant.now().plus(Duration.ofMinutes(5))));
  }

  /** A valid token whose payload was changed afterwards (subject swapped, signature kept). */
  public String tamperedToken(String subject, String forgedSubject) {
    String[] parts = token(subject).split("\\.");
    String forged =
        sign(key, claims(forgedSubject, issuer, Instant.now().plus(Duration.ofMinutes(5))));
    return parts[0] + "." + forged.split("\\.")[1] + "." + parts[2];
  }

  private JWTClaimsSet claims(String subject, String iss, Instant expires, String... roles) {
    Instant issued = expires.minus(Duration.ofMinutes(5));
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .issuer(iss)
        .issueTime(Date.from(issued))
        .notBeforeTime(Date.from(issued))
        .expirationTime(Date.from(expires))
        .claim("azp", "cellstack-app")
        .claim("realm_access", Map.of("roles", List.of(roles)))
        .build();
  }

  private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
              claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
