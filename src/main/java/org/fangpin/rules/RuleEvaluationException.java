package org.fangpin.rules;

/**
 * Thrown when an evaluation cannot finish: a rule threw, or the rules fired more often than the configured cap (a
 * rule that loops). It names the rule; nothing of the evaluation is kept.
 */
public class RuleEvaluationException extends RuntimeException {

	private final String ruleId;

	private final String file;

	public RuleEvaluationException(String message, String ruleId, String file, Throwable cause) {
		super(message, cause);
		this.ruleId = ruleId;
		this.file = file;
	}

	public String ruleId() {
		return this.ruleId;
	}

	public String file() {
		return this.file;
	}

}
