package org.fangpin.casework;

import java.util.Set;

/** The states of a household's case and the moves a caseworker may record between them. */
public enum CaseState {

	SIGNALLED, IDENTIFIED, ASSISTED, ELIMINATED, NOT_INCLUDED;

	/** The states a caseworker may move this one to. */
	public Set<CaseState> next() {
		return switch (this) {
			case SIGNALLED -> Set.of(IDENTIFIED, NOT_INCLUDED);
			case IDENTIFIED -> Set.of(ASSISTED, ELIMINATED);
			case ASSISTED -> Set.of(ELIMINATED);
			case ELIMINATED, NOT_INCLUDED -> Set.of();
		};
	}

	public boolean open() {
		return this != ELIMINATED && this != NOT_INCLUDED;
	}

}
