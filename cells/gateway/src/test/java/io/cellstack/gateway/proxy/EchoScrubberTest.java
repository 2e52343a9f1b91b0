package io.cellstack.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class EchoScrubberTest {

  private final HttpHeaders request = new HttpHeaders();

  EchoScrubberTest() {
    request.set("Authorization", "Bearer abc");
    request.set("Content-Type", "application/json");
    request.set("X-Request-Tag", "t-1");
    request.set("ce-specversion", "1.0");
  }

  @Test
  void dropsCredentialsAndCellstackHeadersWhateverTheirValue() {
    assertThat(EchoScrubber.isEcho("authorization", List.of("Bearer other"), request)).isTrue();
    assertThat(EchoScrubber.isEcho("Cookie", List.of("a=b"), request)).isTrue();
    assertThat(EchoScrubber.isEcho("X-Cellstack-Epoch", List.of("3"), request)).isTrue();
    assertThat(EchoScrubber.isEcho("X-Forwarded-For", List.of("10.0.0.1"), request)).isTrue();
  }

  @Test
  void dropsAnyHeaderRepeatingARequestValue() {
    assertThat(EchoScrubber.isEcho("x-request-tag", List.of("t-1"), request)).isTrue();
    assertThat(EchoScrubber.isEcho("X-Request-Tag", List.of("t-2"), request)).isFalse();
  }

  @Test
  void keepsRepresentationHeadersCloudEventsAndTheFunctionsOwn() {
    assertThat(EchoScrubber.isEcho("Content-Type", List.of("application/json"), request)).isFalse();
    assertThat(EchoScrubber.isEcho("ce-specversion", List.of("1.0"), request)).isFalse();
    assertThat(EchoScrubber.isEcho("Location", List.of("/payments/1"), request)).isFalse();
  }
}
