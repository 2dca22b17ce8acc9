package org.fangpin.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** A household's case with its history and the measures applied. */
@Schema(name = "HouseholdCase", description = "A household's case: opened when a stored assessment shows a risk "
		+ "and no case is open, carried through its states by caseworkers, with every change of state and every "
		+ "measure applied")
public record HouseholdCase(
		@Schema(description = "The case's id", example = "5b0c3f6e-2f7a-4d1b-9a57-0c1e8f3d2a44", format = "uuid",
				requiredMode = RequiredMode.REQUIRED) UUID id,
		@Schema(description = "The household's id", example = "140902-017-0031", requiredMode = RequiredMode.REQUIRED)
		String householdId,
		@Schema(description = "The case's state now", example = "IDENTIFIED", requiredMode = RequiredMode.REQUIRED)
		CaseState state,
		@Schema(description = "When the case was opened (UTC)", example = "2025-03-01T08:30:00Z",
				requiredMode = RequiredMode.REQUIRED) Instant openedAt,
		@Schema(description = "The date of the risk signal: the asOf of the assessment that opened the case",
				example = "2025-03-01", requiredMode = RequiredMode.REQUIRED) LocalDate signalledOn,
		@Schema(description = "The date by which identification is due: signalledOn plus the configured days "
				+ "(15 by default)", example = "2025-03-16", requiredMode = RequiredMode.REQUIRED)
		LocalDate identificationDue,
		@Schema(description = "When the household was identified; null until then", example = "2025-03-10",
				types = { "string", "null" }, format = "date", requiredMode = RequiredMode.REQUIRED)
		LocalDate identifiedOn,
		@Schema(description = "When the case was closed (ELIMINATED or NOT_INCLUDED); null while it is open",
				example = "2025-10-02", types = { "string", "null" }, format = "date",
				requiredMode = RequiredMode.REQUIRED) LocalDate closedOn,
		@Schema(description = "The household's eliminated case this one follows, when the household fell back "
				+ "after elimination; null otherwise", example = "0f4a6c1d-8e2b-4c3a-b5d6-7e8f9a0b1c2d",
				types = { "string", "null" }, format = "uuid", requiredMode = RequiredMode.REQUIRED) UUID previousCase,
		@Schema(description = "Who opened it", example = "system (assessment)", requiredMode = RequiredMode.REQUIRED)
		String openedBy,
		@ArraySchema(arraySchema = @Schema(description = "Every change of state, oldest first, from the opening "
				+ "(from null to SIGNALLED)", requiredMode = RequiredMode.REQUIRED)) List<Transition> transitions,
		@ArraySchema(arraySchema = @Schema(description = "Every measure applied, oldest first",
				requiredMode = RequiredMode.REQUIRED)) List<AppliedMeasure> measures) {

	/** One recorded change of state. */
	@Schema(name = "CaseTransition", description = "One recorded change of a case's state")
	public record Transition(
			@Schema(description = "The state before; null for the opening", example = "SIGNALLED", nullable = true,
					requiredMode = RequiredMode.REQUIRED) CaseState from,
			@Schema(description = "The state after", example = "IDENTIFIED", requiredMode = RequiredMode.REQUIRED)
			CaseState to,
			@Schema(description = "The date the change takes effect", example = "2025-03-10",
					requiredMode = RequiredMode.REQUIRED) LocalDate effectiveOn,
			@Schema(description = "When it was recorded (UTC)", example = "2025-03-10T09:12:00Z",
					requiredMode = RequiredMode.REQUIRED) Instant recordedAt,
			@Schema(description = "Who recorded it", example = "anonymous", requiredMode = RequiredMode.REQUIRED)
			String recordedBy,
			@Schema(description = "Why; null when none was given", example = "confirmed by the village committee",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String reason,
			@Schema(description = "ELIMINATED only: the assessment whose risk-elimination check allowed it; null "
					+ "otherwise", example = "01a22c10-17e6-7c55-bf00-db3119df4cb9", types = { "string", "null" },
					format = "uuid", requiredMode = RequiredMode.REQUIRED) UUID assessmentId) {

	}

	/** A measure actually applied, with its date and amount. */
	@Schema(name = "AppliedMeasure", description = "A measure actually applied to the household")
	public record AppliedMeasure(
			@Schema(description = "The measure, a code of the catalogue's measures", example = "MEDICAL_ASSISTANCE",
					requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "measures")))
			String code,
			@Schema(description = "The date it was applied", example = "2025-03-15",
					requiredMode = RequiredMode.REQUIRED) LocalDate appliedOn,
			@Schema(description = "The amount in yuan; null when none was given", example = "8000",
					types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED) BigDecimal amount,
			@Schema(description = "When it was recorded (UTC)", example = "2025-03-15T10:00:00Z",
					requiredMode = RequiredMode.REQUIRED) Instant recordedAt,
			@Schema(description = "Who recorded it", example = "anonymous", requiredMode = RequiredMode.REQUIRED)
			String recordedBy) {

	}

	/** Whether identification is overdue on {@code today}. */
	public boolean overdue(LocalDate today) {
		return this.state == CaseState.SIGNALLED && this.identificationDue.isBefore(today);
	}

}
