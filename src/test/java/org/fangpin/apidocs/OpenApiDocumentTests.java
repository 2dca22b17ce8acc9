package org.fangpin.apidocs;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.household.Employment;
import org.fangpin.household.EventType;
import org.fangpin.household.Health;
import org.fangpin.household.LaborCapacity;
import org.fangpin.household.MonitoringStatus;
import org.fangpin.household.PovertyStatus;
import org.fangpin.household.ProfileReader;
import org.fangpin.household.Relation;
import org.fangpin.household.SafetyGrade;
import org.fangpin.household.Schooling;
import org.fangpin.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What the OpenAPI document says, checked against the service's own rules. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:operations;DB_CLOSE_DELAY=-1")
class OpenApiDocumentTests {

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
	void theServiceServesAnOpenApi31DocumentWhichIsWrittenForTheLinterAndSwaggerUi() throws IOException {
		Response response = this.http.get("/v3/api-docs");
		assertThat(response.json().get("openapi").asString()).startsWith("3.1");
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/openapi.json"), response.body());
		Response ui = this.http.get("/swagger-ui.html");
		assertThat(ui.status()).isEqualTo(302);
		assertThat(this.http.get(ui.header("Location")).status()).isEqualTo(200);
	}

	@Test
	void everySchemaFieldHasADescriptionAndAnExample() {
		List<String> missing = new ArrayList<>();
		for (Map.Entry<String, JsonNode> schema : this.document.root().get("components").get("schemas").properties()) {
			assertThat(schema.getValue().path("description").asString()).as(schema.getKey()).isNotBlank();
			for (Map.Entry<String, JsonNode> property : schema.getValue().path("properties").properties()) {
				JsonNode field = property.getValue();
				if (field.path("description").asString().isBlank()
						|| !(field.has("example") || field.path("examples").size() > 0)) {
					missing.add(schema.getKey() + "." + property.getKey());
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyFieldThatCarriesACatalogueCodeListsTheCodesOfTheRuleSetInForce() {
		JsonNode catalogue = this.http.get("/api/v1/catalogue").json();
		assertCodes("Assessment", "riskGroup", codes(catalogue, "riskGroups"));
		assertCodes("Assessment", "assistanceTier", withNull(codes(catalogue, "tiers")));
		assertCodes("Assessment", "signals", codes(catalogue, "signals"));
		assertCodes("Assessment", "riskTypes", codes(catalogue, "riskTypes"));
		assertCodes("Assessment", "alerts", codes(catalogue, "alerts"));
		assertCodes("Measure", "code", codes(catalogue, "measures"));
		assertCodes("Measure", "category", withNull(List.of("SUBSIDY", "INDUSTRY", "EMPLOYMENT")));
		assertCodes("EliminationResult", "unmet", codes(catalogue, "eliminationClauses"));
		assertCodes("HouseholdProfile", "supports", codes(catalogue, "measures"));
		assertCodes("HouseholdMonitoring", "appliedMeasures", codes(catalogue, "measures"));
		assertCodes("Sensitivity", "riskGroup", codes(catalogue, "riskGroups"));
		assertCodes("IncomeChange", "riskGroup", withNull(codes(catalogue, "riskGroups")));
		assertCodes("AppliedMeasure", "code", codes(catalogue, "measures"));
		assertCodes("AppliedMeasureRequest", "code", codes(catalogue, "measures"));
		assertCodes("WatchlistEntry", "riskGroup", codes(catalogue, "riskGroups"));
		assertCodes("WatchlistEntry", "alerts", codes(catalogue, "alerts"));
		assertCodes("SummaryHousehold", "assistanceTier", withNull(codes(catalogue, "tiers")));
		assertCodes("Problem", "unmet", codes(catalogue, "eliminationClauses"));
		assertCodes("ImpactOutcome", "riskGroup", codes(catalogue, "riskGroups"));
		assertCodes("ImpactOutcome", "assistanceTier", withNull(codes(catalogue, "tiers")));
		assertCodes("ImpactOutcome", "riskTypes", codes(catalogue, "riskTypes"));
		assertCodes("ImpactOutcome", "signals", codes(catalogue, "signals"));
		assertCodes("ImpactOutcome", "alerts", codes(catalogue, "alerts"));
		assertCodes("ImpactMeasureAmount", "code", codes(catalogue, "measures"));
	}

	@Test
	void everyOperationIsDescribedAndDocumentsItsErrorsAsProblems() {
		List<String> ids = new ArrayList<>();
		this.document.root().get("paths").properties().forEach((path) -> path.getValue().properties()
			.forEach((method) -> {
				JsonNode operation = method.getValue();
				String name = method.getKey().toUpperCase() + " " + path.getKey();
				ids.add(operation.path("operationId").asString());
				assertThat(operation.path("summary").asString()).as(name + " summary").isNotBlank();
				assertThat(operation.path("description").asString()).as(name + " description").isNotBlank();
				assertThat(operation.path("tags").size()).as(name + " tags").isEqualTo(1);
				operation.get("responses").properties().forEach((response) -> {
					JsonNode content = response.getValue().path("content");
					assertThat(content.size()).as(name + " " + response.getKey() + " content").isPositive();
					if (response.getKey().startsWith("4") && content.has("application/problem+json")) {
						assertThat(content.get("application/problem+json").get("schema").get("$ref").asString())
							.as(name + " " + response.getKey())
							.isEqualTo("#/components/schemas/Problem");
					}
					else if (response.getKey().startsWith("4")) {
						// only a refused publication answers an error with a body of its own: the gate's report
						assertThat(content.get("application/json").get("schema").get("$ref").asString())
							.as(name + " " + response.getKey())
							.isEqualTo("#/components/schemas/Publication");
					}
				});
			}));
		assertThat(ids).doesNotContain("").doesNotHaveDuplicates();
	}

	@Test
	void everyOperationNeedsSignInAndDocumentsBothRefusals() {
		JsonNode scheme = this.document.root().get("components").get("securitySchemes").get("basicAuth");
		assertThat(scheme).as("the basicAuth scheme").isNotNull();
		assertThat(scheme.get("type").asString()).isEqualTo("http");
		assertThat(scheme.get("scheme").asString()).isEqualTo("basic");
		assertThat(this.document.root().get("security")).as("basicAuth applies to every operation")
			.anySatisfy((requirement) -> assertThat(requirement.has("basicAuth")).isTrue());
		List<String> roleNames = names(Role.values());
		this.document.root().get("paths").properties().forEach((path) -> path.getValue().properties()
			.forEach((method) -> {
				JsonNode operation = method.getValue();
				String name = method.getKey().toUpperCase() + " " + path.getKey();
				assertThat(operation.has("security")).as(name + " keeps the global basicAuth").isFalse();
				for (String status : List.of("401", "403")) {
					JsonNode response = operation.get("responses").get(status);
					assertThat(response).as(name + " documents " + status).isNotNull();
					assertThat(response.get("content").get("application/problem+json").get("schema").get("$ref")
						.asString()).as(name + " " + status).isEqualTo("#/components/schemas/Problem");
				}
				assertThat(operation.get("responses").get("401").get("headers").has("WWW-Authenticate"))
					.as(name + " 401 challenge")
					.isTrue();
				List<String> roles = new ArrayList<>();
				operation.path("x-fangpin").path("roles").forEach((role) -> roles.add(role.asString()));
				assertThat(roles).as(name + " roles").isNotEmpty().isSubsetOf(roleNames);
				assertThat(operation.get("description").asString()).as(name + " description")
					.contains("Roles: " + ((roles.size() == roleNames.size()) ? "any signed-in user (" : "")
							+ String.join(", ", roles));
			}));
		assertThat(roles("POST", "/api/v1/assessments/batch")).containsExactly("CASEWORKER");
		assertThat(roles("POST", "/api/v1/ruleset/impact")).containsExactly("POLICY_EDITOR");
		assertThat(roles("GET", "/api/v1/audit")).containsExactly("REVIEWER");
		assertThat(roles("GET", "/api/v1/assessments/{id}/export")).containsExactly("REVIEWER");
		assertThat(roles("POST", "/api/v1/alerts")).containsExactly("DEPARTMENT_FEED");
		assertThat(roles("GET", "/api/v1/reports/series")).containsExactly("CASEWORKER", "REVIEWER");
		assertThat(roles("GET", "/api/v1/catalogue")).containsExactlyElementsOf(roleNames);
	}

	@Test
	void everyCodeOfTheProfileIsListedAsTheReaderKnowsIt() {
		assertCodes("HouseholdProfile", "povertyStatus", names(PovertyStatus.values()));
		assertCodes("HouseholdMember", "relation", names(Relation.values()));
		assertCodes("HouseholdMember", "laborCapacity", names(LaborCapacity.values()));
		assertCodes("HouseholdMember", "health", names(Health.values()));
		assertCodes("HouseholdMember", "schooling", names(Schooling.values()));
		assertCodes("HouseholdMember", "employment", names(Employment.values()));
		assertCodes("HouseholdHousing", "safetyGrade", names(SafetyGrade.values()));
		assertCodes("HouseholdEvent", "type", names(EventType.values()));
		assertCodes("HouseholdMonitoring", "status", names(MonitoringStatus.values()));
	}

	@Test
	void everyActionOfTheAuditLogIsListed() {
		List<String> actions = List.of("ASSESSMENT_CREATED", "RULE_SET_VALIDATED", "RULE_SET_REFUSED",
				"RULE_SET_ACTIVATED");
		assertCodes("AuditEntry", "action", actions);
		JsonNode parameter = null;
		for (JsonNode candidate : this.document.operation("GET", "/api/v1/audit").node().get("parameters")) {
			if ("action".equals(candidate.path("name").asString())) {
				parameter = candidate;
			}
		}
		assertThat(parameter).as("the action parameter").isNotNull();
		List<String> listed = new ArrayList<>();
		parameter.get("schema").get("enum").forEach((value) -> listed.add(value.asString()));
		assertThat(listed).containsExactlyElementsOf(actions);
	}

	@Test
	void theDocumentedLimitsOfAProfileAreTheOnesTheReaderEnforces() {
		JsonNode profile = this.document.schema("HouseholdProfile");
		assertThat(profile.get("additionalProperties").booleanValue()).isFalse();
		assertThat(profile.get("properties").get("members").get("maxItems").intValue())
			.isEqualTo(ProfileReader.MAX_MEMBERS);
		assertThat(profile.get("properties").get("events").get("maxItems").intValue())
			.isEqualTo(ProfileReader.MAX_EVENTS);
		for (Map.Entry<String, JsonNode> money : this.document.schema("HouseholdIncome").get("properties").properties()) {
			assertThat(new BigDecimal(money.getValue().get("maximum").asString())).as(money.getKey())
				.isEqualByComparingTo(ProfileReader.MAX_MONEY);
		}
		assertThat(this.document.schema("HouseholdProfile").get("required")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("householdId", "povertyStatus", "members");
	}

	@Test
	void bothProfileOperationsDocumentTheExampleOfTheReadme() throws IOException {
		JsonNode readme = HttpClientSupport.JSON.readTree(Files.readString(Path.of("docs/examples/household.json")));
		for (String path : List.of("/api/v1/evaluations", "/api/v1/assessments")) {
			assertThat(this.document.operation("POST", path).requestExample()).as(path).isEqualTo(readme);
		}
	}

	@Test
	void everyOperationDocumentsItsProblemsAndTheCorrelationIdHeader() {
		for (String path : List.of("/api/v1/evaluations", "/api/v1/assessments")) {
			JsonNode responses = this.document.operation("POST", path).node().get("responses");
			for (String status : List.of("400", "415", "422")) {
				assertThat(responses.get(status).get("content").get("application/problem+json").get("schema")
					.get("$ref").asString()).as(path + " " + status).isEqualTo("#/components/schemas/Problem");
			}
		}
		assertThat(this.document.operation("GET", "/api/v1/assessments/{id}").node().get("responses").has("404"))
			.isTrue();
		this.document.root().get("paths").properties().forEach((path) -> path.getValue().properties()
			.forEach((operation) -> {
				List<String> parameters = new ArrayList<>();
				operation.getValue().get("parameters").forEach((p) -> parameters.add(p.path("$ref").asString()));
				assertThat(parameters).as(path.getKey()).contains("#/components/parameters/CorrelationId",
						"#/components/parameters/AcceptLanguage");
				operation.getValue().get("responses").properties().forEach((response) -> assertThat(
						response.getValue().get("headers").has("X-Correlation-Id"))
					.as(path.getKey() + " " + response.getKey())
					.isTrue());
			}));
	}

	private List<String> roles(String method, String path) {
		List<String> roles = new ArrayList<>();
		this.document.operation(method, path).node().get("x-fangpin").get("roles")
			.forEach((role) -> roles.add(role.asString()));
		return roles;
	}

	private void assertCodes(String schema, String property, List<String> codes) {
		JsonNode field = this.document.schema(schema).get("properties").get(property);
		JsonNode values = field.has("items") ? field.get("items").get("enum") : field.get("enum");
		assertThat(values).as(schema + "." + property + " lists its codes").isNotNull();
		List<String> listed = new ArrayList<>();
		values.forEach((value) -> listed.add(value.isNull() ? null : value.asString()));
		assertThat(listed).as(schema + "." + property).containsExactlyElementsOf(codes);
	}

	private static List<String> codes(JsonNode catalogue, String section) {
		List<String> codes = new ArrayList<>();
		catalogue.get(section).forEach((entry) -> codes.add(entry.get("code").asString()));
		return codes;
	}

	private static List<String> withNull(List<String> codes) {
		List<String> list = new ArrayList<>(codes);
		list.add(null);
		return list;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

}
