package org.fangpin.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the reviewer console's page at {@code /console}; the page reads its query string itself. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

	static final String PAGE = "/console/index.html";

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		// a forward, not a redirect, so that /console?assessment={id} stays the address a reviewer shares
		registry.addViewController("/console").setViewName("forward:" + PAGE);
		registry.addViewController("/console/").setViewName("forward:" + PAGE);
	}

}
