package org.fangpin.rules;

/**
 * One problem with a rule set: the file (relative to the rule set's root, e.g. {@code 50-measures/measures.drl}),
 * its line and column where known (0 when not), and what is wrong.
 */
public record RuleSetProblem(String file, int line, int column, String message) {

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder((this.file != null) ? this.file : "(rule set)");
		if (this.line > 0) {
			text.append(':').append(this.line);
			if (this.column > 0) {
				text.append(':').append(this.column);
			}
		}
		return text.append(": ").append(this.message).toString();
	}

}
