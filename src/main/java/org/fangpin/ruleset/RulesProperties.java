package org.fangpin.ruleset;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule set lives and how it runs.
 * @param dir the rules directory: DRL files, {@code parameters.yaml} and {@code catalogue.yaml}
 * @param maxFirings the most rule firings one evaluation may take before it is stopped as a loop
 */
@ConfigurationProperties("fangpin.rules")
public record RulesProperties(@DefaultValue("./rules") Path dir, @DefaultValue("10000") int maxFirings) {

}
