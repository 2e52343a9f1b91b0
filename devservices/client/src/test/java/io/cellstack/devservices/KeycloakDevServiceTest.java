package io.cellstack.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared Keycloak is a real OpenID provider for the realm in {@code
 * keycloak/cellstack-realm.json}: tokens from the password and client-credentials grants carry the
 * realm roles, and the realm publishes the keys that sign them.
 */
class KeycloakDevServiceTest {

  private static final String REALM = "cellstack";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static KeycloakAddress keycloak;

  @BeforeAll
  static void startKeycloak() throws Exception {
    Path realm =
        Path.of(KeycloakDevServiceTest.class.getResource("/keycloak/cellstack-realm.json").toURI());
    keycloak = SharedDevServices.keycloak(List.of(realm)).keycloak();
  }

  @Test
  void passwordGrantGivesAliceATokenWithHerRealmRole() throws Exception {
    HttpResponse<String> response =
        token(
            Map.of(
                "grant_type", "password",
                "client_id", "cellstack-cli",
                "username", "alice",
                "password", "alice-password"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String claims = Jwt.payload(Jwt.string(response.body(), "access_token"));
    assertThat(Jwt.string(claims, "iss")).isEqualTo(keycloak.url() + "/realms/cellstack");
    assertThat(Jwt.string(claims, "sub")).isNotBlank();
    assertThat(Jwt.string(claims, "preferred_username")).isEqualTo("alice");
    assertThat(Jwt.string(claims, "azp")).isEqualTo("cellstack-cli");
    assertThat(Jwt.realmRoles(claims))
        .contains("cellstack-user")
        .doesNotContain("cellstack-service");
  }

  @Test
  void clientCredentialsGrantGivesTheServiceAccountItsRealmRole() throws Exception {
    HttpResponse<String> response =
        token(
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "cellstack-service",
                "client_secret", "cellstack-service-secret"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String claims = Jwt.payload(Jwt.string(response.body(), "access_token"));
    assertThat(Jwt.string(claims, "iss")).isEqualTo(keycloak.issuer(REALM));
    assertThat(Jwt.string(claims, "sub")).isNotBlank();
    assertThat(Jwt.string(claims, "azp")).isEqualTo("cellstack-service");
    assertThat(Jwt.realmRoles(claims))
        .contains("cellstack-service")
        .doesNotContain("cellstack-user");
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    HttpResponse<String> response =
        token(
            Map.of(
                "grant_type", "password",
                "client_id", "cellstack-cli",
                "username", "alice",
                "password", "not-her-password"));

    assertThat(response.statusCode()).isEqualTo(400); // RFC 6749, 5.2
    assertThat(Jwt.string(response.body(), "error")).isEqualTo("invalid_grant");
  }

  @Test
  void certsEndpointPublishesTheKeyThatSignsTheTokens() throws Exception {
    String accessToken =
        Jwt.string(
            token(
                    Map.of(
                        "grant_type", "client_credentials",
                        "client_id", "cellstack-service",
                        "client_secret", "cellstack-service-secret"))
                .body(),
            "access_token");
    String header = Jwt.header(accessToken);

    HttpResponse<String> jwks =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(keycloak.jwksUri(REALM))).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(jwks.body()).startsWith("{\"keys\":[");
    assertThat(Jwt.string(header, "alg")).isEqualTo("RS256");
    assertThat(Jwt.strings(jwks.body(), "kid")).contains(Jwt.string(header, "kid"));
  }

  @Test
  void sharedKeycloakWritesItsAddressesFile() throws Exception {
    Properties addresses = new Properties();
    try (InputStream in =
        Files.newInputStream(
            SharedDevServices.workDir().resolve("keycloak-addresses.properties"))) {
      addresses.load(in);
    }

    assertThat(addresses)
        .containsEntry("cellstack.keycloak.url", keycloak.url())
        .containsEntry("cellstack.keycloak.admin-user", "admin")
        .containsEntry("cellstack.keycloak.admin-password", "admin");
  }

  private static HttpResponse<String> token(Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint(REALM)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Just enough JSON and JWT reading for these checks: flat string members and one array. */
  private static final class Jwt {

    private static final Pattern ROLES =
        Pattern.compile("\"realm_access\"\\s*:\\s*\\{\\s*\"roles\"\\s*:\\s*\\[([^\\]]*)\\]");

    static String header(String jwt) {
      return decode(jwt.split("\\.")[0]);
    }

    static String payload(String jwt) {
      return decode(jwt.split("\\.")[1]);
    }

    /** The first string member named {@code name}; null if there is none. */
    static String string(String json, String name) {
      List<String> all = strings(json, name);
      return all.isEmpty() ? null : all.get(0);
    }

    static List<String> strings(String json, String name) {
      Matcher m =
          Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
      return m.results().map(r -> r.group(1)).toList();
    }

    static List<String> realmRoles(String claims) {
      Matcher m = ROLES.matcher(claims);
      if (!m.find()) {
        return List.of();
      }
      return Pattern.compile("\"([^\"]*)\"")
          .matcher(m.group(1))
          .results()
          .map(r -> r.group(1))
          .toList();
    }

    private static String decode(String part) {
      return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
  }
}
