package org.fangpin.casework;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.fangpin.assessment.AssessmentCompleted;
import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.CaseRecords;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.rules.Evaluation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries each household's case through its lifecycle. A stored assessment that is monitored or carries an alert
 * opens a case (SIGNALLED) unless one is open; a household that falls back after elimination gets a new case linked
 * to the old one. Caseworkers record identification, measures applied, and elimination, which is allowed only when
 * the latest assessment's elimination check is eligible.
 */
@Service
public class CaseService implements CaseRecords {

	private static final String SYSTEM = "system (assessment)";

	/** The largest amount of money a profile may carry (api.md), for an applied measure as well. */
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

	private final CaseRepository cases;

	private final AssessmentService assessments;

	private final CaseworkProperties properties;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	CaseService(CaseRepository cases, AssessmentService assessments, CaseworkProperties properties, Clock clock) {
		this.cases = cases;
		this.assessments = assessments;
		this.properties = properties;
		this.clock = clock;
	}

	/** Opens a case when a stored assessment shows a risk signal and no case is open. */
	@EventListener
	void onAssessment(AssessmentCompleted completed) {
		if (!completed.stored()) {
			return;
		}
		StoredAssessment assessment = completed.assessment();
		Evaluation evaluation = assessment.evaluation();
		boolean monitored = evaluation.riskGroup() != null && !"NOT_AT_RISK".equals(evaluation.riskGroup());
		if (!monitored && evaluation.alerts().isEmpty()) {
			return;
		}
		Optional<CaseRepository.Current> latest = this.cases.currentOf(evaluation.householdId());
		if (latest.isPresent() && latest.get().state().open()) {
			return;
		}
		if (latest.isPresent() && !monitored) {
			return;
		}
		UUID previous = latest.filter((old) -> old.state() == CaseState.ELIMINATED)
			.map(CaseRepository.Current::id)
			.orElse(null);
		LocalDate signalled = evaluation.asOf();
		Instant now = this.clock.instant();
		HouseholdCase opened = new HouseholdCase(UUID.randomUUID(), evaluation.householdId(), CaseState.SIGNALLED, now,
				signalled, signalled.plusDays(this.properties.identificationDays()), null, null, previous, SYSTEM,
				List.of(), List.of());
		this.cases.insert(opened);
		this.cases.transition(opened.id(), null, CaseState.SIGNALLED, signalled, now, SYSTEM,
				(previous != null) ? "fell back after elimination of case " + previous
						: monitored ? "risk group " + evaluation.riskGroup() : "alerts " + evaluation.alerts(),
				assessment.id());
	}

	public List<HouseholdCase> casesOf(String householdId) {
		return this.cases.ofHousehold(householdId);
	}

	public HouseholdCase find(String id) {
		return this.cases.find(uuid(id))
			.orElseThrow(() -> new CaseworkException(CaseworkException.Kind.NOT_FOUND, "case-not-found", id));
	}

	/** Records a move to another state, after the lifecycle's checks. */
	@Transactional
	public HouseholdCase transition(String id, CaseState to, LocalDate on, String reason, String by) {
		HouseholdCase current = find(id);
		LocalDate date = checkedDate(on, lastChange(current), "last-change");
		if (!current.state().next().contains(to)) {
			throw new CaseworkException(CaseworkException.Kind.CONFLICT, "transition-not-allowed", current.state(),
					to, current.state().next());
		}
		if (to == CaseState.NOT_INCLUDED && (reason == null || reason.isBlank())) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "reason-required");
		}
		UUID assessmentId = null;
		if (to == CaseState.ELIMINATED) {
			StoredAssessment latest = this.assessments.latest(current.householdId())
				.orElseThrow(() -> new CaseworkException(CaseworkException.Kind.CONFLICT,
						"elimination-no-assessment"));
			Evaluation.EliminationResult elimination = latest.evaluation().elimination();
			if (elimination == null) {
				throw new CaseworkException(CaseworkException.Kind.CONFLICT, "elimination-no-check", latest.id());
			}
			if (!elimination.eligible()) {
				throw new CaseworkException(CaseworkException.Kind.CONFLICT, elimination.unmet(), "elimination-unmet",
						latest.id(), String.join(", ", elimination.unmet()));
			}
			assessmentId = latest.id();
		}
		this.cases.update(current.id(), to, (to == CaseState.IDENTIFIED) ? date : null,
				(to.open()) ? null : date);
		this.cases.transition(current.id(), current.state(), to, date, this.clock.instant(), by, reason,
				assessmentId);
		return find(id);
	}

	/** Records a measure actually applied; an identified case becomes ASSISTED. */
	@Transactional
	public HouseholdCase applyMeasure(String id, String code, LocalDate on, BigDecimal amount, String by) {
		HouseholdCase current = find(id);
		if (current.state() != CaseState.IDENTIFIED && current.state() != CaseState.ASSISTED) {
			throw new CaseworkException(CaseworkException.Kind.CONFLICT, "measure-state", current.state());
		}
		if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0
				|| amount.stripTrailingZeros().scale() > 2)) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "amount-range");
		}
		LocalDate date = checkedDate(on, current.identifiedOn(), "identification");
		this.cases.measure(current.id(), code, date, amount, this.clock.instant(), by);
		if (current.state() == CaseState.IDENTIFIED) {
			this.cases.update(current.id(), CaseState.ASSISTED, null, null);
			this.cases.transition(current.id(), CaseState.IDENTIFIED, CaseState.ASSISTED, date, this.clock.instant(),
					by, "measure " + code + " applied", null);
		}
		return find(id);
	}

	/** For identified and assisted cases, the case decides the monitoring state the rules see. */
	@Override
	public Optional<JsonNode> monitoringOf(String householdId) {
		return this.cases.currentOf(householdId)
			.filter(CaseService::decidesMonitoring)
			.map((latest) -> monitoring(latest, this.cases.measureCodesOf(latest.id())));
	}

	/** {@link #monitoringOf} for many households, in two queries a block of them instead of one or two each. */
	@Override
	public Map<String, JsonNode> monitoringOfAll(Collection<String> householdIds) {
		Map<String, CaseRepository.Current> deciding = new HashMap<>();
		this.cases.currentOfAll(householdIds).forEach((household, latest) -> {
			if (decidesMonitoring(latest)) {
				deciding.put(household, latest);
			}
		});
		if (deciding.isEmpty()) {
			return Map.of();
		}
		Map<UUID, List<String>> measures = this.cases
			.measureCodesOfAll(deciding.values().stream().map(CaseRepository.Current::id).toList());
		Map<String, JsonNode> monitoring = new HashMap<>();
		deciding.forEach((household, latest) -> monitoring.put(household,
				monitoring(latest, measures.getOrDefault(latest.id(), List.of()))));
		return monitoring;
	}

	private static boolean decidesMonitoring(CaseRepository.Current latest) {
		return latest.state() == CaseState.IDENTIFIED || latest.state() == CaseState.ASSISTED;
	}

	private JsonNode monitoring(CaseRepository.Current latest, List<String> measureCodes) {
		ObjectNode monitoring = this.json.createObjectNode();
		monitoring.put("status", "MONITORED");
		monitoring.put("since", latest.identifiedOn().toString());
		ArrayNode applied = monitoring.putArray("appliedMeasures");
		measureCodes.forEach(applied::add);
		return monitoring;
	}

	LocalDate today() {
		return this.assessments.today();
	}

	/**
	 * The date a change takes effect: today when none is given. A date after today, or before what it follows, is
	 * refused: the case's records cannot be corrected once written, and a wrong date would decide the monitoring of
	 * every later assessment of the household (its start, and so the six months of E1).
	 */
	private LocalDate checkedDate(LocalDate on, LocalDate notBefore, String what) {
		LocalDate today = today();
		LocalDate date = (on != null) ? on : today;
		if (date.isAfter(today)) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "date-future", date, today);
		}
		if (notBefore != null && date.isBefore(notBefore)) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "date-before-" + what, date, notBefore);
		}
		return date;
	}

	private static LocalDate lastChange(HouseholdCase current) {
		return current.transitions().isEmpty() ? current.signalledOn()
				: current.transitions().get(current.transitions().size() - 1).effectiveOn();
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new CaseworkException(CaseworkException.Kind.NOT_FOUND, "case-not-found", id);
		}
	}

}
