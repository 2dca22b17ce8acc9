package org.fangpin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.LaborCapacity;
import org.fangpin.household.PovertyStatus;

/**
 * The gate every candidate rule set passes before it goes live: (a) it compiles, (b) lint, (c) every declarative
 * test case passes, (d) a smoke run on a bare household does not throw. It activates nothing: the caller decides.
 */
public final class ValidationGate {

	private final RuleSetLoader loader;

	public ValidationGate(RuleSetLoader loader) {
		this.loader = loader;
	}

	/** The outcome: the report, and the loaded rule set when it compiled (the caller owns and closes it). */
	public record Outcome(ValidationReport report, RuleSet ruleSet) {

	}

	/**
	 * Validates candidate files against the given cases.
	 * @param progress told how many cases have run, for long runs; may be null
	 */
	public Outcome validate(String source, Map<String, String> files, List<PolicyCases.Case> cases, LocalDate today,
			IntConsumer progress) {
		List<ValidationReport.Check> checks = new ArrayList<>();
		RuleSet ruleSet;
		try {
			ruleSet = this.loader.load(source, files);
			checks.add(new ValidationReport.Check("compile", true, false, List.of()));
		}
		catch (RuleSetException ex) {
			checks.add(new ValidationReport.Check("compile", false, false, ex.problems()));
			for (String name : List.of("lint", "cases", "smoke")) {
				checks.add(new ValidationReport.Check(name, false, true, List.of()));
			}
			return new Outcome(new ValidationReport(RuleSetLoader.version(onlyRuleSetFiles(files)), false, checks,
					null), null);
		}
		List<RuleSetProblem> lint = new ArrayList<>(RuleSetLint.lint(ruleSet));
		lint.addAll(parameterCoverage(ruleSet, cases, today));
		checks.add(new ValidationReport.Check("lint", lint.isEmpty(), false, lint));

		List<ValidationReport.CaseFailure> failures = new ArrayList<>();
		int done = 0;
		for (PolicyCases.Case testCase : cases) {
			PolicyCases.Result result = PolicyCases.run(ruleSet, testCase, today);
			if (!result.passed()) {
				failures.add(new ValidationReport.CaseFailure(testCase.file(), testCase.name(),
						result.mismatches()));
			}
			done++;
			if (progress != null) {
				progress.accept(done);
			}
		}
		List<RuleSetProblem> caseProblems = failures.stream()
			.map((failure) -> new RuleSetProblem("test-cases/" + failure.file(), 0, 0,
					failure.name() + ": " + String.join("; ", failure.mismatches())))
			.toList();
		checks.add(new ValidationReport.Check("cases", failures.isEmpty(), false, caseProblems));

		List<RuleSetProblem> smoke = new ArrayList<>();
		try {
			ruleSet.evaluate(bareHousehold(today));
		}
		catch (RuntimeException ex) {
			String file = (ex instanceof RuleEvaluationException failure) ? failure.file() : null;
			smoke.add(new RuleSetProblem(file, 0, 0, "a bare household could not be evaluated: " + ex.getMessage()));
		}
		checks.add(new ValidationReport.Check("smoke", smoke.isEmpty(), false, smoke));
		boolean passed = checks.stream().allMatch(ValidationReport.Check::passed);
		return new Outcome(new ValidationReport(ruleSet.version(), passed, checks,
				new ValidationReport.CaseSummary(cases.size(), cases.size() - failures.size(), failures)), ruleSet);
	}

	/** Every parameter a rule reads must have a value on each date the cases assess (and today). */
	private static List<RuleSetProblem> parameterCoverage(RuleSet ruleSet, List<PolicyCases.Case> cases,
			LocalDate today) {
		List<RuleSetProblem> problems = new ArrayList<>();
		Set<LocalDate> dates = new java.util.TreeSet<>();
		dates.add(today);
		for (PolicyCases.Case testCase : cases) {
			if (testCase.expect().has("parameterNotInForce") || testCase.profile() == null
					|| testCase.profile().get("asOf") == null) {
				continue;
			}
			try {
				dates.add(LocalDate.parse(testCase.profile().get("asOf").asString()));
			}
			catch (RuntimeException ex) {
				// an unreadable date is the case's own failure
			}
		}
		for (String name : ruleSet.requiredParameters()) {
			for (LocalDate date : dates) {
				if (ruleSet.parameters().valueAt(name, date).isEmpty()) {
					problems.add(new RuleSetProblem(RuleSetLoader.PARAMETERS_FILE, 0, 0,
							"parameter '" + name + "' is read by the rules but has no value on " + date));
					break;
				}
			}
		}
		return problems;
	}

	private static HouseholdProfile bareHousehold(LocalDate today) {
		return new HouseholdProfile("SMOKE", today, null, PovertyStatus.NEVER_POOR,
				List.of(new HouseholdProfile.Member(null, 30, LaborCapacity.NONE, null, 0, null, null, true, null,
						null)),
				new HouseholdProfile.Income(BigDecimal.ZERO, null, null, null, null, null), null, null, null, null,
				Set.of(), null);
	}

	private static Map<String, String> onlyRuleSetFiles(Map<String, String> files) {
		Map<String, String> selected = new java.util.TreeMap<>();
		files.forEach((path, content) -> {
			if (RuleSetLoader.isRuleSetFile(path)) {
				selected.put(path, content);
			}
		});
		return selected;
	}

}
