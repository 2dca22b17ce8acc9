package org.fangpin.assessment.web;

import java.util.ArrayList;
import java.util.List;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.assessment.BatchAssessmentService;
import org.fangpin.population.HouseholdGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:batch-api;DB_CLOSE_DELAY=-1", "fangpin.batch.chunk-size=7",
				"fangpin.batch.max-line-bytes=20000" })
class BatchApiTests {

	private static final String BATCH = "/api/v1/assessments/batch";

	@LocalServerPort
	int port;

	@Autowired
	BatchAssessmentService batches;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void aBatchAnswersEveryLineInOrderAndABadLineMidBatchStopsNothing() {
		HouseholdGenerator generator = new HouseholdGenerator(101);
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			lines.add(generator.household(i).toString());
		}
		ObjectNode bad = (ObjectNode) generator.household(100);
		((ObjectNode) bad.get("members").get(0)).put("age", 130);
		bad.remove("povertyStatus");
		lines.add(5, bad.toString());
		lines.add(9, "{\"householdId\": \"BROKEN\", ");
		lines.add(14, "{\"householdId\": \"" + "X".repeat(30_000) + "\"}");
		long before = this.batches.count();

		Response response = this.http.post(BATCH, "application/x-ndjson", String.join("\n", lines) + "\n",
				"Accept-Language", "en");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
		List<JsonNode> answers = answers(response);
		assertThat(answers).hasSize(23);
		JsonNode invalid = answers.get(5);
		assertThat(invalid.get("line").intValue()).isEqualTo(6);
		assertThat(invalid.get("householdId").asString()).isEqualTo(bad.get("householdId").asString());
		assertThat(invalid.get("problem").get("status").intValue()).isEqualTo(400);
		assertThat(invalid.get("problem").get("type").asString()).isEqualTo("urn:fangpin:problem:invalid-profile");
		List<String> fields = new ArrayList<>();
		invalid.get("problem").get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).containsExactlyInAnyOrder("members[0].age", "povertyStatus");
		assertThat(answers.get(9).get("line").intValue()).isEqualTo(10);
		assertThat(answers.get(9).get("problem").get("type").asString()).isEqualTo("urn:fangpin:problem:malformed-json");
		assertThat(answers.get(9).get("problem").get("detail").asString())
			.as("the column within the line, not the parser's line 1 of a one-line document")
			.startsWith("This line is not valid JSON (column ")
			.doesNotContain("line 1");
		assertThat(answers.get(14).get("line").intValue()).isEqualTo(15);
		assertThat(answers.get(14).get("problem").get("type").asString()).isEqualTo("urn:fangpin:problem:line-too-long");
		List<String> expectedIds = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			expectedIds.add(generator.household(i).get("householdId").asString());
		}
		List<String> answeredIds = new ArrayList<>();
		for (JsonNode answer : answers) {
			if (!answer.has("problem")) {
				answeredIds.add(answer.get("householdId").asString());
				assertThat(answer.get("id").asString()).isNotBlank();
				assertThat(answer.get("riskGroup").asString()).isNotBlank();
			}
		}
		assertThat(answeredIds).containsExactlyElementsOf(expectedIds);
		assertThat(this.batches.count() - before).isEqualTo(20);
		String storedId = answers.get(0).get("id").asString();
		Response stored = this.http.get("/api/v1/assessments/" + storedId);
		assertThat(stored.status()).isEqualTo(200);
		assertThat(stored.json().get("riskGroup")).isEqualTo(answers.get(0).get("riskGroup"));
	}

	@Test
	void aBatchLineIsTheSameAssessmentAsASingleEvaluation() {
		JsonNode household = new HouseholdGenerator(202).household(3);
		JsonNode line = answers(this.http.post(BATCH + "?store=false", "application/x-ndjson", household.toString(),
				"Accept-Language", "en"))
			.get(0);
		JsonNode single = this.http.postJson("/api/v1/evaluations", household.toString(), "Accept-Language", "en")
			.json();
		((ObjectNode) line).remove("assessedAt");
		((ObjectNode) single).remove("assessedAt");
		assertThat(line).isEqualTo(single);
	}

	@Test
	void storeFalseEvaluatesEveryLineAndStoresNothing() {
		HouseholdGenerator generator = new HouseholdGenerator(303);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 12; i++) {
			body.append(generator.household(i)).append('\n');
		}
		long before = this.batches.count();
		List<JsonNode> answers = answers(this.http.post(BATCH + "?store=false", "application/x-ndjson",
				body.toString()));
		assertThat(answers).hasSize(12).allSatisfy((answer) -> {
			assertThat(answer.get("id").isNull()).isTrue();
			assertThat(answer.get("riskGroup").asString()).isNotBlank();
		});
		assertThat(this.batches.count()).isEqualTo(before);
		String householdId = generator.household(0).get("householdId").asString();
		assertThat(this.http.get("/api/v1/households/" + householdId + "/assessments").json().size()).isZero();
	}

	@Test
	void aBatchOfNStoresNAcrossManyChunks() {
		HouseholdGenerator generator = new HouseholdGenerator(404);
		StringBuilder body = new StringBuilder();
		int count = 250;
		for (int i = 0; i < count; i++) {
			body.append(generator.household(i)).append('\n');
		}
		long before = this.batches.count();
		List<JsonNode> answers = answers(this.http.post(BATCH, "application/x-ndjson", body.toString()));
		assertThat(answers).hasSize(count).noneMatch((answer) -> answer.has("problem"));
		assertThat(this.batches.count() - before).isEqualTo(count);
	}

	@Test
	void aBatchThatIsNotNdjsonIsAProblem() {
		Response response = this.http.postJson(BATCH, "{}");
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

	private static List<JsonNode> answers(Response response) {
		List<JsonNode> answers = new ArrayList<>();
		for (String line : response.body().split("\n")) {
			if (!line.isBlank()) {
				answers.add(HttpClientSupport.JSON.readTree(line));
			}
		}
		return answers;
	}

}
