package io.cellstack.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A deployed function gets its keyspaces from two places: the connection from {@code
 * SPRING_APPLICATION_JSON} (a CellFunction's env) and the password from an environment variable its
 * Secret fills (the CellFunction's secretEnv). Both must land in the same keyspace.
 */
class KeyspacePropertiesBindingTest {

  @Test
  void aPasswordFromTheEnvironmentJoinsTheConnectionFromJson() {
    MutablePropertySources sources = new MutablePropertySources();
    sources.addLast(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of("CELLSTACK_DATA_KEYSPACES_PAYMENT_PASSWORD", "from-secret")));
    sources.addLast(
        new MapPropertySource(
            "spring.application.json",
            Map.of(
                "cellstack.data.keyspaces.payment.jdbc-url", "jdbc:mysql://vtgate:3306/payment",
                "cellstack.data.keyspaces.payment.username", "cellstack")));

    KeyspaceProperties properties =
        new Binder(ConfigurationPropertySources.from(sources))
            .bind("cellstack.data", KeyspaceProperties.class)
            .get();

    assertThat(properties.keyspaces())
        .containsOnlyKeys("payment")
        .containsEntry(
            "payment",
            new KeyspaceProperties.Keyspace(
                "jdbc:mysql://vtgate:3306/payment", "cellstack", "from-secret", null));
  }
}
