package org.fangpin.web;

import tools.jackson.core.StreamWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Money goes out as plain decimals ({@code 8700.00}, never {@code 8.7E+3}). */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer plainDecimals() {
		return (builder) -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
	}

}
