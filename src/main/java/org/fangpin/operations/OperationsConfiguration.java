package org.fangpin.operations;

import java.util.EnumSet;

import jakarta.servlet.DispatcherType;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The correlation id filter, first of all filters so that every log line of a request carries the id. */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

	@Bean
	FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
		FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(
				new CorrelationIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR));
		return registration;
	}

	@Bean
	OpenApiCustomizer correlationIdHeaders() {
		return new CorrelationIdHeaders();
	}

}
