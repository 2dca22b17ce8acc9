package org.fangpin.web;

import org.apache.catalina.core.StandardHost;
import org.apache.coyote.http11.AbstractHttp11Protocol;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Request size limits in front of everything else, and Tomcat's own refusals as problem details. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	/** Before Spring Security's filters (order -100): a huge body is refused before anyone reads it. */
	static final int ORDER = -200;

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(LimitsProperties limits,
			ProblemResponses problems) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(limits, problems));
		registration.setOrder(ORDER);
		return registration;
	}

	/**
	 * Answers {@code Expect: 100-continue} only when the service starts reading the body, so a client that asks
	 * first never sends a body that is refused on its declared length.
	 */
	@Bean
	TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> continueOnRead() {
		return (protocol) -> protocol.setContinueResponseTiming("onRead");
	}

	/** A request Tomcat refuses itself (a malformed URI, say) gets a problem detail, not an HTML page. */
	@Bean
	TomcatContextCustomizer problemErrorReports() {
		return (context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		};
	}

}
