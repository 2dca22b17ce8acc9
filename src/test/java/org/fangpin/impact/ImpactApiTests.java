package org.fangpin.impact;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.fangpin.HttpClientSupport;
import org.fangpin.ThresholdCandidate;
import org.fangpin.population.HouseholdGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:impact-api;DB_CLOSE_DELAY=-1")
class ImpactApiTests {

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@Test
	void aRaisedThresholdMovesStoredHouseholdsIntoMonitoringAndTheMatrixAddsUp() {
		HouseholdGenerator generator = new HouseholdGenerator(505);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 300; i++) {
			body.append(generator.household(i)).append('\n');
		}
		assertThat(this.http.post("/api/v1/assessments/batch", "application/x-ndjson", body.toString()).status())
			.isEqualTo(200);
		ObjectNode request = HttpClientSupport.JSON.createObjectNode();
		request.putObject("files").put("parameters.yaml", ThresholdCandidate.RAISED);
		request.put("limit", 1000);

		HttpClientSupport.Response response = this.http.postJson("/api/v1/ruleset/impact", request.toString());

		assertThat(response.status()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.get("households").longValue()).isEqualTo(300);
		assertThat(report.get("candidateVersion").asString()).isNotEqualTo(report.get("activeVersion").asString());
		Map<String, Map<String, Long>> expected = ThresholdCandidate.expectedTransitions(generator, 300);
		assertThat(ThresholdCandidate.matrix(report.get("transitions"))).isEqualTo(expected);
		assertThat(expected.get("NOT_AT_RISK").get("MARGINAL")).isPositive();
		assertThat(expected.get("MARGINAL").get("NOT_AT_RISK")).isZero();
		assertThat(report.get("changedCount").longValue()).isPositive();
		JsonNode moved = null;
		for (JsonNode change : report.get("changed")) {
			if (change.get("before").get("riskGroup").asString().equals("NOT_AT_RISK")
					&& change.get("after").get("riskGroup").asString().equals("MARGINAL")) {
				moved = change;
			}
		}
		assertThat(moved).isNotNull();
		assertThat(texts(moved.get("firedOnlyAfter"))).contains("S-INC", "G2");
		assertThat(texts(moved.get("firedOnlyBefore"))).contains("G0");
		long notAtRiskBefore = report.get("before").get("riskGroups").get("NOT_AT_RISK").longValue();
		long notAtRiskAfter = report.get("after").get("riskGroups").get("NOT_AT_RISK").longValue();
		assertThat(notAtRiskAfter).isLessThan(notAtRiskBefore);
	}

	@Test
	void anUploadedPopulationIsScreenedAndAnInvalidCandidateIsA422() throws Exception {
		HouseholdGenerator generator = new HouseholdGenerator(606);
		StringBuilder population = new StringBuilder();
		for (int i = 0; i < 120; i++) {
			population.append(generator.household(i)).append('\n');
		}
		population.append("{not json}\n");
		String files = HttpClientSupport.JSON.createObjectNode().put("parameters.yaml", ThresholdCandidate.RAISED).toString();
		HttpClientSupport.Response response = multipart(files, population.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode report = HttpClientSupport.JSON.readTree(response.body());
		assertThat(report.get("households").longValue()).isEqualTo(120);
		assertThat(report.get("problemCount").longValue()).isEqualTo(1);
		assertThat(report.get("problems").get(0).get("line").longValue()).isEqualTo(121);
		assertThat(ThresholdCandidate.matrix(report.get("transitions"))).isEqualTo(ThresholdCandidate.expectedTransitions(generator, 120));

		ObjectNode broken = HttpClientSupport.JSON.createObjectNode();
		broken.putObject("files").put("50-measures/measures.drl", "rule \"broken\" when then end end");
		HttpClientSupport.Response invalid = this.http.postJson("/api/v1/ruleset/impact", broken.toString());
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("problems").size()).isPositive();
	}

	private HttpClientSupport.Response multipart(String files, String population) {
		String boundary = "fangpin-test-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"files.json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n" + files + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"population\"; filename=\"population.ndjson\"\r\n"
				+ "Content-Type: application/x-ndjson\r\n\r\n" + population + "\r\n--" + boundary + "--\r\n";
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/ruleset/impact"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private static java.util.List<String> texts(JsonNode array) {
		java.util.List<String> list = new java.util.ArrayList<>();
		array.forEach((node) -> list.add(node.asString()));
		return list;
	}

}
