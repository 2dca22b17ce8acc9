package org.fangpin.durability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import org.fangpin.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed with SIGKILL in the middle of its work, then started again on the same data directory: every
 * assessment whose 201 reached the client, and every line of a stored batch that was answered, is there, whole and
 * unchanged, with its audit entry; the batch left whole chunks only; and the rule set archive holds every activated
 * version with all its files.
 */
class CrashSafetyTests {

	private static final int WRITERS = 4;

	private static final String SAMPLE = "test-cases/population/households-10000.ndjson";

	/** The batch's chunk size in these runs: small, so that a kill falls between many commits. */
	static final int CHUNK = 50;

	private static final int BATCH_LINES_BEFORE_KILL = 3 * CHUNK;

	/**
	 * Lines of the sample in the batch: about 2 MB, which the loopback's socket buffers take while the service is
	 * still answering (the JDK client reads the answer only once it has sent the request).
	 */
	private static final int BATCH_LINES = 2000;

	@TempDir
	Path work;

	@Test
	void everyAcknowledgedAssessmentSurvivesAKillWholeAndUnchanged() throws Exception {
		Path data = Files.createDirectories(this.work.resolve("data"));
		Path rules = Files.createDirectories(this.work.resolve("rules"));
		TestRules.copyShippedRules(rules);
		Map<String, JsonNode> acknowledged = new ConcurrentHashMap<>();
		AtomicInteger attempts = new AtomicInteger();
		Map<String, JsonNode> batchAnswered = new ConcurrentHashMap<>();
		try (ServiceProcess service = ServiceProcess.start(data, rules, this.work.resolve("first.log"))) {
			AtomicBoolean running = new AtomicBoolean(true);
			List<Thread> writers = new ArrayList<>();
			// a stored batch of the whole 10,000-household sample, its answer read line by line as it streams
			writers.add(startThread(() -> streamBatch(service.port(), batchAnswered)));
			for (int w = 0; w < WRITERS; w++) {
				String householdId = "CRASH-" + w;
				HttpClientSupport http = service.http().as("test-caseworker");
				writers.add(startThread(() -> {
					String profile = HttpClientSupport.example().replace("140902-017-0031", householdId);
					while (running.get()) {
						attempts.incrementAndGet();
						try {
							Response response = http.postJson("/api/v1/assessments", profile);
							if (response.status() == 201) {
								acknowledged.put(response.json().get("id").asString(), response.json());
							}
						}
						catch (RuntimeException ex) {
							return; // the service is gone
						}
					}
				}));
			}
			long deadline = System.nanoTime() + 90_000_000_000L;
			while ((acknowledged.size() < 10 || batchAnswered.size() < BATCH_LINES_BEFORE_KILL)
					&& System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			service.kill();
			running.set(false);
			for (Thread writer : writers) {
				writer.join(30_000);
			}
		}
		assertThat(acknowledged).as("assessments acknowledged before the kill").hasSizeGreaterThan(10);
		assertThat(batchAnswered).as("batch lines answered before the kill").hasSizeGreaterThanOrEqualTo(
				BATCH_LINES_BEFORE_KILL);
		int batchRows = storedBatchRows(data);
		System.out.println("Killed: " + acknowledged.size() + " single assessments acknowledged, " + batchAnswered.size()
				+ " of " + BATCH_LINES + " batch lines answered and " + batchRows + " stored (chunks of " + CHUNK + ")");
		assertThat(batchRows).as("the batch stores whole chunks only, each committed before its lines are answered")
			.isGreaterThanOrEqualTo(batchAnswered.size())
			.as("killed in the middle of the batch")
			.isLessThan(BATCH_LINES)
			.matches((rows) -> rows % CHUNK == 0, "a multiple of the chunk size " + CHUNK);
		try (ServiceProcess service = ServiceProcess.start(data, rules, this.work.resolve("second.log"))) {
			assertThat(Files.readString(this.work.resolve("first.log"))).as("the first start compiles the DRL")
				.contains("(DRL compiled)");
			assertThat(Files.readString(this.work.resolve("second.log")))
				.as("the restart reads back the rules the first start compiled, although that start was killed")
				.contains("(compiled rules reused from " + data.resolve("compiled-rules") + ")");
			HttpClientSupport reviewer = service.http().as("test-reviewer");
			for (Map.Entry<String, JsonNode> entry : acknowledged.entrySet()) {
				Response read = reviewer.get("/api/v1/assessments/" + entry.getKey());
				assertThat(read.status()).as(entry.getKey()).isEqualTo(200);
				ObjectNode stored = (ObjectNode) read.json();
				assertThat(stored.remove("input").get("householdId").asString())
					.isEqualTo(entry.getValue().get("householdId").asString());
				assertThat(stored).isEqualTo(entry.getValue());
			}
			for (Map.Entry<String, JsonNode> entry : batchAnswered.entrySet()) {
				Response read = reviewer.get("/api/v1/assessments/" + entry.getKey());
				assertThat(read.status()).as(entry.getKey()).isEqualTo(200);
				ObjectNode stored = (ObjectNode) read.json();
				stored.remove("input");
				assertThat(stored).as("a batch line as stored").isEqualTo(entry.getValue());
			}
			int rows = 0;
			for (int w = 0; w < WRITERS; w++) {
				JsonNode history = reviewer.get("/api/v1/households/CRASH-" + w + "/assessments").json();
				for (JsonNode assessment : history) {
					assertThat(assessment.get("riskGroup").asString()).isEqualTo("UNSTABLE_LIFTED");
					assertThat(assessment.get("trace").get("firings").size()).isGreaterThan(10);
					assertThat(assessment.get("ruleSetVersion").asString()).startsWith("sha256:");
				}
				rows += history.size();
			}
			assertThat(rows).as("stored: every acknowledged one, plus any whose answer the kill cut off")
				.isBetween(acknowledged.size(), attempts.get());
			Set<String> audited = new HashSet<>();
			for (int page = 0; page < 200; page++) {
				JsonNode entries = reviewer.get("/api/v1/audit?action=ASSESSMENT_CREATED&size=200&page=" + page)
					.json()
					.get("entries");
				if (entries.isEmpty()) {
					break;
				}
				entries.forEach((entry) -> audited.add(entry.get("target").asString()));
			}
			assertThat(audited).as("each stored assessment, batch included, has its audit entry")
				.hasSize(rows + batchRows)
				.containsAll(acknowledged.keySet())
				.containsAll(batchAnswered.keySet());
		}
	}

	@Test
	void aReloadInterruptedByAKillLeavesTheOldOrTheNewVersionWithAllItsFiles() throws Exception {
		Path data = Files.createDirectories(this.work.resolve("data"));
		Path rules = Files.createDirectories(this.work.resolve("rules"));
		TestRules.copyShippedRules(rules);
		Path measures = rules.resolve("50-measures/measures.drl");
		String shipped = Files.readString(measures);
		String text = "监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助";
		assertThat(shipped).contains(text);
		AtomicInteger edits = new AtomicInteger();
		for (int crash = 1; crash <= 2; crash++) {
			Set<String> activated = ConcurrentHashMap.newKeySet();
			try (ServiceProcess service = ServiceProcess.start(data, rules, this.work.resolve("run-" + crash + ".log"))) {
				HttpClientSupport editor = service.http().as("test-policy-editor");
				AtomicBoolean running = new AtomicBoolean(true);
				Thread reloads = startThread(() -> {
					while (running.get()) {
						try {
							Files.writeString(measures, shipped.replace(text, text + "（第 " + edits.incrementAndGet()
									+ " 版）"));
							Response reload = editor.post("/api/v1/ruleset/reload", "application/json", "");
							if (reload.status() == 200 && reload.json().get("activated").booleanValue()) {
								activated.add(reload.json().get("activeVersion").asString());
							}
						}
						catch (Exception ex) {
							return; // the service is gone
						}
					}
				});
				long deadline = System.nanoTime() + 120_000_000_000L;
				int target = 2 + ThreadLocalRandom.current().nextInt(3);
				while (activated.size() < target && System.nanoTime() < deadline) {
					Thread.sleep(20);
				}
				Thread.sleep(ThreadLocalRandom.current().nextInt(1500));
				service.kill();
				running.set(false);
				reloads.join(30_000);
			}
			assertThat(activated).as("reloads acknowledged before kill " + crash).isNotEmpty();
			Map<String, Integer> complete = archiveAfterCrash(data);
			assertThat(complete.keySet()).as("every acknowledged activation is archived").containsAll(activated);
		}
		try (ServiceProcess service = ServiceProcess.start(data, rules, this.work.resolve("last.log"))) {
			HttpClientSupport reader = service.http().as("test-reviewer");
			JsonNode versions = reader.get("/api/v1/ruleset/versions").json();
			Map<String, Integer> fileCounts = new HashMap<>();
			versions.get("versions").forEach((version) -> fileCounts.put(version.get("version").asString(),
					version.get("fileCount").intValue()));
			for (JsonNode activation : versions.get("activations")) {
				String version = activation.get("version").asString();
				assertThat(fileCounts).containsKey(version);
				JsonNode files = reader.get("/api/v1/ruleset/versions/" + version).json().get("files");
				assertThat(files.size()).as(version).isEqualTo(fileCounts.get(version));
			}
			assertThat(versions.get("active").asString())
				.isEqualTo(versions.get("activations").get(0).get("version").asString());
			String active = versions.get("active").asString();
			assertThat(reader.get("/api/v1/ruleset").json().get("version").asString()).isEqualTo(active);
			assertThat(service.http().as("test-caseworker").postJson("/api/v1/evaluations",
					HttpClientSupport.example()).json().get("ruleSetVersion").asString()).isEqualTo(active);
		}
	}

	/** Posts the sample as one stored batch and keeps each answered line, by its assessment id. */
	private static void streamBatch(int port, Map<String, JsonNode> answered) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/assessments/batch"))
				.header("Content-Type", "application/x-ndjson")
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString("test-caseworker:caseworker-secret".getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.ofString(String.join("\n",
						Files.readAllLines(Path.of(SAMPLE)).subList(0, BATCH_LINES)) + "\n"))
				.build();
			HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofLines());
			response.body().forEach((line) -> {
				JsonNode assessment = HttpClientSupport.JSON.readTree(line);
				assertThat(assessment.has("id")).as("an answered batch line: " + line).isTrue();
				answered.put(assessment.get("id").asString(), assessment);
			});
		}
		catch (java.io.IOException ex) {
			// the service is gone
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (AssertionError ex) {
			answered.put("problem", HttpClientSupport.JSON.createObjectNode().put("problem", ex.getMessage()));
		}
	}

	/** The stored assessments of the batch's households, counted in the database files the killed process left. */
	private static int storedBatchRows(Path data) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("fangpin"), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet count = statement
					.executeQuery("SELECT COUNT(*) FROM assessment WHERE household_id NOT LIKE 'CRASH-%'")) {
			count.next();
			return count.getInt(1);
		}
	}

	private static Thread startThread(Runnable work) {
		Thread thread = new Thread(work);
		thread.start();
		return thread;
	}

	/**
	 * Reads the archive straight from the database files left by the killed process: each activation names an
	 * archived version, and each archived version has exactly the files it was archived with.
	 * @return the complete versions, with their number of files
	 */
	private static Map<String, Integer> archiveAfterCrash(Path data) throws SQLException {
		Map<String, Integer> complete = new HashMap<>();
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("fangpin"), "sa", "");
				Statement statement = connection.createStatement()) {
			try (ResultSet versions = statement.executeQuery("SELECT v.version, v.file_count, "
					+ "(SELECT COUNT(*) FROM rule_set_file f WHERE f.version = v.version) AS files "
					+ "FROM rule_set_version v")) {
				while (versions.next()) {
					assertThat(versions.getInt("files")).as(versions.getString("version"))
						.isEqualTo(versions.getInt("file_count"));
					complete.put(versions.getString("version"), versions.getInt("files"));
				}
			}
			try (ResultSet activations = statement.executeQuery("SELECT version FROM rule_set_activation")) {
				while (activations.next()) {
					assertThat(complete).containsKey(activations.getString("version"));
				}
			}
		}
		return complete;
	}

}
