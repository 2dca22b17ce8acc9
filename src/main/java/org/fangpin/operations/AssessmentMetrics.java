package org.fangpin.operations;

import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.fangpin.assessment.AssessmentCompleted;
import org.fangpin.rules.Evaluation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts assessments by risk group and tier, recommended measures and rule firings, and times evaluations. A stored
 * assessment is counted once its transaction commits, so a rolled-back one is not; an evaluation that stores
 * nothing is counted at once.
 */
@Component
class AssessmentMetrics {

	static final String ASSESSMENTS = "fangpin.assessments";

	static final String MEASURES = "fangpin.assessment.measures";

	static final String EVALUATION = "fangpin.evaluation";

	static final String FIRINGS = "fangpin.rule.firings";

	/** The tag value of a tier that is null (a household not at risk). */
	static final String NO_TIER = "NONE";

	private static final Logger logger = LoggerFactory.getLogger(AssessmentMetrics.class);

	private final MeterRegistry registry;

	AssessmentMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void assessmentCompleted(AssessmentCompleted event) {
		Evaluation evaluation = event.assessment().evaluation();
		String riskGroup = Objects.toString(evaluation.riskGroup(), "UNKNOWN");
		String tier = Objects.toString(evaluation.assistanceTier(), NO_TIER);
		String stored = String.valueOf(event.stored());
		Counter.builder(ASSESSMENTS)
			.description("Households assessed, by risk group, assistance tier and whether the result was stored")
			.tags("risk.group", riskGroup, "tier", tier, "stored", stored)
			.register(this.registry)
			.increment();
		for (Evaluation.MeasureResult measure : evaluation.measures()) {
			Counter.builder(MEASURES)
				.description("Measures recommended, by measure code")
				.tags("measure", measure.code())
				.register(this.registry)
				.increment();
		}
		Timer.builder(EVALUATION)
			.description("Time the rule engine took to evaluate one household profile")
			.tags("stored", stored)
			.publishPercentileHistogram()
			.register(this.registry)
			.record(event.evaluationTime());
		for (Evaluation.Firing firing : evaluation.trace().firings()) {
			Counter.builder(FIRINGS)
				.description("Rule firings, by rule id")
				.tags("rule", Objects.toString(firing.ruleId(), firing.ruleName()))
				.register(this.registry)
				.increment();
		}
		logger.info("Assessed household {} as of {}: {} / {}, {} measure(s), {} ms, stored: {}",
				evaluation.householdId(), evaluation.asOf(), riskGroup, tier, evaluation.measures().size(),
				event.evaluationTime().toMillis(), stored);
	}

}
