package org.fangpin.casework;

import java.util.Arrays;
import java.util.List;

/**
 * A casework request that cannot be carried out: unknown case, a move the lifecycle does not allow, bad input. The
 * caller reads it in their language: {@link #code} names the sentence in the message bundle
 * ({@code casework.<code>}) and {@link #arguments} fill it; the exception's own message is for the log.
 */
public class CaseworkException extends RuntimeException {

	/** What went wrong, which decides the HTTP status. */
	public enum Kind {

		NOT_FOUND, CONFLICT, INVALID

	}

	private final Kind kind;

	private final String code;

	private final Object[] arguments;

	private final List<String> unmet;

	CaseworkException(Kind kind, List<String> unmet, String code, Object... arguments) {
		super(code + " " + Arrays.toString(arguments));
		this.kind = kind;
		this.code = code;
		this.arguments = arguments.clone();
		this.unmet = List.copyOf(unmet);
	}

	CaseworkException(Kind kind, String code, Object... arguments) {
		this(kind, List.of(), code, arguments);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The sentence that says what went wrong: {@code casework.<code>} in the message bundle. */
	public String code() {
		return this.code;
	}

	/** What fills the sentence, as text. */
	public Object[] arguments() {
		return Arrays.stream(this.arguments).map(String::valueOf).toArray();
	}

	/** The risk-elimination clauses not met, when an elimination was refused. */
	public List<String> unmet() {
		return this.unmet;
	}

}
