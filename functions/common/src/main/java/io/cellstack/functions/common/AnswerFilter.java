package io.cellstack.functions.common;

import io.cellstack.starter.fencing.StaleEpochException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a function's {@link Answer} and {@link FunctionProblem} the HTTP answer: the answer's
 * status, content type and headers go out with its body, request headers are not echoed, a problem
 * escaping the function becomes problem+json, any other failure a 500 problem that says a retry
 * with the same idempotency key is safe. Bodies larger than the limit are answered 413 before the
 * function reads them. A stale epoch is left to the ownership filter (421).
 */
public final class AnswerFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(AnswerFilter.class);

  private final long maxBodyBytes;

  /** A filter refusing bodies over {@code maxBodyBytes}. */
  public AnswerFilter(long maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String instance = request.getRequestURI();
    if (request.getContentLengthLong() > maxBodyBytes) {
      write(response, Answer.problem(tooLarge(), instance));
      return;
    }
    try {
      chain.doFilter(
          new LimitedRequest(request, maxBodyBytes), new AnsweringResponse(request, response));
    } catch (ServletException | IOException | RuntimeException e) {
      if (cause(e, StaleEpochException.class) != null || response.isCommitted()) {
        throw e;
      }
      FunctionProblem problem = cause(e, FunctionProblem.class);
      if (problem == null) {
        LOG.error("{} {} failed", request.getMethod(), instance, e);
        problem =
            new FunctionProblem(
                500,
                "function-failed",
                "Function failed",
                "the function failed before answering; retrying with the same Idempotency-Key is safe");
      }
      response.reset();
      write(response, Answer.problem(problem, instance));
    }
  }

  private FunctionProblem tooLarge() {
    return new FunctionProblem(
        413,
        "body-too-large",
        "Payload too large",
        "the request body is larger than " + maxBodyBytes + " bytes");
  }

  private static void write(HttpServletResponse response, Answer answer) throws IOException {
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /**
   * Applies the function's {@link Answer} (status, content type, headers) before the body is
   * written, and drops the request headers Spring Cloud Function copies into every response.
   */
  private static final class AnsweringResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private boolean applied;

    AnsweringResponse(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    private Answer answer() {
      return (Answer) request.getAttribute(Answer.ATTRIBUTE);
    }

    private void apply() {
      Answer answer = answer();
      if (applied || answer == null) {
        return;
      }
      applied = true;
      super.setStatus(answer.status());
      super.setContentType(answer.contentType());
      answer.headers().forEach(super::setHeader);
    }

    @Override
    public void setStatus(int status) {
      if (answer() == null) {
        super.setStatus(status);
      }
      apply();
    }

    @Override
    public void setContentType(String type) {
      if (answer() == null) {
        super.setContentType(type);
      }
      apply();
    }

    @Override
    public void setHeader(String name, String value) {
      if (keep(name, value)) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (keep(name, value)) {
        super.addHeader(name, value);
      }
    }

    private boolean keep(String name, String value) {
      if ("content-type".equalsIgnoreCase(name)) {
        setContentType(value);
        return false;
      }
      return request.getHeader(name) == null; // an echoed request header
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      apply();
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      apply();
      return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      apply();
      super.flushBuffer();
    }
  }

  /** Refuses to read more than the limit from a body without a Content-Length (chunked). */
  private final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream limited;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        ServletInputStream in = super.getInputStream();
        limited =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) {
                read += n;
                if (read > limit) {
                  throw tooLarge();
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return limited;
    }
  }
}
