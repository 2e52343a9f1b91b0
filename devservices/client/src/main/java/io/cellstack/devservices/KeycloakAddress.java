package io.cellstack.devservices;

/**
 * Where Keycloak listens and how to reach its admin API (the bootstrap admin of the {@code master}
 * realm).
 *
 * @param url the server's base URL, {@code http://127.0.0.1:P}; realms are under {@code
 *     /realms/<name>}
 */
public record KeycloakAddress(String url, String adminUser, String adminPassword) {

  /** The issuer of the realm's tokens ({@code iss}): {@code http://127.0.0.1:P/realms/<realm>}. */
  public String issuer(String realm) {
    return url + "/realms/" + realm;
  }

  /** The realm's OpenID Connect token endpoint, for password and client-credentials grants. */
  public String tokenEndpoint(String realm) {
    return issuer(realm) + "/protocol/openid-connect/token";
  }

  /** The realm's JSON Web Key Set, for resource servers that check token signatures. */
  public String jwksUri(String realm) {
    return issuer(realm) + "/protocol/openid-connect/certs";
  }
}
