package io.cellstack.functions.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Delivers CloudEvents posted to the app's root (the event bridge posts to the Knative Service's
 * URL, {@code K_SINK}) to the function for their {@code ce-type}. An event of a type the app does
 * not take is answered 400, which the bridge dead-letters at once instead of retrying.
 */
public final class EventRoutes extends OncePerRequestFilter {

  private final Map<String, String> functionByType;

  /** Routes each CloudEvent type to a function name. */
  public EventRoutes(Map<String, String> functionByType) {
    this.functionByType = Map.copyOf(functionByType);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getHeader("ce-type");
    if (type == null || !"/".equals(request.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    String function = functionByType.get(type);
    if (function == null) {
      throw FunctionProblem.badRequest(
          "unknown-event-type",
          "this function takes events of type " + functionByType.keySet() + ", not " + type);
    }
    request.getRequestDispatcher("/" + function).forward(request, response);
  }
}
