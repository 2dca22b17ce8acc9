package org.fangpin.ruleset;

import java.nio.file.Path;

import org.fangpin.FangpinApplication;
import org.fangpin.TestRules;
import org.fangpin.rules.RuleSetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class BrokenRuleSetStartupTests {

	@Test
	void aRuleFileThatDoesNotCompileStopsTheServiceNamingFileAndLine(@TempDir Path rules, CapturedOutput output) {
		TestRules.copyShippedRules(rules);
		String text = TestRules.edit(rules.resolve("20-signals/signals.drl"),
				"PerCapita( kind == PerCapita.Kind.NET_INCOME,", "PerCapita( kind === PerCapita.Kind.NET_INCOME,");
		int line = TestRules.lineOf(text, "kind === ");
		assertThat(startFails(rules, "broken-start").problems())
			.anySatisfy((problem) -> {
				assertThat(problem.file()).isEqualTo("20-signals/signals.drl");
				assertThat(problem.line()).isEqualTo(line);
				assertThat(problem.column()).isPositive();
			});
		assertThat(output).contains("20-signals/signals.drl:" + line).contains("APPLICATION FAILED TO START");
	}

	@Test
	void aRuleEmittingACodeTheCatalogueLacksStopsTheServiceAsTheGateWould(@TempDir Path rules) {
		TestRules.copyShippedRules(rules);
		TestRules.edit(rules.resolve("50-measures/measures.drl"), "Recommendation.of(\"WATER_SUPPLY\")",
				"Recommendation.of(\"WATER_TANK\")");
		assertThat(startFails(rules, "broken-lint-start").problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo("50-measures/measures.drl");
			assertThat(problem.message()).contains("WATER_TANK");
		});
	}

	/** Starts the service on {@code rules} and returns the rule set problem that stopped it. */
	private static RuleSetException startFails(Path rules, String database) {
		Throwable failure = assertThatException().isThrownBy(() -> SpringApplication.run(FangpinApplication.class,
				"--fangpin.rules.dir=" + rules, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1"))
			.actual();
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		assertThat(cause).isInstanceOf(RuleSetException.class);
		return (RuleSetException) cause;
	}

}
