package io.cellstack.core.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellstack.core.slot.SlotFunction;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable JSON form of a routing table: the content of the {@code cellstack-routing} ConfigMap
 * that gateways and functions hot-reload. Same table, same bytes: keys in a fixed order, cells
 * sorted by name, consecutive slots with the same route folded into one entry.
 *
 * <pre>{@code
 * {"apiVersion": "cellstack.io/v1alpha1", "kind": "RoutingTable", "shardMap": "main",
 *  "epoch": 2, "slots": 100,
 *  "cells": {"rz00": {"region": "east", "zone": "east-a", "type": "RZONE", "state": "Active"}},
 *  "routes": [{"from": 0, "to": 24, "owner": "rz00", "serving": "rz00",
 *              "target": "Primary", "epoch": 1}, ...]}
 * }</pre>
 */
public final class RoutingTableJson {

  /** The apiVersion field of the document. */
  public static final String API_VERSION = "cellstack.io/v1alpha1";

  /** The kind field of the document. */
  public static final String KIND = "RoutingTable";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RoutingTableJson() {}

  /** The table as stable, indented JSON. */
  public static String write(RoutingTable table) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("apiVersion", API_VERSION);
    root.put("kind", KIND);
    root.put("shardMap", table.shardMap());
    root.put("epoch", table.epoch());
    root.put("slots", table.slots());
    ObjectNode cells = root.putObject("cells");
    table
        .cells()
        .forEach(
            (name, cell) -> {
              ObjectNode node = cells.putObject(name);
              node.put("region", cell.region());
              node.put("zone", cell.zone());
              node.put("type", cell.type().name());
              node.put("state", cell.state().name());
            });
    ArrayNode routes = root.putArray("routes");
    int from = 0;
    for (int slot = 1; slot <= table.slots(); slot++) {
      SlotRoute first = table.route(from);
      if (slot == table.slots() || !sameRun(first, table.route(slot))) {
        ObjectNode node = routes.addObject();
        node.put("from", from);
        node.put("to", slot - 1);
        node.put("owner", first.owner());
        node.put("serving", first.serving());
        node.put("target", first.target().name());
        node.put("epoch", first.epoch());
        from = slot;
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write routing table", e);
    }
  }

  /**
   * Reads a table written by {@link #write}.
   *
   * @throws IllegalArgumentException when the document is not a complete, consistent table
   */
  public static RoutingTable read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "routing table is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !KIND.equals(root.path("kind").asText())) {
      throw new IllegalArgumentException("document is not a " + KIND);
    }
    if (!API_VERSION.equals(root.path("apiVersion").asText())) {
      throw new IllegalArgumentException(
          "routing table has apiVersion "
              + root.path("apiVersion").asText()
              + ", expected "
              + API_VERSION);
    }
    Map<String, CellInfo> cells = new TreeMap<>();
    root.path("cells")
        .fields()
        .forEachRemaining(
            e ->
                cells.put(
                    e.getKey(),
                    new CellInfo(
                        e.getKey(),
                        text(e.getValue(), "region"),
                        text(e.getValue(), "zone"),
                        CellType.valueOf(text(e.getValue(), "type")),
                        CellState.valueOf(text(e.getValue(), "state")))));
    int slots = root.path("slots").asInt(-1);
    if (slots < 1) {
      throw new IllegalArgumentException("routing table has no slot count");
    }
    if (slots > SlotFunction.MAX_SLOTS) {
      throw new IllegalArgumentException(
          "routing table has " + slots + " slots, more than " + SlotFunction.MAX_SLOTS);
    }
    SlotRoute[] routes = new SlotRoute[slots];
    for (JsonNode node : root.path("routes")) {
      int from = node.path("from").asInt(-1);
      int to = node.path("to").asInt(-1);
      if (from < 0 || to < from || to >= slots) {
        throw new IllegalArgumentException("routing table has a bad range " + from + "-" + to);
      }
      for (int slot = from; slot <= to; slot++) {
        if (routes[slot] != null) {
          throw new IllegalArgumentException("routing table routes slot " + slot + " twice");
        }
        routes[slot] =
            new SlotRoute(
                slot,
                text(node, "owner"),
                text(node, "serving"),
                WriteTarget.valueOf(text(node, "target")),
                node.path("epoch").asLong());
      }
    }
    return new RoutingTable(text(root, "shardMap"), root.path("epoch").asLong(), cells, routes);
  }

  private static boolean sameRun(SlotRoute a, SlotRoute b) {
    return a.sameWayAs(b) && a.epoch() == b.epoch();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException(
          "routing table entry lacks the text field '" + field + "'");
    }
    return value.asText();
  }
}
