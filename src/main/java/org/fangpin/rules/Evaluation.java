package org.fangpin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The result of evaluating one household profile against one rule set, in every language at once: codes, figures,
 * measures with their reasons, the risk-elimination check, alerts, the plain-language explanation and the full
 * trace. The web layer picks the language; storage keeps this whole.
 */
public record Evaluation(String householdId, LocalDate asOf, String ruleSetVersion, IncomeFigures income,
		List<String> signals, String riskGroup, List<String> riskTypes, String assistanceTier,
		List<MeasureResult> measures, EliminationResult elimination, List<String> alerts,
		List<LocalizedText> explanation, Trace trace) {

	/** The derived income figures of policy §2, as reported (per-capita values rounded half-up to 2 decimals). */
	@Schema(name = "IncomeFigures", description = "The derived income figures of policy §2, in yuan; per-capita "
			+ "values are rounded half-up to 2 decimals. A figure is null only if the rule set derives none")
	public record IncomeFigures(
			@Schema(description = "Members counted in the household", example = "1", types = { "integer", "null" },
					requiredMode = RequiredMode.REQUIRED) Integer householdSize,
			@Schema(description = "Net income: wages + business + property + transfers − production costs",
					example = "8700", types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED)
			BigDecimal netIncome,
			@Schema(description = "Net income per member", example = "8700.00", types = { "number", "null" },
					requiredMode = RequiredMode.REQUIRED) BigDecimal perCapitaNetIncome,
			@Schema(description = "Rigid expenses: out-of-pocket medical and education costs", example = "6000",
					types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED) BigDecimal rigidExpenses,
			@Schema(description = "Net income less rigid expenses, per member", example = "2700.00",
					types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED)
			BigDecimal perCapitaAfterRigidExpenses,
			@Schema(description = "The monitoring threshold in force on asOf (per capita, per year)", example = "7400",
					types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED) BigDecimal threshold) {

	}

	/** A recommended measure with the rules that recommend it. */
	public record MeasureResult(String code, String category, Integer priority, BigDecimal amount, LocalizedText name,
			List<Reason> reasons) {

	}

	/** Why a measure is recommended: the rule, its clause and its description. */
	public record Reason(String ruleId, String clause, LocalizedText text) {

	}

	/** The risk-elimination check: eligible when no clause is unmet. */
	@Schema(name = "EliminationResult", description = "Whether a monitored household's risk can be marked "
			+ "eliminated, and if not, which clauses are unmet")
	public record EliminationResult(
			@Schema(description = "True when every elimination clause is met", example = "false",
					requiredMode = RequiredMode.REQUIRED) boolean eligible,
			@ArraySchema(schema = @Schema(description = "An elimination clause of the catalogue", example = "E5",
					extensions = @io.swagger.v3.oas.annotations.extensions.Extension(name = "x-fangpin",
							properties = @io.swagger.v3.oas.annotations.extensions.ExtensionProperty(
									name = "catalogue", value = "eliminationClauses"))),
					arraySchema = @Schema(description = "The clauses not met, in the catalogue's order",
							examples = "[\"E5\"]", requiredMode = RequiredMode.REQUIRED)) List<String> unmet) {

	}

	/** Every rule that fired, in order, and every parameter value the evaluation ran with. */
	public record Trace(List<Firing> firings, List<UsedParameter> parameters) {

	}

	/** One rule firing with the values of its match, taken from the engine's own match. */
	public record Firing(int seq, String ruleId, String ruleName, String file, String clause,
			LocalizedText description, String reference, Map<String, Object> bindings) {

	}

	/** A parameter value in force on the assessment date, and the scope it was taken from. */
	@Schema(name = "UsedParameter", description = "A parameter value in force on the assessment date")
	public record UsedParameter(
			@Schema(description = "The parameter's name in parameters.yaml", example = "monitoring.incomeThreshold",
					requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(description = "Its value", example = "7400", requiredMode = RequiredMode.REQUIRED)
			BigDecimal value,
			@Schema(description = "The date from which this value is in force", example = "2024-01-01",
					requiredMode = RequiredMode.REQUIRED) LocalDate effectiveFrom,
			@Schema(description = "Where the value comes from: the policy document, or placeholder",
					example = "placeholder", requiredMode = RequiredMode.REQUIRED) String source,
			@Schema(description = "The region the value was taken from: national, or the province, city or county "
					+ "scope that matched the household's region", example = "national",
					requiredMode = RequiredMode.REQUIRED) String scope) {

	}

}
