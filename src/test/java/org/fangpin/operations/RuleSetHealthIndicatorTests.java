package org.fangpin.operations;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.ruleset.ActiveRuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSetHealthIndicatorTests {

	static RuleSet ruleSet;

	@BeforeAll
	static void loadShippedRules() {
		ruleSet = new RuleSetLoader(EngineOptions.DEFAULTS).load(Path.of("rules"));
	}

	@AfterAll
	static void close() {
		ruleSet.close();
	}

	@Test
	void aRuleSetWithEveryParameterInForceTodayIsUpAndNamesItsVersion() {
		Health health = indicator("2024-06-30T04:00:00Z").health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("version", ruleSet.version())
			.containsEntry("activatedBy", "test")
			.containsEntry("rules", ruleSet.rules().size())
			.containsEntry("parametersCheckedFor", "2024-06-30");
	}

	@Test
	void aRuleSetWhoseParametersAreNotInForceTodayIsDownAndNamesThem() {
		Health health = indicator("2020-06-30T04:00:00Z").health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails().get("parametersNotInForce")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.contains("monitoring.incomeThreshold");
	}

	@Test
	void todayIsTheDateInChinaNotInUtc() {
		Health health = indicator("2024-06-30T20:00:00Z").health();
		assertThat(health.getDetails()).containsEntry("parametersCheckedFor", "2024-07-01");
	}

	private static RuleSetHealthIndicator indicator(String now) {
		Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
		return new RuleSetHealthIndicator(new ActiveRuleSet(ruleSet, "test", clock.instant(), 1), clock);
	}

}
