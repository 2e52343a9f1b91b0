package io.cellstack.functions.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request a function refuses, answered as RFC 9457 {@code application/problem+json} with type
 * {@code https://cellstack.io/problems/<name>} (the gateway uses the same scheme). Thrown from a
 * function, it becomes the HTTP answer and the transaction it escapes rolls back.
 */
public final class FunctionProblem extends RuntimeException {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final String name;
  private final String title;

  /**
   * A problem.
   *
   * @param status the HTTP status
   * @param name short kebab-case name, the last segment of the type URI
   * @param title the summary, the same for every occurrence of the problem
   * @param detail what is wrong with this request and how to fix it
   */
  public FunctionProblem(int status, String name, String title, String detail) {
    super(detail);
    this.status = status;
    this.name = name;
    this.title = title;
  }

  /** A 400 answer: the request itself is wrong. */
  public static FunctionProblem badRequest(String name, String detail) {
    return new FunctionProblem(400, name, "Bad request", detail);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The short name (last segment of the type URI). */
  public String name() {
    return name;
  }

  /** The problem+json document, with {@code instance} the request path. */
  public String json(String instance) {
    ObjectNode node = JSON.createObjectNode();
    node.put("type", "https://cellstack.io/problems/" + name);
    node.put("title", title);
    node.put("status", status);
    node.put("detail", getMessage());
    node.put("instance", instance);
    return node.toString();
  }
}
