package org.fangpin.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangpin.FangpinApplication;
import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
 * <p>
 * The requests come from a seeded generator ({@link Gen}), so a run can be repeated exactly: a failure names the
 * seed and the try, and {@code -Dfangpin.fuzz.seed=N} runs another sequence.
 */
class FuzzedRequestPropertyTests {

	static final long SEED = Long.getLong("fangpin.fuzz.seed", 20261130L);

	/** How many requests are in flight at once. */
	static final int CLIENTS = 4;

	static final AtomicInteger sent = new AtomicInteger();

	static final AtomicInteger serverErrors = new AtomicInteger();

	static final AtomicInteger storedIds = new AtomicInteger();

	static final ObjectNode BASE = HostileInputs.base("FUZZ-EVALUATION");

	static final List<String> PATHS = withUnknownFields(HostileInputs.paths(BASE));

	static ConfigurableApplicationContext context;

	static HttpClientSupport http;

	@BeforeAll
	static void start() {
		context = SpringApplication.run(FangpinApplication.class, "--server.port=0", "--spring.main.banner-mode=off",
				"--spring.datasource.url=jdbc:h2:mem:fuzzed-requests;DB_CLOSE_DELAY=-1");
		http = new HttpClientSupport(((WebServerApplicationContext) context).getWebServer().getPort())
			.as("test-caseworker");
	}

	@AfterAll
	static void stop() {
		try {
			System.out.println("Fuzzed requests (seed " + SEED + "): " + sent + " sent, " + serverErrors + " 5xx");
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

	@Test
	void aProfileWithAnyOneFieldReplacedIsEvaluatedOrRefusedNamingThatField() {
		forAll(4000, 1, anyReplacement(), (replacement) -> {
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
		});
	}

	@Test
	void aProfileWithAWrongValueIsRefusedNamingTheFieldAndNeverStored() {
		forAll(1000, 2, wrongReplacement(), (replacement) -> {
			String householdId = "FUZZ-STORE-" + storedIds.getAndIncrement();
			String profile = replacement.body(HostileInputs.base(householdId));
			JsonNode problem = assertProblem(post("/api/v1/assessments", profile));
			assertThat(namesField(problem, replacement.path())).as(replacement + " -> " + problem).isTrue();
		});
	}

	@Test
	void textThatIsNotAProfileIsAProblemNeverAServerError() {
		forAll(2500, 3, garbage(), (body) -> {
			JsonNode problem = assertProblem(post("/api/v1/evaluations", body));
			assertThat(problem.get("status").intValue()).isEqualTo(400);
		});
	}

	@Test
	void aJsonDocumentOfAnyShapeIsAProblemNamingAField() {
		forAll(2500, 4, documents(), (document) -> {
			JsonNode problem = assertProblem(post("/api/v1/evaluations", document.toString()));
			if (problem.get("type").asString().endsWith("invalid-profile")) {
				assertThat(problem.get("errors").size()).isPositive();
				problem.get("errors").forEach((error) -> assertThat(error.get("field").isString()).isTrue());
			}
		});
	}

	/**
	 * Runs {@code check} on {@code tries} generated values; a failure names the seed and the try. The values are
	 * drawn in order from the seed, then sent by a few clients at once, as a service's callers would.
	 */
	private static <T> void forAll(int tries, long stream, Gen<T> gen, Consumer<T> check) {
		Random random = new Random(SEED * 31 + stream);
		List<T> values = new ArrayList<>(tries);
		for (int i = 0; i < tries; i++) {
			values.add(gen.next(random));
		}
		java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(CLIENTS);
		try {
			List<java.util.concurrent.Future<?>> sent = new ArrayList<>(tries);
			for (T value : values) {
				sent.add(clients.submit(() -> check.accept(value)));
			}
			for (int i = 0; i < tries; i++) {
				try {
					sent.get(i).get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					throw new AssertionError("try " + i + " of seed " + SEED + " failed: " + ex.getCause().getMessage(),
							ex.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}
		finally {
			clients.shutdownNow();
		}
	}

	static Gen<Replacement> anyReplacement() {
		Gen<String> values = hostileValues();
		return (random) -> new Replacement(Gen.of(PATHS).next(random), values.next(random));
	}

	static Gen<Replacement> wrongReplacement() {
		List<String> paths = HostileInputs.paths(BASE);
		return (random) -> {
			String path = Gen.of(paths).next(random);
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
			return new Replacement(path, Gen.of(wrong).next(random).toString());
		};
	}

	static Gen<String> garbage() {
		Gen<String> values = hostileValues();
		return Gen.oneOf(Gen.strings(0, 300),
				Gen.stringsOf("{}[]\":,0123456789.eE-+ truefalsnNI\\u", 0, 300),
				values.map((value) -> value.replaceFirst(".$", "")),
				Gen.stringsOf(range('\u0000', '\u001f'), 1, 50));
	}

	static Gen<JsonNode> documents() {
		Gen<String> keys = Gen.oneOf(Gen.of(List.of("householdId", "asOf", "region", "povertyStatus", "members",
				"income", "expenses", "housing", "drinkingWater", "events", "supports", "monitoring", "age",
				"laborCapacity", "name", "idNumber")), Gen.strings(1, 12));
		Gen<JsonNode> values = json(3);
		return (random) -> {
			ObjectNode document = NODES.objectNode();
			int size = random.nextInt(9);
			for (int i = 0; i < size; i++) {
				document.set(keys.next(random), values.next(random));
			}
			return document;
		};
	}

	/**
	 * Anything a field could be sent, as JSON text: text of every kind, numbers of every size, other types, and
	 * nesting deeper than the parser allows (which no JSON writer would produce).
	 */
	static Gen<String> hostileValues() {
		List<String> known = new ArrayList<>(List.of("NaN", "Infinity", "-Infinity", "", " ", "58", "-1", "1e5",
				"2024-06-30", "9999-12-31", "2024-02-30", "30/06/2024", "LIFTED", "lifted", "HEAD", "FULL",
				"MEDICAL_ASSISTANCE", "null", "true", "140902196601011234", "14090219660101123"));
		known.addAll(HostileInputs.HARMLESS_PAYLOADS);
		known.addAll(HostileInputs.CONTROL_PAYLOADS);
		Gen<JsonNode> strings = Gen.oneOf(Gen.of(known), Gen.strings(0, 80), Gen.strings(60, 70))
			.map(NODES::stringNode);
		Gen<JsonNode> numbers = Gen.oneOf((random) -> NODES.numberNode(random.nextInt()),
				(random) -> NODES.numberNode(random.nextLong()),
				(random) -> NODES.numberNode(new BigDecimal(java.math.BigInteger.valueOf(random.nextLong()),
						random.nextInt(41) - 20)),
				Gen.of(List.of("1e400", "-1e400", "1e-400", "1E+999999999", "123456789012345678901234567890.123",
						"10000000.01", "0.001", "-0.0", "0")).map((number) -> NODES.numberNode(new BigDecimal(number))));
		Gen<JsonNode> others = Gen.of(List.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode(),
				NODES.arrayNode(), NODES.objectNode()));
		Gen<String> nested = (random) -> nested(1 + random.nextInt(3000));
		Gen<String> tokens = Gen.of(List.of("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10",
				"undefined", "'x'", "\"unterminated", "1e", "--1", "tru", "nul", "[1,]", "{\"a\":1,}", "{\"a\"}", ""));
		return Gen.weighted(new int[] { 4, 3, 1, 1, 1, 1 }, List.of(strings.map(JsonNode::toString),
				numbers.map(JsonNode::toString), others.map(JsonNode::toString), nested, tokens,
				json(2).map(JsonNode::toString)));
	}

	private static Gen<JsonNode> json(int depth) {
		Gen<JsonNode> leaf = Gen.oneOf(Gen.strings(0, 20).map(NODES::stringNode),
				(random) -> NODES.numberNode(random.nextInt()),
				Gen.of(List.of(NODES.booleanNode(true), NODES.nullNode())));
		if (depth == 0) {
			return leaf;
		}
		Gen<JsonNode> inner = json(depth - 1);
		Gen<String> names = Gen.strings(1, 8);
		Gen<JsonNode> array = (random) -> {
			ArrayNode node = NODES.arrayNode();
			for (int i = random.nextInt(5); i > 0; i--) {
				node.add(inner.next(random));
			}
			return node;
		};
		Gen<JsonNode> object = (random) -> {
			ObjectNode node = NODES.objectNode();
			for (int i = random.nextInt(5); i > 0; i--) {
				node.set(names.next(random), inner.next(random));
			}
			return node;
		};
		return Gen.weighted(new int[] { 3, 1, 1 }, List.of(leaf, array, object));
	}

	private static String range(char from, char to) {
		StringBuilder chars = new StringBuilder();
		for (char c = from; c <= to; c++) {
			chars.append(c);
		}
		return chars.toString();
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

	/** A seeded generator of values. */
	@FunctionalInterface
	interface Gen<T> {

		T next(Random random);

		default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
			return (random) -> mapper.apply(next(random));
		}

		static <T> Gen<T> of(List<? extends T> values) {
			return (random) -> values.get(random.nextInt(values.size()));
		}

		@SafeVarargs
		static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
			return (random) -> gens[random.nextInt(gens.length)].next(random);
		}

		static <T> Gen<T> weighted(int[] weights, List<Gen<? extends T>> gens) {
			int total = java.util.Arrays.stream(weights).sum();
			return (random) -> {
				int pick = random.nextInt(total);
				for (int i = 0; i < weights.length; i++) {
					pick -= weights[i];
					if (pick < 0) {
						return gens.get(i).next(random);
					}
				}
				throw new IllegalStateException();
			};
		}

		/**
		 * Text of any code points: ASCII, control characters, CJK, other scripts, characters outside the Basic
		 * Multilingual Plane, and lone surrogates.
		 */
		static Gen<String> strings(int min, int max) {
			return (random) -> {
				int length = min + random.nextInt(max - min + 1);
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < length; i++) {
					int kind = random.nextInt(10);
					int codePoint = switch (kind) {
						case 0 -> random.nextInt(0x20);
						case 1, 2, 3, 4 -> 0x20 + random.nextInt(0x5f);
						case 5, 6 -> 0x4e00 + random.nextInt(0x5200);
						case 7 -> 0x80 + random.nextInt(0xd800 - 0x80);
						case 8 -> 0x10000 + random.nextInt(0x10000);
						default -> 0xd800 + random.nextInt(0x800);
					};
					text.appendCodePoint(codePoint);
				}
				return text.toString();
			};
		}

		/** Text of the given characters only. */
		static Gen<String> stringsOf(String chars, int min, int max) {
			return (random) -> {
				int length = min + random.nextInt(max - min + 1);
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < length; i++) {
					text.append(chars.charAt(random.nextInt(chars.length())));
				}
				return text.toString();
			};
		}

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
