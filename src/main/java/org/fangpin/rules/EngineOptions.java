package org.fangpin.rules;

/**
 * How the engine runs a rule set.
 * @param maxFirings the most rule firings one evaluation may take; more means a rule loops
 */
public record EngineOptions(int maxFirings) {

	public static final EngineOptions DEFAULTS = new EngineOptions(10_000);

	public EngineOptions {
		if (maxFirings < 1) {
			throw new IllegalArgumentException("'maxFirings' must be positive");
		}
	}

}
