package io.cellstack.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cellstack.devservices.KeycloakAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * A real Keycloak (dev service) with realm {@code cellstack} imported from {@link #REALM_FILE}:
 * public client {@code cellstack-cli} (password grant), realm roles {@code cellstack-user} and
 * {@code cellstack-service}, and users whose id, and so whose token subject, is a uid: the demo
 * user and a user of each cell of examples/base, all with password {@link #PASSWORD}. Tokens live
 * an hour.
 */
final class KeycloakIssuer implements TokenIssuer {

  static final String REALM = "cellstack";
  static final String CLIENT = "cellstack-cli";
  static final String PASSWORD = "demo-password";
  private static final String REALM_FILE = "cellstack-realm.json";

  private final KeycloakAddress keycloak;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  KeycloakIssuer(KeycloakAddress keycloak) {
    this.keycloak = keycloak;
  }

  /** Writes the realm file into {@code dir} for the dev services to import; returns its path. */
  static Path realmFile(Path dir) {
    Path file = dir.resolve(REALM_FILE);
    try (InputStream in = KeycloakIssuer.class.getResourceAsStream(REALM_FILE)) {
      Files.createDirectories(dir);
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public String issuer() {
    return keycloak.issuer(REALM);
  }

  @Override
  public String jwkSetUri() {
    return keycloak.jwksUri(REALM);
  }

  /** A password-grant token of the realm's user {@code uid}; its roles are the realm's. */
  @Override
  public String token(String uid, List<String> roles) {
    if (!roles.isEmpty()) {
      throw new IllegalArgumentException(
          "with Keycloak the roles of " + uid + " come from realm " + REALM + ", not the caller");
    }
    String form =
        "grant_type=password&client_id="
            + CLIENT
            + "&username="
            + URLEncoder.encode(uid, StandardCharsets.UTF_8)
            + "&password="
            + PASSWORD;
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint(REALM)))
                  .timeout(Duration.ofSeconds(30))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalArgumentException(
            "Keycloak gave no token for "
                + uid
                + " (realm "
                + REALM
                + " has the demo user and one user per cell of examples/base): "
                + response.statusCode()
                + " "
                + response.body());
      }
      JsonNode token = json.readTree(response.body()).get("access_token");
      if (token == null) {
        throw new IllegalStateException(
            "Keycloak's answer has no access_token: " + response.body());
      }
      return token.asText();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach Keycloak at " + keycloak.url(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking Keycloak for a token", e);
    }
  }

  @Override
  public String describe() {
    return "Keycloak "
        + keycloak.url()
        + " (admin "
        + keycloak.adminUser()
        + "/"
        + keycloak.adminPassword()
        + "), realm "
        + REALM
        + ", users <uid>/"
        + PASSWORD;
  }

  /** The curl command that gets the demo user a token. */
  String tokenCommand(String uid) {
    return "curl -s "
        + keycloak.tokenEndpoint(REALM)
        + " -d grant_type=password -d client_id="
        + CLIENT
        + " -d username="
        + uid
        + " -d password="
        + PASSWORD;
  }

  @Override
  public void close() {
    // Keycloak is a dev service: local mode stops it with the others
  }
}
