package org.fangpin.operations;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is 1–64 characters of
 * {@code A-Z a-z 0-9 - _}, a new UUID otherwise. The id is in the MDC (key {@code correlationId}) for every log line
 * of the request, and in the response's {@code X-Correlation-Id}, error responses included (the header is set before
 * anything can fail).
 */
class CorrelationIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Correlation-Id";

	static final String MDC_KEY = "correlationId";

	static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = correlationId(request, response);
		response.setHeader(HEADER, id);
		String previous = MDC.get(MDC_KEY);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (previous != null) {
				MDC.put(MDC_KEY, previous);
			}
			else {
				MDC.remove(MDC_KEY);
			}
		}
	}

	/** An error dispatch keeps the id its request already has. */
	private static String correlationId(HttpServletRequest request, HttpServletResponse response) {
		String assigned = response.getHeader(HEADER);
		if (assigned != null) {
			return assigned;
		}
		String sent = request.getHeader(HEADER);
		return (sent != null && VALID.matcher(sent).matches()) ? sent : UUID.randomUUID().toString();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
