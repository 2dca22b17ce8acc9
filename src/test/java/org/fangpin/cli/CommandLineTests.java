package org.fangpin.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangpin.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private final CommandLine cli = new CommandLine(new PrintStream(this.out, true, StandardCharsets.UTF_8),
			new PrintStream(this.err, true, StandardCharsets.UTF_8));

	@Test
	void checkPassesOnTheShippedRulesAndCases() {
		int code = this.cli.run("check", "--rules", "rules", "--cases", "test-cases");
		assertThat(output()).contains("[compile] ok").contains("[lint   ] ok").contains("[smoke  ] ok")
			.contains("PASSED");
		assertThat(code).isZero();
	}

	@Test
	void checkFailsWithTheFileAndLineOfABrokenRule(@TempDir Path rules) throws IOException {
		TestRules.copyShippedRules(rules);
		Path tier = rules.resolve("40-classify/tier.drl");
		Files.writeString(tier, Files.readString(tier).replace("not Labour( kind == Labour.Kind.FULL )",
				"not Labour( kind == Labour.Kind.FULL"));
		int code = this.cli.run("check", "--rules", rules.toString(), "--cases", "test-cases");
		assertThat(code).isEqualTo(1);
		assertThat(output()).contains("[compile] FAILED").contains("40-classify/tier.drl:").contains("FAILED");
	}

	@Test
	void checkFailsWhenARuleEmitsACodeMissingFromTheCatalogue(@TempDir Path rules) throws IOException {
		TestRules.copyShippedRules(rules);
		Path measures = rules.resolve("50-measures/measures.drl");
		Files.writeString(measures, Files.readString(measures).replace("Recommendation.of(\"WATER_SUPPLY\")",
				"Recommendation.of(\"WATER_TANK\")"));
		int code = this.cli.run("check", "--rules", rules.toString(), "--cases", "test-cases");
		assertThat(code).isEqualTo(1);
		assertThat(output()).contains("[lint   ] FAILED")
			.contains("50-measures/measures.drl:")
			.contains("WATER_TANK is not in the catalogue's measures");
	}

	@Test
	void checkFailsOnARuleThatChangesAFactNamingItsLine(@TempDir Path rules) throws IOException {
		TestRules.copyShippedRules(rules);
		Path measures = rules.resolve("50-measures/measures.drl");
		String text = TestRules.edit(measures, "insert(Recommendation.of(\"WATER_SUPPLY\")",
				"update($signal); insert(Recommendation.of(\"WATER_SUPPLY\")");
		int line = TestRules.lineOf(text, "update($signal)");
		int code = this.cli.run("check", "--rules", rules.toString(), "--cases", "test-cases");
		assertThat(code).isEqualTo(1);
		assertThat(output()).contains("[lint   ] FAILED")
			.contains("50-measures/measures.drl:" + line)
			.contains("update(…) changes a fact");
	}

	@Test
	void checkFailsWithoutCasesAndOnACaseWhoseKeysAreMisspelt(@TempDir Path cases) throws IOException {
		assertThat(this.cli.run("check", "--rules", "rules", "--cases", cases.resolve("missing").toString()))
			.isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("is not a directory");
		assertThat(this.cli.run("check", "--rules", "rules", "--cases", cases.toString())).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("No test cases in " + cases);

		Files.writeString(cases.resolve("typo.yaml"), """
				base: {householdId: T-TYPO, asOf: "2024-06-30", povertyStatus: NEVER_POOR,
				       members: [{relation: HEAD, age: 40, laborCapacity: FULL}], income: {wages: 3000}}
				cases:
				  - name: "A marginal household"
				    expect: {riskgroup: MARGINAL}
				""");
		assertThat(this.cli.run("check", "--rules", "rules", "--cases", cases.toString())).isNotZero();
		assertThat(output() + this.err.toString(StandardCharsets.UTF_8))
			.contains("typo.yaml: case 1 (A marginal household): unknown expectation 'riskgroup'");
	}

	@Test
	void helpIsACommandThatSucceedsAndBadOptionValuesAreNamed() {
		assertThat(CommandLine.handles(new String[] { "--help" })).as("--help does not start the service").isTrue();
		assertThat(this.cli.run("--help")).isZero();
		assertThat(this.cli.run("help")).isZero();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar fangpin.jar COMMAND");
		assertThat(this.cli.run("generate", "--count", "abc")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--count must be a whole number, not \"abc\"");
		assertThat(this.cli.run("generate", "--count", "-5")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--count must be at least 1, not -5");
	}

	@Test
	void assessPrintsTheAssessmentOfOneProfile() {
		int code = this.cli.run("assess", "docs/examples/household.json", "--rules", "rules");
		assertThat(code).isZero();
		assertThat(output()).contains("\"riskGroup\" : \"UNSTABLE_LIFTED\"").contains("\"MICROCREDIT\"");
	}

	@Test
	void assessNamesEveryBadFieldOfAProfile(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("bad.json");
		Files.writeString(file, "{\"householdId\": \"X\", \"povertyStatus\": \"LIFTED\", \"members\": [{\"age\": -1}]}");
		int code = this.cli.run("assess", file.toString(), "--rules", "rules");
		assertThat(code).isEqualTo(1);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("members[0].age: must be between 0 and 120")
			.contains("members[0].laborCapacity: is required");
	}

	@Test
	void checkWithACompiledDirReadsUnchangedRulesBackOnItsNextRun(@TempDir Path compiled) throws IOException {
		assertThat(this.cli.run("check", "--rules", "rules", "--cases", "test-cases", "--compiled-dir",
				compiled.toString())).isZero();
		String first = output();
		this.out.reset();
		assertThat(this.cli.run("check", "--rules", "rules", "--cases", "test-cases", "--compiled-dir",
				compiled.toString())).isZero();

		assertThat(first).contains("PASSED").doesNotContain("compiled rules reused");
		assertThat(output()).contains("[compile] ok").contains("PASSED").contains("(compiled rules reused)");
		try (var kept = Files.list(compiled)) {
			assertThat(kept.filter((file) -> file.toString().endsWith(".kbase"))).hasSize(1);
		}
	}

	@Test
	void assessWithACompiledDirPrintsTheSameAssessmentFromRulesReadBack(@TempDir Path compiled) {
		assertThat(this.cli.run("assess", "docs/examples/household.json", "--compiled-dir", compiled.toString()))
			.isZero();
		String first = this.out.toString(StandardCharsets.UTF_8);
		this.out.reset();
		assertThat(this.cli.run("assess", "docs/examples/household.json", "--compiled-dir", compiled.toString()))
			.isZero();

		// the note goes to the error stream, so standard output stays one JSON document
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.isEqualTo("(compiled rules reused)" + System.lineSeparator());
		assertThat(this.out.toString(StandardCharsets.UTF_8)).isEqualTo(first)
			.contains("\"riskGroup\" : \"UNSTABLE_LIFTED\"");
	}

	@Test
	void benchReloadsReportsTheHeapAndThatReplacedRuleSetsAreReleased() {
		int code = this.cli.run("bench-reloads", "--rules", "rules", "--count", "3", "--every", "3");
		assertThat(code).isZero();
		assertThat(output()).contains("compile, swap in, evaluate a household, answer why-not")
			.contains("heap-used-after-gc  metaspace-used  classes-loaded")
			.containsPattern("(?m)^\\s+0\\s+[0-9.]+ MB\\s+[0-9.]+ MB\\s+\\d+\\s+\\d+\\s+0 of 0 ")
			// every replaced rule set is unreachable after a full GC
			.containsPattern("(?m)^\\s+3\\s+[0-9.]+ MB\\s+[0-9.]+ MB\\s+\\d+\\s+\\d+\\s+0 of 3 ");
	}

	@Test
	void anUnknownUsageExplainsTheCommands() {
		assertThat(this.cli.run("assess")).isEqualTo(2);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("check").contains("assess");
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8) + this.err.toString(StandardCharsets.UTF_8);
	}

}
