package io.cellstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellstack.core.routing.RoutingTable;
import io.cellstack.core.routing.SlotRange;
import io.cellstack.spring.whoami.DemoFunctions;
import io.cellstack.starter.CellIdentity;
import io.cellstack.starter.routing.Ownership;
import io.cellstack.starter.routing.RoutingTableFile;
import io.cellstack.starter.testing.TwoCells;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * During a slot move the gateway, having re-read the table after a 421, reaches the new cell before
 * that cell has re-read the file itself (here: never by polling). The request's epoch tells the
 * cell its table is behind: it re-reads the file and serves instead of sending the caller back.
 */
@SpringBootTest(
    classes = DemoFunctions.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoutingRereadTest {

  static final RoutingTable BEFORE = TwoCells.halves();
  static final RoutingTable AFTER = // slot 88 moves to rz00
      TwoCells.table(
          List.of(new SlotRange(0, 49), new SlotRange(88, 88)),
          List.of(new SlotRange(50, 87), new SlotRange(89, 99)),
          Optional.of(BEFORE));
  static final Path ROUTING = TwoCells.newFile(BEFORE);
  static final String UID_OF_SLOT_88 = "2088000000000088";

  @LocalServerPort int port;

  @DynamicPropertySource
  static void cell(DynamicPropertyRegistry properties) {
    WhoamiSetup.register(properties, ROUTING);
    properties.add("cellstack.routing.poll-millis", () -> "3600000"); // only a request re-reads
  }

  @Test
  void aCallerRoutingByANewerTableMakesTheCellRereadItBeforeAnswering421() throws Exception {
    assertThat(AFTER.epoch()).isGreaterThan(BEFORE.epoch());
    TwoCells.write(ROUTING, AFTER); // this app has not looked yet

    assertThat(post(null).statusCode()).as("no epoch: the table held decides").isEqualTo(421);
    assertThat(post(Long.toString(BEFORE.epoch())).statusCode()).as("same epoch").isEqualTo(421);
    assertThat(post("not-a-number").statusCode()).as("unreadable epoch").isEqualTo(421);

    HttpResponse<String> newer = post(Long.toString(AFTER.epoch()));

    assertThat(newer.statusCode()).isEqualTo(200);
    assertThat(newer.body()).isEqualTo("slot 88 epoch " + AFTER.route(88).epoch() + " in rz00");
    assertThat(post(null).statusCode()).as("the new table is now the one held").isEqualTo(200);
  }

  @Test
  void theFilterAsksForARereadWithTheCallersEpochOnlyWhenItIsNewer() throws Exception {
    Path file = TwoCells.newFile(BEFORE);
    try (RoutingTableFile routing = RoutingTableFile.watch(file, 3_600_000)) {
      List<Long> asked = new ArrayList<>();
      OwnershipFilter filter =
          new OwnershipFilter(
              new Ownership(new CellIdentity("rz00", "east", "east-a"), routing::current),
              epoch -> {
                asked.add(epoch);
                routing.refreshIfOlderThan(epoch);
              });
      TwoCells.write(file, AFTER);

      assertThat(filter(filter, null).getStatus()).isEqualTo(421);
      assertThat(filter(filter, Long.toString(BEFORE.epoch())).getStatus()).isEqualTo(421);
      assertThat(filter(filter, "not-a-number").getStatus()).isEqualTo(421);
      assertThat(asked).isEmpty();

      assertThat(filter(filter, Long.toString(AFTER.epoch())).getStatus()).isEqualTo(200);
      assertThat(asked).containsExactly(AFTER.epoch());
      assertThat(routing.current().orElseThrow().epoch()).isEqualTo(AFTER.epoch());
    }
  }

  private HttpResponse<String> post(String epoch) throws IOException, InterruptedException {
    return epoch == null
        ? WhoamiSetup.post(port, UID_OF_SLOT_88)
        : WhoamiSetup.post(port, UID_OF_SLOT_88, OwnershipFilter.EPOCH_HEADER, epoch);
  }

  private static MockHttpServletResponse filter(OwnershipFilter filter, String epoch)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/whoami");
    request.addHeader(OwnershipFilter.UID_HEADER, UID_OF_SLOT_88);
    if (epoch != null) {
      request.addHeader(OwnershipFilter.EPOCH_HEADER, epoch);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
