package io.cellstack.core.routing;

import static io.cellstack.core.routing.TopologyFixture.standard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Pins the published JSON form and checks that gateways refuse a broken document outright. */
class RoutingTableJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The standard table's JSON as a tree, edited by {@code edit}, written back as text. */
  private static String edited(Consumer<ObjectNode> edit) {
    ObjectNode root = tree(RoutingTableJson.write(standard().table()));
    edit.accept(root);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode tree(String json) {
    try {
      return (ObjectNode) MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode route(ObjectNode root, int index) {
    return (ObjectNode) root.get("routes").get(index);
  }

  private static void assertRefused(String json, String messagePart) {
    assertThatThrownBy(() -> RoutingTableJson.read(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void writesHeaderCellsAndFoldedRangesInAFixedOrder() {
    ObjectNode root = tree(RoutingTableJson.write(standard().table()));

    List<String> fields = new ArrayList<>();
    root.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly("apiVersion", "kind", "shardMap", "epoch", "slots", "cells", "routes");
    assertThat(root.get("apiVersion").asText()).isEqualTo("cellstack.io/v1alpha1");
    assertThat(root.get("kind").asText()).isEqualTo("RoutingTable");
    assertThat(root.get("slots").asInt()).isEqualTo(100);
    List<String> cells = new ArrayList<>();
    root.get("cells").fieldNames().forEachRemaining(cells::add);
    assertThat(cells).containsExactly("gz00", "rz00", "rz01", "rz10", "rz11");
    assertThat(root.get("routes")).hasSize(4);
    assertThat(route(root, 1).toString())
        .isEqualTo(
            "{\"from\":25,\"to\":49,\"owner\":\"rz01\",\"serving\":\"rz01\","
                + "\"target\":\"Primary\",\"epoch\":1}");
  }

  @Test
  void splitsRunsWhereOnlyTheEpochDiffers() {
    RoutingTable before = standard().table();
    RoutingTable after =
        standard().unassign("rz00").unassign("rz01").assign("rz00", 0, 49).table(before);

    ObjectNode root = tree(RoutingTableJson.write(after));

    assertThat(root.get("routes")).hasSize(4);
    assertThat(route(root, 0).get("to").asInt()).isEqualTo(24);
    assertThat(route(root, 0).get("epoch").asLong()).isEqualTo(1);
    assertThat(route(root, 1).get("from").asInt()).isEqualTo(25);
    assertThat(route(root, 1).get("owner").asText()).isEqualTo("rz00");
    assertThat(route(root, 1).get("epoch").asLong()).isEqualTo(2);
  }

  @Test
  void roundTripsTablesWithFailoverAndHistory() {
    RoutingTable standingBy = standard().failover("rz00", "rz10").table();
    RoutingTable active = standard().activeFailover("rz00", "rz10").table(standingBy);

    String json = RoutingTableJson.write(active);

    assertThat(tree(json).get("routes")).hasSize(4);
    assertThat(RoutingTableJson.read(json)).isEqualTo(active);
    assertThat(RoutingTableJson.write(RoutingTableJson.read(json))).isEqualTo(json);
    assertThat(json).endsWith("}\n");
  }

  @Test
  void refusesTextThatIsNotJson() {
    assertRefused("{\"kind\": RoutingTable", "not valid JSON");
  }

  @Test
  void refusesEmptyDocument() {
    assertRefused("", "not a RoutingTable");
  }

  @Test
  void refusesWrongKind() {
    assertRefused(edited(root -> root.put("kind", "ConfigMap")), "not a RoutingTable");
  }

  @Test
  void refusesMissingKind() {
    assertRefused(edited(root -> root.remove("kind")), "not a RoutingTable");
  }

  @Test
  void refusesWrongApiVersion() {
    assertRefused(
        edited(root -> root.put("apiVersion", "cellstack.io/v2")),
        "apiVersion cellstack.io/v2, expected cellstack.io/v1alpha1");
  }

  @Test
  void refusesDocumentWithASlotMissingItsRoute() {
    assertRefused(
        edited(root -> ((ArrayNode) root.get("routes")).remove(2)), "route of slot 50 is missing");
  }

  @Test
  void refusesRangeThatStopsShortOfTheSlots() {
    assertRefused(edited(root -> route(root, 3).put("to", 98)), "route of slot 99 is missing");
  }

  @Test
  void refusesRangesThatRouteASlotTwice() {
    assertRefused(edited(root -> route(root, 1).put("from", 20)), "routes slot 20 twice");
  }

  @Test
  void refusesRangeBeyondTheSlots() {
    assertRefused(edited(root -> route(root, 3).put("to", 100)), "bad range 75-100");
  }

  @Test
  void refusesRangeWhoseFromIsAfterTo() {
    assertRefused(edited(root -> route(root, 0).put("from", 30)), "bad range 30-24");
  }

  @Test
  void refusesMissingSlotCount() {
    assertRefused(edited(root -> root.remove("slots")), "no slot count");
  }

  @Test
  void refusesSlotCountAboveTheMaximum() {
    assertRefused(edited(root -> root.put("slots", 10_001)), "10000");
  }

  @Test
  void refusesHugeSlotCountWithoutAllocatingForIt() {
    assertRefused(edited(root -> root.put("slots", Integer.MAX_VALUE)), "10000");
  }

  @Test
  void refusesUnknownServingCell() {
    assertRefused(edited(root -> route(root, 0).put("serving", "rz99")), "unknown cell");
  }

  @Test
  void refusesUnknownOwnerCell() {
    assertRefused(edited(root -> ((ObjectNode) root.get("cells")).remove("rz11")), "unknown cell");
  }

  @Test
  void refusesRouteWithoutOwner() {
    assertRefused(edited(root -> route(root, 0).remove("owner")), "'owner'");
  }

  @Test
  void refusesUnknownWriteTarget() {
    assertThatThrownBy(
            () -> RoutingTableJson.read(edited(root -> route(root, 0).put("target", "Elsewhere"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesRouteEpochAboveTheTableEpoch() {
    assertRefused(edited(root -> route(root, 1).put("epoch", 2)), "inconsistent");
  }

  @Test
  void refusesRouteWithoutEpoch() {
    assertRefused(edited(root -> route(root, 1).remove("epoch")), "slot 25");
  }

  @Test
  void refusesCellWithoutType() {
    assertRefused(
        edited(root -> ((ObjectNode) root.get("cells").get("rz00")).remove("type")), "'type'");
  }

  @Test
  void readsWhatAnotherWriterIndentedDifferently() throws JsonProcessingException {
    RoutingTable table = standard().table();
    JsonNode compact = MAPPER.readTree(RoutingTableJson.write(table));

    assertThat(RoutingTableJson.read(MAPPER.writeValueAsString(compact))).isEqualTo(table);
  }
}
