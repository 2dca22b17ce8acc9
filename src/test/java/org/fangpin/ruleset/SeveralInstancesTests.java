package org.fangpin.ruleset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.fangpin.FangpinApplication;
import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.PostgresServer;
import org.fangpin.TestRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances behind a load balancer: two services on loopback, each with its own copy of the rules directory,
 * sharing one PostgreSQL through the {@code postgres} profile and nothing else. A rule set activated on one is
 * followed by the other through the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTests {

	// the sync interval is 1 s; the rest is the follower compiling the rule set on a busy 2-core machine
	static final Duration DEADLINE = Duration.ofSeconds(20);

	static final String M06 = "@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助\")";

	static final String M06_REWORDED = "@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病的，给予临时救助\")";

	@TempDir
	static Path rulesA;

	@TempDir
	static Path rulesB;

	static ConfigurableApplicationContext instanceA;

	static ConfigurableApplicationContext instanceB;

	static HttpClientSupport a;

	static HttpClientSupport b;

	static String shipped;

	static String reworded;

	@BeforeAll
	static void twoInstancesOnOneDatabase() {
		PostgresServer postgres = PostgresServer.get();
		String url = postgres.createDatabase("instances");
		TestRules.copyShippedRules(rulesA);
		TestRules.copyShippedRules(rulesB);
		// A is configured through the profile's environment variables, B through the standard datasource properties
		instanceA = start(rulesA, "--FANGPIN_DB_URL=" + url, "--FANGPIN_DB_USER=" + postgres.user(),
				"--FANGPIN_DB_PASSWORD=" + postgres.password());
		instanceB = start(rulesB, "--spring.datasource.url=" + url,
				"--spring.datasource.username=" + postgres.user(),
				"--spring.datasource.password=" + postgres.password());
		a = new HttpClientSupport(port(instanceA));
		b = new HttpClientSupport(port(instanceB));
	}

	@AfterAll
	static void stop() {
		if (instanceB != null) {
			instanceB.close();
		}
		if (instanceA != null) {
			instanceA.close();
		}
	}

	@Test
	@Order(1)
	void bothInstancesStartOnTheSameRulesAndRecordOneActivation() {
		shipped = version(a);
		assertThat(version(b)).isEqualTo(shipped);
		JsonNode activations = b.get("/api/v1/ruleset/versions").json().get("activations");
		assertThat(activations.size()).isEqualTo(1);
		assertThat(activations.get(0).get("action").asString()).isEqualTo("STARTUP");
		assertThat(instanceA.getEnvironment().getProperty("spring.datasource.url")).startsWith("jdbc:postgresql:");
	}

	@Test
	@Order(2)
	void aRuleSetReloadedOnOneInstanceIsFollowedByTheOtherThroughTheDatabase() throws Exception {
		TestRules.edit(rulesA.resolve("50-measures/measures.drl"), M06, M06_REWORDED);
		Response reload = a.post("/api/v1/ruleset/reload?comment=reword%20M-06", "application/json", "");
		assertThat(reload.status()).isEqualTo(200);
		reworded = reload.json().get("activeVersion").asString();
		assertThat(reworded).isNotEqualTo(shipped);

		awaitVersion(b, reworded);
		JsonNode evaluation = b.postJson("/api/v1/evaluations", HttpClientSupport.example()).json();
		assertThat(evaluation.get("ruleSetVersion").asString()).isEqualTo(reworded);
		assertThat(evaluation.get("measures").get(1).get("reasons").get(0).get("text").asString())
			.isEqualTo("监测对象近期遭受自然灾害、意外事故或重大疾病的，给予临时救助");
		// B's rules came from the database: its own directory still holds the shipped wording
		assertThat(Files.readString(rulesB.resolve("50-measures/measures.drl"))).contains(M06);
	}

	@Test
	@Order(3)
	void aRollbackOnTheOtherInstanceIsFollowedBack() {
		Response rollback = b.postJson("/api/v1/ruleset/rollback",
				"{\"version\": \"" + shipped + "\", \"comment\": \"back to the shipped rules\"}");
		assertThat(rollback.status()).isEqualTo(200);

		awaitVersion(a, shipped);
		JsonNode evaluation = a.postJson("/api/v1/evaluations", HttpClientSupport.example()).json();
		assertThat(evaluation.get("ruleSetVersion").asString()).isEqualTo(shipped);
		JsonNode activations = a.get("/api/v1/ruleset/versions").json().get("activations");
		assertThat(activations.get(0).get("action").asString()).isEqualTo("ROLLBACK");
		assertThat(activations.get(1).get("action").asString()).isEqualTo("RELOAD");
		// B followed A's reload (test 2) through the database; A recorded the start-up activation, B found it there
		String metricsB = b.get("/actuator/prometheus").body();
		assertThat(metricsB).contains("fangpin_ruleset_reloads_total{outcome=\"activated\",source=\"sync\"} 1.0",
				"fangpin_ruleset_reloads_total{outcome=\"unchanged\",source=\"startup\"} 1.0",
				"fangpin_ruleset_reloads_total{outcome=\"activated\",source=\"rollback\"} 1.0");
		assertThat(a.get("/actuator/prometheus").body())
			.contains("fangpin_ruleset_reloads_total{outcome=\"activated\",source=\"startup\"} 1.0",
					"fangpin_ruleset_reloads_total{outcome=\"activated\",source=\"reload\"} 1.0");
	}

	@Test
	@Order(4)
	void anAssessmentStoredThroughOneInstanceIsReadAndUpdatedThroughTheOther() {
		Response stored = a.postJson("/api/v1/assessments", HttpClientSupport.example());
		assertThat(stored.status()).isEqualTo(201);
		String id = stored.json().get("id").asString();
		String household = stored.json().get("householdId").asString();

		assertThat(b.get("/api/v1/assessments/" + id).json().get("ruleSetVersion").asString()).isEqualTo(shipped);
		Response alert = b.post("/api/v1/alerts", "application/x-ndjson", "{\"householdId\": \"" + household
				+ "\", \"date\": \"2024-07-01\", \"kind\": \"MEDICAL_INSURANCE\", \"facts\": {\"outOfPocket\": 15000}}\n");
		assertThat(alert.status()).isEqualTo(200);
		String caused = HttpClientSupport.JSON.readTree(alert.body()).get("assessmentId").asString();

		JsonNode history = a.get("/api/v1/households/" + household + "/assessments").json();
		assertThat(history.toString()).contains(caused, id);
		assertThat(history.toString().indexOf(caused)).isLessThan(history.toString().indexOf(id));
	}

	private static ConfigurableApplicationContext start(Path rules, String... datasource) {
		String[] args = new String[datasource.length + 3];
		args[0] = "--server.port=0";
		args[1] = "--fangpin.rules.dir=" + rules;
		args[2] = "--fangpin.rules.sync-interval=1s";
		System.arraycopy(datasource, 0, args, 3, datasource.length);
		return new SpringApplicationBuilder(FangpinApplication.class).profiles("postgres").run(args);
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static String version(HttpClientSupport instance) {
		return instance.get("/api/v1/ruleset").json().get("version").asString();
	}

	private static void awaitVersion(HttpClientSupport instance, String expected) {
		Instant deadline = Instant.now().plus(DEADLINE);
		String seen = version(instance);
		while (!seen.equals(expected) && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			seen = version(instance);
		}
		assertThat(seen).as("the rule set version within %s", DEADLINE).isEqualTo(expected);
	}

}
