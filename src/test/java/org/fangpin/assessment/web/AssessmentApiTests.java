package org.fangpin.assessment.web;

import java.util.ArrayList;
import java.util.List;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:assessment-api;DB_CLOSE_DELAY=-1")
class AssessmentApiTests {

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void storingTheExampleProfileReturnsTheWholeAssessmentOfThePolicy() {
		Response response = this.http.postJson("/api/v1/assessments", withId("API-EXAMPLE-1"));
		assertThat(response.status()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/v1/assessments/" + body.get("id").asString());
		assertThat(body.get("id").asString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
		assertThat(body.get("asOf").asString()).isEqualTo("2024-06-30");
		assertThat(body.get("assessedAt").asString()).endsWith("Z");
		assertThat(body.get("ruleSetVersion").asString()).matches("sha256:[0-9a-f]{64}");
		JsonNode income = body.get("income");
		assertThat(income.get("householdSize").intValue()).isEqualTo(1);
		assertThat(income.get("netIncome").decimalValue()).isEqualByComparingTo("8700");
		assertThat(income.get("perCapitaNetIncome").toString()).isEqualTo("8700.00");
		assertThat(income.get("perCapitaAfterRigidExpenses").toString()).isEqualTo("2700.00");
		assertThat(income.get("threshold").decimalValue()).isEqualByComparingTo("7400");
		assertThat(texts(body.get("signals"))).containsExactly("RIGID_EXPENSE_PRESSURE");
		assertThat(body.get("riskGroup").asString()).isEqualTo("UNSTABLE_LIFTED");
		assertThat(texts(body.get("riskTypes"))).containsExactly("ILLNESS");
		assertThat(body.get("assistanceTier").asString()).isEqualTo("DEVELOPMENT");
		List<String> measures = new ArrayList<>();
		body.get("measures").forEach((measure) -> measures.add(measure.get("code").asString()));
		assertThat(measures).containsExactly("MEDICAL_ASSISTANCE", "TEMPORARY_ASSISTANCE", "INDUSTRY_GRANT",
				"MICROCREDIT");
		JsonNode medical = body.get("measures").get(0);
		assertThat(medical.get("category").asString()).isEqualTo("SUBSIDY");
		assertThat(medical.get("priority").intValue()).isEqualTo(1);
		assertThat(medical.get("amount").isNull()).isTrue();
		assertThat(medical.get("name").asString()).isEqualTo("医疗救助");
		assertThat(medical.get("reasons").get(0).get("clause").asString()).isEqualTo("M-05");
		assertThat(body.get("measures").get(2).get("amount").decimalValue()).isEqualByComparingTo("2000");
		assertThat(body.get("measures").get(3).get("amount").decimalValue()).isEqualByComparingTo("50000");
		assertThat(body.get("elimination").get("eligible").booleanValue()).isFalse();
		assertThat(texts(body.get("elimination").get("unmet"))).containsExactly("E5");
		assertThat(texts(body.get("alerts"))).isEmpty();
		assertThat(texts(body.get("explanation"))).anySatisfy((sentence) -> assertThat(sentence)
			.contains("8,700.00").contains("2024").contains("7,400"));
	}

	@Test
	void theTraceNamesEveryFiredRuleWithItsFileClauseAndMatchedValues() {
		JsonNode trace = this.http.postJson("/api/v1/evaluations", withId("API-TRACE")).json().get("trace");
		JsonNode firings = trace.get("firings");
		assertThat(firings.size()).isGreaterThan(10);
		for (int i = 0; i < firings.size(); i++) {
			JsonNode firing = firings.get(i);
			assertThat(firing.get("seq").intValue()).isEqualTo(i + 1);
			assertThat(firing.get("file").asString()).startsWith("rules/").endsWith(".drl");
			assertThat(firing.get("ruleId").asString()).isNotBlank();
			assertThat(firing.get("clause").asString()).isNotBlank();
			assertThat(firing.get("description").asString()).isNotBlank();
			assertThat(firing.get("reference").asString()).isNotBlank();
		}
		JsonNode rigid = find(firings, "S-RIGID");
		assertThat(rigid.get("file").asString()).isEqualTo("rules/20-signals/signals.drl");
		assertThat(rigid.get("bindings").get("threshold").decimalValue()).isEqualByComparingTo("7400");
		assertThat(rigid.get("bindings").get("rigidExpenses").decimalValue()).isEqualByComparingTo("6000");
		assertThat(rigid.get("bindings").get("afterRigid").decimalValue()).isEqualByComparingTo("2700");
		JsonNode group = find(firings, "G1");
		assertThat(texts(group.get("bindings").get("signals"))).containsExactly("RIGID_EXPENSE_PRESSURE");
		assertThat(find(firings, "D3").get("seq").intValue()).isLessThan(rigid.get("seq").intValue());
		assertThat(rigid.get("seq").intValue()).isLessThan(group.get("seq").intValue());
		JsonNode threshold = null;
		for (JsonNode parameter : trace.get("parameters")) {
			if (parameter.get("name").asString().equals("monitoring.incomeThreshold")) {
				threshold = parameter;
			}
		}
		assertThat(threshold).isNotNull();
		assertThat(threshold.get("value").decimalValue()).isEqualByComparingTo("7400");
		assertThat(threshold.get("effectiveFrom").asString()).isEqualTo("2024-01-01");
		assertThat(threshold.get("source").asString()).isEqualTo("placeholder");
	}

	@Test
	void aStoredAssessmentReadsBackWithItsInputAndTheSameResult() {
		Response created = this.http.postJson("/api/v1/assessments", withId("API-READBACK"));
		Response read = this.http.get(created.header("Location"));
		assertThat(read.status()).isEqualTo(200);
		JsonNode original = created.json();
		JsonNode stored = read.json();
		assertThat(stored.get("input").get("householdId").asString()).isEqualTo("API-READBACK");
		((ObjectNode) stored).remove("input");
		assertThat(stored).isEqualTo(original);
	}

	@Test
	void aHouseholdsHistoryIsNewestFirst() {
		String first = this.http.postJson("/api/v1/assessments", withId("API-HISTORY")).json().get("id").asString();
		String second = this.http.postJson("/api/v1/assessments", withId("API-HISTORY").replace("\"2024-06-30\"",
				"\"2025-06-30\"")).json().get("id").asString();
		JsonNode history = this.http.get("/api/v1/households/API-HISTORY/assessments").json();
		assertThat(history.size()).isEqualTo(2);
		assertThat(history.get(0).get("id").asString()).isEqualTo(second);
		assertThat(history.get(0).get("asOf").asString()).isEqualTo("2025-06-30");
		assertThat(history.get(0).get("income").get("threshold").decimalValue()).isEqualByComparingTo("7700");
		assertThat(history.get(1).get("id").asString()).isEqualTo(first);
	}

	@Test
	void anEvaluationStoresNothingAndHasNoId() {
		Response response = this.http.postJson("/api/v1/evaluations", withId("API-DRY-RUN"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("id").isNull()).isTrue();
		assertThat(this.http.get("/api/v1/households/API-DRY-RUN/assessments").json().size()).isZero();
	}

	@Test
	void englishIsServedOnRequest() {
		JsonNode body = this.http.postJson("/api/v1/evaluations", withId("API-EN"), "Accept-Language", "en").json();
		assertThat(body.get("measures").get(0).get("name").asString()).isEqualTo("Medical assistance");
		assertThat(texts(body.get("explanation")).get(0)).startsWith("Per-capita net income is 8,700.00 yuan");
		assertThat(body.get("riskGroup").asString()).isEqualTo("UNSTABLE_LIFTED");
		JsonNode chinese = this.http.postJson("/api/v1/evaluations", withId("API-ZH"), "Accept-Language", "fr").json();
		assertThat(chinese.get("measures").get(0).get("name").asString()).isEqualTo("医疗救助");
	}

	@Test
	void badProfilesGetAProblemThatNamesEveryBadFieldAndNothingIsStored() {
		String bad = """
				{"householdId": "API-BAD", "povertyStatus": "SOMEWHAT_POOR", "color": "red",
				 "members": [{"age": "58", "laborCapacity": "FULL"}, {"age": 130, "laborCapacity": "FULL"}],
				 "income": {"wages": -5, "business": 100.001},
				 "expenses": {"education": 1e9}}""";
		Response response = this.http.postJson("/api/v1/assessments", bad, "Accept-Language", "en");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:fangpin:problem:invalid-profile");
		assertThat(problem.get("title").asString()).isEqualTo("Invalid household profile");
		assertThat(problem.get("status").intValue()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isNotBlank();
		List<String> fields = new ArrayList<>();
		problem.get("errors").forEach((error) -> {
			fields.add(error.get("field").asString());
			assertThat(error.get("message").asString()).isNotBlank();
		});
		assertThat(fields).containsExactlyInAnyOrder("povertyStatus", "color", "members[0].age", "members[1].age",
				"income.wages", "income.business", "expenses.education");
		assertThat(this.http.get("/api/v1/households/API-BAD/assessments").json().size()).isZero();
	}

	@Test
	void aDuplicateKeyIsRejectedNamingTheKey() {
		Response response = this.http.postJson("/api/v1/assessments", """
				{"householdId": "API-DUP", "povertyStatus": "LIFTED",
				 "members": [{"age": 30, "age": 31, "laborCapacity": "FULL"}]}""");
		assertThat(response.status()).isEqualTo(400);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:fangpin:problem:malformed-json");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("members[0].age");
		assertThat(this.http.get("/api/v1/households/API-DUP/assessments").json().size()).isZero();
	}

	@Test
	void malformedJsonAndWrongMediaTypesAreProblemsNotErrors() {
		Response truncated = this.http.postJson("/api/v1/assessments", "{\"householdId\": \"API-X\",");
		assertThat(truncated.status()).isEqualTo(400);
		assertThat(truncated.json().get("type").asString()).isEqualTo("urn:fangpin:problem:malformed-json");
		Response nan = this.http.postJson("/api/v1/evaluations", """
				{"householdId": "API-NAN", "povertyStatus": "LIFTED", "members": [{"age": 30, "laborCapacity": "FULL"}],
				 "income": {"wages": "NaN"}}""");
		assertThat(nan.status()).isEqualTo(400);
		assertThat(nan.json().get("errors").get(0).get("field").asString()).isEqualTo("income.wages");
		Response text = this.http.post("/api/v1/assessments", "text/plain", "hello");
		assertThat(text.status()).isEqualTo(415);
		assertThat(text.header("Content-Type")).startsWith("application/problem+json");
		assertThat(text.json().get("type").asString()).isEqualTo("urn:fangpin:problem:http-415");
		Response empty = this.http.postJson("/api/v1/assessments", "");
		assertThat(empty.status()).isEqualTo(400);
	}

	@Test
	void anAssessmentDateBeforeEveryParameterValueIsA422NamingParameterAndDate() {
		Response response = this.http.postJson("/api/v1/assessments", withId("API-EARLY").replace("\"2024-06-30\"",
				"\"2020-12-31\"").replace("2024-03-02", "2020-03-02").replace("2023-11-15", "2020-11-15"));
		assertThat(response.status()).isEqualTo(422);
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:fangpin:problem:parameter-not-in-force");
		assertThat(texts(problem.get("parameters"))).contains("monitoring.incomeThreshold");
		assertThat(problem.get("date").asString()).isEqualTo("2020-12-31");
		assertThat(problem.get("detail").asString()).contains("monitoring.incomeThreshold").contains("2020-12-31");
		assertThat(this.http.get("/api/v1/households/API-EARLY/assessments").json().size()).isZero();
	}

	@Test
	void anUnknownAssessmentIsA404Problem() {
		Response response = this.http.get("/api/v1/assessments/0193a1c2-0000-7000-8000-000000000000");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).isEqualTo("urn:fangpin:problem:assessment-not-found");
		assertThat(this.http.get("/api/v1/assessments/not-a-uuid").status()).isEqualTo(404);
	}

	@Test
	void theCatalogueListsEveryCodeWithChineseAndEnglishLabels() {
		JsonNode catalogue = this.http.get("/api/v1/catalogue", "Accept-Language", "en").json();
		for (String section : List.of("signals", "riskGroups", "riskTypes", "tiers", "measures",
				"eliminationClauses", "alerts")) {
			assertThat(catalogue.get(section).size()).as(section).isGreaterThan(0);
			catalogue.get(section).forEach((code) -> {
				assertThat(code.get("labels").get("zh-CN").asString()).isNotBlank();
				assertThat(code.get("labels").get("en").asString()).isNotBlank();
				assertThat(code.get("label").asString()).isEqualTo(code.get("labels").get("en").asString());
			});
		}
		assertThat(catalogue.get("riskGroups").size()).isEqualTo(4);
		assertThat(catalogue.get("riskTypes").size()).isEqualTo(11);
		assertThat(catalogue.get("tiers").size()).isEqualTo(3);
		assertThat(catalogue.get("measures").size()).isEqualTo(16);
		assertThat(catalogue.get("signals").size()).isEqualTo(7);
	}

	@Test
	void theRuleSetDescribesItsVersionFilesRulesAndParameters() {
		JsonNode ruleSet = this.http.get("/api/v1/ruleset").json();
		assertThat(ruleSet.get("version").asString()).matches("sha256:[0-9a-f]{64}");
		assertThat(ruleSet.get("activatedAt").asString()).endsWith("Z");
		assertThat(ruleSet.get("activatedBy").asString()).isNotBlank();
		List<String> files = new ArrayList<>();
		ruleSet.get("files").forEach((file) -> files.add(file.get("path").asString()));
		assertThat(files).contains("rules/parameters.yaml", "rules/catalogue.yaml",
				"rules/50-measures/measures.drl");
		List<String> clauses = new ArrayList<>();
		ruleSet.get("rules").forEach((rule) -> clauses.add(rule.get("clause").asString()));
		assertThat(clauses).contains("D1", "S-INC", "G1", "R-OTH", "T3", "M-16", "E6", "W-SHOCK");
		JsonNode parameter = ruleSet.get("parameters").get(0);
		assertThat(parameter.get("values").get(0).get("source").asString()).isNotBlank();
	}

	private static String withId(String householdId) {
		return HttpClientSupport.example().replace("140902-017-0031", householdId);
	}

	private static JsonNode find(JsonNode firings, String ruleId) {
		for (JsonNode firing : firings) {
			if (firing.get("ruleId").asString().equals(ruleId)) {
				return firing;
			}
		}
		throw new AssertionError("rule " + ruleId + " did not fire");
	}

	private static List<String> texts(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach((item) -> list.add(item.asString()));
		return list;
	}

}
