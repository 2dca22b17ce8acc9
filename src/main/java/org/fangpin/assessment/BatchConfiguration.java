package org.fangpin.assessment;

import org.fangpin.screening.OrderedParallel;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workers that evaluate batches and impact analyses on every core. */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

	@Bean(destroyMethod = "close")
	OrderedParallel batchWorkers(BatchProperties properties) {
		return OrderedParallel.ofThreads(properties.workers(), "fangpin-batch");
	}

}
