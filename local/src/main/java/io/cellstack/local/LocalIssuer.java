package io.cellstack.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The token issuer of local mode, standing where Keycloak stands in a cluster: an RSA key, its JWK
 * set at {@code /realms/local/protocol/openid-connect/certs} (Keycloak's layout), and RS256 tokens
 * with issuer, subject, expiry and realm roles, which the gateway verifies exactly as it verifies
 * Keycloak's. {@code make run KEYCLOAK=1} uses a real Keycloak instead.
 */
final class LocalIssuer implements TokenIssuer {

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final String KEY_ID = "local-1";
  private static final Duration LIFETIME = Duration.ofHours(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeyPair keys;
  private final HttpServer server;
  private final String issuer;

  private LocalIssuer(KeyPair keys, HttpServer server) {
    this.keys = keys;
    this.server = server;
    this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/local";
  }

  /** Starts serving the key set on a free port of 127.0.0.1. */
  static LocalIssuer start() throws IOException, GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = jwks((RSAPublicKey) keys.getPublic()).getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/realms/local/protocol/openid-connect/certs",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(jwks);
          }
        });
    server.start();
    return new LocalIssuer(keys, server);
  }

  @Override
  public String issuer() {
    return issuer;
  }

  @Override
  public String jwkSetUri() {
    return issuer + "/protocol/openid-connect/certs";
  }

  @Override
  public String describe() {
    return "local issuer " + issuer + " (signs a token for any uid)";
  }

  /** A token for {@code subject} with realm {@code roles}, valid for an hour. */
  @Override
  public String token(String subject, List<String> roles) {
    long now = Instant.now().getEpochSecond();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("kid", KEY_ID);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("iss", issuer);
    payload.put("sub", subject);
    payload.put("iat", now);
    payload.put("exp", now + LIFETIME.toSeconds());
    payload.put("realm_access", Map.of("roles", roles));
    try {
      String signed =
          URL.encodeToString(JSON.writeValueAsBytes(header))
              + "."
              + URL.encodeToString(JSON.writeValueAsBytes(payload));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException | JsonProcessingException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private static String jwks(RSAPublicKey key) {
    return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\""
        + KEY_ID
        + "\",\"n\":\""
        + URL.encodeToString(unsigned(key.getModulus().toByteArray()))
        + "\",\"e\":\""
        + URL.encodeToString(unsigned(key.getPublicExponent().toByteArray()))
        + "\"}]}";
  }

  private static byte[] unsigned(byte[] bytes) {
    return bytes.length > 1 && bytes[0] == 0
        ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length)
        : bytes;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
