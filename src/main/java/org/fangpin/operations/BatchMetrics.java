package org.fangpin.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.fangpin.assessment.BatchCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Batch throughput: the lines of every finished batch by outcome (assessed or problem) and whether they were
 * stored, each batch's duration, and its throughput in households a second; and one log line a batch.
 */
@Component
class BatchMetrics {

	static final String LINES = "fangpin.batch.lines";

	static final String DURATION = "fangpin.batch.duration";

	static final String THROUGHPUT = "fangpin.batch.throughput";

	private static final Logger logger = LoggerFactory.getLogger(BatchMetrics.class);

	private final MeterRegistry registry;

	BatchMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (boolean stored : new boolean[] { true, false }) {
			lines("assessed", stored);
			lines("problem", stored);
		}
	}

	@EventListener
	void batchCompleted(BatchCompleted batch) {
		lines("assessed", batch.stored()).increment(batch.assessed());
		lines("problem", batch.stored()).increment(batch.problems());
		Timer.builder(DURATION)
			.description("How long a batch took from its first line read to its last line answered")
			.tags("stored", String.valueOf(batch.stored()))
			.register(this.registry)
			.record(batch.duration());
		double seconds = batch.duration().toNanos() / 1e9;
		logger.info("Batch answered: {} line(s) assessed, {} problem(s), stored: {}, {} ms", batch.assessed(),
				batch.problems(), batch.stored(), batch.duration().toMillis());
		if (batch.lines() > 0 && seconds > 0) {
			DistributionSummary.builder(THROUGHPUT)
				.description("Lines a second of each finished batch")
				.tags("stored", String.valueOf(batch.stored()))
				.register(this.registry)
				.record(batch.lines() / seconds);
		}
	}

	private Counter lines(String outcome, boolean stored) {
		return Counter.builder(LINES)
			.description("Lines of finished batches, by outcome (assessed, problem) and whether they were stored")
			.tags("outcome", outcome, "stored", String.valueOf(stored))
			.register(this.registry);
	}

}
