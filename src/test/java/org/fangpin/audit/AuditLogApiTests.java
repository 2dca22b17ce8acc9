package org.fangpin.audit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.TestRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:audit-log;DB_CLOSE_DELAY=-1")
@DirtiesContext
class AuditLogApiTests {

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
	void theStartUpActivationIsTheFirstEntry() {
		JsonNode entries = audit("?action=RULE_SET_ACTIVATED&size=200").get("entries");
		JsonNode first = entries.get(entries.size() - 1);
		assertThat(first.get("actor").asString()).isEqualTo("system (start-up)");
		assertThat(first.get("target").asString()).matches("sha256:[0-9a-f]{64}");
		assertThat(first.get("detail").asString()).startsWith("STARTUP, activation ");
		assertThat(first.get("at").asString()).endsWith("Z");
	}

	@Test
	void aStoredAssessmentIsRecordedWithWhoStoredItButAnEvaluationOrARefusedProfileIsNot() {
		String profile = HttpClientSupport.example()
			.replace("140902-017-0031", "AUDIT-1")
			.replace("\"relation\": \"HEAD\"", "\"relation\": \"HEAD\", \"name\": \"张三丰\", \"idNumber\": \"14090219660101123X\"");
		assertThat(profile).contains("张三丰");
		HttpClientSupport caseworker = this.http.as("test-caseworker");
		String id = caseworker.postJson("/api/v1/assessments", profile).json().get("id").asString();
		caseworker.postJson("/api/v1/evaluations", profile.replace("AUDIT-1", "AUDIT-DRY"));
		caseworker.postJson("/api/v1/assessments", profile.replace("\"LIFTED\"", "\"RICH\""));
		JsonNode entries = audit("?action=ASSESSMENT_CREATED&size=200").get("entries");
		List<String> targets = new ArrayList<>();
		entries.forEach((entry) -> targets.add(entry.get("target").asString()));
		assertThat(targets).containsOnlyOnce(id);
		JsonNode entry = entries.get(targets.indexOf(id));
		assertThat(entry.get("actor").asString()).isEqualTo("test-caseworker");
		assertThat(entry.get("detail").asString()).contains("household AUDIT-1").contains("2024-06-30")
			.doesNotContain("张三丰").doesNotContain("14090219660101123X");
		assertThat(audit("?size=200").toString()).doesNotContain("AUDIT-DRY").doesNotContain("张三丰");
	}

	@Test
	void validationsReloadsAndRollbacksAreRecordedWithThePolicyEditorsName() {
		HttpClientSupport editor = this.http.as("test-policy-editor");
		String original = editor.get("/api/v1/ruleset").json().get("version").asString();
		editor.postJson("/api/v1/ruleset/validate", "{\"files\": {}}");
		TestRules.edit(rules.resolve("50-measures/measures.drl"), "@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助\")",
				"@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病的，给予临时救助\")");
		Response reload = editor.post("/api/v1/ruleset/reload?comment=audit", "application/json", "");
		assertThat(reload.status()).isEqualTo(200);
		String reloaded = reload.json().get("activeVersion").asString();
		editor.postJson("/api/v1/ruleset/rollback", "{\"version\": \"" + original + "\"}");
		JsonNode entries = audit("?size=5").get("entries");
		assertThat(entries.size()).isEqualTo(5);
		assertThat(entries.get(0).get("action").asString()).isEqualTo("RULE_SET_ACTIVATED");
		assertThat(entries.get(0).get("target").asString()).isEqualTo(original);
		assertThat(entries.get(0).get("detail").asString()).startsWith("ROLLBACK").contains("replacing " + reloaded);
		assertThat(entries.get(1).get("action").asString()).isEqualTo("RULE_SET_VALIDATED");
		assertThat(entries.get(1).get("detail").asString()).isEqualTo("ROLLBACK: passed the gate");
		assertThat(entries.get(2).get("action").asString()).isEqualTo("RULE_SET_ACTIVATED");
		assertThat(entries.get(2).get("target").asString()).isEqualTo(reloaded);
		assertThat(entries.get(2).get("detail").asString()).startsWith("RELOAD").endsWith(": audit");
		assertThat(entries.get(3).get("detail").asString()).isEqualTo("RELOAD: passed the gate");
		assertThat(entries.get(4).get("action").asString()).isEqualTo("RULE_SET_VALIDATED");
		assertThat(entries.get(4).get("detail").asString()).isEqualTo("VALIDATE: passed the gate");
		entries.forEach((entry) -> assertThat(entry.get("actor").asString()).isEqualTo("test-policy-editor"));
		for (int i = 1; i < entries.size(); i++) {
			assertThat(entries.get(i).get("seq").longValue()).isLessThan(entries.get(i - 1).get("seq").longValue());
		}
	}

	@Test
	void theLogIsReadAPageAtATime() {
		JsonNode all = audit("?size=200");
		long total = all.get("total").longValue();
		assertThat(total).isEqualTo(all.get("entries").size());
		JsonNode second = audit("?page=1&size=1");
		assertThat(second.get("page").intValue()).isEqualTo(1);
		assertThat(second.get("total").longValue()).isEqualTo(total);
		if (total > 1) {
			assertThat(second.get("entries").get(0)).isEqualTo(all.get("entries").get(1));
		}
		Response tooLarge = this.http.get("/api/v1/audit?size=100000");
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.http.get("/api/v1/audit?page=x").status()).isEqualTo(400);
	}

	private JsonNode audit(String query) {
		Response response = this.http.as("test-reviewer").get("/api/v1/audit" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
