package org.fangpin.casework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.assessment.AssessmentRow;
import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.rules.Evaluation;

import org.springframework.stereotype.Service;

/**
 * The watch list, the summary report and the monthly series of a region. The first two start from the latest
 * assessment of every household in the region, the series from the assessment in force at each month's end; every
 * figure is kept as the list of households behind it, so that no household is hidden inside a count or an average
 * (防止平均数掩盖极少数).
 */
@Service
public class Oversight {

	/** At most this many months in a series. */
	public static final int MAX_MONTHS = 120;

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
		List<StoredAssessment> latest = this.assessments.latestIn(region.county(), region.township(),
				region.village());
		Map<String, HouseholdCase> latestCases = latestCases(latest);
		List<WatchEntry> entries = new ArrayList<>();
		for (StoredAssessment assessment : latest) {
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
		if (from.isAfter(to)) {
			throw new CaseworkException(CaseworkException.Kind.INVALID, "period-inverted");
		}
		LocalDate today = this.assessments.today();
		Map<String, List<String>> figures = new TreeMap<>();
		List<StoredAssessment> population = this.assessments
			.latestIn(region.county(), region.township(), region.village())
			.stream()
			.filter((assessment) -> !assessment.evaluation().asOf().isBefore(from)
					&& !assessment.evaluation().asOf().isAfter(to))
			.toList();
		Map<String, HouseholdCase> latestCases = latestCases(population);
		List<BigDecimal> monitoredIncomes = new ArrayList<>();
		BigDecimal threshold = null;
		LocalDate thresholdAsOf = null;
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
				// the threshold of the newest date counted: the one in force at the end of the report
				if (thresholdAsOf == null || !evaluation.asOf().isBefore(thresholdAsOf)) {
					threshold = evaluation.income().threshold();
					thresholdAsOf = evaluation.asOf();
				}
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

	/**
	 * The region's households month by month, from the month of {@code from} to the month of {@code to}. Each month is
	 * counted on its last day, or on {@code to} when that is earlier: every household by its assessment in force that
	 * day (see {@link #inForce}), when that assessment is in the region. Figures: {@code households} and
	 * {@code riskGroup:…}. A null {@code from} is the month of the region's earliest asOf, but at most
	 * {@link #MAX_MONTHS} months back.
	 */
	public Series series(Region region, LocalDate from, LocalDate to) {
		Map<String, List<AssessmentRow>> histories = histories(region);
		YearMonth last = YearMonth.from(to);
		YearMonth first;
		if (from != null) {
			first = YearMonth.from(from);
			if (first.isAfter(last)) {
				throw new CaseworkException(CaseworkException.Kind.INVALID, "period-inverted");
			}
			if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
				throw new CaseworkException(CaseworkException.Kind.INVALID, "series-too-long", MAX_MONTHS);
			}
		}
		else {
			first = histories.values()
				.stream()
				.flatMap(List::stream)
				.filter((row) -> in(region, row))
				.map(AssessmentRow::asOf)
				.min(Comparator.naturalOrder())
				.map(YearMonth::from)
				.orElse(last);
			first = (first.isAfter(last)) ? last : first;
			YearMonth earliest = last.minusMonths(MAX_MONTHS - 1);
			first = (first.isBefore(earliest)) ? earliest : first;
		}
		List<SeriesMonth> months = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			LocalDate on = (month.equals(last) && to.isBefore(month.atEndOfMonth())) ? to : month.atEndOfMonth();
			Map<String, List<String>> figures = new TreeMap<>();
			counted(histories, region, on).forEach((household, row) -> {
				add(figures, "households", household);
				if (row.riskGroup() != null) {
					add(figures, "riskGroup:" + row.riskGroup(), household);
				}
			});
			months.add(new SeriesMonth(month, on, figures));
		}
		return new Series(region, first.atDay(1), to, months);
	}

	/** A series: the first day of its first month, its last day, and its months in order. */
	public record Series(Region region, LocalDate from, LocalDate to, List<SeriesMonth> months) {

	}

	/** One month of a series: the day it is counted on and its figures, each the sorted households behind it. */
	public record SeriesMonth(YearMonth month, LocalDate on, Map<String, List<String>> figures) {

	}

	/**
	 * The assessments behind a figure of a series ({@code households} or {@code riskGroup:…}) on a date, by household
	 * id. A household's assessment in force on a date is its assessment with the latest asOf on or before that date,
	 * the last stored when several have that asOf; an assessment that a correction supersedes never is. The household
	 * counts when that assessment is in the region.
	 */
	public List<StoredAssessment> inForce(Region region, LocalDate on, String figure) {
		List<StoredAssessment> behind = new ArrayList<>();
		counted(histories(region), region, on).forEach((household, row) -> {
			if (figure.equals("households") || figure.equals("riskGroup:" + row.riskGroup())) {
				behind.add(this.assessments.find(row.id().toString()));
			}
		});
		return behind;
	}

	/** Every household with an assessment in the region, with all its assessments but the corrected ones. */
	private Map<String, List<AssessmentRow>> histories(Region region) {
		List<AssessmentRow> rows = this.assessments.rowsOfHouseholdsIn(region.county(), region.township(),
				region.village());
		Set<java.util.UUID> corrected = new HashSet<>();
		rows.forEach((row) -> {
			if (row.supersedes() != null) {
				corrected.add(row.supersedes());
			}
		});
		Map<String, List<AssessmentRow>> histories = new TreeMap<>();
		rows.stream()
			.filter((row) -> !corrected.contains(row.id()))
			.forEach((row) -> histories.computeIfAbsent(row.householdId(), (unused) -> new ArrayList<>()).add(row));
		return histories;
	}

	/** The households of the region on a date, each with its assessment in force, by household id. */
	private static Map<String, AssessmentRow> counted(Map<String, List<AssessmentRow>> histories, Region region,
			LocalDate on) {
		Map<String, AssessmentRow> counted = new TreeMap<>();
		histories.forEach((household, rows) -> {
			AssessmentRow inForce = null;
			// rows are in order of asOf, then of storing: the last one not after the date is in force
			for (AssessmentRow row : rows) {
				if (row.asOf().isAfter(on)) {
					break;
				}
				inForce = row;
			}
			if (inForce != null && in(region, inForce)) {
				counted.put(household, inForce);
			}
		});
		return counted;
	}

	private static boolean in(Region region, AssessmentRow row) {
		return (region.county() == null || Objects.equals(region.county(), row.county()))
				&& (region.township() == null || Objects.equals(region.township(), row.township()))
				&& (region.village() == null || Objects.equals(region.village(), row.village()));
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

	/** The newest case of each household assessed in {@code assessments}. */
	private Map<String, HouseholdCase> latestCases(List<StoredAssessment> assessments) {
		return this.cases
			.latestOf(assessments.stream().map((assessment) -> assessment.evaluation().householdId()).toList());
	}

	private static void add(Map<String, List<String>> figures, String key, String household) {
		figures.computeIfAbsent(key, (unused) -> new ArrayList<>()).add(household);
	}


}
