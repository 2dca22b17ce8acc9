package org.fangpin.household;

import java.util.List;
import java.util.Objects;

/**
 * One problem with one field of a request: the field's path ({@code members[2].age}), a message code and the values
 * the message needs. The web layer turns the code into text in the caller's language.
 */
public record FieldError(String field, String code, List<Object> arguments) {

	public FieldError {
		Objects.requireNonNull(field, "'field' must not be null");
		Objects.requireNonNull(code, "'code' must not be null");
		arguments = List.copyOf(arguments);
	}

	public static FieldError of(String field, String code, Object... arguments) {
		return new FieldError(field, code, List.of(arguments));
	}

	/** The field and its code, for texts with no message bundle at hand: {@code income.wages (decimals [2])}. */
	public String describe() {
		return this.field + " (" + this.code + (this.arguments.isEmpty() ? "" : " " + this.arguments) + ")";
	}

}
