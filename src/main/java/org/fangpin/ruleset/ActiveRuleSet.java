package org.fangpin.ruleset;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.fangpin.rules.RuleSet;

/**
 * The rule set in force. Readers take {@link #current()} once per evaluation and keep it, so a swap never changes
 * the rules under a running evaluation.
 */
public class ActiveRuleSet {

	private final AtomicReference<Activation> current;

	public ActiveRuleSet(RuleSet ruleSet, String activatedBy, Instant activatedAt) {
		this.current = new AtomicReference<>(new Activation(ruleSet, activatedBy, activatedAt));
	}

	public Activation current() {
		return this.current.get();
	}

	public RuleSet ruleSet() {
		return current().ruleSet();
	}

	/** A rule set with who activated it and when. */
	public record Activation(RuleSet ruleSet, String activatedBy, Instant activatedAt) {

	}

}
