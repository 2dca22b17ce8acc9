package org.fangpin.assessment.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.TestRules;
import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.rules.PolicyCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every household of the declarative test cases is stored, the rules change on disk and are reloaded through the
 * validation gate, and every stored assessment is replayed over HTTP: each reproduces its stored result exactly on
 * the version that made it, and the comparison with the new rules shows what the change does to it, and nothing
 * for the households it does not touch. The households are stored through the service rather than over HTTP, only
 * to keep the test short; replay, reload and the rule set are met over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:replay-every-assessment;DB_CLOSE_DELAY=-1")
class ReplayEveryAssessmentTests {

	/** The county that gets its own monitoring threshold in the rule change, and the line it sets from 2024. */
	private static final String COUNTY = "岢岚县";

	private static final BigDecimal NATIONAL_2024 = new BigDecimal("7400");

	private static final BigDecimal COUNTY_2024 = new BigDecimal("7600");

	/** The cases about the threshold, which are stored a second time as households of that county. */
	private static final Set<String> RELOCATED_FILES = Set.of("risk-group/groups.yaml", "signals/income.yaml");

	private static final Set<String> GAPS = Set.of("EDUCATION_GAP", "MEDICAL_GAP", "HOUSING_GAP", "WATER_GAP");

	@TempDir
	static Path rules;

	@LocalServerPort
	int port;

	@Autowired
	AssessmentService assessments;

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

	/** One stored assessment: its id, its profile, whether it was moved to the county, and the stored result. */
	record Stored(String id, String caseName, JsonNode profile, boolean relocated, JsonNode result) {

	}

	@Test
	void everyStoredAssessmentReplaysExactlyAfterARuleChangeAndTheDiffShowsWhatTheChangeDoes() {
		long start = System.nanoTime();
		String before = this.http.get("/api/v1/ruleset").json().get("version").asString();
		List<Stored> stored = storeEveryCase();
		assertThat(stored).hasSizeGreaterThan(250);
		long storedAt = System.nanoTime();

		changeTheRules();
		Response reload = this.http.post("/api/v1/ruleset/reload?comment=replay-test", "application/json", "");
		assertThat(reload.status()).as(reload.body()).isEqualTo(200);
		String after = this.http.get("/api/v1/ruleset").json().get("version").asString();
		assertThat(after).isNotEqualTo(before);
		long reloadedAt = System.nanoTime();

		int microcredit = 0;
		int movedGroup = 0;
		int untouched = 0;
		for (Stored assessment : stored) {
			String what = assessment.caseName() + (assessment.relocated() ? " (in " + COUNTY + ")" : "");
			Response response = this.http.post("/api/v1/assessments/" + assessment.id() + "/replay",
					"application/json", "");
			assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(200);
			JsonNode replay = response.json();

			// exact on the version that made it, the trace included
			assertThat(replay.get("ruleSetVersion").asString()).as(what).isEqualTo(before);
			assertThat(replay.get("identical").booleanValue()).as(what + ": " + replay.get("defects")).isTrue();
			assertThat(replay.get("defects").size()).as(what).isZero();
			JsonNode replayed = replay.get("replayed");
			assertThat(replayed.get("ruleSetVersion").asString()).isEqualTo(before);
			JsonNode original = assessment.result();
			for (String field : List.of("riskGroup", "signals", "riskTypes", "assistanceTier", "alerts",
					"elimination")) {
				assertThat(replayed.get(field)).as(what + ": " + field).isEqualTo(original.get(field));
			}
			assertThat(codes(replayed.get("measures"))).as(what).isEqualTo(codes(original.get("measures")));
			for (String figure : List.of("householdSize", "netIncome", "perCapitaNetIncome", "rigidExpenses",
					"perCapitaAfterRigidExpenses", "threshold")) {
				assertThat(replayed.get("income").get(figure).decimalValue()).as(what + ": " + figure)
					.isEqualByComparingTo(original.get("income").get(figure).decimalValue());
			}

			// the comparison with the rules in force
			JsonNode active = replay.get("active");
			assertThat(active.get("ruleSetVersion").asString()).isEqualTo(after);
			assertThat(active.get("sameVersion").booleanValue()).isFalse();
			List<String> paths = paths(active.get("differences"));
			List<String> onlyInStored = texts(active.get("rulesOnlyInStored"));
			List<String> onlyInActive = texts(active.get("rulesOnlyInActive"));
			List<String> measures = codes(assessment.result().get("measures"));
			boolean countyLine = assessment.relocated() && assessment.profile().get("asOf").asString().startsWith("2024");
			if (measures.contains("MICROCREDIT")) {
				microcredit++;
				checkMicrocredit(what, assessment, measures.indexOf("MICROCREDIT"), paths, onlyInStored,
						onlyInActive, countyLine);
			}
			if (countyLine) {
				movedGroup += checkCountyLine(what, assessment, active, onlyInStored, onlyInActive) ? 1 : 0;
			}
			if (!countyLine && !measures.contains("MICROCREDIT")) {
				untouched++;
				assertThat(paths).as(what).isEmpty();
				assertThat(onlyInStored).as(what).isEmpty();
				assertThat(onlyInActive).as(what).isEmpty();
			}
		}
		long end = System.nanoTime();
		// the change reaches households of both kinds, and leaves most alone
		assertThat(microcredit).isGreaterThan(10);
		assertThat(movedGroup).isGreaterThan(0);
		assertThat(untouched).isGreaterThan(stored.size() / 2);
		System.out.printf("Replayed %d stored assessments (%d with microcredit, %d moved by the county line, "
				+ "%d untouched): stored in %d ms, reloaded in %d ms, replayed in %d ms%n", stored.size(),
				microcredit, movedGroup, untouched, (storedAt - start) / 1_000_000,
				(reloadedAt - storedAt) / 1_000_000, (end - reloadedAt) / 1_000_000);
	}

	/**
	 * M-12 is split into two rules: the microcredit and its amount stay, its reason now names the rule for farming or
	 * self-employment, or the one for a recent business failure, or both.
	 */
	private static void checkMicrocredit(String what, Stored assessment, int index, List<String> paths,
			List<String> onlyInStored, List<String> onlyInActive, boolean countyLine) {
		assertThat(onlyInStored).as(what).contains("M-12");
		Set<String> split = new LinkedHashSet<>(onlyInActive);
		split.retainAll(Set.of("M-12-FARMING", "M-12-FAILURE"));
		assertThat(split).as(what).isNotEmpty();
		boolean farming = false;
		for (JsonNode member : assessment.profile().get("members")) {
			farming |= member.has("employment")
					&& Set.of("FARMING", "SELF_EMPLOYED").contains(member.get("employment").asString());
		}
		assertThat(split.contains("M-12-FARMING")).as(what).isEqualTo(farming);
		if (!countyLine) {
			assertThat(onlyInStored).as(what).containsExactly("M-12");
			assertThat(onlyInActive).as(what).containsExactlyInAnyOrderElementsOf(split);
			assertThat(paths).as(what).isNotEmpty()
				.allSatisfy((path) -> assertThat(path).startsWith("measures[" + index + "].reasons"));
		}
	}

	/**
	 * The county line of 7,600 yuan replaces the national 7,400 in 2024: the threshold always differs, and the group
	 * changes exactly when policy §3–§4 say it does with the new line (S-INC and S-RIGID computed here from the stored
	 * income figures). Returns whether the group changed.
	 */
	private static boolean checkCountyLine(String what, Stored assessment, JsonNode active, List<String> onlyInStored,
			List<String> onlyInActive) {
		JsonNode stored = assessment.result();
		JsonNode income = stored.get("income");
		assertThat(income.get("threshold").decimalValue()).as(what).isEqualByComparingTo(NATIONAL_2024);
		JsonNode threshold = difference(active.get("differences"), "income.threshold");
		assertThat(threshold).as(what).isNotNull();
		assertThat(threshold.get("before").decimalValue()).isEqualByComparingTo(NATIONAL_2024);
		assertThat(threshold.get("after").decimalValue()).isEqualByComparingTo(COUNTY_2024);

		BigDecimal n = new BigDecimal(income.get("householdSize").intValue());
		BigDecimal net = income.get("netIncome").decimalValue();
		BigDecimal rigid = income.get("rigidExpenses").decimalValue();
		BigDecimal line = COUNTY_2024.multiply(n);
		Set<String> signals = new LinkedHashSet<>(texts(stored.get("signals")));
		signals.remove("INCOME_BELOW_THRESHOLD");
		signals.remove("RIGID_EXPENSE_PRESSURE");
		if (net.compareTo(line) < 0) {
			signals.add("INCOME_BELOW_THRESHOLD");
		}
		if (rigid.signum() > 0 && net.subtract(rigid).compareTo(line) < 0) {
			signals.add("RIGID_EXPENSE_PRESSURE");
		}
		String group = group(assessment.profile().get("povertyStatus").asString(), signals);
		JsonNode result = active.get("result");
		assertThat(new LinkedHashSet<>(texts(result.get("signals")))).as(what).isEqualTo(signals);
		assertThat(result.get("riskGroup").asString()).as(what).isEqualTo(group);
		String was = stored.get("riskGroup").asString();
		JsonNode groupDifference = difference(active.get("differences"), "riskGroup");
		if (group.equals(was)) {
			assertThat(groupDifference).as(what).isNull();
			return false;
		}
		assertThat(groupDifference.get("before").asString()).isEqualTo(was);
		assertThat(groupDifference.get("after").asString()).isEqualTo(group);
		assertThat(onlyInStored).as(what).contains(clause(was));
		assertThat(onlyInActive).as(what).contains(clause(group));
		return true;
	}

	/** Policy §4: the first clause that holds wins. */
	private static String group(String povertyStatus, Set<String> signals) {
		boolean income = signals.contains("INCOME_BELOW_THRESHOLD");
		boolean pressure = signals.contains("RIGID_EXPENSE_PRESSURE") || signals.contains("SHARP_INCOME_DROP");
		boolean gap = signals.stream().anyMatch(GAPS::contains);
		if (povertyStatus.equals("LIFTED") && (income || gap || pressure)) {
			return "UNSTABLE_LIFTED";
		}
		if (povertyStatus.equals("NEVER_POOR") && income) {
			return "MARGINAL";
		}
		if (povertyStatus.equals("NEVER_POOR") && pressure) {
			return "SUDDEN_HARDSHIP";
		}
		return "NOT_AT_RISK";
	}

	private static String clause(String group) {
		return switch (group) {
			case "UNSTABLE_LIFTED" -> "G1";
			case "MARGINAL" -> "G2";
			case "SUDDEN_HARDSHIP" -> "G3";
			default -> "G0";
		};
	}

	/**
	 * Stores the profile of every test case that is assessed (not those that expect a 400 or a 422), and the cases
	 * about the threshold once more as households of the county.
	 */
	private List<Stored> storeEveryCase() {
		List<Stored> stored = new ArrayList<>();
		List<PolicyCases.Case> cases = PolicyCases.read(Path.of("test-cases"));
		assertThat(cases).hasSizeGreaterThan(250);
		for (PolicyCases.Case testCase : cases) {
			if (testCase.expect().has("invalidFields") || testCase.expect().has("parameterNotInForce")) {
				continue;
			}
			stored.add(store(testCase.name(), testCase.profile(), false));
			if (RELOCATED_FILES.contains(testCase.file()) && !testCase.profile().has("region")) {
				ObjectNode relocated = (ObjectNode) testCase.profile().deepCopy();
				relocated.put("householdId", testCase.profile().get("householdId").asString() + "-KELAN");
				relocated.putObject("region").put("province", "山西省").put("city", "忻州市").put("county", COUNTY);
				stored.add(store(testCase.name(), relocated, true));
			}
		}
		return stored;
	}

	private Stored store(String name, JsonNode profile, boolean relocated) {
		StoredAssessment assessment = this.assessments.assess(profile);
		JsonNode result = HttpClientSupport.JSON.valueToTree(assessment.evaluation());
		return new Stored(assessment.id().toString(), name, profile, relocated, result);
	}

	/**
	 * The rule change: 岢岚县 sets its own monitoring threshold of 7,600 yuan from 2024 (no test case lives there), and
	 * M-12 is split into one rule for farming or self-employment and one for a recent business failure.
	 */
	private static void changeTheRules() {
		String hequ = "    - {from: 2025-01-01, value: 7900, scope: {province: 山西省, county: 河曲县}";
		TestRules.edit(rules.resolve("parameters.yaml"), hequ,
				"    - {from: 2024-01-01, value: 7600, scope: {province: 山西省, county: " + COUNTY + "}, "
						+ "source: \"county line (placeholder)\"}\n" + hequ);
		Path measures = rules.resolve("50-measures/measures.drl");
		String text = read(measures);
		int from = text.indexOf("rule \"M-12 microcredit\"");
		int to = text.indexOf("\nend\n", from) + "\nend\n".length();
		assertThat(from).isNotNegative();
		String m12 = text.substring(from, to);
		String exists = """
				    exists ( Member( employment in (Employment.FARMING, Employment.SELF_EMPLOYED) )
				             or RecentEvent( type == EventType.BUSINESS_FAILURE ) )
				""";
		assertThat(m12).contains(exists).contains("@id(\"M-12\")");
		String farming = m12.replace("rule \"M-12 microcredit\"", "rule \"M-12 microcredit for farming\"")
			.replace("@id(\"M-12\")", "@id(\"M-12-FARMING\")")
			.replace(exists, "    exists ( Member( employment in (Employment.FARMING, Employment.SELF_EMPLOYED) ) )\n")
			.replace("且从事种养、自主经营或近期经营失败", "且从事种养或自主经营")
			.replace("and farming, self-employment or a recent business failure", "and farming or self-employment");
		String failure = m12.replace("rule \"M-12 microcredit\"", "rule \"M-12 microcredit after a business failure\"")
			.replace("@id(\"M-12\")", "@id(\"M-12-FAILURE\")")
			.replace(exists, "    exists ( RecentEvent( type == EventType.BUSINESS_FAILURE ) )\n")
			.replace("且从事种养、自主经营或近期经营失败", "且近期经营失败")
			.replace("and farming, self-employment or a recent business failure", "and a recent business failure");
		TestRules.edit(measures, m12, farming + "\n" + failure);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode difference(JsonNode differences, String path) {
		for (JsonNode difference : differences) {
			if (difference.get("path").asString().equals(path)) {
				return difference;
			}
		}
		return null;
	}

	private static List<String> paths(JsonNode differences) {
		List<String> paths = new ArrayList<>();
		differences.forEach((difference) -> paths.add(difference.get("path").asString()));
		return paths;
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
