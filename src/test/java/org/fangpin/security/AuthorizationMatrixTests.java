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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role and no sign-in at all: a caller outside the endpoint's roles gets a 403 problem,
 * a caller without credentials a 401 problem, and everyone else gets past security (whatever the endpoint then
 * answers). An address or method the service does not have is a 401 without credentials and a 404 or 405 problem
 * with them.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:authorization-matrix;DB_CLOSE_DELAY=-1")
@Import(AuthorizationMatrixTests.UnruledEndpoint.class)
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

	private static final Set<String> CASEWORKER_OR_REVIEWER = Set.of("CASEWORKER", "REVIEWER");

	private static final String ASSESSMENT = "/api/v1/assessments/" + SOME_ID;

	private static final List<Endpoint> ENDPOINTS = List.of(
			// assessing households
			new Endpoint("POST", "/api/v1/evaluations", PROFILE, Set.of("CASEWORKER")),
			new Endpoint("POST", "/api/v1/assessments", PROFILE, Set.of("CASEWORKER")),
			new Endpoint("POST", "/api/v1/assessments/batch", "{}", Set.of("CASEWORKER")),
			new Endpoint("GET", ASSESSMENT, null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/households/MATRIX-1/assessments", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/households/MATRIX-1/assessments.csv", null, CASEWORKER_OR_REVIEWER),
			// review
			new Endpoint("POST", ASSESSMENT + "/replay", "", CASEWORKER_OR_REVIEWER),
			new Endpoint("POST", ASSESSMENT + "/what-if", "{}", CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", ASSESSMENT + "/sensitivity", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", ASSESSMENT + "/why-not", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", ASSESSMENT + "/export", null, Set.of("REVIEWER")),
			new Endpoint("GET", "/api/v1/audit", null, Set.of("REVIEWER")),
			new Endpoint("GET", "/console", null, Set.of("REVIEWER")),
			new Endpoint("GET", "/console/", null, Set.of("REVIEWER")),
			// the rule set lifecycle
			new Endpoint("POST", "/api/v1/ruleset/validate", "{\"files\": {}}", Set.of("POLICY_EDITOR")),
			new Endpoint("POST", "/api/v1/ruleset/reload", "", Set.of("POLICY_EDITOR")),
			new Endpoint("POST", "/api/v1/ruleset/rollback", "{\"version\": \"sha256:0000\"}", Set.of("POLICY_EDITOR")),
			new Endpoint("POST", "/api/v1/ruleset/impact", "{}", Set.of("POLICY_EDITOR")),
			new Endpoint("GET", "/api/v1/ruleset", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/ruleset/versions", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/ruleset/versions/sha256:0000", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/ruleset/diff?from=sha256:0000", null, SIGNED_IN),
			new Endpoint("GET", "/api/v1/catalogue", null, SIGNED_IN),
			// casework
			new Endpoint("POST", "/api/v1/alerts", "", Set.of("DEPARTMENT_FEED")),
			new Endpoint("GET", "/api/v1/households/MATRIX-1/cases", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/cases/" + SOME_ID, null, CASEWORKER_OR_REVIEWER),
			new Endpoint("POST", "/api/v1/cases/" + SOME_ID + "/transitions", "{}", Set.of("CASEWORKER")),
			new Endpoint("POST", "/api/v1/cases/" + SOME_ID + "/measures", "{}", Set.of("CASEWORKER")),
			new Endpoint("GET", "/api/v1/watchlist", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/watchlist.csv", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/reports/summary", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/reports/summary.csv", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/reports/households?riskGroup=MARGINAL", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/reports/series", null, CASEWORKER_OR_REVIEWER),
			new Endpoint("GET", "/api/v1/reports/series/households?figure=riskGroup:MARGINAL&on=2025-01-31", null,
					CASEWORKER_OR_REVIEWER),
			// operations and the API description
			new Endpoint("GET", "/actuator/health", null, EVERYONE),
			new Endpoint("GET", "/actuator/info", null, SIGNED_IN),
			new Endpoint("GET", "/actuator/prometheus", null, SIGNED_IN),
			new Endpoint("GET", "/v3/api-docs", null, EVERYONE),
			new Endpoint("GET", "/swagger-ui/index.html", null, EVERYONE),
			// an endpoint that no security rule names is closed to everyone
			new Endpoint("GET", UnruledEndpoint.PATH, null, NOBODY),
			// addresses and methods the service does not have: a 404 or a 405 once signed in
			Endpoint.absent("GET", "/api/v1/unlisted", null, 404),
			Endpoint.absent("DELETE", ASSESSMENT, null, 405),
			Endpoint.absent("PUT", "/api/v1/ruleset", "{}", 405),
			Endpoint.absent("PATCH", "/api/v1/cases/" + SOME_ID, "{}", 405),
			Endpoint.absent("GET", "/api/v2/evaluations", null, 404),
			new Endpoint("GET", "/somewhere-else", null, SIGNED_IN));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

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
		if (endpoint.absent() != 0 && !caller.equals(ANONYMOUS)) {
			assertProblem(response, endpoint.absent(), "http-" + endpoint.absent());
			assertThat(response.json().get("detail").asString()).contains(
					(endpoint.absent() == 404) ? endpoint.path() : endpoint.method());
			if (endpoint.absent() == 405) {
				assertThat(response.header("Allow")).isNotBlank().doesNotContain(endpoint.method());
			}
		}
		else if (endpoint.allows(caller)) {
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

	/** The matrix lists every endpoint the service maps: a new endpoint without a row fails here. */
	@Test
	void theMatrixCoversEveryMappedEndpoint() {
		PathPatternParser parser = new PathPatternParser();
		List<String> missing = new ArrayList<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				PathPattern path = parser.parse(pattern);
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					boolean listed = ENDPOINTS.stream()
						.anyMatch((endpoint) -> endpoint.method().equals(method.name())
								&& path.matches(PathContainer.parsePath(endpoint.path().replaceFirst("\\?.*", ""))));
					if (!listed) {
						missing.add(method + " " + pattern);
					}
				}
			}
		});
		assertThat(missing).as("endpoints without a row in the authorization matrix").isEmpty();
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

	/** Mapped, but named by no security rule, as a new endpoint is until someone decides who may use it. */
	@RestController
	static class UnruledEndpoint {

		static final String PATH = "/api/v1/unruled";

		@GetMapping(PATH)
		String unruled() {
			return "reached";
		}

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

	record Endpoint(String method, String path, String body, Set<String> roles, int absent) {

		Endpoint(String method, String path, String body, Set<String> roles) {
			this(method, path, body, roles, 0);
		}

		/** An address or method the service does not have: whoever is signed in gets this status. */
		static Endpoint absent(String method, String path, String body, int status) {
			return new Endpoint(method, path, body, NOBODY, status);
		}

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
