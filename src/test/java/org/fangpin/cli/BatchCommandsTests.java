package org.fangpin.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.fangpin.HttpClientSupport;
import org.fangpin.TestRules;
import org.fangpin.ThresholdCandidate;
import org.fangpin.population.HouseholdGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BatchCommandsTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final CommandLine cli = new CommandLine(new PrintStream(this.out, true, StandardCharsets.UTF_8),
			new PrintStream(this.err, true, StandardCharsets.UTF_8));

	@Test
	void generateWritesTheSameFileForTheSameSeed(@TempDir Path dir) throws IOException {
		assertThat(this.cli.run("generate", "--count", "200", "--seed", "9", "--out", dir.resolve("a.ndjson").toString()))
			.isZero();
		assertThat(this.cli.run("generate", "--count", "200", "--seed", "9", "--out", dir.resolve("b.ndjson").toString()))
			.isZero();
		assertThat(Files.readAllLines(dir.resolve("a.ndjson"))).hasSize(200)
			.isEqualTo(Files.readAllLines(dir.resolve("b.ndjson")));
		assertThat(this.cli.run("generate", "--count", "2", "--out", dir.resolve("upper.CSV").toString())).isZero();
		assertThat(Files.readAllLines(dir.resolve("upper.CSV")).get(0)).as("CSV, as screen reads a .CSV file")
			.startsWith("householdId,");
	}

	@Test
	void screenAssessesEveryLineOfNdjsonAndCsvAndSummarises(@TempDir Path dir) throws IOException {
		Path ndjson = dir.resolve("households.ndjson");
		Path csv = dir.resolve("households.csv");
		this.cli.run("generate", "--count", "150", "--seed", "5", "--out", ndjson.toString());
		this.cli.run("generate", "--count", "150", "--seed", "5", "--out", csv.toString());
		Files.writeString(ndjson, "{\"householdId\": \"BAD\", \"members\": []}\n", java.nio.file.StandardOpenOption.APPEND);

		assertThat(this.cli.run("screen", "--in", ndjson.toString(), "--out", dir.resolve("a.ndjson").toString(),
				"--lang", "en")).isZero();
		assertThat(this.cli.run("screen", "--in", csv.toString(), "--out", dir.resolve("b.ndjson").toString(),
				"--lang", "en")).isZero();

		List<String> fromJson = Files.readAllLines(dir.resolve("a.ndjson"));
		List<String> fromCsv = Files.readAllLines(dir.resolve("b.ndjson"));
		assertThat(fromJson).hasSize(151);
		assertThat(fromCsv).hasSize(150);
		for (int i = 0; i < 150; i++) {
			assertThat(withoutTime(fromCsv.get(i))).isEqualTo(withoutTime(fromJson.get(i)));
		}
		JsonNode problem = HttpClientSupport.JSON.readTree(fromJson.get(150));
		assertThat(problem.get("line").intValue()).isEqualTo(151);
		assertThat(problem.get("problem").get("errors").toString()).contains("povertyStatus").contains("members");
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("households screened: 150")
			.contains("risk group:")
			.contains("NOT_AT_RISK")
			.contains("measure:");
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("rows/s");
	}

	@Test
	void screenNeverOverwritesItsInputAndPutsItsOutputInPlaceOnlyWhenWhole(@TempDir Path dir) throws IOException {
		Path households = dir.resolve("households.ndjson");
		this.cli.run("generate", "--count", "50", "--seed", "3", "--out", households.toString());
		List<String> generated = Files.readAllLines(households);

		assertThat(this.cli.run("screen", "--in", households.toString(), "--out", households.toString())).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("is the --in file");
		assertThat(Files.readAllLines(households)).as("the input untouched").isEqualTo(generated);

		Path output = dir.resolve("screened.ndjson");
		Files.writeString(output, "an earlier run's output\n");
		Path broken = dir.resolve("broken-rules");
		Files.createDirectories(broken);
		Files.writeString(broken.resolve("broken.drl"), "package broken; rule \"x\" when then nonsense( end");
		assertThat(this.cli.run("screen", "--in", households.toString(), "--out", output.toString(), "--rules",
				broken.toString())).isNotZero();
		assertThat(Files.readString(output)).as("a failed run leaves the earlier output").isEqualTo(
				"an earlier run's output\n");
		assertThat(dir.resolve("screened.ndjson.partial")).doesNotExist();

		assertThat(this.cli.run("screen", "--in", households.toString(), "--out", output.toString())).isZero();
		assertThat(Files.readAllLines(output)).hasSize(50);
		assertThat(dir.resolve("screened.ndjson.partial")).doesNotExist();
	}

	@Test
	void impactReportsTheTransitionsOfARaisedThreshold(@TempDir Path dir) throws IOException {
		Path population = population(dir);
		Path candidate = raisedThreshold(dir);
		Path json = dir.resolve("report.json");

		int code = this.cli.run("impact", "--rules", candidate.toString(), "--population", population.toString(),
				"--json", json.toString());

		assertThat(code).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("risk group transitions")
			.contains("households: 200");
		assertExpectedTransitions(json);
	}

	@Test
	void screenWithACompiledDirReadsTheRulesBackOnItsNextRunAndAnswersTheSame(@TempDir Path dir) throws IOException {
		Path households = dir.resolve("households.ndjson");
		Path compiled = dir.resolve("compiled-rules");
		this.cli.run("generate", "--count", "120", "--seed", "8", "--out", households.toString());

		assertThat(this.cli.run("screen", "--in", households.toString(), "--out", dir.resolve("a.ndjson").toString(),
				"--compiled-dir", compiled.toString())).isZero();
		String first = this.out.toString(StandardCharsets.UTF_8);
		this.out.reset();
		assertThat(this.cli.run("screen", "--in", households.toString(), "--out", dir.resolve("b.ndjson").toString(),
				"--compiled-dir", compiled.toString())).isZero();
		String second = this.out.toString(StandardCharsets.UTF_8);

		assertThat(first).doesNotContain("compiled rules reused");
		assertThat(second).contains("(compiled rules reused)");
		try (var kept = Files.list(compiled)) {
			assertThat(kept.filter((file) -> file.toString().endsWith(".kbase"))).hasSize(1);
		}
		List<String> before = Files.readAllLines(dir.resolve("a.ndjson"));
		List<String> after = Files.readAllLines(dir.resolve("b.ndjson"));
		assertThat(after).hasSize(120);
		for (int i = 0; i < 120; i++) {
			assertThat(withoutTime(after.get(i))).isEqualTo(withoutTime(before.get(i)));
		}
		assertThat(summary(second)).isEqualTo(summary(first));
	}

	@Test
	void impactWithACompiledDirCompilesADrlOnlyOnce(@TempDir Path dir) throws IOException {
		Path population = population(dir);
		Path candidate = raisedThreshold(dir);
		Path json = dir.resolve("report.json");

		int code = this.cli.run("impact", "--rules", candidate.toString(), "--population", population.toString(),
				"--json", json.toString(), "--compiled-dir", dir.resolve("compiled-rules").toString());

		// The candidate changes only a parameter: its DRL is the active one's, compiled once and read back
		assertThat(code).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("(compiled rules reused: rules no, " + candidate + " yes)");
		assertExpectedTransitions(json);
	}

	/** 200 generated households of seed 505. */
	private Path population(Path dir) {
		Path population = dir.resolve("population.ndjson");
		this.cli.run("generate", "--count", "200", "--seed", "505", "--out", population.toString());
		return population;
	}

	/** The shipped rules with the monitoring threshold raised, and nothing else changed. */
	private static Path raisedThreshold(Path dir) throws IOException {
		Path candidate = dir.resolve("rules");
		TestRules.copyShippedRules(candidate);
		Files.writeString(candidate.resolve("parameters.yaml"), ThresholdCandidate.RAISED);
		return candidate;
	}

	private static void assertExpectedTransitions(Path json) throws IOException {
		JsonNode report = HttpClientSupport.JSON.readTree(Files.readString(json));
		assertThat(ThresholdCandidate.matrix(report.get("transitions")))
			.isEqualTo(ThresholdCandidate.expectedTransitions(new HouseholdGenerator(505), 200));
	}

	/** The summary's counts, without the timing line. */
	private static String summary(String output) {
		return output.substring(0, output.indexOf("rule set "));
	}

	private static JsonNode withoutTime(String line) {
		JsonNode node = HttpClientSupport.JSON.readTree(line);
		((tools.jackson.databind.node.ObjectNode) node).remove("assessedAt");
		return node;
	}

}
