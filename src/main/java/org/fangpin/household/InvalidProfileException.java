package org.fangpin.household;

import java.util.List;

/** Thrown when a household profile breaks the API contract; it lists every bad field, not just the first. */
public class InvalidProfileException extends RuntimeException {

	private final List<FieldError> errors;

	public InvalidProfileException(List<FieldError> errors) {
		super(errors.size() + " invalid field(s): "
				+ errors.stream().map(FieldError::field).distinct().limit(10).toList());
		this.errors = List.copyOf(errors);
	}

	public List<FieldError> errors() {
		return this.errors;
	}

}
