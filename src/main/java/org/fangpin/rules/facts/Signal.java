package org.fangpin.rules.facts;

/**
 * A risk signal (policy §3). {@code gap} marks the "three guarantees and water" signals that together make up GAP.
 */
public record Signal(String code, boolean gap) {

	public static Signal of(String code) {
		return new Signal(code, false);
	}

	public static Signal gap(String code) {
		return new Signal(code, true);
	}

}
