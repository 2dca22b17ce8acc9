package org.fangpin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangpin.web.HostileInputs.NODES;
import static org.fangpin.web.HostileInputs.assertProblem;
import static org.fangpin.web.HostileInputs.namesField;

/**
 * A hand-made corpus of bad requests over real HTTP. Every one gets a 4xx problem that names the bad field (never a
 * 5xx), nothing is stored for it, and the service stays healthy. Free-text fields accept SQL and script payloads as
 * the plain text they are.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:hostile-requests;DB_CLOSE_DELAY=-1")
class HostileRequestTests {

	static final AtomicInteger sent = new AtomicInteger();

	static final AtomicInteger serverErrors = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	HttpClientSupport http;

	@BeforeEach
	void client() {
		this.http = new HttpClientSupport(this.port);
	}

	@AfterAll
	static void report() {
		System.out.println("Hostile corpus: " + sent + " requests, " + serverErrors + " 5xx");
	}

	@Test
	void aWrongTypeInAnyFieldIsRefusedNamingThatFieldAndStoresNothing() {
		ObjectNode base = HostileInputs.base("HOSTILE-TYPES");
		for (String path : HostileInputs.paths(base)) {
			for (JsonNode wrong : HostileInputs.wrongTypes(HostileInputs.at(base, path))) {
				refusedNaming(HostileInputs.replace(base, path, wrong).toString(), path);
			}
		}
		assertNothingStoredFor("HOSTILE-TYPES");
	}

	@Test
	void hugeNegativeAndNonNumericNumbersAreRefusedNamingTheField() {
		ObjectNode base = HostileInputs.base("HOSTILE-NUMBERS");
		List<String> numbers = List.of("1e400", "-1e400", "1e-400", "1E+999999999", "123456789012345678901234567890",
				"-1", "-0.01", "10000000.01", "0.001", "1" + "0".repeat(900),
				// over the parser's 1,000 digits: refused while reading, and still named
				"1" + "0".repeat(1500), "0." + "1".repeat(1500));
		List<String> strings = List.of("\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e5\"", "\"0x10\"", "\"\"");
		for (String path : HostileInputs.paths(base)) {
			if (!HostileInputs.at(base, path).isNumber()) {
				continue;
			}
			for (String number : numbers) {
				String body = HostileInputs.replace(base, path, NODES.stringNode("§")).toString()
					.replace("\"§\"", number);
				if (path.endsWith("loss") && number.equals("10000000.01")) {
					continue; // a loss may be up to a billion
				}
				refusedNaming(body, path);
			}
			for (String string : strings) {
				refusedNaming(HostileInputs.replace(base, path, NODES.stringNode("§")).toString()
					.replace("\"§\"", string), path);
			}
		}
		for (String token : List.of("NaN", "Infinity", "-Infinity", "+1", ".5", "01", "1.", "0x10")) {
			JsonNode problem = refused(base.toString().replace("\"age\":58", "\"age\":" + token));
			assertThat(problem.get("type").asString()).isEqualTo("urn:fangpin:problem:malformed-json");
		}
		assertNothingStoredFor("HOSTILE-NUMBERS");
	}

	@Test
	void controlCharactersAndOverlongTextAreRefusedInEveryStringField() {
		ObjectNode base = HostileInputs.base("HOSTILE-TEXT");
		for (String path : HostileInputs.paths(base)) {
			if (!HostileInputs.at(base, path).isString()) {
				continue;
			}
			for (String payload : HostileInputs.CONTROL_PAYLOADS) {
				refusedNaming(HostileInputs.replace(base, path, NODES.stringNode(payload)).toString(), path);
			}
			refusedNaming(HostileInputs.replace(base, path, NODES.stringNode("长".repeat(65))).toString(), path);
			if (!HostileInputs.FREE_TEXT.contains(path) && !path.equals("householdId")) {
				for (String payload : HostileInputs.HARMLESS_PAYLOADS) {
					refusedNaming(HostileInputs.replace(base, path, NODES.stringNode(payload)).toString(), path);
				}
			}
		}
		assertNothingStoredFor("HOSTILE-TEXT");
	}

	@Test
	void sqlAndScriptPayloadsAreRefusedInCodesAndStoredVerbatimAsFreeText() {
		long assessments = count("SELECT COUNT(*) FROM assessment");
		for (String payload : HostileInputs.HARMLESS_PAYLOADS) {
			refusedNaming(HostileInputs.base(payload).toString(), "householdId");
		}
		int n = 0;
		for (String path : HostileInputs.FREE_TEXT) {
			for (String payload : HostileInputs.HARMLESS_PAYLOADS) {
				String householdId = "HOSTILE-FREE-" + (n++);
				Response created = send(
						HostileInputs.replace(HostileInputs.base(householdId), path, NODES.stringNode(payload))
							.toString());
				assertThat(created.status()).as(created.body()).isEqualTo(201);
				JsonNode input = this.http.get(created.header("Location")).json().get("input");
				assertThat(HostileInputs.at(input, path).asString()).isEqualTo(payload);
			}
		}
		assertThat(count("SELECT COUNT(*) FROM assessment")).isEqualTo(assessments + n);
		assertThat(count("SELECT COUNT(*) FROM audit_entry WHERE action = 'ASSESSMENT_CREATED'")).isPositive();
	}

	@Test
	void malformedJsonOfEveryKindIsAProblem() {
		String profile = HostileInputs.base("HOSTILE-MALFORMED").toString();
		List<String> bodies = new ArrayList<>(List.of("{", "}", "[", "{\"householdId\": }", "{'householdId': 'x'}",
				"{householdId: \"x\"}", "/* comment */ {}", profile + " {}", profile + "]", profile.substring(0, 100),
				"\"just a string\"", "42", "null", "true", "[]", "[" + profile + "]", "\u0000", " ", "\uFEFF",
				profile.replace("\"asOf\"", "\"asOf\u0000\""), profile.replace("\"LIFTED\"", "\"LIF\nTED\""),
				profile.replace(":", "="), profile.replace(",", ",,"), profile.replace("}", "},")));
		for (String body : bodies) {
			JsonNode problem = refused(body);
			assertThat(problem.get("status").intValue()).isEqualTo(400);
			assertThat(problem.get("detail").asString()).as(body)
				.doesNotContain("tools.jackson")
				.doesNotContain("DeserializationFeature")
				.doesNotContain("StreamReadConstraints");
		}
		assertThat(refused(profile + " {}").get("detail").asString())
			.endsWith("there is more content after the JSON value");
		byte[] invalidUtf8 = profile.replace("董村", "§").getBytes(StandardCharsets.UTF_8);
		int at = indexOf(invalidUtf8, (byte) 0xC2);
		invalidUtf8[at] = (byte) 0xC3;
		invalidUtf8[at + 1] = (byte) 0x28;
		assertProblem(this.http.send(HttpRequest.newBuilder(URI.create(this.http.base() + "/api/v1/assessments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(invalidUtf8))));
		sent.incrementAndGet();
		assertNothingStoredFor("HOSTILE-MALFORMED");
	}

	@Test
	void duplicateKeysAreRefusedNamingTheKeyWhereverTheyAre() {
		String profile = HostileInputs.base("HOSTILE-DUP").toString();
		refusedNaming(profile.replace("\"asOf\":", "\"asOf\":\"2024-01-01\",\"asOf\":"), "asOf");
		refusedNaming(profile.replace("\"age\":58", "\"age\":58,\"age\":58"), "members[0].age");
		refusedNaming(profile.replace("\"village\":", "\"village\":\"x\",\"village\":"), "region.village");
		refusedNaming(profile.replace("\"idNumber\":", "\"idNumber\":\"140902196601011234\",\"idNumber\":"),
				"members[0].idNumber");
		assertNothingStoredFor("HOSTILE-DUP");
	}

	@Test
	void deeplyNestedJsonIsRefusedWithoutExhaustingTheStack() {
		String profile = HostileInputs.base("HOSTILE-DEEP").toString();
		for (int depth : List.of(600, 10_000, 200_000)) {
			JsonNode arrays = refused(profile.replace("\"董村\"", "[".repeat(depth) + "]".repeat(depth)));
			JsonNode objects = refused(
					profile.replace("\"董村\"", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
			assertThat(namesField(arrays, "region.village")).as(arrays.toString()).isTrue();
			assertThat(namesField(objects, "region.village")).as(objects.toString()).isTrue();
			assertThat(objects.get("detail").asString()).doesNotContain("StreamReadConstraints");
		}
		JsonNode problem = refused(profile.replace("\"董村\"", "[".repeat(40) + "]".repeat(40)));
		assertThat(namesField(problem, "region.village")).as(problem.toString()).isTrue();
		assertNothingStoredFor("HOSTILE-DEEP");
	}

	@Test
	void tenThousandMembersOrEventsAreRefusedNamingTheList() {
		ObjectNode members = HostileInputs.base("HOSTILE-MANY");
		ArrayNode list = members.putArray("members");
		for (int i = 0; i < 10_000; i++) {
			list.addObject().put("age", 30).put("laborCapacity", "FULL");
		}
		JsonNode problem = refusedNaming(members.toString(), "members");
		assertThat(problem.get("errors").size()).isEqualTo(1);
		ObjectNode events = HostileInputs.base("HOSTILE-MANY");
		ArrayNode eventList = events.putArray("events");
		for (int i = 0; i < 10_000; i++) {
			eventList.addObject().put("type", "MAJOR_ILLNESS").put("date", "2024-03-02").put("loss", 20000);
		}
		refusedNaming(events.toString(), "events");
		ObjectNode unknown = HostileInputs.base("HOSTILE-MANY");
		for (int i = 0; i < 50_000; i++) {
			unknown.put("f" + i, i);
		}
		JsonNode many = refusedNaming(unknown.toString(), "f0");
		assertThat(many.get("errors").size()).isEqualTo(100);
		assertThat(many.get("errorsTruncated").booleanValue()).isTrue();
		assertThat(many.get("detail").asString()).contains("50,000");
		assertNothingStoredFor("HOSTILE-MANY");
	}

	@Test
	void aBodyOverTheLimitIsA413ProblemWhenItsLengthIsDeclared() throws IOException {
		String big = "{\"householdId\": \"HOSTILE-BIG\", \"region\": {\"village\": \"" + "x".repeat(3 * 1024 * 1024)
				+ "\"}}";
		Response declared = this.http.postJson("/api/v1/assessments", big, "Accept-Language", "en");
		sent.incrementAndGet();
		JsonNode problem = assertProblem(declared);
		assertThat(declared.status()).isEqualTo(413);
		assertThat(problem.get("type").asString()).isEqualTo("urn:fangpin:problem:payload-too-large");
		assertThat(problem.get("detail").asString()).isEqualTo("The request body is larger than the limit of 2 MB");
		assertThat(problem.get("limit").longValue()).isEqualTo(2L * 1024 * 1024);
		String asked = exchange("POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: application/json\r\nAuthorization: " + basicCredentials() + "\r\n"
				+ "Expect: 100-continue\r\nContent-Length: " + (100L * 1024 * 1024) + "\r\n\r\n");
		sent.incrementAndGet();
		assertThat(asked).as("refused without asking for the body").startsWith("HTTP/1.1 413")
			.doesNotContain("100 Continue");
		assertThat(this.http.anonymous().postJson("/api/v1/evaluations", big).status())
			.as("the size is checked before the credentials")
			.isEqualTo(413);
		assertNothingStoredFor("HOSTILE-BIG");
		assertHealthy();
	}

	@Test
	void aHundredMegabyteBodyIsA413ProblemWhetherItsLengthIsDeclaredOrStreamed() throws Exception {
		for (boolean chunked : List.of(false, true)) {
			String response = streamHundredMegabytes(chunked);
			sent.incrementAndGet();
			assertThat(response).as("chunked: " + chunked).startsWith("HTTP/1.1 413");
			assertThat(response).contains("application/problem+json").contains("urn:fangpin:problem:payload-too-large")
				.as("the limit, whether the length was declared or not")
				.contains("\"limit\":" + (2L * 1024 * 1024));
		}
		assertNothingStoredFor("HOSTILE-STREAM");
		assertHealthy();
	}

	@Test
	void wrongMediaTypesAndMethodsAreProblems() {
		String profile = HostileInputs.base("HOSTILE-MEDIA").toString();
		assertThat(assertProblem(this.http.post("/api/v1/assessments", "text/plain", profile)).get("status")
			.intValue()).isEqualTo(415);
		assertThat(assertProblem(this.http.post("/api/v1/assessments", "application/xml", "<x/>")).get("status")
			.intValue()).isEqualTo(415);
		assertThat(assertProblem(this.http.post("/api/v1/assessments", "application/x-ndjson", profile))
			.get("status").intValue()).isEqualTo(415);
		Response text = this.http.post("/api/v1/assessments", "text/plain", profile, "Accept-Language", "en");
		assertThat(assertProblem(text).get("detail").asString())
			.isEqualTo("This address does not take Content-Type text/plain; send application/json");
		Response get = this.http.get("/api/v1/evaluations", "Accept-Language", "en");
		assertThat(assertProblem(get).get("detail").asString())
			.isEqualTo("GET is not supported at this address; it takes POST");
		assertThat(get.status()).isEqualTo(405);
		assertThat(get.header("Allow")).isEqualTo("POST");
		assertProblem(this.http.get("/api/v1/assessments/%00"));
		assertProblem(this.http.get("/api/v1/assessments/" + "9".repeat(5000)));
		sent.addAndGet(7);
		assertNothingStoredFor("HOSTILE-MEDIA");
		assertHealthy();
	}

	@Test
	void requestsRefusedBeforeSpringMvcAreProblemsToo() {
		for (String path : List.of("/api/v1/assessments/a%3Bb", "/api/v1/assessments/a%25b",
				"/api/v1/assessments/%2e%2e/x", "/api/v1//catalogue", "/api/v1/assessments/a;b")) {
			Response rejected = this.http.get(path, "Accept-Language", "en");
			sent.incrementAndGet();
			JsonNode problem = assertProblem(rejected);
			assertThat(rejected.status()).as(path).isEqualTo(400);
			assertThat(problem.get("type").asString()).isEqualTo("urn:fangpin:problem:http-400");
			assertThat(problem.get("detail").asString()).as(path).startsWith("The request to /api/v1/");
		}
		Response trace = this.http.send("TRACE", "/api/v1/catalogue", null, null, "Accept-Language", "en");
		JsonNode traced = assertProblem(trace);
		assertThat(trace.status()).isEqualTo(405);
		assertThat(traced.get("title").asString()).isEqualTo("Method not allowed");
		assertThat(traced.get("instance").asString()).isEqualTo("/api/v1/catalogue");
		assertThat(traced.get("detail").asString()).isEqualTo("The request to /api/v1/catalogue was refused (HTTP 405)");
		Response error = this.http.get("/error");
		assertThat(assertProblem(error).get("type").asString()).isEqualTo("urn:fangpin:problem:http-404");
		sent.addAndGet(2);
		assertHealthy();
	}

	@Test
	void anEmptyBodyOrABadQueryParameterIsNamedInTheCallersLanguage() {
		Response empty = this.http.post("/api/v1/evaluations", "application/json", "", "Accept-Language", "en");
		assertThat(assertProblem(empty).get("detail").asString())
			.isEqualTo("The request body is empty; this address needs a JSON document");
		String line = HostileInputs.base("HOSTILE-QUERY").toString();
		Response maybe = this.http.post("/api/v1/assessments/batch?store=maybe", "application/x-ndjson", line,
				"Accept-Language", "en");
		assertThat(assertProblem(maybe).get("detail").asString())
			.isEqualTo("The query parameter store cannot be \"maybe\": it must be true or false");
		JsonNode chinese = assertProblem(
				this.http.post("/api/v1/assessments/batch?store=maybe", "application/x-ndjson", line));
		assertThat(chinese.get("detail").asString()).isEqualTo("查询参数 store 的值“maybe”无效：必须是 true 或 false");
		sent.addAndGet(3);
		assertNothingStoredFor("HOSTILE-QUERY");
	}

	private String streamHundredMegabytes(boolean chunked) throws Exception {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			InputStream in = socket.getInputStream();
			CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> readResponse(in));
			OutputStream out = socket.getOutputStream();
			String head = "POST /api/v1/evaluations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Authorization: " + basicCredentials() + "\r\n"
					+ (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + (100L * 1024 * 1024) + "\r\n")
					+ "\r\n";
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) ' ');
			byte[] start = "{\"householdId\": \"HOSTILE-STREAM\", \"region\": {\"village\": \"".getBytes(
					StandardCharsets.UTF_8);
			System.arraycopy(start, 0, chunk, 0, start.length);
			try {
				out.write(head.getBytes(StandardCharsets.US_ASCII));
				for (int i = 0; i < 1600 && !response.isDone(); i++) {
					if (chunked) {
						out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
						out.write(chunk);
						out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
					}
					else {
						out.write(chunk);
					}
					if (i == 0) {
						java.util.Arrays.fill(chunk, 0, start.length, (byte) 'x');
					}
				}
				out.flush();
			}
			catch (IOException ex) {
				// The service closed the connection after answering, as it should
			}
			return response.get(60, TimeUnit.SECONDS);
		}
	}

	/** Sends a request head without a body and reads the answer. */
	private String exchange(String head) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			return readResponse(socket.getInputStream());
		}
	}

	private static String basicCredentials() {
		return "Basic " + Base64.getEncoder()
			.encodeToString((HttpClientSupport.USER + ":all-roles-secret").getBytes(StandardCharsets.UTF_8));
	}

	private static String readResponse(InputStream in) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			int read;
			while ((read = in.read(buffer)) > 0) {
				bytes.write(buffer, 0, read);
				String text = bytes.toString(StandardCharsets.UTF_8);
				if (text.contains("\r\n\r\n") && text.trim().endsWith("}")) {
					break;
				}
			}
		}
		catch (IOException ex) {
			// A reset after the answer; what was read is the answer
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private Response send(String body) {
		sent.incrementAndGet();
		Response response = this.http.postJson("/api/v1/assessments", body);
		if (response.status() >= 500) {
			serverErrors.incrementAndGet();
		}
		return response;
	}

	private JsonNode refused(String body) {
		Response response = send(body);
		assertThat(response.status()).as(body.length() > 500 ? body.substring(0, 500) : body).isLessThan(500);
		return assertProblem(response);
	}

	private JsonNode refusedNaming(String body, String path) {
		JsonNode problem = refused(body);
		assertThat(namesField(problem, path)).as(path + " in " + problem).isTrue();
		return problem;
	}

	private void assertNothingStoredFor(String householdId) {
		assertThat(this.http.get("/api/v1/households/" + householdId + "/assessments").json().size()).isZero();
		assertThat(count("SELECT COUNT(*) FROM assessment WHERE household_id = '" + householdId + "'")).isZero();
	}

	private void assertHealthy() {
		Response health = this.http.anonymous().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static int indexOf(byte[] bytes, byte value) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		throw new IllegalArgumentException();
	}

}
