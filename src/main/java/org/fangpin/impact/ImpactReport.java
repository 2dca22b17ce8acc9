package org.fangpin.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.rules.Evaluation;

/**
 * What a candidate rule set changes for a population.
 * @param activeVersion the rule set in force (before)
 * @param candidateVersion the candidate (after)
 * @param households profiles screened by both
 * @param before counts, amounts and totals under the active rule set
 * @param after the same under the candidate
 * @param transitions households by risk group before (outer key) and after (inner key)
 * @param changedCount households whose outcome changed
 * @param changed the first changed households, up to the report's limit
 * @param problemCount lines that could not be screened by one side or both
 * @param problems the first of those, up to the report's limit
 */
@Schema(name = "ImpactReport", description = "What a candidate rule set changes for a population: counts and "
		+ "amounts under the rule set in force and under the candidate, the transition matrix of risk groups, and "
		+ "each household whose outcome changed with the rules that fired in one run only")
public record ImpactReport(
		@Schema(description = "The version of the rule set in force (before)", example = ImpactReport.VERSION_EXAMPLE,
				pattern = ImpactReport.VERSION_PATTERN, requiredMode = RequiredMode.REQUIRED) String activeVersion,
		@Schema(description = "The candidate's version (after): sha256: and the hash of its files",
				example = "sha256:9c2e7d1f0a4b3c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
				pattern = ImpactReport.VERSION_PATTERN, requiredMode = RequiredMode.REQUIRED) String candidateVersion,
		@Schema(description = "Households screened by both rule sets", example = "10000", minimum = "0",
				requiredMode = RequiredMode.REQUIRED) long households,
		@Schema(description = "Counts and amounts under the rule set in force",
				implementation = ImpactDocuments.Tally.class, requiredMode = RequiredMode.REQUIRED)
		Map<String, Object> before,
		@Schema(description = "Counts and amounts under the candidate", implementation = ImpactDocuments.Tally.class,
				requiredMode = RequiredMode.REQUIRED) Map<String, Object> after,
		@Schema(description = "Households by risk group under the rule set in force (outer key) and under the "
				+ "candidate (inner key): every risk group of both catalogues, in their order, zeros included",
				example = "{\"NOT_AT_RISK\": {\"NOT_AT_RISK\": 9100, \"MARGINAL\": 120, \"UNSTABLE_LIFTED\": 0, "
						+ "\"SUDDEN_HARDSHIP\": 0}, \"MARGINAL\": {\"NOT_AT_RISK\": 0, \"MARGINAL\": 400, "
						+ "\"UNSTABLE_LIFTED\": 0, \"SUDDEN_HARDSHIP\": 0}}",
				requiredMode = RequiredMode.REQUIRED) Map<String, Map<String, Long>> transitions,
		@Schema(description = "How many households' outcome changed (risk group, tier, risk types, signals, "
				+ "measures with their amounts, the elimination check or alerts)", example = "137", minimum = "0",
				requiredMode = RequiredMode.REQUIRED) long changedCount,
		@ArraySchema(arraySchema = @Schema(description = "The first changed households, in population order, up to "
				+ "the request's limit", requiredMode = RequiredMode.REQUIRED)) List<Change> changed,
		@Schema(description = "How many lines one rule set or both could not screen (not counted in households)",
				example = "1", minimum = "0", requiredMode = RequiredMode.REQUIRED) long problemCount,
		@ArraySchema(arraySchema = @Schema(description = "The first of those lines, in population order, up to the "
				+ "request's limit", requiredMode = RequiredMode.REQUIRED)) List<Problem> problems) {

	static final String VERSION_EXAMPLE = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100";

	static final String VERSION_PATTERN = "^sha256:[0-9a-f]{64}$";

	/** A household whose outcome differs, and the rules (by id) that fired in one run only. */
	@Schema(name = "ImpactChange", description = "A household whose outcome differs between the two rule sets, with "
			+ "the rules that fired in one run only")
	public record Change(
			@Schema(description = "Its line in the population, from 1 (the order of the stored households, or of "
					+ "the uploaded file)", example = "17", minimum = "1", requiredMode = RequiredMode.REQUIRED)
			long line,
			@Schema(description = "The household's id", example = "140902-017-0031",
					requiredMode = RequiredMode.REQUIRED) String householdId,
			@Schema(description = "Its outcome under the rule set in force", requiredMode = RequiredMode.REQUIRED)
			Outcome before,
			@Schema(description = "Its outcome under the candidate", requiredMode = RequiredMode.REQUIRED)
			Outcome after,
			@ArraySchema(schema = @Schema(description = "A rule's id", example = "G0"),
					arraySchema = @Schema(description = "The rules, by id, that fired under the rule set in force "
							+ "only, in firing order", examples = "[\"G0\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> firedOnlyBefore,
			@ArraySchema(schema = @Schema(description = "A rule's id", example = "S-INC"),
					arraySchema = @Schema(description = "The rules, by id, that fired under the candidate only, in "
							+ "firing order", examples = "[\"S-INC\", \"G2\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> firedOnlyAfter) {

	}

	/** The outcome of one run for one household. */
	@Schema(name = "ImpactOutcome", description = "What one rule set decided for one household")
	public record Outcome(
			@Schema(description = "The risk group, a code of the catalogue's riskGroups", example = "MARGINAL",
					requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "riskGroups")))
			String riskGroup,
			@Schema(description = "The assistance tier, a code of the catalogue's tiers; null for NOT_AT_RISK",
					example = "DEVELOPMENT", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED,
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "tiers")))
			String assistanceTier,
			@ArraySchema(schema = @Schema(description = "A risk type code of the catalogue", example = "ILLNESS",
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "riskTypes"))),
					arraySchema = @Schema(description = "The risk types, in the catalogue's order",
							examples = "[\"ILLNESS\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> riskTypes,
			@ArraySchema(schema = @Schema(description = "A signal code of the catalogue",
					example = "INCOME_BELOW_THRESHOLD",
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "signals"))),
					arraySchema = @Schema(description = "The risk signals found, in the catalogue's order",
							examples = "[\"INCOME_BELOW_THRESHOLD\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> signals,
			@ArraySchema(arraySchema = @Schema(description = "The recommended measures with their amounts, by "
					+ "priority", requiredMode = RequiredMode.REQUIRED)) List<MeasureAmount> measures,
			@Schema(description = "The risk-elimination check; null unless monitoring.status is MONITORED",
					requiredMode = RequiredMode.REQUIRED, nullable = true) Evaluation.EliminationResult elimination,
			@ArraySchema(schema = @Schema(description = "An alert code of the catalogue", example = "NEAR_THRESHOLD",
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "alerts"))),
					arraySchema = @Schema(description = "Early-warning alerts", examples = "[]",
							requiredMode = RequiredMode.REQUIRED)) List<String> alerts) {

	}

	/** A measure and its amount (null where the measure has none). */
	@Schema(name = "ImpactMeasureAmount", description = "A recommended measure and its amount")
	public record MeasureAmount(
			@Schema(description = "The measure, a code of the catalogue's measures", example = "MEDICAL_ASSISTANCE",
					requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "measures")))
			String code,
			@Schema(description = "The amount in yuan, when the rules grant one; null otherwise", example = "2000",
					types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED) BigDecimal amount) {

	}

	/** A line that one side could not screen: which side, and why. */
	@Schema(name = "ImpactProblem", description = "A line of the population that one rule set or both could not "
			+ "screen, and why")
	public record Problem(
			@Schema(description = "The line in the population, from 1", example = "121", minimum = "1",
					requiredMode = RequiredMode.REQUIRED) long line,
			@Schema(description = "The line's householdId when it could be read; null otherwise",
					example = "140902-017-0031", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED)
			String householdId,
			@Schema(description = "Which rule set could not screen it: active, candidate or both", example = "both",
					allowableValues = { "active", "candidate", "both" }, requiredMode = RequiredMode.REQUIRED)
			String side,
			@Schema(description = "Why, in plain words", example = "members[0].age: must be between 0 and 120",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String message) {

	}

}
