package io.cellstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.gateway.testing.GatewayTestBase;
import io.cellstack.gateway.testing.RoutingFixture;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;

class RequestProblemsTest extends GatewayTestBase {

  private static final String UID = RoutingFixture.uidInSlot(7);
  private static final int ONE_MIB = 1024 * 1024;

  @Test
  void answersUnknownFunctionWith404NamingTheKnownOnes() {
    gateway
        .get()
        .uri("/functions/lending/loans")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("unknown function 'lending'; known functions: payment, billing");
    assertThat(requestCounts()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void answersMalformedUidWith400() {
    gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(
            h -> {
              h.setBearerAuth(REALM.token("batch", "cellstack-service"));
              h.set("X-Cellstack-Uid", "uid/with/slashes");
            })
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("'/' at position 4"));
  }

  @Test
  void answersMalformedSubjectWith400() {
    gateway
        .get()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token("x".repeat(65))))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(Void.class);
    assertThat(requestCounts()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void answersBodyOverTheLimitWith413() {
    gateway
        .post()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(new byte[ONE_MIB + 1])
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("request body is larger than 1048576 bytes");
    assertThat(requestCounts()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void answersChunkedBodyOverTheLimitWith413() {
    Flux<DataBuffer> chunks =
        Flux.range(0, 11)
            .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[100 * 1024]));
    gateway
        .post()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .body(chunks, DataBuffer.class)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectBody(Void.class);
    assertThat(requestCounts()).containsExactly(0, 0, 0, 0);
  }

  @Test
  void forwardsBodyOfExactlyTheLimit() {
    gateway
        .post()
        .uri("/functions/payment/pay")
        .headers(h -> h.setBearerAuth(REALM.token(UID)))
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(new byte[ONE_MIB])
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Void.class);
    assertThat(CELLS.of("rz00").requests().get(0).body()).hasSize(ONE_MIB);
  }
}
