package org.fangpin.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.fangpin.HttpClientSupport;
import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.internal.ProbeRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WhyNotTests {

	private static RuleSet ruleSet;

	private static final RuleSetLoader loader = new RuleSetLoader(EngineOptions.DEFAULTS);

	private static final WhyNot whyNot = new WhyNot(loader);

	@BeforeAll
	static void load() {
		ruleSet = loader.load(Path.of("rules"));
	}

	@AfterAll
	static void close() {
		ruleSet.close();
	}

	@Test
	void dibaoIsRefusedForTheDevelopmentTierTheIncomeAndTheExistingSupportEachNamedFromTheRule() {
		WhyNot.Report report = whyNot.explain(ruleSet, example());
		WhyNot.Missing dibao = find(report.measures(), "DIBAO");
		assertThat(dibao.clause()).isEqualTo("M-08");
		WhyNot.RuleCheck rule = dibao.rules().get(0);
		assertThat(rule.ruleId()).isEqualTo("M-08");
		assertThat(rule.conditions()).extracting(WhyNot.Condition::text, WhyNot.Condition::met)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Monitored()", true),
					org.assertj.core.groups.Tuple.tuple("AssistanceTier( $tier : code != \"DEVELOPMENT\" )", false),
					org.assertj.core.groups.Tuple.tuple(
							"Parameter( name == \"assistance.ruralDibaoStandard\", $standard : value )", true),
					org.assertj.core.groups.Tuple.tuple(
							"PerCapita( kind == PerCapita.Kind.NET_INCOME, $netIncome : total, $size : householdSize, below($standard) )",
							false),
					org.assertj.core.groups.Tuple.tuple("Household( receives(\"DIBAO\") == false )", false),
					org.assertj.core.groups.Tuple.tuple("not Recommendation( code == \"TEKUN\" )", true));
		assertThat(rule.unmet()).containsExactly(2, 4, 5);
	}

	@Test
	void recommendedMeasuresAndTheAssignedGroupAreNotListed() {
		WhyNot.Report report = whyNot.explain(ruleSet, example());
		assertThat(report.measures()).extracting(WhyNot.Missing::code)
			.doesNotContain("MEDICAL_ASSISTANCE", "MICROCREDIT")
			.contains("DIBAO", "TEKUN", "JOB_PLACEMENT");
		assertThat(report.riskGroups()).extracting(WhyNot.Missing::code)
			.containsExactly("MARGINAL", "SUDDEN_HARDSHIP", "NOT_AT_RISK");
		WhyNot.RuleCheck marginal = find(report.riskGroups(), "MARGINAL").rules().get(0);
		assertThat(marginal.ruleId()).isEqualTo("G2");
		assertThat(marginal.conditions().get(0).text()).isEqualTo("not RiskGroup()");
		assertThat(marginal.conditions().get(0).met()).isFalse();
		assertThat(marginal.conditions().get(1).met()).isFalse();
		assertThat(report.tiers()).extracting(WhyNot.Missing::code).containsExactly("COMBINED", "SAFETY_NET");
	}

	@Test
	void aMeasureWithTwoRulesListsBoth() {
		WhyNot.Report report = whyNot.explain(ruleSet, example());
		assertThat(find(report.measures(), "SKILLS_TRAINING").rules()).extracting(WhyNot.RuleCheck::ruleId)
			.containsExactly("M-13-JOBLESS", "M-13-JOBLOSS");
	}

	@Test
	void conditionsAreSplitAtTheTopLevelOnly() {
		assertThat(ProbeRules.conditions(Map.of("a.drl", """
				rule "x"
				    @id("X")
				when
				    Monitored()  // a comment
				    accumulate( Member( $m : index,
				                        age > 3 );
				                $all : collectList( $m ); $all.size() > 0 )
				    exists ( Household( business > 0 )
				             or Member( age < 2 ) )
				then
				    insert(new Alert("A"));
				end
				""")).get(0).conditions()).containsExactly("Monitored()",
				"accumulate( Member( $m : index, age > 3 ); $all : collectList( $m ); $all.size() > 0 )",
				"exists ( Household( business > 0 ) or Member( age < 2 ) )");
	}

	private static WhyNot.Missing find(java.util.List<WhyNot.Missing> missing, String code) {
		return missing.stream().filter((item) -> item.code().equals(code)).findFirst().orElseThrow();
	}

	private static HouseholdProfile example() {
		return new ProfileReader(Set.of("DIBAO", "MEDICAL_ASSISTANCE"))
			.read(HttpClientSupport.JSON.readTree(HttpClientSupport.example()), LocalDate.of(2026, 11, 30));
	}

}
