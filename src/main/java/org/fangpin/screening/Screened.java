package org.fangpin.screening;

import org.fangpin.rules.Evaluation;
import tools.jackson.databind.JsonNode;

/**
 * What screening one line gave: the profile as read and its evaluation, or the problem that stopped it (a bad
 * profile, malformed JSON, a line too long, a parameter not in force, a failing rule). Exactly one of
 * {@code evaluation} and {@code problem} is set.
 * @param line the line's number in the batch (1-based)
 * @param householdId the household's id when it could be read, else null
 * @param evaluationNanos how long the evaluation took, 0 when it did not run
 */
public record Screened(long line, String householdId, JsonNode profile, Evaluation evaluation,
		RuntimeException problem, long evaluationNanos) {

	public boolean ok() {
		return this.problem == null;
	}

}
