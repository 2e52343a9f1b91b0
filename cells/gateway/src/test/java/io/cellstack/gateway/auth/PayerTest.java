package io.cellstack.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PayerTest {

  private static final List<String> NO_ROLES = List.of();
  private static final List<String> SERVICE = List.of("ROLE_cellstack-service");

  @Test
  void actsForTheSubjectWithoutHeader() {
    assertThat(Payer.resolve("2088000000000042", NO_ROLES, null))
        .isEqualTo(new Payer.Outcome.Acting("2088000000000042"));
  }

  @Test
  void acceptsTheSubjectRepeatedInTheHeader() {
    assertThat(Payer.resolve("u-1", NO_ROLES, "u-1")).isEqualTo(new Payer.Outcome.Acting("u-1"));
  }

  @Test
  void refusesAnotherUidWithoutTheServiceRole() {
    assertThat(Payer.resolve("u-1", List.of("ROLE_cellstack-admin"), "u-2"))
        .isInstanceOf(Payer.Outcome.NotSubject.class);
  }

  @Test
  void letsTheServiceRoleActForAnotherUid() {
    assertThat(Payer.resolve("svc", SERVICE, "u-2")).isEqualTo(new Payer.Outcome.Acting("u-2"));
  }

  @Test
  void refusesMalformedUids() {
    assertThat(Payer.resolve("svc", SERVICE, "a b")).isInstanceOf(Payer.Outcome.Malformed.class);
    assertThat(Payer.resolve("", NO_ROLES, null)).isInstanceOf(Payer.Outcome.Malformed.class);
  }
}
