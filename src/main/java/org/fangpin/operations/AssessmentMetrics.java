package org.fangpin.operations;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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

	private static final String MESSAGE = "Assessed household {} as of {}: {} / {}, {} measure(s), {} ms, stored: {}";

	private static final Logger logger = LoggerFactory.getLogger(AssessmentMetrics.class);

	private final MeterRegistry registry;

	// The meters, found once for each set of tags: a batch line records about twenty of them, and looking each up
	// in the registry (building its id and tags) cost more than the recording itself.
	private final Map<String, Counter> assessments = new ConcurrentHashMap<>();

	private final Map<String, Counter> measures = new ConcurrentHashMap<>();

	private final Map<String, Counter> firings = new ConcurrentHashMap<>();

	private final Map<String, Timer> evaluations = new ConcurrentHashMap<>();

	AssessmentMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void assessmentCompleted(AssessmentCompleted event) {
		Evaluation evaluation = event.assessment().evaluation();
		String riskGroup = Objects.toString(evaluation.riskGroup(), "UNKNOWN");
		String tier = Objects.toString(evaluation.assistanceTier(), NO_TIER);
		String stored = String.valueOf(event.stored());
		this.assessments.computeIfAbsent(riskGroup + '\n' + tier + '\n' + stored, (key) -> Counter.builder(ASSESSMENTS)
			.description("Households assessed, by risk group, assistance tier and whether the result was stored")
			.tags("risk.group", riskGroup, "tier", tier, "stored", stored)
			.register(this.registry)).increment();
		for (Evaluation.MeasureResult measure : evaluation.measures()) {
			this.measures.computeIfAbsent(measure.code(), (code) -> Counter.builder(MEASURES)
				.description("Measures recommended, by measure code")
				.tags("measure", code)
				.register(this.registry)).increment();
		}
		this.evaluations.computeIfAbsent(stored, (key) -> Timer.builder(EVALUATION)
			.description("Time the rule engine took to evaluate one household profile")
			.tags("stored", stored)
			.publishPercentileHistogram()
			.register(this.registry)).record(event.evaluationTime());
		for (Evaluation.Firing firing : evaluation.trace().firings()) {
			this.firings.computeIfAbsent(Objects.toString(firing.ruleId(), firing.ruleName()), (rule) -> Counter
				.builder(FIRINGS)
				.description("Rule firings, by rule id")
				.tags("rule", rule)
				.register(this.registry)).increment();
		}
		// A batch line is logged only at DEBUG: a batch of 10,000 would otherwise write 10,000 lines (BatchMetrics
		// logs each batch once). A single assessment is always logged.
		if (!event.inBatch()) {
			logger.info(MESSAGE, evaluation.householdId(), evaluation.asOf(), riskGroup, tier,
					evaluation.measures().size(), event.evaluationTime().toMillis(), stored);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(MESSAGE, evaluation.householdId(), evaluation.asOf(), riskGroup, tier,
					evaluation.measures().size(), event.evaluationTime().toMillis(), stored);
		}
	}

}
