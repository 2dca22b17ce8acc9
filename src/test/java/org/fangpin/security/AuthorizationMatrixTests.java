package org.fangpin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role and no sign-in at all: a caller outside the endpoint's roles gets a 403 problem,
 * a caller without credentials a 401 problem, and everyone else gets past security (whatever the endpoint then
 * answers).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:authorization-matrix;DB_CLOSE_DELAY=-1")
class AuthorizationMatrixTests {

	private static final String ANONYMOUS = "anonymous";

	private static final String ALL_ROLES = "ALL_ROLES";

	private static final List<String> CALLERS = List.of(ANONYMOUS, "CASEWORKER", "POLICY_EDITOR", "REVIEWER",
			"DEPARTMENT_FEED", ALL_ROLES);

	/** Everyone, signed in or not. */
	private static final Set<String> EVERYONE = Set.of("*");

	/** Anyone signed in, whatever the role. */
	private static final Set<String> SIGNED_IN = Set.of("+");

	/** Nobody, not even a user with every role. */
	private static final Set<String> NOBODY = Set.of();

	private static final String PROFILE = "{\"householdId\": \"MATRIX-1\"}";

	private static final String SOME_ID = "0193a1c2-0000-7000-8000-000000000000";

	private static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("POST", "/api/v1/evaluations", PROFILE, Set.of("CASEWORKER")),
			new Endpoint("POST", "/api/v1/assessments", PROFILE, Set.of("CASEWORKER")),
			new Endpoint("POST", "/api/v1/assessments/batch", "{}", Set.of("CASEWORKER")),
			new Endpoint("GET", "/api/v1/assessments/" + SOME_ID, null, Set.of("CASEWORKER", "REVIEWER")),
			new Endpoint("GET", "/api/v1/households/MATRIX-1/assessments", null, Set.of("CASEWORKER", "REVIEWER")),
			new Endpoint("POST", "/api/v1/ruleset/validate", "{\"files\": {}}", Set.of("POLICY_EDITOR")),
			new Endpoint("POST", "/api/v1/ruleset/reload", "", Set.of("POLICY_EDITOR")),
			new Endpoint("POST", "/api/v1/ruleset/rollback", "{\"version\": \"sha256:0000\"}", Set.of("POLICY_EDITOR")),
			new Endpoint("POST", "/api/v1/ruleset/impact", "{}", Set.of("POLICY_EDITOR")),
			new Endpoint("GET", "/api/v1/ruleset", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/ruleset/versions", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/ruleset/versions/sha256:0000", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/ruleset/diff?from=sha256:0000", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/catalogue", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/audit", null, Set.of("REVIEWER")),
			new Endpoint("GET", "/console/", null, Set.of("REVIEWER")),
			new Endpoint("GET", "/api/v1/exports/assessments", null, Set.of("REVIEWER")),
			new Endpoint("GET", "/actuator/health", null, EVERYONE),
			new Endpoint("GET", "/actuator/info", null, SIGNED_IN),
			new Endpoint("GET", "/v3/api-docs", null, EVERYONE),
			new Endpoint("GET", "/swagger-ui/index.html", null, EVERYONE),
			new Endpoint("GET", "/api/v1/unlisted", null, NOBODY),
			new Endpoint("DELETE", "/api/v1/assessments/" + SOME_ID, null, NOBODY),
			new Endpoint("PUT", "/api/v1/ruleset", "{}", NOBODY),
			new Endpoint("GET", "/api/v2/evaluations", null, NOBODY),
			new Endpoint("GET", "/somewhere-else", null, SIGNED_IN));

	@LocalServerPort
	int port;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			for (String caller : CALLERS) {
				cells.add(Arguments.of(endpoint, caller));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("cells")
	void eachCallerGetsExactlyWhatItsRolesAllow(Endpoint endpoint, String caller) {
		Response response = client(caller).send(endpoint.method(), endpoint.path(),
				(endpoint.body() != null) ? "application/json" : null, endpoint.body());
		if (endpoint.allows(caller)) {
			assertThat(response.status()).as(response.body()).isNotIn(401, 403);
		}
		else if (caller.equals(ANONYMOUS)) {
			assertProblem(response, 401, "unauthorized");
			assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"fangpin\"");
		}
		else {
			assertProblem(response, 403, "forbidden");
		}
	}

	@Test
	void aWrongPasswordIsA401ProblemEvenOnAnOpenEndpoint() {
		Response response = this.http.as(HttpClientSupport.USER, "not-the-password")
			.get("/api/v1/catalogue", "Accept-Language", "en");
		assertProblem(response, 401, "unauthorized");
		assertThat(response.json().get("title").asString()).isEqualTo("Authentication required");
		assertThat(this.http.as("nobody", "nothing").get("/actuator/health").status()).isEqualTo(401);
	}

	@Test
	void refusalsAreInChineseByDefaultAndInEnglishOnRequest() {
		JsonNode chinese = this.http.anonymous().get("/api/v1/catalogue").json();
		assertThat(chinese.get("title").asString()).isEqualTo("需要登录");
		JsonNode english = this.http.as("test-reviewer")
			.postJson("/api/v1/evaluations", PROFILE, "Accept-Language", "en")
			.json();
		assertThat(english.get("title").asString()).isEqualTo("Forbidden");
		assertThat(english.get("detail").asString()).isEqualTo(
				"The roles of user test-reviewer do not allow POST /api/v1/evaluations");
		assertThat(english.get("instance").asString()).isEqualTo("/api/v1/evaluations");
	}

	@Test
	void theApiKeepsNoSessionAndNeedsNoCsrfToken() {
		Response response = this.http.as("test-caseworker").postJson("/api/v1/evaluations", PROFILE);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Set-Cookie")).isNull();
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	private HttpClientSupport client(String caller) {
		return switch (caller) {
			case ANONYMOUS -> this.http.anonymous();
			case ALL_ROLES -> this.http;
			default -> this.http.as(HttpClientSupport.ONE_ROLE_USERS.get(caller));
		};
	}

	private static void assertProblem(Response response, int status, String slug) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("urn:fangpin:problem:" + slug);
		assertThat(problem.get("status").intValue()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	record Endpoint(String method, String path, String body, Set<String> roles) {

		boolean allows(String caller) {
			if (this.roles.contains("*")) {
				return true;
			}
			if (caller.equals(ANONYMOUS)) {
				return false;
			}
			if (this.roles.contains("+")) {
				return true;
			}
			return caller.equals(ALL_ROLES) ? !this.roles.isEmpty() : this.roles.contains(caller);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
