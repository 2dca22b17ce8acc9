package org.fangpin.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * Thrown when a parameter that the rules read has no value in force on the assessment date. The engine never
 * guesses a value.
 */
public class ParameterNotInForceException extends RuntimeException {

	private final List<String> parameters;

	private final LocalDate date;

	public ParameterNotInForceException(List<String> parameters, LocalDate date) {
		super("No value in force on " + date + " for parameter(s) " + String.join(", ", parameters));
		this.parameters = List.copyOf(parameters);
		this.date = date;
	}

	public List<String> parameters() {
		return this.parameters;
	}

	public LocalDate date() {
		return this.date;
	}

}
