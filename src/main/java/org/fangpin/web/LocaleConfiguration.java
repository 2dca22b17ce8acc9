package org.fangpin.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Chooses the language of labels, reasons, explanations and problems: {@code zh-CN} by default, or {@code en}. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	static final Locale CHINESE = Locale.forLanguageTag("zh-CN");

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver() {

			@Override
			public Locale resolveLocale(jakarta.servlet.http.HttpServletRequest request) {
				Locale locale = super.resolveLocale(request);
				return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE;
			}

		};
		resolver.setSupportedLocales(List.of(CHINESE, Locale.ENGLISH));
		resolver.setDefaultLocale(CHINESE);
		return resolver;
	}

}
