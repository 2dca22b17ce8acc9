package org.fangpin.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.web.ProblemDocument;

/**
 * The request bodies of the casework API and the lines of the department alerts' answer, for the OpenAPI document
 * only: {@link CaseworkController} and {@link DepartmentAlerts} read and write them as JSON trees, and these records
 * describe what they accept and write.
 */
final class CaseworkDocuments {

	private CaseworkDocuments() {
	}

	@Schema(name = "CaseTransitionRequest", description = "A change of a case's state, as a caseworker records it")
	record TransitionRequest(
			@Schema(description = "The state to move to; the case's state decides which are allowed (CaseState)",
					example = "IDENTIFIED", requiredMode = RequiredMode.REQUIRED) CaseState to,
			@Schema(description = "The date the change takes effect (ISO-8601); today in Asia/Shanghai when absent",
					example = "2025-03-10") LocalDate date,
			@Schema(description = "Why; required for NOT_INCLUDED", example = "confirmed by the village committee")
			String reason) {

	}

	@Schema(name = "AppliedMeasureRequest", description = "A measure actually applied to the household of an "
			+ "identified or assisted case; an identified case becomes ASSISTED")
	record MeasureRequest(
			@Schema(description = "The measure, a code of the catalogue's measures", example = "MEDICAL_ASSISTANCE",
					requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "measures")))
			String code,
			@Schema(description = "The date it was applied (ISO-8601); today in Asia/Shanghai when absent",
					example = "2025-03-15") LocalDate date,
			@Schema(description = "The amount in yuan, at least 0 with at most 2 decimals; absent or null when none",
					example = "8000", minimum = "0", multipleOf = 0.01, types = { "number", "null" })
			BigDecimal amount) {

	}

	@Schema(name = "DepartmentAlert", description = "One record of another department's screening (部门筛查预警), "
			+ "one JSON object a line. The facts are applied to the household's latest profile, which is assessed "
			+ "again on the alert's date and stored with the alert as its cause")
	record Alert(
			@Schema(description = "The household's id; the household must have been assessed",
					example = "140902-017-0031", requiredMode = RequiredMode.REQUIRED) String householdId,
			@Schema(description = "The alert's date (ISO-8601): not in the future, and not before the household's "
					+ "latest assessment", example = "2025-03-01", requiredMode = RequiredMode.REQUIRED)
			LocalDate date,
			@Schema(description = "Which department, which decides the facts: MEDICAL_INSURANCE (outOfPocket), "
					+ "CIVIL_AFFAIRS (dibao), EMERGENCY_MANAGEMENT (event, loss) or HUMAN_RESOURCES (member)",
					example = "MEDICAL_INSURANCE", allowableValues = { "MEDICAL_INSURANCE", "CIVIL_AFFAIRS",
							"EMERGENCY_MANAGEMENT", "HUMAN_RESOURCES" },
					requiredMode = RequiredMode.REQUIRED) String kind,
			@Schema(description = "What the department found", requiredMode = RequiredMode.REQUIRED) Facts facts) {

	}

	@Schema(name = "DepartmentAlertFacts", description = "What a department found; which fields count depends on "
			+ "the alert's kind")
	record Facts(
			@Schema(description = "MEDICAL_INSURANCE, required: out-of-pocket medical costs in yuan, at least 0, "
					+ "added to the profile's expenses.medicalOutOfPocket", example = "15000", minimum = "0")
			BigDecimal outOfPocket,
			@Schema(description = "CIVIL_AFFAIRS, required: GRANTED adds DIBAO to the profile's supports, STOPPED "
					+ "removes it", example = "GRANTED", allowableValues = { "GRANTED", "STOPPED" }) String dibao,
			@Schema(description = "EMERGENCY_MANAGEMENT: the event added to the profile on the alert's date; "
					+ "NATURAL_DISASTER when absent", example = "NATURAL_DISASTER",
					allowableValues = { "NATURAL_DISASTER", "ACCIDENT" }) String event,
			@Schema(description = "EMERGENCY_MANAGEMENT, optional: the event's loss in yuan, at least 0",
					example = "30000", minimum = "0") BigDecimal loss,
			@Schema(description = "HUMAN_RESOURCES, required: the index (from 0) of the member who lost their job; "
					+ "the member becomes UNEMPLOYED and a JOB_LOSS event is added", example = "0", minimum = "0")
			Integer member) {

	}

	@Schema(name = "DepartmentAlertResult", description = "The answer to one alert record, one JSON object a line, "
			+ "in the order of the records: the new assessment when the alert was applied, or a problem. A bad "
			+ "record never stops the others")
	record AlertResult(
			@Schema(description = "The record's line number in the request, from 1 (blank lines are skipped but "
					+ "counted)", example = "1", minimum = "1", requiredMode = RequiredMode.REQUIRED) int line,
			@Schema(description = "The record's household; absent when the line could not be read, null when it "
					+ "has none", example = "140902-017-0031", types = { "string", "null" }) String householdId,
			@Schema(description = "Applied only: the id the alert was recorded with",
					example = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", format = "uuid") String alertId,
			@Schema(description = "Applied only: the id of the new assessment",
					example = "01a22c10-17e6-7c55-bf00-db3119df4cb9", format = "uuid") String assessmentId,
			@Schema(description = "Applied only: the new assessment's risk group, a code of the catalogue's "
					+ "riskGroups", example = "SUDDEN_HARDSHIP", extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "riskGroups")))
			String riskGroup,
			@ArraySchema(schema = @Schema(description = "An alert code of the catalogue", example = "NEAR_THRESHOLD",
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "alerts"))),
					arraySchema = @Schema(description = "Applied only: the new assessment's early-warning alerts",
							examples = "[]")) List<String> alerts,
			@Schema(description = "Not applied only: why, as a problem (type urn:fangpin:problem:invalid-alert; "
					+ "status 400 for a bad record, 404 for an unknown household, 422 when the assessment failed)")
			ProblemDocument problem) {

	}

	@Schema(name = "IncomeQuantiles", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "Quantiles of the per-capita net income of the monitored households (risk group other than "
					+ "NOT_AT_RISK), in yuan, each the value of a household (nearest rank); empty when there are none")
	record IncomeQuantiles(
			@Schema(description = "The lowest", example = "5000") BigDecimal min,
			@Schema(description = "The 10th percentile", example = "5000") BigDecimal p10,
			@Schema(description = "The 25th percentile", example = "5000") BigDecimal p25,
			@Schema(description = "The median", example = "7000") BigDecimal p50,
			@Schema(description = "The 75th percentile", example = "7000") BigDecimal p75,
			@Schema(description = "The 90th percentile", example = "20000") BigDecimal p90,
			@Schema(description = "The highest", example = "20000") BigDecimal max) {

	}

}
