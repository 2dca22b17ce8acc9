package org.fangpin.casework;

import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;

/** The states of a household's case and the moves a caseworker may record between them. */
@Schema(name = "CaseState", enumAsRef = true, example = "SIGNALLED",
		description = "The state of a household's case. SIGNALLED (a stored assessment showed a risk; identification "
				+ "is due within the configured days) moves to IDENTIFIED or NOT_INCLUDED; IDENTIFIED to ASSISTED (a "
				+ "measure applied) or ELIMINATED; ASSISTED to ELIMINATED. ELIMINATED and NOT_INCLUDED are closed")
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
