package org.fangpin.rules;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * What the validation gate found for a candidate rule set: each check (compile, lint, cases, smoke) with its
 * problems, and the test cases that failed. {@code passed} only when every check passed.
 */
@Schema(name = "ValidationReport", description = "What the validation gate found for a candidate rule set: each "
		+ "check (compile, lint, cases, smoke) with its problems, and how the declarative test cases fared. Passed "
		+ "only when every check passed")
public record ValidationReport(
		@Schema(description = "The candidate's version: sha256: and the hash of its rule set files; null when its "
				+ "files could not be read",
				example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
				pattern = "^sha256:[0-9a-f]{64}$", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED)
		String version,
		@Schema(description = "Whether every check passed", example = "false", requiredMode = RequiredMode.REQUIRED)
		boolean passed,
		@ArraySchema(arraySchema = @Schema(description = "The checks, in the order they run: compile, lint, cases, "
				+ "smoke", requiredMode = RequiredMode.REQUIRED)) List<Check> checks,
		@Schema(description = "How the declarative test cases fared; null when the candidate did not compile",
				nullable = true, requiredMode = RequiredMode.REQUIRED) CaseSummary cases) {

	/** One check of the gate. A check that could not run (the rules do not compile) is not passed. */
	@Schema(name = "ValidationCheck", description = "One check of the validation gate. A check that could not run "
			+ "(the rules do not compile) is skipped and not passed")
	public record Check(
			@Schema(description = "The check: compile (the DRL compiles and the files load), lint (rule metadata "
					+ "and parameter coverage), cases (every declarative test case passes) or smoke (a bare "
					+ "household evaluates)", example = "lint",
					allowableValues = { "compile", "lint", "cases", "smoke" }, requiredMode = RequiredMode.REQUIRED)
			String name,
			@Schema(description = "Whether the check passed", example = "false",
					requiredMode = RequiredMode.REQUIRED) boolean passed,
			@Schema(description = "Whether the check could not run because the rules do not compile",
					example = "false", requiredMode = RequiredMode.REQUIRED) boolean skipped,
			@ArraySchema(arraySchema = @Schema(description = "What the check found; empty when it passed",
					requiredMode = RequiredMode.REQUIRED)) List<RuleSetProblem> problems) {

	}

	/** How the declarative test cases fared. */
	@Schema(name = "ValidationCaseSummary", description = "How the declarative test cases (test-cases/) fared")
	public record CaseSummary(
			@Schema(description = "How many cases ran", example = "282", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int total,
			@Schema(description = "How many of them passed", example = "280", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int passed,
			@ArraySchema(arraySchema = @Schema(description = "The cases that failed",
					requiredMode = RequiredMode.REQUIRED)) List<CaseFailure> failures) {

	}

	/** A case that failed, with what differed. */
	@Schema(name = "ValidationCaseFailure", description = "A declarative test case that failed, with what differed")
	public record CaseFailure(
			@Schema(description = "The case's file, relative to test-cases/", example = "risk-group/groups.yaml",
					requiredMode = RequiredMode.REQUIRED) String file,
			@Schema(description = "The case's name: a sentence",
					example = "A lifted household of one earning one fen less than the 2024 threshold is an unstable "
							+ "lifted household.",
					requiredMode = RequiredMode.REQUIRED) String name,
			@ArraySchema(schema = @Schema(description = "One difference between expected and actual",
					example = "riskGroup: expected UNSTABLE_LIFTED, got NOT_AT_RISK"),
					arraySchema = @Schema(description = "Every difference between what the case expects and what "
							+ "the candidate gave",
							examples = "[\"riskGroup: expected UNSTABLE_LIFTED, got NOT_AT_RISK\"]",
							requiredMode = RequiredMode.REQUIRED)) List<String> mismatches) {

	}

	/** The report as readable text, for the command line. */
	public String toText() {
		StringBuilder text = new StringBuilder();
		for (Check check : this.checks) {
			text.append(String.format("[%-7s] %s%n", check.name(),
					check.skipped() ? "skipped" : check.passed() ? "ok" : "FAILED"));
			for (RuleSetProblem problem : check.problems()) {
				text.append("          ").append(problem).append(System.lineSeparator());
			}
		}
		if (this.cases != null) {
			text.append(String.format("[cases  ] %d of %d passed%n", this.cases.passed(), this.cases.total()));
			for (CaseFailure failure : this.cases.failures()) {
				text.append("          ").append(failure.file()).append(": ").append(failure.name())
					.append(System.lineSeparator());
				for (String mismatch : failure.mismatches()) {
					text.append("            - ").append(mismatch).append(System.lineSeparator());
				}
			}
		}
		text.append(this.passed ? "PASSED" : "FAILED");
		if (this.version != null) {
			text.append("  ").append(this.version);
		}
		return text.append(System.lineSeparator()).toString();
	}

}
