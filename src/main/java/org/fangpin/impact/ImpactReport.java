package org.fangpin.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
public record ImpactReport(String activeVersion, String candidateVersion, long households,
		Map<String, Object> before, Map<String, Object> after, Map<String, Map<String, Long>> transitions,
		long changedCount, List<Change> changed, long problemCount, List<Problem> problems) {

	/** A household whose outcome differs, and the rules (by id) that fired in one run only. */
	public record Change(long line, String householdId, Outcome before, Outcome after, List<String> firedOnlyBefore,
			List<String> firedOnlyAfter) {

	}

	/** The outcome of one run for one household. */
	public record Outcome(String riskGroup, String assistanceTier, List<String> riskTypes, List<String> signals,
			List<MeasureAmount> measures, Evaluation.EliminationResult elimination, List<String> alerts) {

	}

	/** A measure and its amount (null where the measure has none). */
	public record MeasureAmount(String code, BigDecimal amount) {

	}

	/** A line that one side could not screen: which side, and why. */
	public record Problem(long line, String householdId, String side, String message) {

	}

}
