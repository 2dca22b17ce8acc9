package org.fangpin.assessment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.Evaluation.IncomeFigures;
import org.fangpin.rules.LocalizedText;
import tools.jackson.databind.JsonNode;

/** An assessment as the API returns it (api.md), in one language. */
public record AssessmentView(String id, String householdId, LocalDate asOf, Instant assessedAt, String ruleSetVersion,
		IncomeFigures income, List<String> signals, String riskGroup, List<String> riskTypes, String assistanceTier,
		List<MeasureView> measures, Evaluation.EliminationResult elimination, List<String> alerts,
		List<String> explanation, TraceView trace, @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode input) {

	/** Where a rule file lives, as a reviewer finds it in the repository. */
	static final String RULES_ROOT = "rules/";

	public static AssessmentView of(StoredAssessment assessment, Locale locale, boolean withInput) {
		Evaluation evaluation = assessment.evaluation();
		return new AssessmentView((assessment.id() != null) ? assessment.id().toString() : null,
				evaluation.householdId(), evaluation.asOf(), assessment.assessedAt(), evaluation.ruleSetVersion(),
				evaluation.income(), evaluation.signals(), evaluation.riskGroup(), evaluation.riskTypes(),
				evaluation.assistanceTier(),
				evaluation.measures().stream().map((measure) -> MeasureView.of(measure, locale)).toList(),
				evaluation.elimination(), evaluation.alerts(),
				evaluation.explanation().stream().map((text) -> text.in(locale)).toList(),
				TraceView.of(evaluation.trace(), locale), withInput ? assessment.profile() : null);
	}

	public record MeasureView(String code, String category, Integer priority, BigDecimal amount, String name,
			List<ReasonView> reasons) {

		static MeasureView of(Evaluation.MeasureResult measure, Locale locale) {
			return new MeasureView(measure.code(), measure.category(), measure.priority(), measure.amount(),
					measure.name().in(locale),
					measure.reasons()
						.stream()
						.map((reason) -> new ReasonView(reason.ruleId(), reason.clause(), text(reason.text(), locale)))
						.toList());
		}

	}

	public record ReasonView(String ruleId, String clause, String text) {

	}

	public record TraceView(List<FiringView> firings, List<Evaluation.UsedParameter> parameters) {

		static TraceView of(Evaluation.Trace trace, Locale locale) {
			return new TraceView(trace.firings()
				.stream()
				.map((firing) -> new FiringView(firing.seq(), firing.ruleId(), firing.ruleName(),
						(firing.file() != null) ? RULES_ROOT + firing.file() : null, firing.clause(),
						text(firing.description(), locale), firing.reference(), firing.bindings()))
				.toList(), trace.parameters());
		}

	}

	public record FiringView(int seq, String ruleId, String ruleName, String file, String clause, String description,
			String reference, Map<String, Object> bindings) {

	}

	private static String text(LocalizedText text, Locale locale) {
		return (text != null) ? text.in(locale) : null;
	}

}
