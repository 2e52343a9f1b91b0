package io.cellstack.functions.common;

import io.cellstack.starter.fencing.StaleEpochException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private static final Logger LOG = LoggerFactory.getLogger(Answer.class);

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
   * Runs {@code work} and {@linkplain #respond() responds} with its answer, or with an answer for
   * the way it failed: the problem it refused with; 421 for a stale epoch (the gateway re-reads the
   * routing table and retries in the serving cell); 503 with {@code Retry-After} for any other
   * failure (a dropped database connection: nothing was committed that a retry with the same
   * Idempotency-Key would not find). Nothing escapes to Spring Cloud Function, whose web layer
   * answers some escaping exceptions with an empty 200, and splits JSON array bodies into one call
   * per element, where a thrown exception is only logged.
   */
  public static String of(Work work) {
    Answer answer;
    try {
      answer = work.call();
    } catch (FunctionProblem problem) {
      answer = problem(problem, currentPath());
    } catch (StaleEpochException stale) {
      answer =
          problem(
              new FunctionProblem(421, "stale-epoch", "Misdirected Request", stale.getMessage()),
              currentPath());
    } catch (SQLException | RuntimeException e) {
      LOG.warn("{} failed, answered 503: {}", currentPath(), e.toString());
      answer =
          problem(
                  new FunctionProblem(
                      503,
                      "function-unavailable",
                      "Function unavailable",
                      "the function could not finish ("
                          + e.getClass().getSimpleName()
                          + "); nothing was half-written: retry with the same Idempotency-Key"),
                  currentPath())
              .withHeader("Retry-After", "1");
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
