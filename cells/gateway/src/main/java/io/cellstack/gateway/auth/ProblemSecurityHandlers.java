package io.cellstack.gateway.auth;

import io.cellstack.gateway.problem.ProblemWriter;
import io.cellstack.gateway.problem.Problems;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Turns Spring Security's 401 and 403 into {@code application/problem+json} answers. */
public final class ProblemSecurityHandlers
    implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    boolean tokenSent = exchange.getRequest().getHeaders().containsHeader("Authorization");
    return ProblemWriter.write(
        exchange,
        tokenSent || ex instanceof InvalidBearerTokenException
            ? Problems.invalidToken(ex.getMessage())
            : Problems.missingToken());
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    String detail =
        exchange.getRequest().getPath().value().startsWith("/admin/")
            ? "role " + RealmRoles.ADMIN + " is required"
            : "access denied";
    return ProblemWriter.write(exchange, Problems.forbidden(detail));
  }
}
