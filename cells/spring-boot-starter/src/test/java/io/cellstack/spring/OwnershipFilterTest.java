package io.cellstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.spring.whoami.DemoFunctions;
import io.cellstack.starter.testing.TwoCells;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A function app with the starter: it serves its own cell's users and sends others on with 421. */
@SpringBootTest(
    classes = DemoFunctions.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OwnershipFilterTest {

  private static final Path ROUTING = TwoCells.newFile(TwoCells.halves());

  @LocalServerPort int port;

  @DynamicPropertySource
  static void cell(DynamicPropertyRegistry properties) {
    WhoamiSetup.register(properties, ROUTING);
  }

  @Test
  void servesAUserOfItsOwnCellWithTheirSlotAndEpoch() throws Exception {
    HttpResponse<String> response = post("2088000000000007", "Bearer secret-token");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("slot 7 epoch 1 in rz00");
  }

  @Test
  void answers421NamingTheServingCellForAnotherCellsUser() throws Exception {
    HttpResponse<String> response = post("2088000000000077", null);

    assertThat(response.statusCode()).isEqualTo(421);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"servingCell\":\"rz10\"").contains("\"slot\":77");
  }

  @Test
  void refusesAMalformedUid() throws Exception {
    HttpResponse<String> response = post("not a uid", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("uid has character ' '");
  }

  @Test
  void aProblemNamesThePathTheCallerUsedAtTheGateway() throws Exception {
    HttpResponse<String> direct = post("2088000000000077", null);
    HttpResponse<String> viaGateway =
        WhoamiSetup.post(port, "2088000000000077", "X-Forwarded-Prefix", "/functions/whoami");

    assertThat(direct.body()).contains("\"instance\":\"/whoami\"");
    assertThat(viaGateway.statusCode()).isEqualTo(421);
    assertThat(viaGateway.body()).contains("\"instance\":\"/functions/whoami/whoami\"");
  }

  @Test
  void neverEchoesAuthorizationBack() throws Exception {
    HttpResponse<String> response = post("2088000000000007", "Bearer secret-token");

    assertThat(response.headers().map().keySet())
        .noneMatch(
            h -> h.equalsIgnoreCase("authorization") || h.equalsIgnoreCase("x-cellstack-uid"));
  }

  private HttpResponse<String> post(String uid, String authorization)
      throws IOException, InterruptedException {
    return authorization == null
        ? WhoamiSetup.post(port, uid)
        : WhoamiSetup.post(port, uid, "Authorization", authorization);
  }
}
