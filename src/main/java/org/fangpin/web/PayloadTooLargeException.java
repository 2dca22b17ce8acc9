package org.fangpin.web;

import org.springframework.util.unit.DataSize;

/** Thrown while a request body is read when it turns out larger than its limit. */
public class PayloadTooLargeException extends RuntimeException {

	private final DataSize limit;

	public PayloadTooLargeException(DataSize limit) {
		super("The request body is larger than " + RequestSizeLimitFilter.describe(limit));
		this.limit = limit;
	}

	public DataSize limit() {
		return this.limit;
	}

}
