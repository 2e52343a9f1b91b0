package io.cellstack.gateway.routing;

/**
 * {@code /functions/{function}/rest}: the function called and the path it gets.
 *
 * @param function the function's name
 * @param rest the raw (still encoded) path after {@code /functions/{function}}, at least {@code /}
 */
public record FunctionPath(String function, String rest) {

  /** The prefix of every routed path. */
  public static final String PREFIX = "/functions/";

  /** The path the function's own paths sit under at the gateway, {@code /functions/payment}. */
  public String gatewayPrefix() {
    return PREFIX + function;
  }

  /** Splits {@code rawPath}; the function is empty when the path names none. */
  public static FunctionPath parse(String rawPath) {
    if (!rawPath.startsWith(PREFIX)) {
      return new FunctionPath("", "/");
    }
    int end = rawPath.indexOf('/', PREFIX.length());
    if (end < 0) {
      return new FunctionPath(rawPath.substring(PREFIX.length()), "/");
    }
    return new FunctionPath(rawPath.substring(PREFIX.length(), end), rawPath.substring(end));
  }
}
