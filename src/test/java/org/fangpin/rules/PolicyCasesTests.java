package org.fangpin.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every declarative case in {@code test-cases/} against the rule set in {@code rules/}, one test a case. */
class PolicyCasesTests {

	private static RuleSet ruleSet;

	@BeforeAll
	static void loadRules() {
		ruleSet = new RuleSetLoader(EngineOptions.DEFAULTS).load(Path.of("rules"));
	}

	@AfterAll
	static void closeRules() {
		ruleSet.close();
	}

	@TestFactory
	Stream<DynamicTest> everyCaseInTestCasesHoldsForTheShippedRules() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		return PolicyCases.read(Path.of("test-cases"))
			.stream()
			.map((testCase) -> DynamicTest.dynamicTest(testCase.name(), () -> {
				PolicyCases.Result result = PolicyCases.run(ruleSet, testCase, today);
				assertThat(result.mismatches()).as(testCase.file() + ": " + testCase.name()).isEmpty();
			}));
	}

}
