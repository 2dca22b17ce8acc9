package org.fangpin.web;

import java.net.URI;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds problem details (RFC 9457) whose title and detail come from the message bundle in the caller's language.
 * Every problem type is {@code urn:fangpin:problem:<slug>}.
 */
@Component
public class Problems {

	private final MessageSource messages;

	public Problems(MessageSource messages) {
		this.messages = messages;
	}

	public ProblemDetail create(HttpStatus status, String slug, Locale locale, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(type(slug));
		problem.setTitle(message("problem." + slug + ".title", locale));
		problem.setDetail(message("problem." + slug + ".detail", locale, arguments));
		return problem;
	}

	public String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, code, locale);
	}

	public static URI type(String slug) {
		return URI.create("urn:fangpin:problem:" + slug);
	}

}
