package org.fangpin.casework;

import java.util.List;

/** A casework request that cannot be carried out: unknown case, a move the lifecycle does not allow, bad input. */
public class CaseworkException extends RuntimeException {

	/** What went wrong, which decides the HTTP status. */
	public enum Kind {

		NOT_FOUND, CONFLICT, INVALID

	}

	private final Kind kind;

	private final List<String> unmet;

	public CaseworkException(Kind kind, String message, List<String> unmet) {
		super(message);
		this.kind = kind;
		this.unmet = List.copyOf(unmet);
	}

	public CaseworkException(Kind kind, String message) {
		this(kind, message, List.of());
	}

	public Kind kind() {
		return this.kind;
	}

	/** The risk-elimination clauses not met, when an elimination was refused. */
	public List<String> unmet() {
		return this.unmet;
	}

}
