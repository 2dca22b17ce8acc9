package org.fangpin.screening;

/** A line of a batch that is longer than the bound on one line; the batch goes on with the next line. */
public class LineTooLongException extends RuntimeException {

	private final int maxBytes;

	public LineTooLongException(int maxBytes) {
		super("the line is longer than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	public int maxBytes() {
		return this.maxBytes;
	}

}
