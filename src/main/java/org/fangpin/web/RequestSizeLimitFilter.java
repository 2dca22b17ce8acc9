package org.fangpin.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over their limit (see {@link LimitsProperties}) with a 413 problem: at once when the
 * declared {@code Content-Length} is too large, and while reading when a body without one (chunked) grows too large.
 * It runs before authentication, so nobody can make the service buffer a huge body.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

	static final String NDJSON = "application/x-ndjson";

	static final String IMPACT = "/api/v1/ruleset/impact";

	private final LimitsProperties limits;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(LimitsProperties limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DataSize limit = limitFor(request);
		long declared = request.getContentLengthLong();
		if (declared > limit.toBytes()) {
			ProblemDetail problem = this.problems.create(request, HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
					describe(limit));
			problem.setProperty("limit", limit.toBytes());
			this.problems.write(request, response, problem);
			return;
		}
		if (declared == 0) {
			chain.doFilter(request, response);
			return;
		}
		LimitedRequest limited = new LimitedRequest(request, limit);
		chain.doFilter(limited, response);
		if (limited.exceeded) {
			// Send the problem now: Tomcat closes the connection rather than read the rest of the body.
			response.flushBuffer();
		}
	}

	private DataSize limitFor(HttpServletRequest request) {
		String type = (request.getContentType() != null) ? request.getContentType().toLowerCase() : "";
		// A population uploaded for an impact analysis is as large as a batch.
		boolean population = type.startsWith("multipart/") && IMPACT.equals(request.getRequestURI());
		return (type.startsWith(NDJSON) || population) ? this.limits.maxBatchBody() : this.limits.maxBody();
	}

	static String describe(DataSize limit) {
		long bytes = limit.toBytes();
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		return (bytes % 1024 == 0) ? (bytes / 1024) + " KB" : bytes + " bytes";
	}

	/** A request whose body stream counts what it hands out and stops at the limit. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private ServletInputStream stream;

		private boolean exceeded;

		LimitedRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new CountingStream(super.getInputStream());
			}
			return this.stream;
		}

		private final class CountingStream extends ServletInputStream {

			private final ServletInputStream delegate;

			private long count;

			CountingStream(ServletInputStream delegate) {
				this.delegate = delegate;
			}

			@Override
			public int read() throws IOException {
				int value = this.delegate.read();
				if (value >= 0) {
					counted(1);
				}
				return value;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) throws IOException {
				int read = this.delegate.read(buffer, offset, length);
				if (read > 0) {
					counted(read);
				}
				return read;
			}

			private void counted(int bytes) {
				this.count += bytes;
				if (this.count > LimitedRequest.this.limit.toBytes()) {
					LimitedRequest.this.exceeded = true;
					throw new PayloadTooLargeException(LimitedRequest.this.limit);
				}
			}

			@Override
			public boolean isFinished() {
				return this.delegate.isFinished();
			}

			@Override
			public boolean isReady() {
				return this.delegate.isReady();
			}

			@Override
			public void setReadListener(ReadListener listener) {
				this.delegate.setReadListener(listener);
			}

		}

	}

}
