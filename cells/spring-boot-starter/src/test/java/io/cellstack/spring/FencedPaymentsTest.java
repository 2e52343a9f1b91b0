package io.cellstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.devservices.SharedDevServices;
import io.cellstack.spring.payments.PaymentsDemo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A function app with a keyspace on a real MariaDB and the outbox relay on a real Pulsar: a payment
 * and its event commit together, the event reaches Pulsar, a stale epoch gets 421.
 */
@SpringBootTest(
    classes = PaymentsDemo.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FencedPaymentsTest {

  static final String DATABASE = "payments_" + Long.toHexString(System.nanoTime());
  static final String TOPIC = "persistent://public/default/payments-" + UUID.randomUUID();

  @LocalServerPort int port;
  @Autowired Keyspaces keyspaces;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    PaymentsDemoSetup.register(registry, DATABASE, TOPIC);
  }

  @Test
  void aPaymentAndItsEventCommitTogetherAndTheEventReachesPulsar() throws Exception {
    try (PulsarClient pulsar =
            PulsarClient.builder()
                .serviceUrl(SharedDevServices.pulsarAndMariaDb().pulsarServiceUrl())
                .build();
        Consumer<byte[]> consumer =
            pulsar
                .newConsumer()
                .topic(TOPIC)
                .subscriptionName("test")
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .subscribe()) {
      HttpResponse<String> response = pay("2088000000000007", "1250");

      assertThat(response.statusCode()).isEqualTo(200);
      Message<byte[]> event = consumer.receive(20, TimeUnit.SECONDS);
      assertThat(event).isNotNull();
      assertThat(event.getProperty("event-id")).isEqualTo(response.body());
      assertThat(event.getKey()).isEqualTo("2088000000000007");
      assertThat(rows(7)).isEqualTo(1);
    }
  }

  @Test
  void aWriteWithAStaleEpochIsAnswered421AndWritesNothing() throws Exception {
    keyspaces.writer("payment").raise(8, 99);

    HttpResponse<String> response = pay("2088000000000008", "500");

    assertThat(response.statusCode()).isEqualTo(421);
    assertThat(response.body()).contains("fenced at epoch 99");
    assertThat(rows(8)).isZero();
  }

  private HttpResponse<String> pay(String uid, String amount) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/pay"))
                .header("Content-Type", "text/plain")
                .header(OwnershipFilter.UID_HEADER, uid)
                .POST(HttpRequest.BodyPublishers.ofString(amount))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private long rows(int slot) throws Exception {
    try (Connection c = keyspaces.dataSource("payment").getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM payments WHERE slot = " + slot)) {
      r.next();
      return r.getLong(1);
    }
  }
}
