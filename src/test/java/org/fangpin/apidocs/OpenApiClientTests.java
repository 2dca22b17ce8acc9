package org.fangpin.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.ThresholdCandidate;
import org.fangpin.apidocs.OpenApiDocument.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that knows the service only through its OpenAPI document, and holds the service to it. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class OpenApiClientTests {

	@LocalServerPort
	int port;

	HttpClientSupport http;

	OpenApiDocument document;

	@BeforeEach
	void readDocument() {
		this.http = new HttpClientSupport(this.port);
		this.document = OpenApiDocument.read(this.http);
	}

	@Test
	void theDocumentedExampleEvaluatesToAResponseOfTheDocumentedSchema() {
		Operation evaluate = this.document.operation("POST", "/api/v1/evaluations");
		JsonNode example = evaluate.requestExample();
		assertThat(this.document.validate(evaluate.requestSchema(), example)).isEmpty();
		Response response = evaluate.assertDocumented(evaluate.send(example));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("id").isNull()).isTrue();
		assertThat(response.json().get("riskGroup").asString()).isEqualTo("UNSTABLE_LIFTED");
	}

	@Test
	void anAssessmentStoredFromTheDocumentedExampleReadsBackAsDocumented() {
		Operation assess = this.document.operation("POST", "/api/v1/assessments");
		ObjectNode profile = (ObjectNode) assess.requestExample().deepCopy();
		profile.put("householdId", "OPENAPI-STORED");
		Response created = assess.assertDocumented(assess.send(profile));
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(created.header("Location")).endsWith(id);
		Operation find = this.document.operation("GET", "/api/v1/assessments/{id}");
		Response read = find.assertDocumented(find.get(id));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("input")).isEqualTo(profile);
		Operation history = this.document.operation("GET", "/api/v1/households/{householdId}/assessments");
		Response list = history.assertDocumented(history.get("OPENAPI-STORED"));
		assertThat(list.json().get(0).get("id").asString()).isEqualTo(id);
	}

	@Test
	void theRuleSetAndItsCatalogueAreAsDocumented() {
		Operation ruleSet = this.document.operation("GET", "/api/v1/ruleset");
		assertThat(ruleSet.assertDocumented(ruleSet.get()).json().get("rules").size()).isGreaterThan(50);
		Operation catalogue = this.document.operation("GET", "/api/v1/catalogue");
		assertThat(catalogue.assertDocumented(catalogue.get()).json().get("measures").size()).isEqualTo(16);
	}

	@Test
	void everyErrorTheDocumentNamesComesAsADocumentedProblem() {
		Operation assess = this.document.operation("POST", "/api/v1/assessments");
		JsonNode example = assess.requestExample();
		Response invalid = assess.assertDocumented(assess.send(changed(example, (profile) -> member(profile).put("age", 130))));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").get(0).get("field").asString()).isEqualTo("members[0].age");
		Response malformed = assess.assertDocumented(assess.send("{\"householdId\": ", "application/json"));
		assertThat(malformed.status()).isEqualTo(400);
		Response text = assess.assertDocumented(assess.send("hello", "text/plain"));
		assertThat(text.status()).isEqualTo(415);
		Response early = assess.assertDocumented(assess.send(changed(example, (profile) -> {
			profile.put("asOf", "2020-12-31");
			((ObjectNode) profile.get("events").get(0)).put("date", "2020-03-02");
			((ObjectNode) profile.get("monitoring")).put("since", "2020-11-15");
		})));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.json().get("date").asString()).isEqualTo("2020-12-31");
		Operation find = this.document.operation("GET", "/api/v1/assessments/{id}");
		Response unknown = find.assertDocumented(find.get("0193a1c2-0000-7000-8000-000000000000"));
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void profilesTheDocumentedSchemaRejectsAreRejectedByTheService() {
		Operation evaluate = this.document.operation("POST", "/api/v1/evaluations");
		JsonNode example = evaluate.requestExample();
		Map<String, Consumer<ObjectNode>> breaks = new LinkedHashMap<>();
		breaks.put("an unknown field", (profile) -> profile.put("colour", "red"));
		breaks.put("a householdId with a space", (profile) -> profile.put("householdId", "140902 017"));
		breaks.put("an unknown poverty status", (profile) -> profile.put("povertyStatus", "SOMEWHAT_POOR"));
		breaks.put("no members", (profile) -> profile.putArray("members"));
		breaks.put("an age given as a string", (profile) -> member(profile).put("age", "58"));
		breaks.put("a disability grade of 5", (profile) -> member(profile).put("disabilityGrade", 5));
		breaks.put("an unknown member field", (profile) -> member(profile).put("hobby", "chess"));
		breaks.put("negative wages", (profile) -> ((ObjectNode) profile.get("income")).put("wages", -5));
		breaks.put("three decimals", (profile) -> ((ObjectNode) profile.get("income")).put("business", 100.001));
		breaks.put("money over the limit", (profile) -> ((ObjectNode) profile.get("expenses")).put("education", 1e9));
		breaks.put("an unknown measure", (profile) -> ((ArrayNode) profile.get("supports")).add("FREE_LUNCH"));
		breaks.put("an event without a date", (profile) -> ((ObjectNode) profile.get("events").get(0)).remove("date"));
		breaks.put("an unknown safety grade", (profile) -> ((ObjectNode) profile.get("housing")).put("safetyGrade", "E"));
		breaks.forEach((name, change) -> {
			JsonNode profile = changed(example, change);
			assertThat(this.document.validate(evaluate.requestSchema(), profile)).as("the schema rejects " + name)
				.isNotEmpty();
			Response response = evaluate.assertDocumented(evaluate.send(profile));
			assertThat(response.status()).as("the service rejects " + name).isEqualTo(400);
		});
	}

	@Test
	void everyReviewOfAStoredAssessmentIsAsDocumented() {
		Operation assess = this.document.operation("POST", "/api/v1/assessments");
		ObjectNode profile = (ObjectNode) assess.requestExample().deepCopy();
		profile.put("householdId", "OPENAPI-REVIEW");
		member(profile).put("name", "张三丰").put("idNumber", "140902195801011234");
		String id = assess.assertDocumented(assess.send(profile)).json().get("id").asString();
		String base = "/api/v1/assessments/" + id;
		JsonNode replay = documented("POST", "/api/v1/assessments/{id}/replay",
				this.http.post(base + "/replay", "application/json", "")).json();
		assertThat(replay.get("identical").booleanValue()).isTrue();
		Operation whatIf = this.document.operation("POST", "/api/v1/assessments/{id}/what-if");
		JsonNode changed = whatIf.assertDocumented(this.http.post(base + "/what-if", whatIf.requestMediaType(),
				whatIf.requestExample().toString())).json();
		assertThat(changed.get("result").get("riskGroup").asString()).isEqualTo("NOT_AT_RISK");
		assertThat(changed.get("input").get("members").get(0).get("idNumber").asString())
			.isEqualTo("1409**********1234");
		Response bad = whatIf.assertDocumented(this.http.post(base + "/what-if", whatIf.requestMediaType(),
				"{\"members\": [{\"age\": 300, \"laborCapacity\": \"FULL\"}]}"));
		assertThat(bad.status()).isEqualTo(400);
		documented("GET", "/api/v1/assessments/{id}/sensitivity", this.http.get(base + "/sensitivity"));
		documented("GET", "/api/v1/assessments/{id}/why-not", this.http.get(base + "/why-not"));
		JsonNode export = documented("GET", "/api/v1/assessments/{id}/export", this.http.get(base + "/export")).json();
		assertThat(export.get("input").get("members").get(0).get("name").asString()).isEqualTo("张**");
		Response csv = documented("GET", "/api/v1/households/{householdId}/assessments.csv",
				this.http.get("/api/v1/households/OPENAPI-REVIEW/assessments.csv"));
		assertThat(csv.body()).contains(id);
		Response unknown = documented("GET", "/api/v1/assessments/{id}/why-not",
				this.http.get("/api/v1/assessments/0193a1c2-0000-7000-8000-000000000000/why-not"));
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void aCaseFromSignalToMeasuresAndTheOversightOfItsRegionAreAsDocumented() {
		Operation assess = this.document.operation("POST", "/api/v1/assessments");
		ObjectNode profile = (ObjectNode) assess.requestExample().deepCopy();
		profile.put("householdId", "OPENAPI-CASE");
		assertThat(assess.assertDocumented(assess.send(profile)).status()).isEqualTo(201);
		JsonNode cases = documented("GET", "/api/v1/households/{householdId}/cases",
				this.http.get("/api/v1/households/OPENAPI-CASE/cases")).json();
		String caseId = cases.get(0).get("id").asString();
		documented("GET", "/api/v1/cases/{id}", this.http.get("/api/v1/cases/" + caseId));
		assertThat(documented("GET", "/api/v1/cases/{id}", this.http.get("/api/v1/cases/nobody")).status())
			.isEqualTo(404);
		Operation transition = this.document.operation("POST", "/api/v1/cases/{id}/transitions");
		Response identified = transition.assertDocumented(this.http.postJson("/api/v1/cases/" + caseId + "/transitions",
				transition.requestExample().toString()));
		assertThat(identified.json().get("state").asString()).isEqualTo("IDENTIFIED");
		Operation measure = this.document.operation("POST", "/api/v1/cases/{id}/measures");
		Response assisted = measure.assertDocumented(this.http.postJson("/api/v1/cases/" + caseId + "/measures",
				measure.requestExample().toString()));
		assertThat(assisted.json().get("state").asString()).isEqualTo("ASSISTED");
		Response again = transition.assertDocumented(this.http.postJson("/api/v1/cases/" + caseId + "/transitions",
				"{\"to\": \"IDENTIFIED\"}"));
		assertThat(again.status()).isEqualTo(409);
		Response alerts = documented("POST", "/api/v1/alerts", this.http.post("/api/v1/alerts",
				"application/x-ndjson",
				"{\"householdId\": \"OPENAPI-CASE\", \"date\": \"2024-07-01\", \"kind\": \"CIVIL_AFFAIRS\", "
						+ "\"facts\": {\"dibao\": \"STOPPED\"}}\n"
						+ "{\"householdId\": \"OPENAPI-NOBODY\", \"date\": \"2024-07-01\", "
						+ "\"kind\": \"HUMAN_RESOURCES\", \"facts\": {\"member\": 0}}\n{not json\n"));
		assertThat(alerts.body().split("\n")).hasSize(3);
		String region = "?village=%E8%91%A3%E6%9D%91";
		documented("GET", "/api/v1/watchlist", this.http.get("/api/v1/watchlist" + region + "&since=2024-01-01"));
		documented("GET", "/api/v1/watchlist.csv", this.http.get("/api/v1/watchlist.csv" + region));
		JsonNode summary = documented("GET", "/api/v1/reports/summary",
				this.http.get("/api/v1/reports/summary" + region)).json();
		documented("GET", "/api/v1/reports/summary.csv", this.http.get("/api/v1/reports/summary.csv" + region));
		Response households = documented("GET", "/api/v1/reports/households",
				this.http.get(summary.get("riskGroup").get(0).get("href").asString()));
		assertThat(households.json().get("count").intValue()).isPositive();
		JsonNode series = documented("GET", "/api/v1/reports/series",
				this.http.get("/api/v1/reports/series" + region + "&from=2024-01-01&to=2024-12-31")).json();
		JsonNode december = series.get("months").get(series.get("months").size() - 1);
		Response inForce = documented("GET", "/api/v1/reports/series/households",
				this.http.get(december.get("households").get("href").asString()));
		assertThat(inForce.json().get("count").intValue()).isPositive();
		assertThat(documented("GET", "/api/v1/reports/series",
				this.http.get("/api/v1/reports/series?from=2025-02-01&to=2025-01-01")).status()).isEqualTo(400);
		assertThat(documented("GET", "/api/v1/watchlist", this.http.get("/api/v1/watchlist?since=yesterday"))
			.status()).isEqualTo(400);
	}

	@Test
	void theArchiveOfRuleSetVersionsAndAFailedCandidateAreAsDocumented() {
		JsonNode versions = documented("GET", "/api/v1/ruleset/versions", this.http.get("/api/v1/ruleset/versions"))
			.json();
		String active = versions.get("active").asString();
		documented("GET", "/api/v1/ruleset/versions/{version}", this.http.get("/api/v1/ruleset/versions/" + active));
		assertThat(documented("GET", "/api/v1/ruleset/versions/{version}",
				this.http.get("/api/v1/ruleset/versions/sha256:0000")).status()).isEqualTo(404);
		documented("GET", "/api/v1/ruleset/diff", this.http.get("/api/v1/ruleset/diff?from=" + active));
		Response report = documented("POST", "/api/v1/ruleset/validate", this.http.postJson("/api/v1/ruleset/validate",
				"{\"files\": {\"50-measures/measures.drl\": \"package broken;\\nrule \\\"x\\\" when then\"}}"));
		assertThat(report.json().get("passed").booleanValue()).isFalse();
		assertThat(report.json().get("cases").isNull()).isTrue();
		assertThat(documented("POST", "/api/v1/ruleset/rollback",
				this.http.postJson("/api/v1/ruleset/rollback", "{\"version\": \"sha256:beef\"}")).status())
			.isEqualTo(404);
	}

	@Test
	void aBatchAnswersEveryLineAsDocumented() {
		Operation batch = this.document.operation("POST", "/api/v1/assessments/batch");
		assertThat(batch.requestMediaType()).isEqualTo("application/x-ndjson");
		JsonNode example = this.document.operation("POST", "/api/v1/assessments").requestExample();
		assertThat(this.document.validate(batch.requestSchema(), example)).isEmpty();
		String body = example + "\n\n" + changed(example, (profile) -> member(profile).put("age", 130))
				+ "\n{\"householdId\": \n";
		Response response = batch.assertDocumented(this.http.post("/api/v1/assessments/batch?store=false",
				"application/x-ndjson", body));
		assertThat(response.status()).isEqualTo(200);
		String[] lines = response.body().split("\n");
		assertThat(lines).hasSize(3);
		JsonNode assessed = HttpClientSupport.JSON.readTree(lines[0]);
		assertThat(assessed.get("id").isNull()).isTrue();
		assertThat(assessed.get("riskGroup").asString()).isEqualTo("UNSTABLE_LIFTED");
		JsonNode invalid = HttpClientSupport.JSON.readTree(lines[1]);
		assertThat(invalid.get("line").intValue()).isEqualTo(3);
		assertThat(invalid.get("problem").get("errors").get(0).get("field").asString()).isEqualTo("members[0].age");
		assertThat(HttpClientSupport.JSON.readTree(lines[2]).get("problem").get("type").asString())
			.isEqualTo("urn:fangpin:problem:malformed-json");
		assertThat(batch.assertDocumented(this.http.postJson("/api/v1/assessments/batch", "{}")).status())
			.isEqualTo(415);
		assertThat(batch.assertDocumented(this.http.post("/api/v1/assessments/batch?store=maybe",
				"application/x-ndjson", body)).status()).isEqualTo(400);
	}

	@Test
	void theImpactOfACandidateOnStoredAndUploadedHouseholdsIsAsDocumented() {
		Operation assess = this.document.operation("POST", "/api/v1/assessments");
		ObjectNode profile = (ObjectNode) assess.requestExample().deepCopy();
		profile.put("householdId", "OPENAPI-IMPACT");
		assertThat(assess.assertDocumented(assess.send(profile)).status()).isEqualTo(201);
		Operation impact = this.document.operation("POST", "/api/v1/ruleset/impact");
		assertThat(impact.requestMediaType()).isEqualTo("application/json");
		ObjectNode request = HttpClientSupport.JSON.createObjectNode();
		request.putObject("files").put("parameters.yaml", ThresholdCandidate.RAISED);
		request.put("limit", 3);
		assertThat(this.document.validate(impact.requestSchema(), request)).isEmpty();
		JsonNode report = impact.assertDocumented(impact.send(request)).json();
		assertThat(report.get("households").longValue()).isPositive();
		assertThat(report.get("changedCount").longValue()).isPositive();
		assertThat(report.get("changed").size()).isBetween(1, 3);
		assertThat(impact.node().get("requestBody").get("content").has("multipart/form-data")).isTrue();
		String boundary = "openapi-impact-boundary";
		String upload = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"files.json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n" + request.get("files") + "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"population\"; filename=\"population.ndjson\"\r\n"
				+ "Content-Type: application/x-ndjson\r\n\r\n" + profile + "\n{not json}\n\r\n--" + boundary
				+ "--\r\n";
		JsonNode uploaded = impact.assertDocumented(this.http.post("/api/v1/ruleset/impact",
				"multipart/form-data; boundary=" + boundary, upload)).json();
		assertThat(uploaded.get("households").longValue()).isEqualTo(1);
		assertThat(uploaded.get("problems").get(0).get("line").longValue()).isEqualTo(2);
		ObjectNode broken = HttpClientSupport.JSON.createObjectNode();
		broken.putObject("files").put("50-measures/measures.drl", "rule \"broken\" when then end end");
		Response invalid = impact.assertDocumented(impact.send(broken));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().get("problems").size()).isPositive();
	}

	@Test
	void theAuditLogIsAsDocumented() {
		Operation audit = this.document.operation("GET", "/api/v1/audit");
		JsonNode page = audit.assertDocumented(this.http.get("/api/v1/audit?size=5")).json();
		assertThat(page.get("entries").size()).isPositive();
		JsonNode activations = audit.assertDocumented(this.http.get("/api/v1/audit?action=RULE_SET_ACTIVATED&size=1"))
			.json();
		assertThat(activations.get("entries").get(0).get("action").asString()).isEqualTo("RULE_SET_ACTIVATED");
		assertThat(audit.assertDocumented(this.http.get("/api/v1/audit?size=1000")).status()).isEqualTo(400);
	}

	@Test
	void aCallerWithoutCredentialsOrWithTheWrongRoleGetsADocumentedRefusal() {
		Operation catalogue = this.document.operation("GET", "/api/v1/catalogue");
		assertThat(catalogue.assertDocumented(this.http.anonymous().get("/api/v1/catalogue")).status()).isEqualTo(401);
		assertThat(catalogue.assertDocumented(this.http.as(HttpClientSupport.USER, "not-the-password")
			.get("/api/v1/catalogue")).status()).isEqualTo(401);
		Operation batch = this.document.operation("POST", "/api/v1/assessments/batch");
		assertThat(batch.assertDocumented(this.http.as("test-reviewer")
			.post("/api/v1/assessments/batch", "application/x-ndjson", "")).status()).isEqualTo(403);
	}

	/**
	 * The roles each operation's document names are the ones the service lets through: every other role gets the
	 * documented 403 (a refusal changes nothing, so every operation is tried), and a named role gets past security
	 * on every operation that only reads.
	 */
	@Test
	void everyOperationLetsThroughExactlyTheRolesItsDocumentNames() {
		List<String> checked = new ArrayList<>();
		this.document.root().get("paths").properties().forEach((path) -> path.getValue().properties()
			.forEach((method) -> {
				String verb = method.getKey().toUpperCase();
				Operation operation = this.document.operation(verb, path.getKey());
				List<String> roles = new ArrayList<>();
				method.getValue().get("x-fangpin").get("roles").forEach((role) -> roles.add(role.asString()));
				String target = path.getKey().replaceAll("\\{[^}]+}", "OPENAPI-NOBODY");
				boolean reads = verb.equals("GET");
				HttpClientSupport.ONE_ROLE_USERS.forEach((role, user) -> {
					if (roles.contains(role) && !reads) {
						// let through, it would change something: the authorization matrix tests cover it
						return;
					}
					Response response = this.http.as(user).send(verb, target, reads ? null : "application/json",
							reads ? null : "{}");
					if (roles.contains(role)) {
						assertThat(response.status()).as(verb + " " + target + " as " + role).isNotIn(401, 403);
					}
					else {
						assertThat(operation.assertDocumented(response).status()).as(verb + " " + target + " as " + role)
							.isEqualTo(403);
					}
					checked.add(verb + " " + path.getKey() + " " + role);
				});
			}));
		assertThat(checked).hasSizeGreaterThan(100);
	}

	private Response documented(String method, String path, Response response) {
		return this.document.operation(method, path).assertDocumented(response);
	}

	private static JsonNode changed(JsonNode example, Consumer<ObjectNode> change) {
		ObjectNode copy = (ObjectNode) example.deepCopy();
		change.accept(copy);
		return copy;
	}

	private static ObjectNode member(ObjectNode profile) {
		return (ObjectNode) profile.get("members").get(0);
	}

}
