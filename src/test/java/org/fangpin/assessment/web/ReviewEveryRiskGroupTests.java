package org.fangpin.assessment.web;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.TestRules;
import org.fangpin.rules.PolicyCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What-if, income sensitivity and why-not over HTTP, for a household in each risk group of policy.md §4. Every
 * household is the documented example (docs/examples/household.json: one member aged 58, full labour, farming, with
 * a chronic illness; net income N = 9000 + 300 + 2400 − 3000 = 8700; medical costs R = 6000; last year's net income
 * 15000; a major illness on 2024-03-02) with a few fields changed. asOf is 2024-06-30, so T = 7400, the watch line
 * is 8880, a sharp drop is N ≤ 7500 and the medical assistance trigger is 5000.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:review-every-risk-group;DB_CLOSE_DELAY=-1")
class ReviewEveryRiskGroupTests {

	/** The rule of each risk group carries the group's clause as its id (rules/30-risk-group/risk-group.drl). */
	private static final Map<String, String> GROUP_CLAUSES = Map.of("UNSTABLE_LIFTED", "G1", "MARGINAL", "G2",
			"SUDDEN_HARDSHIP", "G3", "NOT_AT_RISK", "G0");

	private static final List<String> GROUPS = List.of("UNSTABLE_LIFTED", "MARGINAL", "SUDDEN_HARDSHIP",
			"NOT_AT_RISK");

	/** The sensitivity search's limit, and so how far "not reachable by income alone" is checked. */
	private static final BigDecimal SEARCH_LIMIT = new BigDecimal("1000000");

	private static final BigDecimal FEN = new BigDecimal("0.01");

	private static final String GROUP_RULES = "rules/30-risk-group/risk-group.drl";

	@TempDir
	static Path rules;

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@DynamicPropertySource
	static void rulesInATemporaryDirectory(DynamicPropertyRegistry registry) {
		TestRules.copyShippedRules(rules);
		registry.add("fangpin.rules.dir", rules::toString);
	}

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	/**
	 * A household in one risk group, and what a reviewer should see for it. Unmet conditions are given by index,
	 * each with a fragment of the condition's DRL that names the policy term it checks.
	 */
	record Scenario(String group, String patchOfExample, List<String> signals,
			// what-if: a patch that moves the household, the group it moves to, and the fields of the result that change
			String whatIf, String whatIfGroup, List<String> whatIfSignals, List<String> whatIfMeasures,
			Set<String> whatIfChangedFields,
			// sensitivity: the smallest rise and fall of net income that change the group (null: not reachable)
			String increase, String increaseGroup, String decrease, String decreaseGroup,
			// why-not: for every other group, its rule's unmet conditions; and a measure not recommended
			Map<String, Map<Integer, String>> groupsUnmet, String measure, String measureClause,
			Map<String, Map<Integer, String>> measureUnmet) {

		@Override
		public String toString() {
			return this.group;
		}

	}

	static Stream<Scenario> scenarios() {
		return Stream.of(
				// G1: a lifted household above the line whose medical costs leave 8700 − 6000 = 2700 < 7400 (S-RIGID)
				new Scenario("UNSTABLE_LIFTED", "{}", List.of("RIGID_EXPENSE_PRESSURE"),
						// without the medical costs there is no signal left: not at risk, on the watch list (8700 <
						// 8880, and the recent illness), and elimination E5 is met
						"{\"expenses\": {\"medicalOutOfPocket\": 0}}", "NOT_AT_RISK", List.of(), List.of(),
						Set.of("income", "signals", "riskGroup", "riskTypes", "assistanceTier", "measures",
								"elimination", "alerts", "explanation"),
						// S-RIGID holds while N − 6000 < 7400: up to N = 13400, +4700; a fall only adds signals
						"4700.00", "NOT_AT_RISK", null, null,
						Map.of("MARGINAL",
								Map.of(1, "not RiskGroup()", 2, "PovertyStatus.NEVER_POOR", 3,
										"INCOME_BELOW_THRESHOLD"),
								"SUDDEN_HARDSHIP", Map.of(1, "not RiskGroup()", 2, "PovertyStatus.NEVER_POOR"),
								"NOT_AT_RISK", Map.of(1, "not RiskGroup()")),
						// M-07: tier SAFETY_NET (this one is DEVELOPMENT) and a member aged 60+, under 16 or grade 1-2
						"TEKUN", "M-07",
						Map.of("M-07", Map.of(2, "SAFETY_NET", 4, "age >= 60 || age < 16"))),
				// G2: never poor, N = 7000 + 300 + 2400 − 3000 = 6700 < 7400; also S-RIGID and S-DROP (6700 ≤ 7500)
				new Scenario("MARGINAL", "{\"povertyStatus\": \"NEVER_POOR\", \"income\": {\"business\": 7000}}",
						List.of("INCOME_BELOW_THRESHOLD", "RIGID_EXPENSE_PRESSURE", "SHARP_INCOME_DROP"),
						// back to 8700: not below the line, no sharp drop, still rigid-expense pressure; the measures
						// stay the same and elimination loses E3 from its unmet clauses
						"{\"income\": {\"business\": 9000}}", "SUDDEN_HARDSHIP", List.of("RIGID_EXPENSE_PRESSURE"),
						List.of("MEDICAL_ASSISTANCE", "TEMPORARY_ASSISTANCE", "INDUSTRY_GRANT", "MICROCREDIT"),
						Set.of("income", "signals", "riskGroup", "elimination", "explanation"),
						// at N = 7400 S-INC goes and S-RIGID stays: sudden hardship, +700; a fall keeps S-INC
						"700.00", "SUDDEN_HARDSHIP", null, null,
						Map.of("UNSTABLE_LIFTED", Map.of(2, "PovertyStatus.LIFTED"),
								"SUDDEN_HARDSHIP",
								Map.of(1, "not RiskGroup()", 3, "not Signal( code == \"INCOME_BELOW_THRESHOLD\" )"),
								"NOT_AT_RISK", Map.of(1, "not RiskGroup()")),
						// M-13: nobody out of work (the member farms) and no recent job loss
						"SKILLS_TRAINING", "M-13",
						Map.of("M-13-JOBLESS", Map.of(2, "Employment.UNEMPLOYED, Employment.NONE"),
								"M-13-JOBLOSS", Map.of(2, "EventType.JOB_LOSS"))),
				// G3: never poor, N = 8700 ≥ 7400, but 8700 − 6000 = 2700 < 7400 (S-RIGID)
				new Scenario("SUDDEN_HARDSHIP", "{\"povertyStatus\": \"NEVER_POOR\"}", List.of("RIGID_EXPENSE_PRESSURE"),
						// the same figures for a lifted household: only the group changes
						"{\"povertyStatus\": \"LIFTED\"}", "UNSTABLE_LIFTED", List.of("RIGID_EXPENSE_PRESSURE"),
						List.of("MEDICAL_ASSISTANCE", "TEMPORARY_ASSISTANCE", "INDUSTRY_GRANT", "MICROCREDIT"),
						Set.of("riskGroup", "explanation"),
						// up: as for G1, +4700 to not at risk; down: below 7400 at N = 7399.99, −1300.01, marginal
						"4700.00", "NOT_AT_RISK", "-1300.01", "MARGINAL",
						Map.of("UNSTABLE_LIFTED", Map.of(2, "PovertyStatus.LIFTED"),
								"MARGINAL", Map.of(3, "INCOME_BELOW_THRESHOLD"),
								"NOT_AT_RISK", Map.of(1, "not RiskGroup()")),
						// M-15: tier COMBINED (this one is DEVELOPMENT) and a weak-labour member out of work
						"PUBLIC_WELFARE_JOB", "M-15",
						Map.of("M-15", Map.of(2, "COMBINED", 3, "Labour.Kind.WEAK"))),
				// G0: never poor, N = 8700, no medical costs and no monitoring: no signal at all
				new Scenario("NOT_AT_RISK",
						"{\"povertyStatus\": \"NEVER_POOR\", \"expenses\": {\"medicalOutOfPocket\": 0}, "
								+ "\"monitoring\": null}",
						List.of(),
						// 6700: below the line and a sharp drop after the illness; monitored, development tier,
						// temporary assistance for the illness, the industry grant and microcredit for the farming
						"{\"income\": {\"business\": 7000}}", "MARGINAL",
						List.of("INCOME_BELOW_THRESHOLD", "SHARP_INCOME_DROP"),
						List.of("TEMPORARY_ASSISTANCE", "INDUSTRY_GRANT", "MICROCREDIT"),
						Set.of("income", "signals", "riskGroup", "riskTypes", "assistanceTier", "measures", "alerts",
								"explanation"),
						// up: nothing to lose; down: at N = 7500 the illness makes it a sharp drop (S-DROP) before
						// income falls below the line: −1200.00, sudden hardship
						null, null, "-1200.00", "SUDDEN_HARDSHIP",
						Map.of("UNSTABLE_LIFTED", Map.of(2, "PovertyStatus.LIFTED", 3, "INCOME_BELOW_THRESHOLD"),
								"MARGINAL", Map.of(3, "INCOME_BELOW_THRESHOLD"),
								"SUDDEN_HARDSHIP", Map.of(4, "RIGID_EXPENSE_PRESSURE")),
						// M-06: a recent major illness, but the household is not monitored
						"TEMPORARY_ASSISTANCE", "M-06", Map.of("M-06", Map.of(1, "Monitored()"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void aWhatIfMovesTheHouseholdToAnotherGroupAndShowsWhatChanged(Scenario scenario) {
		JsonNode stored = store(scenario, "WHATIF");
		Response response = this.http.post("/api/v1/assessments/" + stored.get("id").asString() + "/what-if",
				"application/merge-patch+json", scenario.whatIf());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		JsonNode result = body.get("result");
		assertThat(result.get("id").isNull()).isTrue();
		assertThat(result.get("riskGroup").asString()).isEqualTo(scenario.whatIfGroup());
		assertThat(texts(result.get("signals"))).isEqualTo(scenario.whatIfSignals());
		assertThat(codes(result.get("measures"))).isEqualTo(scenario.whatIfMeasures());
		if (scenario.whatIfGroup().equals("NOT_AT_RISK")) {
			assertThat(result.get("assistanceTier").isNull()).isTrue();
			assertThat(result.get("riskTypes").size()).isZero();
		}
		else {
			assertThat(result.get("assistanceTier").asString()).isEqualTo("DEVELOPMENT");
			assertThat(result.get("alerts").size()).isZero();
		}
		// the changed profile is the stored one with the patch applied
		JsonNode expectedInput = PolicyCases.mergePatch(stored.get("input").deepCopy(),
				HttpClientSupport.JSON.readTree(scenario.whatIf()));
		assertThat(body.get("input")).isEqualTo(expectedInput);

		// the differences: exactly the fields that change, each with the stored and the new value
		Map<String, JsonNode[]> differences = new LinkedHashMap<>();
		body.get("differences").forEach((difference) -> differences.put(difference.get("path").asString(),
				new JsonNode[] { difference.get("before"), difference.get("after") }));
		Set<String> fields = new LinkedHashSet<>();
		differences.keySet().forEach((path) -> fields.add(path.split("[.\\[]")[0]));
		assertThat(fields).containsExactlyInAnyOrderElementsOf(scenario.whatIfChangedFields());
		assertThat(differences.get("riskGroup")[0].asString()).isEqualTo(scenario.group());
		assertThat(differences.get("riskGroup")[1].asString()).isEqualTo(scenario.whatIfGroup());
		if (fields.contains("signals")) {
			assertThat(texts(differences.get("signals")[0])).isEqualTo(scenario.signals());
			assertThat(texts(differences.get("signals")[1])).isEqualTo(scenario.whatIfSignals());
		}
		for (String path : differences.keySet()) {
			JsonNode[] values = differences.get(path);
			assertThat(values[0]).as(path).isNotEqualTo(values[1]);
		}
		// the rule of the stored group fired only for the stored profile, the new group's only for the changed one
		assertThat(texts(body.get("rulesOnlyInOriginal"))).contains(GROUP_CLAUSES.get(scenario.group()))
			.doesNotContain(GROUP_CLAUSES.get(scenario.whatIfGroup()));
		assertThat(texts(body.get("rulesOnlyInWhatIf"))).contains(GROUP_CLAUSES.get(scenario.whatIfGroup()))
			.doesNotContain(GROUP_CLAUSES.get(scenario.group()));

		// the same changed profile, assessed as new, gets the same result; the what-if stored nothing
		JsonNode fresh = this.http.postJson("/api/v1/evaluations", expectedInput.toString()).json();
		assertThat(fresh.get("riskGroup").asString()).isEqualTo(scenario.whatIfGroup());
		assertThat(codes(fresh.get("measures"))).isEqualTo(scenario.whatIfMeasures());
		assertThat(this.http.get("/api/v1/households/" + stored.get("householdId").asString() + "/assessments")
			.json()
			.size()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void theIncomeChangesSensitivityReportsReallyMoveTheHousehold(Scenario scenario) {
		JsonNode stored = store(scenario, "SENSITIVITY");
		String id = stored.get("id").asString();
		Response response = this.http.get("/api/v1/assessments/" + id + "/sensitivity");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("riskGroup").asString()).isEqualTo(scenario.group());
		BigDecimal netIncome = stored.get("income").get("netIncome").decimalValue();
		assertThat(body.get("netIncome").decimalValue()).isEqualByComparingTo(netIncome);
		JsonNode income = stored.get("input").get("income");

		// a rise goes through wages, a fall through production costs (ReviewService.Sensitivity)
		checkChange(id, scenario, body.get("increase"), scenario.increase(), scenario.increaseGroup(), netIncome,
				"wages", income.get("wages").decimalValue(), 1);
		checkChange(id, scenario, body.get("decrease"), scenario.decrease(), scenario.decreaseGroup(), netIncome,
				"productionCosts", income.get("productionCosts").decimalValue(), -1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scenarios")
	void whyNotNamesTheUnmetConditionsOfEveryOtherGroupAndOfAMeasureNotRecommended(Scenario scenario) {
		JsonNode stored = store(scenario, "WHYNOT");
		Response response = this.http.get("/api/v1/assessments/" + stored.get("id").asString() + "/why-not",
				"Accept-Language", "en");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("ruleSetVersion").asString()).isEqualTo(stored.get("ruleSetVersion").asString());

		List<String> others = GROUPS.stream().filter((group) -> !group.equals(scenario.group())).toList();
		assertThat(codes(body.get("riskGroups"))).isEqualTo(others);
		for (JsonNode group : body.get("riskGroups")) {
			String code = group.get("code").asString();
			assertThat(group.get("clause").asString()).isEqualTo(GROUP_CLAUSES.get(code));
			assertThat(group.get("rules").size()).as(code).isEqualTo(1);
			JsonNode rule = group.get("rules").get(0);
			assertThat(rule.get("ruleId").asString()).isEqualTo(GROUP_CLAUSES.get(code));
			assertThat(rule.get("file").asString()).isEqualTo(GROUP_RULES);
			checkUnmet(code, rule, scenario.groupsUnmet().get(code));
		}

		List<String> recommended = codes(stored.get("measures"));
		assertThat(recommended).doesNotContain(scenario.measure());
		List<String> notRecommended = codes(body.get("measures"));
		assertThat(notRecommended).contains(scenario.measure());
		recommended.forEach((code) -> assertThat(notRecommended).doesNotContain(code));
		JsonNode measure = find(body.get("measures"), scenario.measure());
		assertThat(measure.get("clause").asString()).isEqualTo(scenario.measureClause());
		Map<String, JsonNode> rulesById = new LinkedHashMap<>();
		measure.get("rules").forEach((rule) -> rulesById.put(rule.get("ruleId").asString(), rule));
		assertThat(rulesById.keySet()).containsExactlyInAnyOrderElementsOf(scenario.measureUnmet().keySet());
		scenario.measureUnmet().forEach((ruleId, unmet) -> {
			assertThat(rulesById.get(ruleId).get("file").asString()).isEqualTo("rules/50-measures/measures.drl");
			checkUnmet(ruleId, rulesById.get(ruleId), unmet);
		});

		// the tiers the household is not in: all three when it is not monitored
		List<String> tiers = codes(body.get("tiers"));
		if (scenario.group().equals("NOT_AT_RISK")) {
			assertThat(tiers).containsExactly("DEVELOPMENT", "COMBINED", "SAFETY_NET");
		}
		else {
			assertThat(tiers).containsExactly("COMBINED", "SAFETY_NET");
		}
	}

	/**
	 * Checks a reported change with the engine, through what-ifs: the amount moves the household to the reported
	 * group and one fen less does not move it. A change not reachable leaves the group as it is at the search's limit.
	 */
	private void checkChange(String id, Scenario scenario, JsonNode change, String expectedAmount,
			String expectedGroup, BigDecimal netIncome, String field, BigDecimal value, int direction) {
		if (expectedAmount == null) {
			assertThat(change.get("reachable").booleanValue()).as(change.toString()).isFalse();
			assertThat(change.get("note").asString()).isEqualTo("not reachable by income alone");
			assertThat(change.get("amount").isNull()).isTrue();
			assertThat(change.get("riskGroup").isNull()).isTrue();
			assertThat(groupWith(id, field, value.add(SEARCH_LIMIT))).isEqualTo(scenario.group());
			return;
		}
		assertThat(change.get("reachable").booleanValue()).as(change.toString()).isTrue();
		BigDecimal amount = change.get("amount").decimalValue();
		assertThat(amount).isEqualByComparingTo(expectedAmount);
		assertThat(change.get("netIncome").decimalValue()).isEqualByComparingTo(netIncome.add(amount));
		assertThat(change.get("riskGroup").asString()).isEqualTo(expectedGroup);
		BigDecimal shift = amount.abs();
		JsonNode moved = whatIf(id, field, value.add(shift));
		assertThat(moved.get("result").get("riskGroup").asString()).isEqualTo(expectedGroup);
		assertThat(moved.get("result").get("income").get("netIncome").decimalValue())
			.isEqualByComparingTo(netIncome.add(amount));
		assertThat(groupWith(id, field, value.add(shift).subtract(FEN))).as("one fen less than " + amount)
			.isEqualTo(scenario.group());
		assertThat(direction * amount.signum()).isEqualTo(1);
	}

	private String groupWith(String id, String field, BigDecimal value) {
		return whatIf(id, field, value).get("result").get("riskGroup").asString();
	}

	private JsonNode whatIf(String id, String field, BigDecimal value) {
		Response response = this.http.post("/api/v1/assessments/" + id + "/what-if", "application/merge-patch+json",
				"{\"income\": {\"" + field + "\": " + value.toPlainString() + "}}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static void checkUnmet(String what, JsonNode rule, Map<Integer, String> expected) {
		List<Integer> unmet = new ArrayList<>();
		rule.get("unmet").forEach((index) -> unmet.add(index.intValue()));
		assertThat(unmet).as(what + " unmet").containsExactlyElementsOf(new java.util.TreeSet<>(expected.keySet()));
		for (JsonNode condition : rule.get("conditions")) {
			int index = condition.get("index").intValue();
			assertThat(condition.get("met").booleanValue()).as(what + " condition " + index)
				.isEqualTo(!expected.containsKey(index));
			if (expected.containsKey(index)) {
				assertThat(condition.get("text").asString()).as(what + " condition " + index)
					.contains(expected.get(index));
			}
		}
	}

	/** Stores the scenario's household and checks that it lands in the scenario's group with its signals. */
	private JsonNode store(Scenario scenario, String purpose) {
		String householdId = "RG-" + purpose + "-" + GROUP_CLAUSES.get(scenario.group());
		ObjectNode profile = (ObjectNode) PolicyCases.mergePatch(HttpClientSupport.JSON.readTree(
				HttpClientSupport.example()), HttpClientSupport.JSON.readTree(scenario.patchOfExample()));
		profile.put("householdId", householdId);
		Response response = this.http.postJson("/api/v1/assessments", profile.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		String id = response.json().get("id").asString();
		JsonNode stored = this.http.get("/api/v1/assessments/" + id).json();
		assertThat(stored.get("riskGroup").asString()).isEqualTo(scenario.group());
		assertThat(texts(stored.get("signals"))).isEqualTo(scenario.signals());
		return stored;
	}

	private static JsonNode find(JsonNode array, String code) {
		for (JsonNode item : array) {
			if (item.get("code").asString().equals(code)) {
				return item;
			}
		}
		throw new AssertionError(code + " not in " + array);
	}

	private static List<String> codes(JsonNode array) {
		List<String> codes = new ArrayList<>();
		array.forEach((item) -> codes.add(item.get("code").asString()));
		return codes;
	}

	private static List<String> texts(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach((item) -> list.add(item.asString()));
		return list;
	}

}
