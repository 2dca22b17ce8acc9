package org.fangpin.ruleset;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule set lives and how it runs.
 * @param dir the rules directory: DRL files, {@code parameters.yaml} and {@code catalogue.yaml}
 * @param casesDir the declarative test cases every candidate rule set must pass before it goes live
 * @param maxFirings the most rule firings one evaluation may take before it is stopped as a loop
 * @param syncInterval how often an instance checks the database for a rule set activated by another instance
 * @param compiledDir where compiled rule sets are kept, so the same DRL is not compiled again at the next start-up
 * or load; none keeps nothing
 */
@ConfigurationProperties("fangpin.rules")
public record RulesProperties(@DefaultValue("./rules") Path dir, @DefaultValue("./test-cases") Path casesDir,
		@DefaultValue("10000") int maxFirings, @DefaultValue("5s") Duration syncInterval,
		Path compiledDir) {

}
