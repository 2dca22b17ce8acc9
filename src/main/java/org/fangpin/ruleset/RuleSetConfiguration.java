package org.fangpin.ruleset;

import java.time.Clock;

import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the rule set at start-up; a rule set with any problem stops the service (see RuleSetFailureAnalyzer). */
@Configuration(proxyBeanMethods = false)
class RuleSetConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RuleSetConfiguration.class);

	@Bean
	RuleSetLoader ruleSetLoader(RulesProperties properties) {
		return new RuleSetLoader(new EngineOptions(properties.maxFirings()));
	}

	@Bean(destroyMethod = "")
	ActiveRuleSet activeRuleSet(RuleSetLoader loader, RulesProperties properties, Clock clock) {
		RuleSet ruleSet = loader.load(properties.dir());
		logger.info("Rule set {} loaded from {}: {} rules, {} parameters", ruleSet.version(),
				properties.dir().toAbsolutePath().normalize(), ruleSet.rules().size(),
				ruleSet.parameters().definitions().size());
		return new ActiveRuleSet(ruleSet, "system (start-up)", clock.instant());
	}

}
