package org.fangpin;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every module. */
@Configuration(proxyBeanMethods = false)
class FangpinConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
