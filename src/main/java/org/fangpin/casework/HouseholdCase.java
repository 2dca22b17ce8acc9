package org.fangpin.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A household's case with its history and the measures applied. */
public record HouseholdCase(UUID id, String householdId, CaseState state, Instant openedAt, LocalDate signalledOn,
		LocalDate identificationDue, LocalDate identifiedOn, LocalDate closedOn, UUID previousCase, String openedBy,
		List<Transition> transitions, List<AppliedMeasure> measures) {

	/** One recorded change of state. */
	public record Transition(CaseState from, CaseState to, LocalDate effectiveOn, Instant recordedAt,
			String recordedBy, String reason, UUID assessmentId) {

	}

	/** A measure actually applied, with its date and amount. */
	public record AppliedMeasure(String code, LocalDate appliedOn, BigDecimal amount, Instant recordedAt,
			String recordedBy) {

	}

	/** Whether identification is overdue on {@code today}. */
	public boolean overdue(LocalDate today) {
		return this.state == CaseState.SIGNALLED && this.identificationDue.isBefore(today);
	}

}
