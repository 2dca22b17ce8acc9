package org.fangpin.assessment;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.fangpin.ruleset.ActiveRuleSet;
import org.fangpin.screening.OrderedParallel;
import org.fangpin.screening.ProfileLines;
import org.fangpin.screening.Screened;
import org.fangpin.screening.Screener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assesses a stream of profiles, one a line: every line is evaluated on every core against one rule set (the one
 * in force when the batch starts), and the results come back in line order. Stored results are committed in chunks,
 * each chunk one transaction, before their lines are handed on: a line that was answered is stored, and a crash
 * loses at most the chunk in progress, never part of a record.
 */
@Service
public class BatchAssessmentService {

	private final ActiveRuleSet rules;

	private final AssessmentRepository repository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final OrderedParallel workers;

	private final BatchProperties properties;

	private final Clock clock;

	private final TimeOrderedIds ids;

	private final ObjectProvider<CaseRecords> cases;

	BatchAssessmentService(ActiveRuleSet rules, AssessmentRepository repository, TransactionTemplate transactions,
			ApplicationEventPublisher events, OrderedParallel workers, BatchProperties properties, Clock clock,
			ObjectProvider<CaseRecords> cases) {
		this.cases = cases;
		this.rules = rules;
		this.repository = repository;
		this.transactions = transactions;
		this.events = events;
		this.workers = workers;
		this.properties = properties;
		this.clock = clock;
		this.ids = new TimeOrderedIds(clock);
	}

	/** One answered line: the assessment (its id null when not stored), or the problem of the line. */
	public record Result(Screened screened, StoredAssessment assessment) {

	}

	/**
	 * Reads profiles from {@code in}, one a line, and hands the results of every non-blank line to {@code sink} in
	 * order, a chunk at a time (after the chunk's commit when storing).
	 * @param parser parses one line strictly
	 * @param store whether to store the assessments
	 */
	public void assess(InputStream in, Function<byte[], JsonNode> parser, boolean store, Consumer<List<Result>> sink)
			throws Exception {
		long started = System.nanoTime();
		long[] counts = { 0, 0 };
		try (ActiveRuleSet.Lease lease = this.rules.acquire()) {
			Screener screener = new Screener(lease.ruleSet(), parser, today(), this.properties.maxLineBytes());
			CaseRecords records = this.cases.getIfAvailable();
			ProfileLines lines = new ProfileLines(in, this.properties.maxLineBytes());
			this.workers.runStaged(lines, this.properties.chunkSize(), screener::parse,
					(parsed) -> withCases(screener, records, parsed), (inputs, outputs) -> {
						List<Result> results = new ArrayList<>(outputs.size());
						List<StoredAssessment> toStore = new ArrayList<>();
						Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
						for (Screened screened : outputs) {
							StoredAssessment assessment = null;
							if (screened.ok()) {
								assessment = new StoredAssessment(store ? this.ids.next() : null, now, screened.profile(),
										screened.evaluation());
								if (store) {
									toStore.add(assessment);
								}
							}
							results.add(new Result(screened, assessment));
						}
						if (store) {
							// The chunk, its cases and its audit entries (the listeners of the event) commit together.
							this.transactions.executeWithoutResult((status) -> {
								this.repository.insertAll(toStore);
								completed(results, true);
							});
						}
						else {
							completed(results, false);
						}
						sink.accept(results);
						for (Result result : results) {
							counts[result.assessment() != null ? 0 : 1]++;
						}
					});
		}
		this.events.publishEvent(new BatchCompleted(counts[0], counts[1], store,
				Duration.ofNanos(System.nanoTime() - started)));
	}

	/**
	 * The rest of the work on each parsed line of a block: as for a single assessment, its monitoring state replaced
	 * by the one its household's case decides, read for the whole block at once (one look-up a line was a twentieth
	 * of a batch's time even with no case stored), then read and evaluated.
	 */
	private static Function<Screener.Parsed, Screened> withCases(Screener screener, CaseRecords records,
			List<Screener.Parsed> block) {
		Set<String> householdIds = new HashSet<>();
		for (Screener.Parsed line : block) {
			if (line.householdId() != null) {
				householdIds.add(line.householdId());
			}
		}
		Map<String, JsonNode> monitoring = (records != null && !householdIds.isEmpty())
				? records.monitoringOfAll(householdIds) : Map.of();
		return (line) -> {
			JsonNode decided = (line.householdId() != null) ? monitoring.get(line.householdId()) : null;
			return screener.screen((decided != null) ? line.withJson(CaseRecords.withMonitoring(line.json(), decided))
					: line);
		};
	}

	private void completed(List<Result> results, boolean stored) {
		for (Result result : results) {
			if (result.assessment() != null) {
				this.events.publishEvent(new AssessmentCompleted(result.assessment(), stored,
						Duration.ofNanos(result.screened().evaluationNanos()), true));
			}
		}
	}

	/**
	 * Hands over the input of the latest assessment of every household, as JSON, with {@code asOf} set to the date
	 * it was assessed on when the input left it to default.
	 */
	public void forEachLatestInput(Consumer<JsonNode> consumer) {
		this.repository.forEachLatestInput((latest) -> {
			JsonNode profile = AssessmentJson.read(latest.profileJson());
			if (profile instanceof ObjectNode object && !object.hasNonNull("asOf")) {
				object.put("asOf", latest.asOf().toString());
			}
			consumer.accept(profile);
		});
	}

	/** How many assessments are stored. */
	public long count() {
		return this.repository.count();
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(AssessmentService.SERVICE_ZONE));
	}

}
