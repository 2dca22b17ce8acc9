package org.fangpin.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.fangpin.FangpinApplication;
import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangpin.web.HostileInputs.NODES;
import static org.fangpin.web.HostileInputs.assertProblem;
import static org.fangpin.web.HostileInputs.namesField;

/**
 * Generated hostile requests over real HTTP (10,000 per run): profiles with one field replaced by anything, text
 * that is not JSON, and JSON documents of any shape. The service answers each with a result or a 4xx problem that
 * names the bad field, never a 5xx; nothing refused is stored, and the service is healthy at the end.
 */
class FuzzedRequestPropertyTests {

	static final AtomicInteger sent = new AtomicInteger();

	static final AtomicInteger serverErrors = new AtomicInteger();

	static final AtomicInteger storedIds = new AtomicInteger();

	static final ObjectNode BASE = HostileInputs.base("FUZZ-EVALUATION");

	static final List<String> PATHS = withUnknownFields(HostileInputs.paths(BASE));

	static ConfigurableApplicationContext context;

	static HttpClientSupport http;

	@BeforeContainer
	static void start() {
		context = SpringApplication.run(FangpinApplication.class, "--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=jdbc:h2:mem:fuzzed-requests;DB_CLOSE_DELAY=-1");
		http = new HttpClientSupport(((WebServerApplicationContext) context).getWebServer().getPort())
			.as("test-caseworker");
	}

	@AfterContainer
	static void stop() {
		try {
			System.out.println("Fuzzed requests: " + sent + " sent, " + serverErrors + " 5xx");
			assertThat(serverErrors).hasValue(0);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment WHERE household_id LIKE 'FUZZ-%'")
				.query(Long.class)
				.single()).as("refused profiles are never stored").isZero();
			for (int i = 0; i < storedIds.get(); i += 97) {
				assertThat(http.get("/api/v1/households/FUZZ-STORE-" + i + "/assessments").json().size()).isZero();
			}
			Response health = http.anonymous().get("/actuator/health");
			assertThat(health.status()).isEqualTo(200);
			assertThat(health.json().get("status").asString()).isEqualTo("UP");
			assertThat(http.postJson("/api/v1/evaluations", BASE.toString()).status()).isEqualTo(200);
		}
		finally {
			context.close();
		}
	}

	@Property(tries = 4000, shrinking = ShrinkingMode.OFF)
	void aProfileWithAnyOneFieldReplacedIsEvaluatedOrRefusedNamingThatField(
			@ForAll("anyReplacement") Replacement replacement) {
		Response response = post("/api/v1/evaluations", replacement.body());
		if (response.status() == 200) {
			return;
		}
		JsonNode problem = assertProblem(response);
		String type = problem.get("type").asString();
		assertThat(type).as(problem.toString())
			.isIn("urn:fangpin:problem:invalid-profile", "urn:fangpin:problem:malformed-json");
		if (type.endsWith("invalid-profile")) {
			assertThat(namesField(problem, replacement.path())).as(replacement + " -> " + problem).isTrue();
		}
	}

	@Property(tries = 1000, generation = GenerationMode.RANDOMIZED, shrinking = ShrinkingMode.OFF)
	void aProfileWithAWrongValueIsRefusedNamingTheFieldAndNeverStored(
			@ForAll("wrongReplacement") Replacement replacement) {
		String householdId = "FUZZ-STORE-" + storedIds.getAndIncrement();
		String profile = replacement.body(HostileInputs.base(householdId));
		JsonNode problem = assertProblem(post("/api/v1/assessments", profile));
		assertThat(namesField(problem, replacement.path())).as(replacement + " -> " + problem).isTrue();
	}

	@Property(tries = 2500, shrinking = ShrinkingMode.OFF)
	void textThatIsNotAProfileIsAProblemNeverAServerError(@ForAll("garbage") String body) {
		JsonNode problem = assertProblem(post("/api/v1/evaluations", body));
		assertThat(problem.get("status").intValue()).isEqualTo(400);
	}

	@Property(tries = 2500, shrinking = ShrinkingMode.OFF)
	void aJsonDocumentOfAnyShapeIsAProblemNamingAField(@ForAll("documents") JsonNode document) {
		JsonNode problem = assertProblem(post("/api/v1/evaluations", document.toString()));
		if (problem.get("type").asString().endsWith("invalid-profile")) {
			assertThat(problem.get("errors").size()).isPositive();
			problem.get("errors").forEach((error) -> assertThat(error.get("field").isString()).isTrue());
		}
	}

	@Provide
	Arbitrary<Replacement> anyReplacement() {
		return Arbitraries.of(PATHS)
			.flatMap((path) -> hostileValues().map((value) -> new Replacement(path, value)));
	}

	@Provide
	Arbitrary<Replacement> wrongReplacement() {
		List<String> paths = HostileInputs.paths(BASE);
		return Arbitraries.of(paths).flatMap((path) -> {
			JsonNode original = HostileInputs.at(BASE, path);
			List<JsonNode> wrong = new ArrayList<>(HostileInputs.wrongTypes(original));
			if (original.isString()) {
				HostileInputs.CONTROL_PAYLOADS.forEach((payload) -> wrong.add(NODES.stringNode(payload)));
				wrong.add(NODES.stringNode("长".repeat(65)));
			}
			if (original.isNumber()) {
				wrong.add(NODES.numberNode(new BigDecimal("-1")));
				wrong.add(NODES.numberNode(new BigDecimal("1e400")));
				wrong.add(NODES.numberNode(new BigDecimal("0.001")));
			}
			return Arbitraries.of(wrong).map((value) -> new Replacement(path, value.toString()));
		});
	}

	@Provide
	Arbitrary<String> garbage() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
				Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsnNI\\u").ofMaxLength(300),
				hostileValues().map((value) -> value.replaceFirst(".$", "")),
				Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(50));
	}

	@Provide
	Arbitrary<JsonNode> documents() {
		Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("householdId", "asOf", "region", "povertyStatus",
				"members", "income", "expenses", "housing", "drinkingWater", "events", "supports", "monitoring", "age",
				"laborCapacity", "name", "idNumber"), Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
		return keys.list()
			.ofMaxSize(8)
			.flatMap((names) -> json(3).list().ofSize(names.size()).map((values) -> {
				ObjectNode document = NODES.objectNode();
				for (int i = 0; i < names.size(); i++) {
					document.set(names.get(i), values.get(i));
				}
				return (JsonNode) document;
			}));
	}

	/**
	 * Anything a field could be sent, as JSON text: text of every kind, numbers of every size, other types, and
	 * nesting deeper than the parser allows (which no JSON writer would produce).
	 */
	static Arbitrary<String> hostileValues() {
		List<String> known = new ArrayList<>(List.of("NaN", "Infinity", "-Infinity", "", " ", "58", "-1", "1e5",
				"2024-06-30", "9999-12-31", "2024-02-30", "30/06/2024", "LIFTED", "lifted", "HEAD", "FULL",
				"MEDICAL_ASSISTANCE", "null", "true", "140902196601011234", "14090219660101123"));
		known.addAll(HostileInputs.HARMLESS_PAYLOADS);
		known.addAll(HostileInputs.CONTROL_PAYLOADS);
		Arbitrary<JsonNode> strings = Arbitraries.oneOf(Arbitraries.of(known),
				Arbitraries.strings().ofMaxLength(80), Arbitraries.strings().all().ofMinLength(60).ofMaxLength(70))
			.map(NODES::stringNode);
		Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
				Arbitraries.integers().map((number) -> (JsonNode) NODES.numberNode(number)),
				Arbitraries.longs().map((number) -> (JsonNode) NODES.numberNode(number)),
				Arbitraries.bigDecimals().map((number) -> (JsonNode) NODES.numberNode(number)),
				Arbitraries.of("1e400", "-1e400", "1e-400", "1E+999999999", "123456789012345678901234567890.123",
						"10000000.01", "0.001", "-0.0", "0")
					.map((number) -> (JsonNode) NODES.numberNode(new BigDecimal(number))));
		Arbitrary<JsonNode> others = Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false),
				NODES.nullNode(), NODES.arrayNode(), NODES.objectNode());
		Arbitrary<String> nested = Arbitraries.integers().between(1, 3000).map(FuzzedRequestPropertyTests::nested);
		Arbitrary<String> tokens = Arbitraries.of("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10",
				"undefined", "'x'", "\"unterminated", "1e", "--1", "tru", "nul", "[1,]", "{\"a\":1,}", "{\"a\"}", "");
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, strings.map(JsonNode::toString)),
				net.jqwik.api.Tuple.of(3, numbers.map(JsonNode::toString)),
				net.jqwik.api.Tuple.of(1, others.map(JsonNode::toString)), net.jqwik.api.Tuple.of(1, nested),
				net.jqwik.api.Tuple.of(1, tokens), net.jqwik.api.Tuple.of(1, json(2).map(JsonNode::toString)));
	}

	private static Arbitrary<JsonNode> json(int depth) {
		Arbitrary<JsonNode> leaf = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(NODES::stringNode),
				Arbitraries.integers().map((number) -> (JsonNode) NODES.numberNode(number)),
				Arbitraries.of(NODES.booleanNode(true), NODES.nullNode()));
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<JsonNode> array = json(depth - 1).list().ofMaxSize(4).map((items) -> {
			ArrayNode node = NODES.arrayNode();
			items.forEach(node::add);
			return (JsonNode) node;
		});
		Arbitrary<JsonNode> object = Arbitraries.strings()
			.ofMinLength(1)
			.ofMaxLength(8)
			.list()
			.ofMaxSize(4)
			.flatMap((names) -> json(depth - 1).list().ofSize(names.size()).map((values) -> {
				ObjectNode node = NODES.objectNode();
				for (int i = 0; i < names.size(); i++) {
					node.set(names.get(i), values.get(i));
				}
				return (JsonNode) node;
			}));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(1, array),
				net.jqwik.api.Tuple.of(1, object));
	}

	private static String nested(int depth) {
		StringBuilder json = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			json.append((i % 2 == 0) ? "[" : "{\"a\":");
		}
		json.append("\"x\"");
		for (int i = depth - 1; i >= 0; i--) {
			json.append((i % 2 == 0) ? "]" : "}");
		}
		return json.toString();
	}

	private static List<String> withUnknownFields(List<String> paths) {
		List<String> all = new ArrayList<>(paths);
		all.addAll(List.of("extra", "members[0].salary", "income.bonus", "region.street", "monitoring.level",
				"events[0].cause", "__proto__", "constructor", "householdId\u0000"));
		return all;
	}

	private static Response post(String path, String body) {
		sent.incrementAndGet();
		Response response = http.postJson(path, body);
		if (response.status() >= 500) {
			serverErrors.incrementAndGet();
		}
		assertThat(response.status()).as(body.length() > 300 ? body.substring(0, 300) : body).isLessThan(500);
		return response;
	}

	/** One field of the example profile replaced (or added) with a value given as JSON text. */
	record Replacement(String path, String value) {

		private static final String PLACEHOLDER = "\"§replacement§\"";

		String body() {
			return body(BASE);
		}

		String body(JsonNode profile) {
			return HostileInputs.replace(profile, this.path, NODES.stringNode("§replacement§"))
				.toString()
				.replace(PLACEHOLDER, this.value);
		}

		@Override
		public String toString() {
			return this.path + " = " + (this.value.length() > 200 ? this.value.substring(0, 200) + "…" : this.value);
		}

	}

}
