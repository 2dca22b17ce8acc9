package org.fangpin.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.rules.Evaluation;

import org.springframework.stereotype.Service;

/**
 * The watch list and the summary report of a region. Both start from the latest assessment of every household in
 * the region, and every figure is kept as the list of households behind it, so that no household is hidden inside
 * a count or an average (防止平均数掩盖极少数).
 */
@Service
public class Oversight {

	private final AssessmentService assessments;

	private final CaseRepository cases;

	Oversight(AssessmentService assessments, CaseRepository cases) {
		this.assessments = assessments;
		this.cases = cases;
	}

	/** A region: any part may be null. */
	public record Region(String county, String township, String village) {

	}

	/** One household on the watch list and every reason it is there. */
	public record WatchEntry(String householdId, List<Reason> reasons, String riskGroup, List<String> alerts,
			String assessmentId, LocalDate asOf, String caseId, CaseState caseState, LocalDate identificationDue) {

	}

	/** Why a household is on the watch list. */
	public record Reason(String kind, String detail) {

	}

	public List<WatchEntry> watchlist(Region region, LocalDate since) {
		LocalDate today = this.assessments.today();
		Map<String, HouseholdCase> latestCases = latestCases();
		List<WatchEntry> entries = new ArrayList<>();
		for (StoredAssessment assessment : this.assessments.latestIn(region.county(), region.township(),
				region.village())) {
			Evaluation evaluation = assessment.evaluation();
			HouseholdCase householdCase = latestCases.get(evaluation.householdId());
			List<Reason> reasons = new ArrayList<>();
			if (!evaluation.alerts().isEmpty()) {
				reasons.add(new Reason("ALERT", "early-warning alerts " + String.join(", ", evaluation.alerts())));
			}
			boolean monitored = !"NOT_AT_RISK".equals(evaluation.riskGroup());
			if (monitored && householdCase != null && householdCase.state().open()
					&& !householdCase.signalledOn().isBefore(since)) {
				reasons.add(new Reason("NEWLY_MONITORED", "moved into " + evaluation.riskGroup() + " on "
						+ householdCase.signalledOn() + " (since " + since + ")"));
			}
			if (householdCase != null && householdCase.overdue(today)) {
				reasons.add(new Reason("IDENTIFICATION_OVERDUE", "signalled on " + householdCase.signalledOn()
						+ ", identification was due by " + householdCase.identificationDue()));
			}
			if (!reasons.isEmpty()) {
				entries.add(new WatchEntry(evaluation.householdId(), reasons, evaluation.riskGroup(),
						evaluation.alerts(), assessment.id().toString(), evaluation.asOf(),
						(householdCase != null) ? householdCase.id().toString() : null,
						(householdCase != null) ? householdCase.state() : null,
						(householdCase != null) ? householdCase.identificationDue() : null));
			}
		}
		return entries;
	}

	/**
	 * Every figure of the summary as the households behind it: {@code riskGroup:MARGINAL}, {@code riskType:ILLNESS},
	 * {@code tier:…}, {@code caseState:…}, {@code measureRecommended:…}, {@code measureApplied:…},
	 * {@code eliminated}, {@code identificationOverdue}, {@code incomeBand:…}, and {@code households}.
	 */
	public Summary summary(Region region, LocalDate from, LocalDate to) {
		LocalDate today = this.assessments.today();
		Map<String, HouseholdCase> latestCases = latestCases();
		Map<String, List<String>> figures = new TreeMap<>();
		List<StoredAssessment> population = this.assessments
			.latestIn(region.county(), region.township(), region.village())
			.stream()
			.filter((assessment) -> !assessment.evaluation().asOf().isBefore(from)
					&& !assessment.evaluation().asOf().isAfter(to))
			.toList();
		List<BigDecimal> monitoredIncomes = new ArrayList<>();
		BigDecimal threshold = null;
		for (StoredAssessment assessment : population) {
			Evaluation evaluation = assessment.evaluation();
			String household = evaluation.householdId();
			add(figures, "households", household);
			add(figures, "riskGroup:" + evaluation.riskGroup(), household);
			evaluation.riskTypes().forEach((type) -> add(figures, "riskType:" + type, household));
			if (evaluation.assistanceTier() != null) {
				add(figures, "tier:" + evaluation.assistanceTier(), household);
			}
			evaluation.measures().forEach((measure) -> add(figures, "measureRecommended:" + measure.code(), household));
			HouseholdCase householdCase = latestCases.get(household);
			if (householdCase != null) {
				add(figures, "caseState:" + householdCase.state(), household);
				if (householdCase.overdue(today)) {
					add(figures, "identificationOverdue", household);
				}
			}
			if (!"NOT_AT_RISK".equals(evaluation.riskGroup()) && evaluation.income().perCapitaNetIncome() != null) {
				BigDecimal income = evaluation.income().perCapitaNetIncome();
				monitoredIncomes.add(income);
				add(figures, "incomeBand:" + band(income), household);
				threshold = evaluation.income().threshold();
			}
		}
		List<String> inRegion = figures.getOrDefault("households", List.of());
		java.util.Set<String> members = new java.util.HashSet<>(inRegion);
		for (String[] applied : this.cases.appliedBetween(from, to)) {
			if (members.contains(applied[0])) {
				add(figures, "measureApplied:" + applied[1], applied[0]);
			}
		}
		for (String household : this.cases.eliminatedBetween(from, to)) {
			if (members.contains(household)) {
				add(figures, "eliminated", household);
			}
		}
		figures.replaceAll((key, households) -> households.stream().distinct().sorted().toList());
		Map<String, StoredAssessment> latest = new HashMap<>();
		population.forEach((assessment) -> latest.put(assessment.evaluation().householdId(), assessment));
		return new Summary(region, from, to, figures, quantiles(monitoredIncomes), threshold, latest);
	}

	/** The summary's figures (each the sorted households behind it) and the income quantiles of monitored ones. */
	public record Summary(Region region, LocalDate from, LocalDate to, Map<String, List<String>> figures,
			Map<String, BigDecimal> incomeQuantiles, BigDecimal threshold, Map<String, StoredAssessment> latest) {

	}

	/** 1,000-yuan bands of per-capita income: {@code 6000-7000}; below zero is {@code <0}. */
	static String band(BigDecimal income) {
		if (income.signum() < 0) {
			return "<0";
		}
		long lower = income.divide(BigDecimal.valueOf(1000), 0, RoundingMode.FLOOR).longValue() * 1000;
		return lower + "-" + (lower + 1000);
	}

	private static Map<String, BigDecimal> quantiles(List<BigDecimal> values) {
		Map<String, BigDecimal> quantiles = new LinkedHashMap<>();
		if (values.isEmpty()) {
			return quantiles;
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		for (int percent : new int[] { 0, 10, 25, 50, 75, 90, 100 }) {
			int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
			quantiles.put((percent == 0) ? "min" : (percent == 100) ? "max" : "p" + percent,
					sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
		}
		return quantiles;
	}

	private Map<String, HouseholdCase> latestCases() {
		Map<String, HouseholdCase> latest = new HashMap<>();
		this.cases.latestOfEach().forEach((householdCase) -> latest.merge(householdCase.householdId(), householdCase,
				(a, b) -> (a.openedAt().isAfter(b.openedAt())) ? a : b));
		return latest;
	}

	private static void add(Map<String, List<String>> figures, String key, String household) {
		figures.computeIfAbsent(key, (unused) -> new ArrayList<>()).add(household);
	}


}
