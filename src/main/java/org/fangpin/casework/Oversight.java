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

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
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
	@Schema(name = "RegionFilter", description = "The region a watch list or report covers, as in the profiles' "
			+ "region; a part that is null matches any")
	public record Region(
			@Schema(description = "County (县/区), or null for any", example = "忻府区", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED) String county,
			@Schema(description = "Township (乡/镇), or null for any", example = "豆罗镇", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED) String township,
			@Schema(description = "Village (村), or null for any", example = "董村", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED) String village) {

	}

	/** One household on the watch list and every reason it is there. */
	@Schema(name = "WatchlistEntry", description = "A household on the watch list, every reason it is there, its "
			+ "latest assessment and its latest case")
	public record WatchEntry(
			@Schema(description = "The household's id", example = "140902-017-0031",
					requiredMode = RequiredMode.REQUIRED) String householdId,
			@ArraySchema(arraySchema = @Schema(description = "Every reason the household is on the list",
					requiredMode = RequiredMode.REQUIRED)) List<Reason> reasons,
			@Schema(description = "The risk group of its latest assessment, a code of the catalogue's riskGroups",
					example = "SUDDEN_HARDSHIP", requiredMode = RequiredMode.REQUIRED,
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "riskGroups")))
			String riskGroup,
			@ArraySchema(schema = @Schema(description = "An alert code of the catalogue", example = "NEAR_THRESHOLD",
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "alerts"))),
					arraySchema = @Schema(description = "The early-warning alerts of its latest assessment",
							examples = "[\"NEAR_THRESHOLD\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> alerts,
			@Schema(description = "Its latest assessment's id", example = "01a22c10-17e6-7c55-bf00-db3119df4cb9",
					format = "uuid", requiredMode = RequiredMode.REQUIRED) String assessmentId,
			@Schema(description = "Its latest assessment's asOf", example = "2025-03-01",
					requiredMode = RequiredMode.REQUIRED) LocalDate asOf,
			@Schema(description = "Its latest case's id; null when it has none",
					example = "5b0c3f6e-2f7a-4d1b-9a57-0c1e8f3d2a44", types = { "string", "null" }, format = "uuid",
					requiredMode = RequiredMode.REQUIRED) String caseId,
			@Schema(description = "Its latest case's state; null when it has none", example = "SIGNALLED",
					nullable = true, requiredMode = RequiredMode.REQUIRED) CaseState caseState,
			@Schema(description = "When identification of its latest case is due; null when it has none",
					example = "2025-03-16", types = { "string", "null" }, format = "date",
					requiredMode = RequiredMode.REQUIRED) LocalDate identificationDue) {

	}

	/** Why a household is on the watch list. */
	@Schema(name = "WatchlistReason", description = "Why a household is on the watch list")
	public record Reason(
			@Schema(description = "ALERT (its latest assessment has early-warning alerts), NEWLY_MONITORED (its open "
					+ "case was signalled on or after since) or IDENTIFICATION_OVERDUE (its case is still SIGNALLED "
					+ "after the identification date)", example = "IDENTIFICATION_OVERDUE",
					allowableValues = { "ALERT", "NEWLY_MONITORED", "IDENTIFICATION_OVERDUE" },
					requiredMode = RequiredMode.REQUIRED) String kind,
			@Schema(description = "The reason in words (English)",
					example = "signalled on 2025-01-01, identification was due by 2025-01-16",
					requiredMode = RequiredMode.REQUIRED) String detail) {

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
