package io.cellstack.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRolesTest {

  @Test
  void mapsRealmRolesToRoleAuthorities() {
    Jwt jwt =
        jwt(Map.of("realm_access", Map.of("roles", List.of("cellstack-admin", "offline_access"))));
    assertThat(RealmRoles.of(jwt))
        .extracting(GrantedAuthority::getAuthority)
        .containsExactly("ROLE_cellstack-admin", "ROLE_offline_access");
  }

  @Test
  void givesNoAuthoritiesWithoutTheClaim() {
    assertThat(RealmRoles.of(jwt(Map.of("scope", "openid")))).isEmpty();
    assertThat(RealmRoles.of(jwt(Map.of("realm_access", "roles")))).isEmpty();
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder builder =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("u-1")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(builder::claim);
    return builder.build();
  }
}
