package io.cellstack.gateway.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Keycloak puts realm roles in claim {@code realm_access.roles}; Spring Security wants authorities
 * named {@code ROLE_<role>}. Keycloak's own adapters are dead, so this is the whole mapping.
 */
public final class RealmRoles {

  /** Role of services that may act for any uid (header {@code X-Cellstack-Uid}). */
  public static final String SERVICE = "cellstack-service";

  /** Role of operators: the degrade switch and the routing view. */
  public static final String ADMIN = "cellstack-admin";

  private RealmRoles() {}

  /** The authorities of the realm roles in {@code jwt}; none when the claim is absent. */
  public static Collection<GrantedAuthority> of(Jwt jwt) {
    if (!(jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess)) {
      return List.of();
    }
    if (!(realmAccess.get("roles") instanceof Collection<?> roles)) {
      return List.of();
    }
    List<GrantedAuthority> authorities = new ArrayList<>(roles.size());
    for (Object role : roles) {
      if (role instanceof String name && !name.isBlank()) {
        authorities.add(new SimpleGrantedAuthority(authority(name)));
      }
    }
    return authorities;
  }

  /** {@code ROLE_<role>}. */
  public static String authority(String role) {
    return "ROLE_" + role;
  }
}
