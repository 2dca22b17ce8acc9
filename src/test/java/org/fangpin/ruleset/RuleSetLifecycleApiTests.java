package org.fangpin.ruleset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policy officer's day: break a rule on disk and see the reload refused while the old rules keep answering, fix it
 * and see it go live, then roll back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:ruleset-lifecycle;DB_CLOSE_DELAY=-1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleSetLifecycleApiTests {

	@TempDir
	static Path rules;

	static String original;

	static String fixed;

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
	@Order(1)
	void aBrokenRuleFileIsRefusedOnReloadAndTheOldRulesKeepAnswering() {
		original = this.http.get("/api/v1/ruleset").json().get("version").asString();
		String broken = TestRules.edit(rules.resolve("50-measures/measures.drl"),
				"Parameter( name == \"measures.medicalAssistance.trigger\", $trigger : value )",
				"Parameter( name == \"measures.medicalAssistance.trigger\", $trigger : value ");
		Response reload = this.http.post("/api/v1/ruleset/reload", "application/json", "");
		assertThat(reload.status()).isEqualTo(422);
		JsonNode report = reload.json().get("report");
		assertThat(report.get("passed").booleanValue()).isFalse();
		JsonNode compile = report.get("checks").get(0);
		assertThat(compile.get("name").asString()).isEqualTo("compile");
		assertThat(compile.get("problems").get(0).get("file").asString()).isEqualTo("50-measures/measures.drl");
		assertThat(compile.get("problems").get(0).get("line").intValue())
			.isBetween(TestRules.lineOf(broken, "$trigger : value"), TestRules.lineOf(broken, "$trigger : value") + 2);
		assertThat(reload.json().get("activated").booleanValue()).isFalse();
		assertThat(reload.json().get("activeVersion").asString()).isEqualTo(original);
		Response evaluation = this.http.postJson("/api/v1/evaluations", HttpClientSupport.example());
		assertThat(evaluation.status()).isEqualTo(200);
		assertThat(evaluation.json().get("ruleSetVersion").asString()).isEqualTo(original);
	}

	@Test
	@Order(2)
	void theFixedFileGoesLiveOnReloadWithoutARestart() {
		TestRules.edit(rules.resolve("50-measures/measures.drl"),
				"Parameter( name == \"measures.medicalAssistance.trigger\", $trigger : value \n",
				"Parameter( name == \"measures.medicalAssistance.trigger\", $trigger : value )\n");
		TestRules.edit(rules.resolve("50-measures/measures.drl"), "@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助\")",
				"@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病的，给予临时救助\")");
		Response reload = this.http.post("/api/v1/ruleset/reload?comment=reword%20M-06", "application/json", "");
		assertThat(reload.status()).isEqualTo(200);
		assertThat(reload.json().get("activated").booleanValue()).isTrue();
		fixed = reload.json().get("activeVersion").asString();
		assertThat(fixed).isNotEqualTo(original);
		assertThat(reload.json().get("previousVersion").asString()).isEqualTo(original);
		JsonNode evaluation = this.http.postJson("/api/v1/evaluations", HttpClientSupport.example()).json();
		assertThat(evaluation.get("ruleSetVersion").asString()).isEqualTo(fixed);
		assertThat(evaluation.get("measures").get(1).get("reasons").get(0).get("text").asString())
			.isEqualTo("监测对象近期遭受自然灾害、意外事故或重大疾病的，给予临时救助");
		assertThat(this.http.get("/api/v1/ruleset").json().get("activatedBy").asString()).isEqualTo(HttpClientSupport.USER);
	}

	@Test
	@Order(3)
	void theArchiveListsBothVersionsWithTheirFilesAndTheirDifference() {
		JsonNode versions = this.http.get("/api/v1/ruleset/versions").json();
		assertThat(versions.get("active").asString()).isEqualTo(fixed);
		List<String> archived = new ArrayList<>();
		versions.get("versions").forEach((version) -> archived.add(version.get("version").asString()));
		assertThat(archived).contains(original, fixed);
		assertThat(versions.get("activations").get(0).get("action").asString()).isEqualTo("RELOAD");
		assertThat(versions.get("activations").get(0).get("comment").asString()).isEqualTo("reword M-06");
		JsonNode files = this.http.get("/api/v1/ruleset/versions/" + original).json().get("files");
		assertThat(files.get("50-measures/measures.drl").asString()).contains("监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助");
		JsonNode diff = this.http.get("/api/v1/ruleset/diff?from=" + original + "&to=" + fixed).json();
		assertThat(diff.get("files").get("changed").get(0).asString()).isEqualTo("50-measures/measures.drl");
		assertThat(diff.get("rules").get("changed").size()).isEqualTo(1);
		assertThat(diff.get("rules").get("changed").get(0).asString()).isEqualTo("M-06");
		assertThat(this.http.get("/api/v1/ruleset/versions/sha256:0000").status()).isEqualTo(404);
	}

	@Test
	@Order(4)
	void rollingBackRestoresTheOldVersion() {
		Response rollback = this.http.postJson("/api/v1/ruleset/rollback",
				"{\"version\": \"" + original + "\", \"comment\": \"back to the shipped rules\"}");
		assertThat(rollback.status()).isEqualTo(200);
		assertThat(rollback.json().get("activated").booleanValue()).isTrue();
		assertThat(rollback.json().get("activeVersion").asString()).isEqualTo(original);
		JsonNode evaluation = this.http.postJson("/api/v1/evaluations", HttpClientSupport.example()).json();
		assertThat(evaluation.get("ruleSetVersion").asString()).isEqualTo(original);
		assertThat(this.http.get("/api/v1/ruleset/versions").json().get("activations").get(0).get("action")
			.asString()).isEqualTo("ROLLBACK");
		assertThat(this.http.postJson("/api/v1/ruleset/rollback", "{\"version\": \"sha256:beef\"}").status())
			.isEqualTo(404);
	}

	@Test
	@Order(5)
	void validatingACandidateReportsEveryProblemAndActivatesNothing() {
		String candidate = "{\"files\": {\"parameters.yaml\": "
				+ HttpClientSupport.JSON.writeValueAsString(readShipped("parameters.yaml").replace(
						"{from: 2024-01-01, value: 7400, source: \"placeholder\"}",
						"{from: 2024-01-01, value: 9400, source: \"placeholder\"}"))
				+ ", \"rules/99-extra/extra.drl\": \"package x;\\nrule \\\"no metadata\\\"\\nwhen\\nthen\\nend\\n\"}}";
		Response response = this.http.postJson("/api/v1/ruleset/validate", candidate);
		assertThat(response.status()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("passed").booleanValue()).isFalse();
		JsonNode lint = report.get("checks").get(1);
		assertThat(lint.get("name").asString()).isEqualTo("lint");
		assertThat(lint.get("problems").get(0).get("file").asString()).isEqualTo("99-extra/extra.drl");
		assertThat(lint.get("problems").get(0).get("message").asString()).contains("@id").contains("@clause");
		assertThat(report.get("cases").get("failures").size()).isGreaterThan(0);
		assertThat(this.http.get("/api/v1/ruleset").json().get("version").asString()).isEqualTo(original);
	}

	private static String readShipped(String file) {
		try {
			return java.nio.file.Files.readString(Path.of("rules").resolve(file));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
