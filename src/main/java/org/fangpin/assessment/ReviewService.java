package org.fangpin.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.PolicyCases;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.WhyNot;
import org.fangpin.ruleset.RuleSetVersions;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

/**
 * What reviewers ask of a stored assessment: replay it exactly on the version it was made with, compare it with the
 * active rules, try a change (what-if), find the income change that would move its risk group, and say why it did
 * not get what it did not get. Nothing here stores anything.
 */
@Service
public class ReviewService {

	/** Income searches stop at this change, in fen (1,000,000 yuan). */
	private static final long SEARCH_LIMIT_FEN = 100_000_000L;

	private final AssessmentService assessments;

	private final RuleSetVersions versions;

	private final WhyNot whyNot;

	ReviewService(AssessmentService assessments, RuleSetVersions versions, WhyNot whyNot) {
		this.assessments = assessments;
		this.versions = versions;
		this.whyNot = whyNot;
	}

	/** A replay: the result on the original version, whether it is identical, and the active rules' result. */
	public record Replay(StoredAssessment stored, Evaluation replayed, boolean identical,
			java.util.List<EvaluationDiff.Difference> defects, Evaluation active, EvaluationDiff activeDiff) {

	}

	/** A what-if: the patched profile, its result on the active rules and the differences with the original. */
	public record WhatIf(StoredAssessment stored, JsonNode patchedProfile, Evaluation result, EvaluationDiff diff) {

	}

	/** The smallest income change, in each direction, that moves the household to another risk group. */
	@Schema(name = "Sensitivity", description = "The smallest change of the household's net income, up and down, that "
			+ "moves it to another risk group, found with the rule set that made the assessment. Income rises through "
			+ "wages and falls through production costs, every other figure unchanged")
	public record Sensitivity(
			@Schema(description = "The risk group the stored profile gets, a code of the catalogue's riskGroups",
					example = "UNSTABLE_LIFTED", requiredMode = RequiredMode.REQUIRED,
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "riskGroups")))
			String riskGroup,
			@Schema(description = "The household's net income as assessed, in yuan; null only if the rule set "
					+ "derives none", example = "8700", types = { "number", "null" },
					requiredMode = RequiredMode.REQUIRED) BigDecimal netIncome,
			@Schema(description = "The smallest rise of net income that changes the risk group",
					requiredMode = RequiredMode.REQUIRED) Change increase,
			@Schema(description = "The smallest fall of net income that changes the risk group",
					requiredMode = RequiredMode.REQUIRED) Change decrease) {

	}

	/** A change of net income and the group it leads to; {@code reachable} false when income alone cannot. */
	@Schema(name = "IncomeChange", description = "A change of net income and the risk group it leads to. The search "
			+ "stops at 1,000,000 yuan: beyond that, or when income alone cannot change the group, reachable is false "
			+ "and amount, netIncome and riskGroup are null")
	public record Change(
			@Schema(description = "Whether a change of income alone, up to 1,000,000 yuan, moves the household to "
					+ "another risk group", example = "true", requiredMode = RequiredMode.REQUIRED) boolean reachable,
			@Schema(description = "The change of net income in yuan, to the fen: positive for a rise, negative for "
					+ "a fall; null when not reachable", example = "4700.00", types = { "number", "null" },
					requiredMode = RequiredMode.REQUIRED) BigDecimal amount,
			@Schema(description = "The net income after the change, in yuan; null when not reachable",
					example = "13400.00", types = { "number", "null" }, requiredMode = RequiredMode.REQUIRED)
			BigDecimal netIncome,
			@Schema(description = "The risk group the household moves to, a code of the catalogue's riskGroups; "
					+ "null when not reachable", example = "NOT_AT_RISK", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "riskGroups")))
			String riskGroup,
			@Schema(description = "Why the change is not reachable; null when it is",
					example = "not reachable by income alone", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED) String note) {

	}

	public Replay replay(String id) {
		StoredAssessment stored = this.assessments.find(id);
		Evaluation original = stored.evaluation();
		Evaluation replayed = this.versions.with(original.ruleSetVersion(), (ruleSet) -> evaluate(ruleSet, stored));
		boolean identical = EvaluationDiff.identical(original, replayed);
		Evaluation active = this.versions.withActive((ruleSet) -> evaluate(ruleSet, stored));
		return new Replay(stored, replayed, identical,
				identical ? java.util.List.of() : EvaluationDiff.everything(original, replayed), active,
				EvaluationDiff.between(original, active));
	}

	/**
	 * Applies a merge patch to the stored profile and evaluates it with the active rules. A profile without asOf is
	 * assessed on the stored assessment's date, as it was then, not on today's: otherwise a what-if would report the
	 * passing of time (another year's threshold, events no longer recent) as the patch's effect.
	 */
	public WhatIf whatIf(String id, JsonNode patch) {
		StoredAssessment stored = this.assessments.find(id);
		JsonNode patched = PolicyCases.mergePatch(stored.profile().deepCopy(), patch);
		boolean dated = patched.isObject() && patched.has("asOf") && !patched.get("asOf").isNull();
		LocalDate today = dated ? this.assessments.today() : stored.evaluation().asOf();
		Evaluation result = this.versions.withActive((ruleSet) -> ruleSet.evaluate(
				new ProfileReader(ruleSet.measureCodes()).read(patched, today)));
		return new WhatIf(stored, patched, result, EvaluationDiff.between(stored.evaluation(), result));
	}

	public Sensitivity sensitivity(String id) {
		StoredAssessment stored = this.assessments.find(id);
		Evaluation original = stored.evaluation();
		return this.versions.with(original.ruleSetVersion(), (ruleSet) -> {
			HouseholdProfile profile = profile(ruleSet, stored);
			String group = ruleSet.evaluate(profile).riskGroup();
			return new Sensitivity(group, original.income().netIncome(),
					search(ruleSet, profile, group, 1, original), search(ruleSet, profile, group, -1, original));
		});
	}

	public WhyNot.Report whyNot(String id) {
		StoredAssessment stored = this.assessments.find(id);
		return this.versions.with(stored.evaluation().ruleSetVersion(),
				(ruleSet) -> this.whyNot.explain(ruleSet, profile(ruleSet, stored)));
	}

	/**
	 * Searches with the engine itself: doubling steps until the group changes, then bisecting to the fen. Income
	 * rises through wages and falls through production costs, the other figures unchanged.
	 */
	private Change search(RuleSet ruleSet, HouseholdProfile profile, String group, int direction,
			Evaluation original) {
		Function<Long, String> groupAt = (fen) -> ruleSet.evaluate(shifted(profile, direction * fen)).riskGroup();
		long same = 0;
		long step = 1;
		while (step <= SEARCH_LIMIT_FEN && Objects.equals(groupAt.apply(step), group)) {
			same = step;
			step *= 2;
		}
		if (step > SEARCH_LIMIT_FEN) {
			step = SEARCH_LIMIT_FEN;
			if (Objects.equals(groupAt.apply(step), group)) {
				return new Change(false, null, null, null, "not reachable by income alone");
			}
		}
		long different = step;
		while (different - same > 1) {
			long middle = same + (different - same) / 2;
			if (Objects.equals(groupAt.apply(middle), group)) {
				same = middle;
			}
			else {
				different = middle;
			}
		}
		BigDecimal amount = BigDecimal.valueOf(direction * different).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
		return new Change(true, amount, original.income().netIncome().add(amount), groupAt.apply(different), null);
	}

	private static HouseholdProfile shifted(HouseholdProfile profile, long fen) {
		BigDecimal change = BigDecimal.valueOf(Math.abs(fen)).movePointLeft(2);
		HouseholdProfile.Income income = profile.income();
		HouseholdProfile.Income next = (fen >= 0)
				? new HouseholdProfile.Income(income.wages().add(change), income.business(), income.property(),
						income.transfers(), income.productionCosts(), income.previousYearNetIncome())
				: new HouseholdProfile.Income(income.wages(), income.business(), income.property(), income.transfers(),
						income.productionCosts().add(change), income.previousYearNetIncome());
		return new HouseholdProfile(profile.householdId(), profile.asOf(), profile.region(), profile.povertyStatus(),
				profile.members(), next, profile.expenses(), profile.housing(), profile.drinkingWater(),
				profile.events(), profile.supports(), profile.monitoring());
	}

	private Evaluation evaluate(RuleSet ruleSet, StoredAssessment stored) {
		return ruleSet.evaluate(profile(ruleSet, stored));
	}

	/** The stored profile as it was read then: same defaults, same assessment date. */
	private HouseholdProfile profile(RuleSet ruleSet, StoredAssessment stored) {
		LocalDate asOf = stored.evaluation().asOf();
		LocalDate today = this.assessments.today();
		return new ProfileReader(ruleSet.measureCodes()).read(stored.profile(), asOf.isAfter(today) ? asOf : today)
			.withAsOf(asOf);
	}

}
