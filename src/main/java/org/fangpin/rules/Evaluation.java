package org.fangpin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
	public record IncomeFigures(Integer householdSize, BigDecimal netIncome, BigDecimal perCapitaNetIncome,
			BigDecimal rigidExpenses, BigDecimal perCapitaAfterRigidExpenses, BigDecimal threshold) {

	}

	/** A recommended measure with the rules that recommend it. */
	public record MeasureResult(String code, String category, Integer priority, BigDecimal amount, LocalizedText name,
			List<Reason> reasons) {

	}

	/** Why a measure is recommended: the rule, its clause and its description. */
	public record Reason(String ruleId, String clause, LocalizedText text) {

	}

	/** The risk-elimination check: eligible when no clause is unmet. */
	public record EliminationResult(boolean eligible, List<String> unmet) {

	}

	/** Every rule that fired, in order, and every parameter value the evaluation ran with. */
	public record Trace(List<Firing> firings, List<UsedParameter> parameters) {

	}

	/** One rule firing with the values of its match, taken from the engine's own match. */
	public record Firing(int seq, String ruleId, String ruleName, String file, String clause,
			LocalizedText description, String reference, Map<String, Object> bindings) {

	}

	/** A parameter value in force on the assessment date, and the scope it was taken from. */
	public record UsedParameter(String name, BigDecimal value, LocalDate effectiveFrom, String source, String scope) {

	}

}
