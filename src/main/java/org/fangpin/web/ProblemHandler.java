package org.fangpin.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.fangpin.assessment.AssessmentNotFoundException;
import org.fangpin.casework.CaseworkException;
import org.fangpin.household.FieldError;
import org.fangpin.household.InvalidProfileException;
import org.fangpin.rules.ParameterNotInForceException;
import org.fangpin.rules.RuleEvaluationException;
import org.fangpin.ruleset.RuleSetPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into a problem detail in the caller's language. Bad input is a 4xx that names the field;
 * anything unexpected is a 500 that tells nothing of the internals (and is logged).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ProblemHandler.class);

	/** The most field errors one problem lists. */
	static final int MAX_ERRORS = 100;

	private final Problems problems;

	ProblemHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ProblemDetail invalidProfile(InvalidProfileException ex, Locale locale) {
		ProblemDetail problem = this.problems.create(HttpStatus.BAD_REQUEST, "invalid-profile", locale,
				ex.errors().size());
		// A hostile profile can have hundreds of thousands of bad fields; the first ones are enough to act on.
		problem.setProperty("errors", fieldErrors(ex.errors().subList(0, Math.min(MAX_ERRORS, ex.errors().size())),
				locale));
		if (ex.errors().size() > MAX_ERRORS) {
			problem.setProperty("errorsTruncated", true);
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail payloadTooLarge(PayloadTooLargeException ex, Locale locale) {
		ProblemDetail problem = this.problems.create(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", locale,
				RequestSizeLimitFilter.describe(ex.limit()));
		problem.setProperty("limit", ex.limit().toBytes());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail malformedJson(MalformedJsonException ex, Locale locale) {
		ProblemDetail problem = this.problems.create(HttpStatus.BAD_REQUEST, "malformed-json", locale, ex.line(),
				ex.column(), ex.getMessage());
		if (ex.field() != null) {
			problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail parameterNotInForce(ParameterNotInForceException ex, Locale locale) {
		ProblemDetail problem = this.problems.create(HttpStatus.UNPROCESSABLE_CONTENT, "parameter-not-in-force",
				locale, String.join(", ", ex.parameters()), ex.date());
		problem.setProperty("parameters", ex.parameters());
		problem.setProperty("date", ex.date().toString());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail ruleFailed(RuleEvaluationException ex, Locale locale) {
		logger.warn("Evaluation stopped: {}", ex.getMessage());
		ProblemDetail problem = this.problems.create(HttpStatus.UNPROCESSABLE_CONTENT, "rule-evaluation-failed",
				locale, ex.ruleId(), ex.getMessage());
		problem.setProperty("ruleId", ex.ruleId());
		problem.setProperty("file", ex.file());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(AssessmentNotFoundException ex, Locale locale) {
		return this.problems.create(HttpStatus.NOT_FOUND, "assessment-not-found", locale, ex.id());
	}

	@ExceptionHandler
	ProblemDetail unknownVersion(RuleSetPublisher.UnknownRuleSetVersionException ex, Locale locale) {
		return this.problems.create(HttpStatus.NOT_FOUND, "rule-set-version-not-found", locale, ex.version());
	}

	@ExceptionHandler
	ProblemDetail casework(CaseworkException ex, Locale locale) {
		HttpStatus status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = this.problems.create(status,
				"casework-" + ex.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), locale,
				this.problems.message("casework." + ex.code(), locale, ex.arguments()));
		if (!ex.unmet().isEmpty()) {
			problem.setProperty("unmet", ex.unmet());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unexpected(Exception ex, Locale locale) {
		logger.error("Unexpected failure", ex);
		return this.problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "internal", locale);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			String slug = "http-" + statusCode.value();
			problem.setType(Problems.type(slug));
			Locale locale = LocaleContextHolder.getLocale();
			problem.setTitle(this.problems.message("problem." + slug + ".title", locale));
			problem.setDetail(detail(ex, slug, problem.getDetail(), request, locale));
		}
		return response;
	}

	/**
	 * The detail in the caller's language, naming what was wrong with the request. Spring's own text, in English and
	 * naming its classes, is kept only for the failures not listed here.
	 */
	private String detail(Exception ex, String slug, String springDetail, WebRequest request, Locale locale) {
		String key = "problem." + slug + ".detail";
		if (ex instanceof HttpRequestMethodNotSupportedException method) {
			return this.problems.message(key, locale, method.getMethod(), (method.getSupportedMethods() != null)
					? String.join(", ", method.getSupportedMethods()) : "");
		}
		if (ex instanceof HttpMediaTypeNotSupportedException type) {
			return this.problems.message(key, locale,
					(type.getContentType() != null) ? type.getContentType().toString() : "-",
					MediaType.toString(type.getSupportedMediaTypes()));
		}
		if (ex instanceof HttpMediaTypeNotAcceptableException accept) {
			return this.problems.message(key, locale, MediaType.toString(accept.getSupportedMediaTypes()));
		}
		if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
			return this.problems.message(key, locale, (request instanceof ServletWebRequest servlet)
					? servlet.getRequest().getRequestURI() : springDetail);
		}
		if (ex instanceof MissingServletRequestParameterException missing) {
			return this.problems.message("problem.http-400.parameter-missing", locale, missing.getParameterName());
		}
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return this.problems.message("problem.http-400.parameter-type", locale, mismatch.getName(),
					mismatch.getValue(), expected(mismatch.getRequiredType(), locale));
		}
		if (ex instanceof HttpMessageNotReadableException unreadable && unreadable.getMessage() != null
				&& unreadable.getMessage().startsWith("Required request body is missing")) {
			return this.problems.message("problem.http-400.body-missing", locale);
		}
		return this.problems.message(key, locale, springDetail);
	}

	/** What a query parameter of this type must be, as the field messages say it. */
	private String expected(Class<?> type, Locale locale) {
		if (type == null) {
			return "";
		}
		if (type.isEnum()) {
			return this.problems.message("field.code.unknown", locale, Arrays.stream(type.getEnumConstants())
				.map(String::valueOf)
				.collect(Collectors.joining(", ")));
		}
		String code = (type == Boolean.class || type == boolean.class) ? "boolean"
				: (type == LocalDate.class) ? "date"
						: (type == UUID.class) ? "uuid"
								: (type == Integer.class || type == int.class || type == Long.class
										|| type == long.class) ? "integer"
												: Number.class.isAssignableFrom(type) ? "number" : "string";
		return this.problems.message("field.type." + code, locale);
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
