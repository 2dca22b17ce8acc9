package org.fangpin.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetException;
import org.fangpin.rules.RuleSetLint;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.rules.RuleSetProblem;
import org.fangpin.rules.WhyNot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the rule set from the rules directory at start-up, archives it and records its activation. A rule set with
 * any problem of compilation or lint stops the service (see RuleSetFailureAnalyzer). The directory wins at start-up: an instance runs the
 * rules it was deployed with, and follows later activations through the database. The start-up activation is
 * published as a {@link RuleSetActivated} inside its transaction, like any other.
 */
@Configuration(proxyBeanMethods = false)
class RuleSetConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(RuleSetConfiguration.class);

	static final String STARTUP = "system (start-up)";

	@Bean
	RuleSetLoader ruleSetLoader(RulesProperties properties) {
		return BuildIdentity.keepingCompiledRules(new RuleSetLoader(new EngineOptions(properties.maxFirings())),
				properties.compiledDir(), RuleSetConfiguration.class, logger::warn);
	}

	@Bean
	WhyNot whyNot(RuleSetLoader loader) {
		return new WhyNot(loader);
	}

	@Bean
	StartupAnnouncement ruleSetStartupAnnouncement(ApplicationEventPublisher events) {
		return new StartupAnnouncement(events);
	}

	@Bean(destroyMethod = "")
	ActiveRuleSet activeRuleSet(RuleSetLoader loader, RulesProperties properties, RuleSetArchive archive,
			TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events,
			StartupAnnouncement announcement) {
		long start = System.nanoTime();
		RuleSet ruleSet = loader.load(properties.dir());
		// The gate's lint too (metadata, unique ids, codes in the catalogue), as a reload runs it: a rule that
		// emits a code the catalogue lacks compiles, but must not reach caseworkers
		List<RuleSetProblem> problems = RuleSetLint.lint(ruleSet);
		if (!problems.isEmpty()) {
			ruleSet.close();
			throw new RuleSetException(properties.dir().toString(), problems);
		}
		long compileMillis = (System.nanoTime() - start) / 1_000_000;
		Instant now = clock.instant();
		String comment = "loaded from " + properties.dir();
		boolean[] activated = { false };
		long sequence = RuleSetArchive.inTransaction(transactions, () -> {
			archive.archive(ruleSet.version(), ruleSet.files(), STARTUP, comment, now);
			var latest = archive.latestActivation();
			latest.filter((record) -> !record.version().equals(ruleSet.version())
					&& "ROLLBACK".equals(record.action()))
				.ifPresent((record) -> logger.warn("The rule set in {} ({}) replaces {}, which {} rolled back to: "
						+ "the rules directory wins at start-up. Put the rolled-back files in the directory, or roll "
						+ "back again.", properties.dir(), ruleSet.version(), record.version(), record.activatedBy()));
			long activation = latest.filter((record) -> record.version().equals(ruleSet.version()))
				.map(RuleSetArchive.ActivationRecord::sequence)
				.orElseGet(() -> {
					activated[0] = true;
					return archive.activate(ruleSet.version(), STARTUP, "STARTUP", comment, now);
				});
			events.publishEvent(new RuleSetActivated(ruleSet.version(),
					latest.map(RuleSetArchive.ActivationRecord::version).orElse(null), "STARTUP", STARTUP, comment,
					now, activation));
			return activation;
		});
		announcement.loaded(new RuleSetActivationAttempted(RuleSetActivationAttempted.Source.STARTUP,
				activated[0] ? RuleSetActivationAttempted.Outcome.ACTIVATED
						: RuleSetActivationAttempted.Outcome.UNCHANGED,
				ruleSet.version(), ruleSet.version(), null));
		logger.info("Rule set {}: {} rules, {} parameters, loaded from {} in {} ms ({})", ruleSet.version(),
				ruleSet.rules().size(), ruleSet.parameters().definitions().size(),
				properties.dir().toAbsolutePath().normalize(), compileMillis,
				ruleSet.reusedCompiledRules() ? "compiled rules reused from " + properties.compiledDir()
						: "DRL compiled");
		return new ActiveRuleSet(ruleSet, STARTUP, now, sequence);
	}

	/**
	 * Announces the rule set loaded at start-up once the application has started: listeners of
	 * {@link RuleSetActivationAttempted} are not all registered yet while the rule set bean is being created.
	 */
	static final class StartupAnnouncement implements ApplicationListener<ApplicationStartedEvent> {

		private final ApplicationEventPublisher events;

		private volatile RuleSetActivationAttempted loaded;

		StartupAnnouncement(ApplicationEventPublisher events) {
			this.events = events;
		}

		void loaded(RuleSetActivationAttempted attempt) {
			this.loaded = attempt;
		}

		@Override
		public void onApplicationEvent(ApplicationStartedEvent event) {
			RuleSetActivationAttempted attempt = this.loaded;
			this.loaded = null;
			if (attempt != null) {
				this.events.publishEvent(attempt);
			}
		}

	}

}
