package org.fangpin.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;

/** A request body that is not well-formed JSON, with where the problem is. */
public class MalformedJsonException extends RuntimeException {

	private static final Pattern INTERNALS = Pattern.compile(", from `[^`]*`");

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"([^\"]+)\"");

	private final String field;

	private final int line;

	private final int column;

	public MalformedJsonException(String message, String field, int line, int column) {
		super(message);
		this.field = field;
		this.line = line;
		this.column = column;
	}

	static MalformedJsonException from(JacksonException ex) {
		int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
		int column = (ex.getLocation() != null) ? ex.getLocation().getColumnNr() : 0;
		String field = toField(ex);
		Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
		if (field == null && duplicate.find() && ex.processor() instanceof JsonParser parser) {
			String parent = fromPointer(parser.streamReadContext().pathAsPointer().toString());
			String name = duplicate.group(1);
			field = parent.equals(name) || parent.endsWith("." + name) ? parent
					: (parent.isEmpty() ? name : parent + "." + name);
		}
		// Jackson's texts name its own classes and settings, which mean nothing to the caller
		String message = (ex.getOriginalMessage() != null) ? INTERNALS.matcher(ex.getOriginalMessage()).replaceAll("")
				: null;
		if (message != null && message.startsWith("Trailing token")) {
			message = "there is more content after the JSON value";
		}
		if (message != null && message.length() > 300) {
			message = message.substring(0, 300) + "…";
		}
		return new MalformedJsonException(message, field, line, column);
	}

	/** The same failure, placed where {@code parser} stopped on it. */
	MalformedJsonException at(JsonParser parser) {
		String here = fromPointer(parser.streamReadContext().pathAsPointer().toString());
		return new MalformedJsonException(getMessage(), (this.field != null || here.isEmpty()) ? this.field : here,
				parser.currentLocation().getLineNr(), parser.currentLocation().getColumnNr());
	}

	/** {@code /members/0} to {@code members[0]}. */
	private static String fromPointer(String pointer) {
		StringBuilder field = new StringBuilder();
		for (String segment : pointer.split("/")) {
			if (segment.isEmpty()) {
				continue;
			}
			if (segment.chars().allMatch(Character::isDigit)) {
				field.append('[').append(segment).append(']');
			}
			else {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(segment.replace("~1", "/").replace("~0", "~"));
			}
		}
		return field.toString();
	}

	private static String toField(JacksonException ex) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.isEmpty() ? null : field.toString();
	}

	public String field() {
		return this.field;
	}

	public int line() {
		return this.line;
	}

	public int column() {
		return this.column;
	}

}
