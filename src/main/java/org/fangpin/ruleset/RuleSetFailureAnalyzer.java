package org.fangpin.ruleset;

import org.fangpin.rules.RuleSetException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a rule set that fails to load at start-up into a short report naming each file, line and error. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RuleSetException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the files named above (or point fangpin.rules.dir at a valid rule set) and start again. "
						+ "'java -jar fangpin.jar check' reports the same problems without starting the service.",
				cause);
	}

}
