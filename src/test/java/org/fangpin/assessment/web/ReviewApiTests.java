package org.fangpin.assessment.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:review-api;DB_CLOSE_DELAY=-1")
class ReviewApiTests {

	@TempDir
	static Path rules;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MovableClock clock;

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

	@Test
	void aReplayAfterARuleChangeReproducesTheStoredResultAndDiffsTheActiveRules() {
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "REVIEW-REPLAY"));
		JsonNode before = this.http.post("/api/v1/assessments/" + id + "/replay", "application/json", "").json();
		assertThat(before.get("identical").booleanValue()).isTrue();
		assertThat(before.get("active").get("sameVersion").booleanValue()).isTrue();
		assertThat(before.get("active").get("differences").size()).isZero();

		// a change the test cases accept: M-12 gets a new id and a reworded reason
		TestRules.edit(rules.resolve("50-measures/measures.drl"), "@id(\"M-12\")", "@id(\"M-12-V2\")");
		TestRules.edit(rules.resolve("50-measures/measures.drl"),
				"@zh(\"监测对象有 18–64 岁全劳动力，且从事种养、自主经营或近期经营失败：脱贫人口小额信贷\")",
				"@zh(\"有 18–64 岁全劳动力且从事种养、自主经营或近期经营失败的监测对象：脱贫人口小额信贷\")");
		Response reload = this.http.post("/api/v1/ruleset/reload", "application/json", "");
		assertThat(reload.status()).as(reload.body()).isEqualTo(200);

		JsonNode after = this.http.post("/api/v1/assessments/" + id + "/replay", "application/json", "").json();
		assertThat(after.get("identical").booleanValue()).isTrue();
		assertThat(after.get("defects").size()).isZero();
		assertThat(after.get("replayed").get("ruleSetVersion").asString())
			.isEqualTo(before.get("ruleSetVersion").asString());
		JsonNode active = after.get("active");
		assertThat(active.get("sameVersion").booleanValue()).isFalse();
		assertThat(texts(active.get("rulesOnlyInStored"))).containsExactly("M-12");
		assertThat(texts(active.get("rulesOnlyInActive"))).containsExactly("M-12-V2");
		List<String> paths = new ArrayList<>();
		active.get("differences").forEach((difference) -> paths.add(difference.get("path").asString()));
		assertThat(paths).containsExactly("measures[3].reasons[0].ruleId", "measures[3].reasons[0].text.zh");
	}

	@Test
	void aWhatIfShowsTheNewResultAndWhatChanged() {
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "REVIEW-WHATIF"));
		Response response = this.http.post("/api/v1/assessments/" + id + "/what-if", "application/merge-patch+json",
				"{\"expenses\": {\"medicalOutOfPocket\": 0}, \"events\": []}");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("result").get("riskGroup").asString()).isEqualTo("NOT_AT_RISK");
		assertThat(body.get("result").get("id").isNull()).isTrue();
		List<String> paths = new ArrayList<>();
		body.get("differences").forEach((difference) -> paths.add(difference.get("path").asString()));
		assertThat(paths).contains("riskGroup", "assistanceTier");
		assertThat(texts(body.get("rulesOnlyInOriginal"))).contains("G1", "S-RIGID");
		assertThat(this.http.get("/api/v1/households/REVIEW-WHATIF/assessments").json().size()).isEqualTo(1);
		Response bad = this.http.post("/api/v1/assessments/" + id + "/what-if", "application/merge-patch+json",
				"{\"members\": [{\"age\": 300, \"laborCapacity\": \"FULL\"}]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("members[0].age");
	}

	@Test
	void aWhatIfOnAProfileWithoutAsOfKeepsTheDateItWasAssessedOn() {
		String profile = HttpClientSupport.example().replace("140902-017-0031", "REVIEW-WHATIF-DATE")
			.replace("\"asOf\": \"2024-06-30\",", "");
		String id;
		try {
			// assessed on the last day of 2025, under that year's threshold of 7700
			this.clock.set(Instant.parse("2025-12-31T04:00:00Z"));
			JsonNode stored = this.http.postJson("/api/v1/assessments", profile).json();
			assertThat(stored.get("asOf").asString()).isEqualTo("2025-12-31");
			assertThat(stored.get("income").get("threshold").decimalValue()).isEqualByComparingTo("7700");
			id = stored.get("id").asString();
			// reviewed two days later, when the 2026 threshold of 8000 is in force
			this.clock.set(Instant.parse("2026-01-02T04:00:00Z"));
			JsonNode unchanged = this.http.post("/api/v1/assessments/" + id + "/what-if",
					"application/merge-patch+json", "{}").json();
			assertThat(unchanged.get("result").get("asOf").asString()).isEqualTo("2025-12-31");
			assertThat(unchanged.get("differences").size()).as(unchanged.get("differences").toString()).isZero();
			JsonNode changed = this.http.post("/api/v1/assessments/" + id + "/what-if",
					"application/merge-patch+json", "{\"expenses\": {\"medicalOutOfPocket\": 0}}").json();
			assertThat(changed.get("result").get("asOf").asString()).isEqualTo("2025-12-31");
			assertThat(changed.get("result").get("income").get("threshold").decimalValue())
				.isEqualByComparingTo("7700");
			// a patch that gives a date is assessed on that date
			JsonNode dated = this.http.post("/api/v1/assessments/" + id + "/what-if",
					"application/merge-patch+json", "{\"asOf\": \"2026-01-02\"}").json();
			assertThat(dated.get("result").get("income").get("threshold").decimalValue())
				.isEqualByComparingTo("8000");
		}
		finally {
			this.clock.set(null);
		}
	}

	@Test
	void sensitivityFindsTheIncomeChangeThatMovesEachRiskGroup() {
		assertThat(sensitivity(HttpClientSupport.example().replace("140902-017-0031", "REVIEW-S-G1")))
			.isEqualTo("UNSTABLE_LIFTED +4700.00 NOT_AT_RISK | -");
		assertThat(sensitivity(single("REVIEW-S-G2", "NEVER_POOR", "7000", "0")))
			.isEqualTo("MARGINAL +400.00 NOT_AT_RISK | -");
		assertThat(sensitivity(single("REVIEW-S-G3", "NEVER_POOR", "10000", "5000")))
			.isEqualTo("SUDDEN_HARDSHIP +2400.00 NOT_AT_RISK | -2600.01 MARGINAL");
		assertThat(sensitivity(single("REVIEW-S-G0", "NEVER_POOR", "8000", "0")))
			.isEqualTo("NOT_AT_RISK - | -600.01 MARGINAL");
	}

	@Test
	void whyNotListsTheUnmetConditionsOfEachRuleFromTheRuleItself() {
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "REVIEW-WHYNOT"));
		JsonNode body = this.http.get("/api/v1/assessments/" + id + "/why-not", "Accept-Language", "en").json();
		JsonNode dibao = null;
		for (JsonNode measure : body.get("measures")) {
			if (measure.get("code").asString().equals("DIBAO")) {
				dibao = measure;
			}
		}
		assertThat(dibao).isNotNull();
		assertThat(dibao.get("label").asString()).contains("dibao");
		JsonNode rule = dibao.get("rules").get(0);
		assertThat(rule.get("file").asString()).isEqualTo("rules/50-measures/measures.drl");
		assertThat(rule.get("unmet").toString()).isEqualTo("[2,4,5]");
		assertThat(rule.get("conditions").get(1).get("text").asString()).contains("DEVELOPMENT");
		List<String> groups = new ArrayList<>();
		body.get("riskGroups").forEach((group) -> groups.add(group.get("code").asString()));
		assertThat(groups).containsExactly("MARGINAL", "SUDDEN_HARDSHIP", "NOT_AT_RISK");
	}

	@Test
	void exportsMaskPersonalDataAndTheHistoryCsvHasOneRowPerAssessment() {
		String profile = HttpClientSupport.example().replace("140902-017-0031", "REVIEW-EXPORT")
			.replace("\"relation\": \"HEAD\",", "\"relation\": \"HEAD\", \"name\": \"张三丰\", \"idNumber\": \"140902195801011234\",");
		String id = store(profile);
		Response export = this.http.get("/api/v1/assessments/" + id + "/export");
		assertThat(export.header("Content-Disposition")).contains("attachment");
		JsonNode member = export.json().get("input").get("members").get(0);
		assertThat(member.get("name").asString()).isEqualTo("张**");
		assertThat(member.get("idNumber").asString()).isEqualTo("1409**********1234");
		assertThat(export.body()).doesNotContain("140902195801011234").doesNotContain("张三丰");
		assertThat(export.json().get("trace").get("firings").size()).isGreaterThan(10);
		Response csv = this.http.get("/api/v1/households/REVIEW-EXPORT/assessments.csv");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String[] lines = csv.body().split("\n");
		assertThat(lines).hasSize(2);
		assertThat(lines[1]).startsWith(id + ",").contains("UNSTABLE_LIFTED").contains("MEDICAL_ASSISTANCE;");
	}

	@Test
	void aStoredAssessmentCannotBeChangedEvenThroughSqlAndACorrectionPointsToIt() {
		String id = store(HttpClientSupport.example().replace("140902-017-0031", "REVIEW-IMMUTABLE"));
		assertThatException().isThrownBy(() -> this.jdbc.sql("UPDATE assessment SET risk_group = 'NOT_AT_RISK' WHERE id = ?")
			.param(java.util.UUID.fromString(id))
			.update());
		assertThatException().isThrownBy(() -> this.jdbc.sql("DELETE FROM assessment WHERE id = ?")
			.param(java.util.UUID.fromString(id))
			.update());
		assertThat(this.http.get("/api/v1/assessments/" + id).json().get("riskGroup").asString())
			.isEqualTo("UNSTABLE_LIFTED");
		Response correction = this.http.postJson("/api/v1/assessments?supersedes=" + id,
				HttpClientSupport.example().replace("140902-017-0031", "REVIEW-IMMUTABLE").replace("6000, \"education\"", "0, \"education\""));
		assertThat(correction.status()).isEqualTo(201);
		assertThat(correction.json().get("supersedes").asString()).isEqualTo(id);
		assertThat(this.http.get("/api/v1/assessments/" + id).json().get("riskGroup").asString())
			.isEqualTo("UNSTABLE_LIFTED");
		Response elsewhere = this.http.postJson("/api/v1/assessments?supersedes=" + id,
				HttpClientSupport.example().replace("140902-017-0031", "REVIEW-OTHER"));
		assertThat(elsewhere.status()).isEqualTo(400);
	}

	private String sensitivity(String profile) {
		JsonNode body = this.http.get("/api/v1/assessments/" + store(profile) + "/sensitivity").json();
		return body.get("riskGroup").asString() + " " + change(body.get("increase")) + " | "
				+ change(body.get("decrease"));
	}

	private static String change(JsonNode change) {
		if (!change.get("reachable").booleanValue()) {
			assertThat(change.get("note").asString()).isEqualTo("not reachable by income alone");
			return "-";
		}
		String amount = change.get("amount").decimalValue().toPlainString();
		return (amount.startsWith("-") ? amount : "+" + amount) + " " + change.get("riskGroup").asString();
	}

	private static String single(String id, String status, String wages, String medical) {
		return """
				{"householdId": "%s", "asOf": "2024-06-30", "povertyStatus": "%s",
				 "members": [{"age": 40, "laborCapacity": "FULL", "employment": "LOCAL_WAGE"}],
				 "income": {"wages": %s}, "expenses": {"medicalOutOfPocket": %s}}""".formatted(id, status, wages,
				medical);
	}

	private String store(String profile) {
		Response response = this.http.postJson("/api/v1/assessments", profile);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private static List<String> texts(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach((item) -> list.add(item.asString()));
		return list;
	}

	/** The service's clock, which a test may set; the system clock otherwise. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Instant> now;

		private final ZoneId zone;

		MovableClock() {
			this(new AtomicReference<>(), ZoneOffset.UTC);
		}

		private MovableClock(AtomicReference<Instant> now, ZoneId zone) {
			this.now = now;
			this.zone = zone;
		}

		void set(Instant instant) {
			this.now.set(instant);
		}

		@Override
		public ZoneId getZone() {
			return this.zone;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new MovableClock(this.now, zone);
		}

		@Override
		public Instant instant() {
			Instant instant = this.now.get();
			return (instant != null) ? instant : Instant.now();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
