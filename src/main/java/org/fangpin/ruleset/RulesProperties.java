package org.fangpin.ruleset;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rule set lives and how it runs.
 * @param dir the rule set's directory: its DRL files, parameters.yaml and catalogue.yaml, read at start-up
 * @param maxFirings the most rule firings one evaluation may take before it is stopped as a loop (a 422 problem)
 */
@ConfigurationProperties("fangpin.rules")
public record RulesProperties(@DefaultValue("./rules") Path dir, @DefaultValue("10000") int maxFirings) {

}
