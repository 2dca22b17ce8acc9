package org.fangpin.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.household.HouseholdProfile;
import org.fangpin.rules.internal.ProbeRules;

/**
 * Answers "why not?" from the rules' own conditions: for every measure that was not recommended and every risk
 * group and tier the household is not in, each rule that could have produced it, with each of its conditions met or
 * unmet for this household. The conditions are the rule's own DRL, so the answer stays true when the rules change.
 */
public final class WhyNot {

	/** Probed rule sets by version; a few are enough, since one version is active at a time. */
	private final Map<String, RuleSet> probed = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(4,
			0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
			return size() > 3;
		}

	});

	private final RuleSetLoader loader;

	public WhyNot(RuleSetLoader loader) {
		this.loader = loader;
	}

	/** The answer for one household. */
	public record Report(String ruleSetVersion, List<Missing> measures, List<Missing> riskGroups,
			List<Missing> tiers) {

	}

	/** A code the household did not get, and each rule that could have given it. */
	public record Missing(String code, String clause, LocalizedText label, List<RuleCheck> rules) {

	}

	/** One rule's conditions, each met or not. */
	public record RuleCheck(String ruleId, String file, LocalizedText description, List<Condition> conditions,
			List<Integer> unmet) {

	}

	/** One condition as written in the rule. */
	@Schema(name = "WhyNotCondition", description = "One condition of a rule as written in its DRL, and whether the "
			+ "household meets it")
	public record Condition(
			@Schema(description = "The condition's position in the rule's when part, from 1", example = "2",
					minimum = "1", requiredMode = RequiredMode.REQUIRED) int index,
			@Schema(description = "The condition as written in the rule (DRL)",
					example = "Household( receives(\"DIBAO\") == false )", requiredMode = RequiredMode.REQUIRED)
			String text,
			@Schema(description = "Whether the household meets it", example = "false",
					requiredMode = RequiredMode.REQUIRED) boolean met) {

	}

	public Report explain(RuleSet ruleSet, HouseholdProfile profile) {
		RuleSet probed = this.probed.computeIfAbsent(ruleSet.version(),
				(version) -> this.loader.load("why-not probes of " + version, ProbeRules.withProbes(ruleSet.files())));
		Evaluation evaluation = probed.evaluate(profile);
		Set<String> met = new HashSet<>();
		for (Evaluation.Firing firing : evaluation.trace().firings()) {
			if (firing.ruleName().startsWith(ProbeRules.PREFIX)) {
				met.add(firing.ruleName().substring(ProbeRules.PREFIX.length()));
			}
		}
		List<ProbeRules.RuleConditions> rules = ProbeRules.conditions(ruleSet.files());
		Map<String, RuleInfo> infos = new java.util.HashMap<>();
		ruleSet.rules().forEach((info) -> infos.put(info.id(), info));
		Set<String> measures = new HashSet<>();
		evaluation.measures().forEach((measure) -> measures.add(measure.code()));
		return new Report(ruleSet.version(),
				missing(ruleSet.catalogue(), "measures", measures, rules, infos, met,
						"Recommendation\\s*\\.\\s*of\\s*\\(\\s*\"%s\"|new\\s+Recommendation\\s*\\(\\s*\"%s\""),
				missing(ruleSet.catalogue(), "riskGroups", Set.of(String.valueOf(evaluation.riskGroup())), rules,
						infos, met, "new\\s+RiskGroup\\s*\\(\\s*\"%s\""),
				missing(ruleSet.catalogue(), "tiers", Set.of(String.valueOf(evaluation.assistanceTier())), rules,
						infos, met, "new\\s+AssistanceTier\\s*\\(\\s*\"%s\""));
	}

	private static List<Missing> missing(Catalogue catalogue, String section, Set<String> present,
			List<ProbeRules.RuleConditions> rules, Map<String, RuleInfo> infos, Set<String> met, String emits) {
		List<Missing> missing = new ArrayList<>();
		for (Catalogue.Entry entry : catalogue.section(section)) {
			if (present.contains(entry.code())) {
				continue;
			}
			Pattern emitted = Pattern.compile(emits.replace("%s", Pattern.quote(entry.code())));
			List<RuleCheck> checks = new ArrayList<>();
			for (ProbeRules.RuleConditions rule : rules) {
				if (!emitted.matcher(rule.consequence()).find()) {
					continue;
				}
				List<Condition> conditions = new ArrayList<>();
				List<Integer> unmet = new ArrayList<>();
				for (int k = 0; k < rule.conditions().size(); k++) {
					boolean holds = met.contains(rule.ruleId() + "#" + (k + 1));
					conditions.add(new Condition(k + 1, rule.conditions().get(k), holds));
					if (!holds) {
						unmet.add(k + 1);
					}
				}
				RuleInfo info = infos.get(rule.ruleId());
				checks.add(new RuleCheck(rule.ruleId(), rule.file(), (info != null) ? info.description() : null,
						conditions, unmet));
			}
			missing.add(new Missing(entry.code(), entry.clause(), entry.label(), checks));
		}
		return missing;
	}

}
