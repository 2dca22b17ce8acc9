package org.fangpin.rules;

import java.util.List;

/**
 * What the validation gate found for a candidate rule set: each check (compile, lint, cases, smoke) with its
 * problems, and the test cases that failed. {@code passed} only when every check passed.
 */
public record ValidationReport(String version, boolean passed, List<Check> checks, CaseSummary cases) {

	/** One check of the gate. A check that could not run (the rules do not compile) is not passed. */
	public record Check(String name, boolean passed, boolean skipped, List<RuleSetProblem> problems) {

	}

	/** How the declarative test cases fared. */
	public record CaseSummary(int total, int passed, List<CaseFailure> failures) {

	}

	/** A case that failed, with what differed. */
	public record CaseFailure(String file, String name, List<String> mismatches) {

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
