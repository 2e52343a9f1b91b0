package io.cellstack.functions.common;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A function's HTTP answer: status, content type, body and extra headers. Spring Cloud Function
 * answers every call 200 and copies request headers into the response; a function returns {@link
 * #respond()} instead, which hands the answer to {@link AnswerFilter} for this request and returns
 * the body.
 *
 * @param status HTTP status
 * @param contentType content type of the body
 * @param body the body
 * @param headers extra response headers
 */
public record Answer(int status, String contentType, String body, Map<String, String> headers) {

  /** Request attribute holding the answer of the current request. */
  static final String ATTRIBUTE = Answer.class.getName();

  /** Copies the headers. */
  public Answer {
    headers = Map.copyOf(headers);
  }

  /** A JSON answer. */
  public static Answer json(int status, String body) {
    return new Answer(status, "application/json", body, Map.of());
  }

  /** The answer {@code problem} makes for the request path {@code instance}. */
  public static Answer problem(FunctionProblem problem, String instance) {
    return new Answer(
        problem.status(), "application/problem+json", problem.json(instance), Map.of());
  }

  /** This answer with one more header. */
  public Answer withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Answer(status, contentType, body, more);
  }

  /** A function's work: computes the answer, may refuse with a {@link FunctionProblem}. */
  @FunctionalInterface
  public interface Work {
    Answer call() throws SQLException;
  }

  /**
   * Runs {@code work} and {@linkplain #respond() responds} with its answer, or with the problem it
   * refused with. Answering here rather than throwing also covers bodies Spring Cloud Function
   * splits into elements (a JSON array), where a thrown exception would be logged and dropped.
   *
   * @throws IllegalStateException wrapping a database failure (answered 500 by {@link
   *     AnswerFilter}; a stale epoch is answered 421 by the ownership filter)
   */
  public static String of(Work work) {
    Answer answer;
    try {
      answer = work.call();
    } catch (FunctionProblem problem) {
      answer = problem(problem, currentPath());
    } catch (SQLException e) {
      throw new IllegalStateException("database failed: " + e.getMessage(), e);
    }
    return answer.respond();
  }

  private static String currentPath() {
    RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
    return attributes instanceof ServletRequestAttributes servlet
        ? servlet.getRequest().getRequestURI()
        : "";
  }

  /**
   * Makes this the answer of the current request (status, content type, headers) and returns the
   * body for the function to return.
   */
  public String respond() {
    RequestContextHolder.currentRequestAttributes()
        .setAttribute(ATTRIBUTE, this, RequestAttributes.SCOPE_REQUEST);
    return body;
  }
}
