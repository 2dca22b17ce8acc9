package org.fangpin.ruleset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps instances that share a database on the same rule set: every few seconds it reads the latest activation
 * and follows it when another instance activated a different version. No shared filesystem is needed.
 */
@Component
class RuleSetSync {

	private static final Logger logger = LoggerFactory.getLogger(RuleSetSync.class);

	private final RuleSetArchive archive;

	private final RuleSetPublisher publisher;

	RuleSetSync(RuleSetArchive archive, RuleSetPublisher publisher) {
		this.archive = archive;
		this.publisher = publisher;
	}

	@Scheduled(fixedDelayString = "${fangpin.rules.sync-interval:5s}",
			initialDelayString = "${fangpin.rules.sync-interval:5s}")
	void follow() {
		try {
			this.archive.latestActivation().ifPresent(this.publisher::follow);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not follow the latest rule set activation: {}", ex.getMessage());
		}
	}

}
