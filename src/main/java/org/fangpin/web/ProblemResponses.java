package org.fangpin.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes a problem detail straight to the servlet response, for the filters that answer before Spring MVC does
 * (authentication, authorization, request size). The text follows the caller's {@code Accept-Language} as
 * everywhere else.
 */
@Component
public class ProblemResponses {

	private final Problems problems;

	private final LocaleResolver locales;

	private final JsonMapper json = JsonMapper.builder().build();

	public ProblemResponses(Problems problems, LocaleResolver locales) {
		this.problems = problems;
		this.locales = locales;
	}

	/**
	 * Writes the problem and flushes it, so that it reaches the client even when the server then closes the
	 * connection instead of reading the rest of a large body.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
			Object... arguments) throws IOException {
		write(request, response, create(request, status, slug, arguments));
	}

	/** A problem in the caller's language, to add properties to before {@link #write writing} it. */
	public ProblemDetail create(HttpServletRequest request, HttpStatus status, String slug, Object... arguments) {
		return this.problems.create(status, slug, this.locales.resolveLocale(request), arguments);
	}

	/** A message of the bundle in the caller's language, or null when the bundle has none of that code. */
	public String message(HttpServletRequest request, String code) {
		String message = this.problems.message(code, this.locales.resolveLocale(request));
		return code.equals(message) ? null : message;
	}

	/** Writes a problem already built, with its extra properties, and flushes it. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		body.put("instance", instance(request));
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(body));
		response.flushBuffer();
	}

	/** The address the caller asked for, also when the container forwarded the request to its error page. */
	static String instance(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return (original instanceof String uri) ? uri : request.getRequestURI();
	}

}
