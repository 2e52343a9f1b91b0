package io.cellstack.devservices;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects the shared {@link DevServices} (see {@link SharedDevServices})
 * into test constructors, test methods and {@code @BeforeAll}/{@code @BeforeEach} methods.
 */
public final class DevServicesExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DevServices.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SharedDevServices.pulsarAndMariaDb();
  }
}
