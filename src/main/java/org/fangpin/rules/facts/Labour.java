package org.fangpin.rules.facts;

/** D7: the labour class of one member. */
public record Labour(int member, Kind kind) {

	/** Full, weak or no labour. */
	public enum Kind {

		FULL, WEAK, NONE

	}

}
