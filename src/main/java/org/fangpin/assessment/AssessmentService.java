package org.fangpin.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.fangpin.household.FieldError;
import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.InvalidProfileException;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.RuleSet;
import org.fangpin.ruleset.ActiveRuleSet;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Evaluates household profiles against the rule set in force and keeps the results. A profile is read and
 * evaluated completely before anything is written, so a failed evaluation stores nothing.
 */
@Service
public class AssessmentService {

	/** The time zone of "today" for a profile's default {@code asOf}. */
	public static final ZoneId SERVICE_ZONE = ZoneId.of("Asia/Shanghai");

	private static final int HISTORY_LIMIT = 1000;

	private final ActiveRuleSet rules;

	private final AssessmentRepository repository;

	private final Clock clock;

	private final TimeOrderedIds ids;

	private final ApplicationEventPublisher events;

	/**
	 * Casework, which itself depends on this service, so it is looked up on first use and then kept (looking it up
	 * through the bean factory on every assessment cost about 1 % of a stored assessment's time).
	 */
	private final Supplier<CaseRecords> cases;

	private final GroupCommit commits;

	AssessmentService(ActiveRuleSet rules, AssessmentRepository repository, Clock clock,
			ApplicationEventPublisher events, ObjectProvider<CaseRecords> cases, GroupCommit commits) {
		this.cases = SingletonSupplier.of(cases::getIfAvailable);
		this.commits = commits;
		this.rules = rules;
		this.events = events;
		this.repository = repository;
		this.clock = clock;
		this.ids = new TimeOrderedIds(clock);
	}

	/** Evaluates a profile without storing it; the result's id is null. */
	public StoredAssessment evaluate(JsonNode received) {
		JsonNode profileJson = withCaseMonitoring(received);
		try (ActiveRuleSet.Lease lease = this.rules.acquire()) {
			RuleSet ruleSet = lease.ruleSet();
			HouseholdProfile profile = read(ruleSet, profileJson);
			long start = System.nanoTime();
			Evaluation evaluation = ruleSet.evaluate(profile);
			Duration evaluationTime = Duration.ofNanos(System.nanoTime() - start);
			StoredAssessment assessment = new StoredAssessment(null, now(), profileJson, evaluation);
			this.events.publishEvent(new AssessmentCompleted(assessment, false, evaluationTime));
			return assessment;
		}
	}

	/**
	 * Evaluates a profile and stores profile, result and trace in one transaction, committed before this returns.
	 * Concurrent requests share commits (see {@link GroupCommit}).
	 */
	public StoredAssessment assess(JsonNode profileJson) {
		return assess(profileJson, null);
	}

	/**
	 * Evaluates a profile and stores it as a correction of an earlier assessment of the same household, which stays
	 * as it was.
	 */
	public StoredAssessment assess(JsonNode profileJson, String supersedes) {
		return assess(profileJson, supersedes, null);
	}

	/**
	 * Evaluates and stores a profile; {@code cause} names what caused the assessment (a department alert) and
	 * {@code supersedes} the assessment it corrects. Either may be null.
	 */
	public StoredAssessment assess(JsonNode received, String supersedes, String cause) {
		JsonNode profileJson = withCaseMonitoring(received);
		StoredAssessment corrected = (supersedes != null) ? find(supersedes) : null;
		Evaluation evaluation;
		Duration evaluationTime;
		try (ActiveRuleSet.Lease lease = this.rules.acquire()) {
			RuleSet ruleSet = lease.ruleSet();
			HouseholdProfile profile = read(ruleSet, profileJson);
			long start = System.nanoTime();
			evaluation = ruleSet.evaluate(profile);
			evaluationTime = Duration.ofNanos(System.nanoTime() - start);
		}
		if (corrected != null && !corrected.evaluation().householdId().equals(evaluation.householdId())) {
			throw new InvalidProfileException(List.of(FieldError.of("householdId", "supersedes.household",
					corrected.evaluation().householdId())));
		}
		StoredAssessment assessment = new StoredAssessment(this.ids.next(), now(), profileJson, evaluation,
				(corrected != null) ? corrected.id() : null);
		AssessmentRepository.PreparedRow row = this.repository.prepare(assessment, cause);
		return this.commits.run(() -> {
			this.repository.insert(row);
			this.events.publishEvent(new AssessmentCompleted(assessment, true, evaluationTime));
			return assessment;
		});
	}

	public StoredAssessment find(String id) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new AssessmentNotFoundException(id);
		}
		return this.repository.find(uuid).orElseThrow(() -> new AssessmentNotFoundException(id));
	}

	/** A household's assessments, newest first. */
	public List<StoredAssessment> history(String householdId) {
		return this.repository.findByHousehold(householdId, HISTORY_LIMIT);
	}

	/** The latest stored assessment of a household, if any. */
	public java.util.Optional<StoredAssessment> latest(String householdId) {
		return this.repository.findByHousehold(householdId, 1).stream().findFirst();
	}

	/** The latest assessment of every household in a region; null parts match any. */
	public List<StoredAssessment> latestIn(String county, String township, String village) {
		return this.repository.latestIn(county, township, village);
	}

	/**
	 * The columns of every assessment of the households that have one in a region (null parts match any), by
	 * household, asOf and the order they were stored in.
	 */
	public List<AssessmentRow> rowsOfHouseholdsIn(String county, String township, String village) {
		return this.repository.rowsOfHouseholdsIn(county, township, village);
	}

	/** The profile with the monitoring state its case decides, when there is a case that does. */
	private JsonNode withCaseMonitoring(JsonNode profile) {
		CaseRecords records = this.cases.get();
		return (records != null) ? records.applyTo(profile) : profile;
	}

	/** Today in the service's time zone: the default {@code asOf} and the latest one accepted. */
	public LocalDate today() {
		return LocalDate.now(this.clock.withZone(SERVICE_ZONE));
	}

	private HouseholdProfile read(RuleSet ruleSet, JsonNode json) {
		return new ProfileReader(ruleSet.measureCodes()).read(json, today());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
