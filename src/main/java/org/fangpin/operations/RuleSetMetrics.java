package org.fangpin.operations;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.fangpin.ruleset.RuleSetActivationAttempted;
import org.fangpin.ruleset.RuleSetActivationAttempted.Outcome;
import org.fangpin.ruleset.RuleSetActivationAttempted.Source;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts attempts to put a rule set in force by source and outcome, and times the validation gate. Every outcome a
 * source can have is registered at zero from the start, so that a rate or an alert on rejected reloads has a series
 * before the first one happens.
 */
@Component
class RuleSetMetrics {

	static final String RELOADS = "fangpin.ruleset.reloads";

	static final String GATE = "fangpin.ruleset.gate";

	/** The outcomes each source can have. */
	private static final Map<Source, List<Outcome>> POSSIBLE = Map.of(Source.STARTUP,
			List.of(Outcome.ACTIVATED, Outcome.UNCHANGED), Source.RELOAD,
			List.of(Outcome.ACTIVATED, Outcome.REJECTED, Outcome.UNCHANGED), Source.ROLLBACK,
			List.of(Outcome.ACTIVATED, Outcome.REJECTED, Outcome.UNCHANGED), Source.SYNC,
			List.of(Outcome.ACTIVATED, Outcome.FAILED));

	private final MeterRegistry registry;

	RuleSetMetrics(MeterRegistry registry) {
		this.registry = registry;
		POSSIBLE.forEach((source, outcomes) -> outcomes.forEach((outcome) -> counter(source, outcome)));
	}

	@EventListener
	void activationAttempted(RuleSetActivationAttempted event) {
		counter(event.source(), event.outcome()).increment();
		if (event.gateTime() != null) {
			Timer.builder(GATE)
				.description("Time the validation gate took on a candidate rule set (compile, lint, test cases, "
						+ "smoke), by source and whether it passed")
				.tags("source", event.source().tag(), "passed", String.valueOf(event.outcome() != Outcome.REJECTED))
				.register(this.registry)
				.record(event.gateTime());
		}
	}

	private Counter counter(Source source, Outcome outcome) {
		return Counter.builder(RELOADS)
			.description("Attempts to put a rule set in force, by source (startup, reload, rollback, sync from the "
					+ "database) and outcome (activated, rejected, unchanged, failed)")
			.tags("source", source.tag(), "outcome", outcome.tag())
			.register(this.registry);
	}

}
