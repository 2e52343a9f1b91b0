package io.cellstack.functions.common;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Registers {@link AnswerFilter} inside the ownership filter, and the app's {@link EventRoutes} if
 * it declares them.
 */
@AutoConfiguration
public class FunctionsAutoConfiguration {

  @Bean
  FilterRegistrationBean<AnswerFilter> answerFilter(
      @Value("${cellstack.function.max-body-bytes:16KB}") DataSize maxBodyBytes) {
    FilterRegistrationBean<AnswerFilter> registration =
        new FilterRegistrationBean<>(new AnswerFilter(maxBodyBytes.toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  @ConditionalOnBean(EventRoutes.class)
  FilterRegistrationBean<EventRoutes> eventRoutesFilter(EventRoutes routes) {
    FilterRegistrationBean<EventRoutes> registration = new FilterRegistrationBean<>(routes);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }
}
