package org.fangpin.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An assessment's searchable columns without its profile and evaluation: enough to tell which assessment of a
 * household was in force on a date, and where the household lived then.
 */
public record AssessmentRow(UUID id, String householdId, LocalDate asOf, Instant assessedAt, String riskGroup,
		UUID supersedes, String county, String township, String village) {

}
