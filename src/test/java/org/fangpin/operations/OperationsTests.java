package org.fangpin.operations;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator sees of a running service: metrics, health, info and correlation ids. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class OperationsTests {

	private static final String STORED_ASSESSMENTS = "fangpin_assessments_total{risk_group=\"UNSTABLE_LIFTED\","
			+ "stored=\"true\",tier=\"DEVELOPMENT\"}";

	private static final String EVALUATIONS = "fangpin_assessments_total{risk_group=\"UNSTABLE_LIFTED\","
			+ "stored=\"false\",tier=\"DEVELOPMENT\"}";

	private static final String MEDICAL_ASSISTANCE = "fangpin_assessment_measures_total{measure=\"MEDICAL_ASSISTANCE\"}";

	private static final String RIGID_EXPENSE_RULE = "fangpin_rule_firings_total{rule=\"S-RIGID\"}";

	private static final String TIMED = "fangpin_evaluation_seconds_count{stored=\"true\"}";

	private static final String RELOADS = "fangpin_ruleset_reloads_total{outcome=\"%s\",source=\"%s\"}";

	private static final String GATE_RUNS = "fangpin_ruleset_gate_seconds_count{passed=\"%s\",source=\"%s\"}";

	/** A copy of the shipped rules, which the reload test changes. */
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

	@Test
	void prometheusCountsAssessmentsByRiskGroupTierMeasureAndRuleAndTimesEvaluations() {
		String before = scrape();
		for (int i = 0; i < 3; i++) {
			assertThat(this.http.postJson("/api/v1/assessments", example("OPS-METRICS-" + i)).status()).isEqualTo(201);
		}
		assertThat(this.http.postJson("/api/v1/evaluations", example("OPS-METRICS-DRY")).status()).isEqualTo(200);
		assertThat(this.http.postJson("/api/v1/assessments", "{\"householdId\": \"OPS-BAD\"}").status())
			.isEqualTo(400);
		String after = scrape();
		assertThat(increase(before, after, STORED_ASSESSMENTS)).isEqualByComparingTo("3");
		assertThat(increase(before, after, EVALUATIONS)).isEqualByComparingTo("1");
		assertThat(increase(before, after, MEDICAL_ASSISTANCE)).isEqualByComparingTo("4");
		assertThat(increase(before, after, RIGID_EXPENSE_RULE)).isEqualByComparingTo("4");
		assertThat(increase(before, after, TIMED)).isEqualByComparingTo("3");
		assertThat(after).contains("fangpin_evaluation_seconds_bucket{stored=\"true\",le=\"");
		assertThat(after).contains("# HELP fangpin_assessments_total Households assessed");
	}

	@Test
	void prometheusCountsBatchLinesByOutcomeAndRecordsEachBatchsThroughput() {
		String lines = "fangpin_batch_lines_total{outcome=\"%s\",stored=\"%s\"}";
		String before = scrape();
		StringBuilder batch = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			batch.append(HttpClientSupport.JSON.readTree(example("OPS-BATCH-" + i)).toString()).append('\n');
		}
		batch.append("{not json\n");
		Response dryRun = this.http.post("/api/v1/assessments/batch?store=false", "application/x-ndjson",
				batch.toString());
		assertThat(dryRun.status()).isEqualTo(200);
		assertThat(dryRun.body().split("\n")).hasSize(6);
		assertThat(this.http.post("/api/v1/assessments/batch", "application/x-ndjson", batch.toString()).status())
			.isEqualTo(200);
		String after = scrape();
		assertThat(increase(before, after, lines.formatted("assessed", "false"))).isEqualByComparingTo("5");
		assertThat(increase(before, after, lines.formatted("problem", "false"))).isEqualByComparingTo("1");
		assertThat(increase(before, after, lines.formatted("assessed", "true"))).isEqualByComparingTo("5");
		assertThat(increase(before, after, lines.formatted("problem", "true"))).isEqualByComparingTo("1");
		assertThat(increase(before, after, "fangpin_batch_duration_seconds_count{stored=\"false\"}"))
			.isEqualByComparingTo("1");
		assertThat(value(after, "fangpin_batch_throughput_max{stored=\"true\"}")).isPositive();
	}

	@Test
	void prometheusCountsRuleSetReloadsByOutcomeAndSourceAndTimesTheGate() {
		String before = scrape();
		assertThat(value(before, RELOADS.formatted("activated", "startup"))
			.add(value(before, RELOADS.formatted("unchanged", "startup")))).isEqualByComparingTo("1");
		for (String zero : List.of(RELOADS.formatted("rejected", "reload"), RELOADS.formatted("failed", "sync"),
				RELOADS.formatted("activated", "rollback"))) {
			assertThat(before).as(zero).containsPattern("(?m)^" + Pattern.quote(zero) + " ");
		}
		String original = this.http.get("/api/v1/ruleset").json().get("version").asString();

		TestRules.edit(rules.resolve("50-measures/measures.drl"), "@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助\")",
				"@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病的，给予临时救助\")");
		Response good = this.http.post("/api/v1/ruleset/reload", "application/json", "");
		assertThat(good.status()).isEqualTo(200);
		assertThat(good.json().get("activated").booleanValue()).isTrue();
		assertThat(this.http.post("/api/v1/ruleset/reload", "application/json", "").status()).isEqualTo(200);

		TestRules.edit(rules.resolve("50-measures/measures.drl"),
				"Parameter( name == \"measures.medicalAssistance.trigger\", $trigger : value )",
				"Parameter( name == \"measures.medicalAssistance.trigger\", $trigger : value ");
		Response broken = this.http.post("/api/v1/ruleset/reload", "application/json", "");
		assertThat(broken.status()).isEqualTo(422);
		assertThat(broken.json().get("activeVersion").asString()).isEqualTo(good.json().get("activeVersion").asString());

		Response rollback = this.http.postJson("/api/v1/ruleset/rollback", "{\"version\": \"" + original + "\"}");
		assertThat(rollback.status()).isEqualTo(200);
		assertThat(rollback.json().get("activated").booleanValue()).isTrue();

		String after = scrape();
		assertThat(increase(before, after, RELOADS.formatted("activated", "reload"))).isEqualByComparingTo("1");
		assertThat(increase(before, after, RELOADS.formatted("unchanged", "reload"))).isEqualByComparingTo("1");
		assertThat(increase(before, after, RELOADS.formatted("rejected", "reload"))).isEqualByComparingTo("1");
		assertThat(increase(before, after, RELOADS.formatted("activated", "rollback"))).isEqualByComparingTo("1");
		assertThat(increase(before, after, GATE_RUNS.formatted("true", "reload"))).isEqualByComparingTo("2");
		assertThat(increase(before, after, GATE_RUNS.formatted("false", "reload"))).isEqualByComparingTo("1");
		assertThat(increase(before, after, GATE_RUNS.formatted("true", "rollback"))).isEqualByComparingTo("1");
		assertThat(value(after, "fangpin_ruleset_gate_seconds_sum{passed=\"true\",source=\"reload\"}"))
			.isPositive();
		assertThat(after).contains("# HELP fangpin_ruleset_reloads_total Attempts to put a rule set in force");
	}

	@Test
	void aValidCorrelationIdComesBackAndTagsTheLogsOfItsRequest() {
		ListAppender<ILoggingEvent> logs = new ListAppender<>();
		Logger logger = (Logger) LoggerFactory.getLogger(AssessmentMetrics.class);
		logs.start();
		logger.addAppender(logs);
		try {
			Response response = this.http.postJson("/api/v1/evaluations", example("OPS-LOGS"), "X-Correlation-Id",
					"case-4711_A");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("X-Correlation-Id")).isEqualTo("case-4711_A");
		}
		finally {
			logger.detachAppender(logs);
		}
		assertThat(logs.list).anySatisfy((event) -> {
			assertThat(event.getFormattedMessage()).contains("OPS-LOGS");
			assertThat(event.getMDCPropertyMap()).containsEntry("correlationId", "case-4711_A");
		});
	}

	@Test
	void aMissingOrInvalidCorrelationIdIsReplacedByANewOne() {
		String generated = this.http.get("/api/v1/catalogue").header("X-Correlation-Id");
		assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		assertThat(this.http.get("/api/v1/catalogue").header("X-Correlation-Id")).isNotEqualTo(generated);
		for (String invalid : List.of("has space", "a".repeat(65), "semi;colon", "dot.ted")) {
			assertThat(this.http.get("/api/v1/catalogue", "X-Correlation-Id", invalid).header("X-Correlation-Id"))
				.as(invalid)
				.matches("[0-9a-f-]{36}");
		}
		assertThat(this.http.get("/api/v1/catalogue", "X-Correlation-Id", "a".repeat(64)).header("X-Correlation-Id"))
			.isEqualTo("a".repeat(64));
	}

	@Test
	void errorResponsesCarryTheCorrelationIdToo() {
		List<Response> errors = new ArrayList<>();
		errors.add(this.http.postJson("/api/v1/assessments", "{\"householdId\": \"OPS-BAD\"}", "X-Correlation-Id",
				"error-trail"));
		errors.add(this.http.post("/api/v1/assessments", "text/plain", "hello", "X-Correlation-Id", "error-trail"));
		errors.add(this.http.get("/api/v1/assessments/0193a1c2-0000-7000-8000-000000000000", "X-Correlation-Id",
				"error-trail"));
		errors.add(this.http.get("/no/such/page", "X-Correlation-Id", "error-trail"));
		assertThat(errors).extracting(Response::status).containsExactly(400, 415, 404, 404);
		assertThat(errors).allSatisfy((response) -> {
			assertThat(response.header("X-Correlation-Id")).isEqualTo("error-trail");
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		});
	}

	@Test
	void healthIsUpWithTheRuleSetAndTheDatabaseAndReadinessNeedsBoth() {
		String version = this.http.get("/api/v1/ruleset").json().get("version").asString();
		JsonNode health = this.http.get("/actuator/health").json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		JsonNode ruleSet = health.get("components").get("ruleSet");
		assertThat(ruleSet.get("status").asString()).isEqualTo("UP");
		assertThat(ruleSet.get("details").get("version").asString()).isEqualTo(version);
		assertThat(ruleSet.get("details").get("rules").intValue()).isGreaterThan(50);
		assertThat(health.get("components").get("db").get("status").asString()).isEqualTo("UP");
		Response readiness = this.http.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		List<String> components = new ArrayList<>();
		readiness.json().get("components").propertyNames().forEach(components::add);
		assertThat(components).containsExactlyInAnyOrder("db", "readinessState", "ruleSet");
		assertThat(this.http.get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void infoNamesTheApplicationVersionAndTheRuleSetInForce() {
		String version = this.http.get("/api/v1/ruleset").json().get("version").asString();
		JsonNode info = this.http.get("/actuator/info").json();
		assertThat(info.get("build").get("version").asString()).isNotBlank();
		assertThat(info.get("build").get("artifact").asString()).isEqualTo("fangpin");
		assertThat(info.get("ruleSet").get("version").asString()).isEqualTo(version);
		assertThat(info.get("ruleSet").get("activatedBy").asString()).isNotBlank();
	}

	@Test
	void everyRequestIsTimedButSpringSecuritysOwnStepsAreNot() {
		assertThat(this.http.postJson("/api/v1/evaluations", example("OPS-TIMED")).status()).isEqualTo(200);
		String scrape = scrape();
		assertThat(scrape).contains("http_server_requests_seconds_count{");
		assertThat(scrape).contains("uri=\"/api/v1/evaluations\"");
		assertThat(scrape).doesNotContain("spring_security_");
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() {
		List<String> links = new ArrayList<>();
		this.http.get("/actuator").json().get("_links").propertyNames().forEach(links::add);
		assertThat(links).containsExactlyInAnyOrder("self", "health", "health-path", "info", "prometheus");
		assertThat(this.http.get("/actuator/env").status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/beans").status()).isEqualTo(404);
	}

	private String scrape() {
		Response response = this.http.get("/actuator/prometheus");
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	/** How much a sample grew between two scrapes; a sample not yet there counts as 0. */
	private static BigDecimal increase(String before, String after, String sample) {
		return value(after, sample).subtract(value(before, sample));
	}

	private static BigDecimal value(String scrape, String sample) {
		Matcher matcher = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
		return matcher.find() ? new BigDecimal(matcher.group(1)) : BigDecimal.ZERO;
	}

	private static String example(String householdId) {
		return HttpClientSupport.example().replace("140902-017-0031", householdId);
	}

}
