package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.devservices.DevServices;
import io.cellstack.devservices.KeycloakAddress;
import io.cellstack.devservices.SharedDevServices;
import io.cellstack.gateway.testing.RoutingFixture;
import io.cellstack.gateway.testing.StandIns;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway against a real Keycloak (its own process, realm imported from
 * src/test/resources/keycloak): real tokens are accepted, wrong ones refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeycloakGatewayTest {

  static final Path REALM =
      Path.of("src/test/resources/keycloak/cellstack-realm.json").toAbsolutePath();
  static final StandIns CELLS = StandIns.get();
  static final RoutingFixture ROUTING = RoutingFixture.get();

  @LocalServerPort int port;
  WebTestClient gateway;

  static KeycloakAddress keycloak() {
    DevServices services = SharedDevServices.keycloak(List.of(REALM));
    return services.keycloak();
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("cellstack.gateway.jwt.issuer", () -> keycloak().issuer("cellstack"));
    registry.add("cellstack.gateway.jwt.jwk-set-uri", () -> keycloak().jwksUri("cellstack"));
    registry.add("cellstack.gateway.routing-file", () -> ROUTING.file().toString());
    registry.add("cellstack.gateway.routing-poll-interval", () -> "1h");
    CELLS
        .all()
        .forEach(
            (cell, standIn) -> registry.add("cellstack.gateway.cell-urls." + cell, standIn::url));
  }

  @BeforeEach
  void connect() {
    gateway =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
  }

  @AfterEach
  void reset() {
    CELLS.resetAll();
  }

  @Test
  void aUsersOwnTokenReachesTheCellServingTheirSubject() throws Exception {
    String token = passwordToken("alice", "alice-password");
    String subject = claim(token, "sub");
    String cell = ROUTING.current().routeOfUid(subject).serving();

    gateway
        .post()
        .uri("/functions/payment/pay")
        .header("Authorization", "Bearer " + token)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .is2xxSuccessful();

    assertThat(CELLS.of(cell).requests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("X-Cellstack-Uid")).isEqualTo(subject));
  }

  @Test
  void aServiceTokenMayActForAnotherUser() throws Exception {
    String token = serviceToken();
    String uid = RoutingFixture.uidInSlot(7);

    gateway
        .post()
        .uri("/functions/payment/pay")
        .header("Authorization", "Bearer " + token)
        .header("X-Cellstack-Uid", uid)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .is2xxSuccessful();

    String cell = ROUTING.current().routeOfUid(uid).serving();
    assertThat(CELLS.of(cell).requests())
        .singleElement()
        .satisfies(r -> assertThat(r.header("X-Cellstack-Uid")).isEqualTo(uid));
  }

  @Test
  void aUserCannotPayForSomeoneElse() throws Exception {
    String token = passwordToken("alice", "alice-password");

    gateway
        .post()
        .uri("/functions/payment/pay")
        .header("Authorization", "Bearer " + token)
        .header("X-Cellstack-Uid", RoutingFixture.uidInSlot(7))
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType("application/problem+json");
  }

  @Test
  void aTamperedTokenIsRefused() throws Exception {
    String token = passwordToken("alice", "alice-password");
    String[] parts = token.split("\\.");
    String payload =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("\"alice\"", "\"mallory\"");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    gateway
        .post()
        .uri("/functions/payment/pay")
        .header("Authorization", "Bearer " + tampered)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aTokenOfAnotherRealmIsRefused() throws Exception {
    String masterToken =
        token(
            keycloak().tokenEndpoint("master"),
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "admin-cli",
                "username",
                keycloak().adminUser(),
                "password",
                keycloak().adminPassword()));

    gateway
        .post()
        .uri("/functions/payment/pay")
        .header("Authorization", "Bearer " + masterToken)
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aUserWithoutTheAdminRoleCannotUseAdminEndpoints() throws Exception {
    String token = passwordToken("alice", "alice-password");

    gateway
        .get()
        .uri("/admin/routing")
        .header("Authorization", "Bearer " + token)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void noTokenIsRefused() {
    gateway
        .post()
        .uri("/functions/payment/pay")
        .bodyValue("{}")
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  private static String passwordToken(String user, String password) throws Exception {
    return token(
        keycloak().tokenEndpoint("cellstack"),
        Map.of(
            "grant_type",
            "password",
            "client_id",
            "cellstack-cli",
            "username",
            user,
            "password",
            password));
  }

  private static String serviceToken() throws Exception {
    return token(
        keycloak().tokenEndpoint("cellstack"),
        Map.of(
            "grant_type",
            "client_credentials",
            "client_id",
            "cellstack-service",
            "client_secret",
            "cellstack-service-secret"));
  }

  private static String token(String endpoint, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher matcher =
        Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
    if (response.statusCode() != 200 || !matcher.find()) {
      throw new IllegalStateException(
          "no token from " + endpoint + ": " + response.statusCode() + " " + response.body());
    }
    return matcher.group(1);
  }

  private static String claim(String token, String name) {
    String payload =
        new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
    return matcher.find() ? matcher.group(1) : null;
  }
}
