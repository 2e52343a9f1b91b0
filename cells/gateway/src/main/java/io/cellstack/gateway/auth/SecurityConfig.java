package io.cellstack.gateway.auth;

import io.cellstack.gateway.GatewayProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Flux;

/**
 * A stateless JWT resource server: tokens of the configured issuer, checked against its JWK set;
 * {@code /admin/**} needs role {@code cellstack-admin}, everything else a valid token.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

  /**
   * Decodes and validates tokens: signature from the JWK set, issuer, expiry (60 s skew); verified
   * tokens are remembered until they expire.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(GatewayProperties properties) {
    GatewayProperties.Jwt jwt = properties.jwt();
    if (jwt.issuer() == null || jwt.issuer().isBlank() || jwt.jwkSetUri() == null) {
      throw new IllegalStateException(
          "set cellstack.gateway.jwt.issuer and cellstack.gateway.jwt.jwk-set-uri"
              + " (the Keycloak realm URL and its .../protocol/openid-connect/certs)");
    }
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.issuer()));
    return jwt.verifiedCacheSize() > 0
        ? new VerifiedTokens(decoder, jwt.verifiedCacheSize(), Clock.systemUTC())
        : decoder;
  }

  /** The filter chain. */
  @Bean
  SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
    ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
    ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> Flux.fromIterable(RealmRoles.of(jwt)));
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/admin/**")
                    .hasRole(RealmRoles.ADMIN)
                    .anyExchange()
                    .authenticated())
        .exceptionHandling(
            handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(converter))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .build();
  }
}
