package io.cellstack.local;

import java.util.List;

/** Who signs the tokens the gateway of local mode accepts: the local issuer or a real Keycloak. */
interface TokenIssuer extends AutoCloseable {

  /** The {@code iss} of the tokens. */
  String issuer();

  /** Where the gateway fetches the signing keys. */
  String jwkSetUri();

  /**
   * An access token for {@code uid} with realm {@code roles}, valid for about an hour.
   *
   * @throws IllegalArgumentException when this issuer cannot give {@code uid} such a token
   */
  String token(String uid, List<String> roles);

  /** One line for the console: what it is and how to get a token from it. */
  String describe();

  @Override
  void close();
}
