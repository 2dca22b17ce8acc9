package org.fangpin.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * One problem with a rule set: the file (relative to the rule set's root, e.g. {@code 50-measures/measures.drl}),
 * its line and column where known (0 when not), and what is wrong.
 */
@Schema(name = "RuleSetProblem", description = "One problem with a rule set: where it is and what is wrong")
public record RuleSetProblem(
		@Schema(description = "The file, relative to the rule set's root (rules/); null when the problem belongs to "
				+ "no one file", example = "50-measures/measures.drl", types = { "string", "null" },
				requiredMode = RequiredMode.REQUIRED) String file,
		@Schema(description = "The line, from 1; 0 when not known", example = "112", minimum = "0",
				requiredMode = RequiredMode.REQUIRED) int line,
		@Schema(description = "The column, from 1; 0 when not known", example = "5", minimum = "0",
				requiredMode = RequiredMode.REQUIRED) int column,
		@Schema(description = "What is wrong", example = "rule 'M-08 rural dibao' has no @clause",
				requiredMode = RequiredMode.REQUIRED) String message) {

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
