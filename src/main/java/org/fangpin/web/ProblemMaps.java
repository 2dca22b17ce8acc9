package org.fangpin.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fangpin.household.FieldError;
import org.fangpin.household.InvalidProfileException;
import org.fangpin.rules.ParameterNotInForceException;
import org.fangpin.rules.RuleEvaluationException;
import org.fangpin.screening.LineTooLongException;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem (RFC 9457) of one failed line of a batch, as a plain map to write inside the line's JSON: the same
 * type, title, detail and {@code errors} as the single-profile API gives for the same failure, but for malformed JSON,
 * whose detail gives the column within the line (the line's own number is beside the problem). Safe to share.
 */
public final class ProblemMaps {

	private final Problems problems;

	public ProblemMaps(Problems problems) {
		this.problems = problems;
	}

	/** Problem maps from the service's message bundle without a Spring context (the command line). */
	public static ProblemMaps standalone() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new ProblemMaps(new Problems(messages));
	}

	public Map<String, Object> of(RuntimeException ex, Locale locale) {
		ProblemDetail problem;
		if (ex instanceof InvalidProfileException invalid) {
			problem = this.problems.create(HttpStatus.BAD_REQUEST, "invalid-profile", locale, invalid.errors().size());
			problem.setProperty("errors", fieldErrors(invalid.errors(), locale));
		}
		else if (ex instanceof MalformedJsonException malformed) {
			problem = this.problems.create(HttpStatus.BAD_REQUEST, "malformed-json", locale);
			// Each line is parsed on its own, so the parser's line number is always 1: the column is what helps
			problem.setDetail(this.problems.message("problem.malformed-json.line-detail", locale, malformed.column(),
					malformed.getMessage()));
			if (malformed.field() != null) {
				problem.setProperty("errors",
						List.of(Map.of("field", malformed.field(), "message", malformed.getMessage())));
			}
		}
		else if (ex instanceof LineTooLongException tooLong) {
			problem = this.problems.create(HttpStatus.CONTENT_TOO_LARGE, "line-too-long", locale, tooLong.maxBytes());
		}
		else if (ex instanceof ParameterNotInForceException notInForce) {
			problem = this.problems.create(HttpStatus.UNPROCESSABLE_CONTENT, "parameter-not-in-force", locale,
					String.join(", ", notInForce.parameters()), notInForce.date());
			problem.setProperty("parameters", notInForce.parameters());
			problem.setProperty("date", notInForce.date().toString());
		}
		else if (ex instanceof RuleEvaluationException failed) {
			problem = this.problems.create(HttpStatus.UNPROCESSABLE_CONTENT, "rule-evaluation-failed", locale,
					failed.ruleId(), failed.getMessage());
			problem.setProperty("ruleId", failed.ruleId());
			problem.setProperty("file", failed.file());
		}
		else {
			problem = this.problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal", locale);
		}
		return toMap(problem);
	}

	/** A problem detail as the JSON object the API writes. */
	public static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", problem.getType().toString());
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

	private List<Map<String, String>> fieldErrors(List<FieldError> errors, Locale locale) {
		List<Map<String, String>> list = new ArrayList<>();
		for (FieldError error : errors) {
			list.add(Map.of("field", error.field(), "message",
					this.problems.message("field." + error.code(), locale, error.arguments().toArray())));
		}
		return list;
	}

}
