package org.fangpin.ruleset;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.rules.PolicyCases;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetException;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.rules.ValidationGate;
import org.fangpin.rules.ValidationReport;
import org.fangpin.ruleset.RuleSetActivationAttempted.Outcome;
import org.fangpin.ruleset.RuleSetActivationAttempted.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes rule sets: validates a candidate through the gate, and activates it only when it passes. Archiving a
 * version and recording its activation happen in one transaction; the in-memory swap follows the commit, so the
 * database and the service never disagree on what is active. Each gate run and each activation is published as an
 * event ({@link RuleSetValidated}, {@link RuleSetActivated}) for the audit log, and every attempt, whatever its
 * outcome, as a {@link RuleSetActivationAttempted} for the metrics.
 */
@Service
public class RuleSetPublisher {

	private static final Logger logger = LoggerFactory.getLogger(RuleSetPublisher.class);

	private final ActiveRuleSet active;

	private final RuleSetArchive archive;

	private final RuleSetLoader loader;

	private final RulesProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ReentrantLock publishing = new ReentrantLock();

	RuleSetPublisher(ActiveRuleSet active, RuleSetArchive archive, RuleSetLoader loader, RulesProperties properties,
			TransactionTemplate transactions, Clock clock, ApplicationEventPublisher events) {
		this.active = active;
		this.archive = archive;
		this.loader = loader;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
		this.events = events;
	}

	/** What a publishing step did: the gate's report, whether it activated, and the versions involved. */
	@Schema(name = "Publication", description = "What a reload or rollback did: the gate's report, whether a new "
			+ "version was activated, and the versions before and after")
	public record Publication(
			@Schema(description = "The validation gate's report on the files to publish",
					requiredMode = RequiredMode.REQUIRED) ValidationReport report,
			@Schema(description = "Whether the files became the rule set in force: false when the gate failed or "
					+ "the version was already active", example = "true", requiredMode = RequiredMode.REQUIRED)
			boolean activated,
			@Schema(description = "The version in force after the request",
					example = "sha256:9c2e7d1f0a4b3c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
					pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String activeVersion,
			@Schema(description = "The version that was in force before the request",
					example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
					pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String previousVersion,
			@Schema(description = "What happened, in one sentence (English)",
					example = "activated sha256:9c2e7d1f0a4b3c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
					requiredMode = RequiredMode.REQUIRED) String message) {

	}

	/** Runs the gate on candidate files for someone unnamed; see {@link #validate(Map, String)}. */
	public ValidationReport validate(Map<String, String> candidate) {
		return validate(candidate, "system");
	}

	/**
	 * Runs the gate on candidate files (an overlay on the active rule set: a null content deletes a file).
	 * @param by who asked, for the audit log
	 */
	public ValidationReport validate(Map<String, String> candidate, String by) {
		Map<String, String> files = new TreeMap<>(this.active.ruleSet().files());
		candidate.forEach((path, content) -> {
			if (content == null) {
				files.remove(path);
			}
			else {
				files.put(path, content);
			}
		});
		ValidationGate.Outcome outcome = gate("candidate", files);
		if (outcome.ruleSet() != null) {
			outcome.ruleSet().close();
		}
		validated(outcome.report(), "VALIDATE", by);
		return outcome.report();
	}

	/** Re-reads the rules directory and activates it if it passes the gate. */
	public Publication reload(String by, String comment) {
		Map<String, String> files;
		try {
			files = RuleSetLoader.readFiles(this.properties.dir());
		}
		catch (RuleSetException ex) {
			ValidationReport report = new ValidationReport(null, false,
					List.of(new ValidationReport.Check("compile", false, false, ex.problems())), null);
			validated(report, "RELOAD", by);
			Publication refused = refused(report);
			announce(Source.RELOAD, Outcome.REJECTED, null, refused.activeVersion(), null);
			return refused;
		}
		return publish(files, by, Source.RELOAD, comment);
	}

	/** Re-activates an archived version, after the same gate. */
	public Publication rollback(String version, String by, String comment) {
		Map<String, String> files = this.archive.files(version);
		if (files.isEmpty()) {
			throw new UnknownRuleSetVersionException(version);
		}
		return publish(files, by, Source.ROLLBACK, comment);
	}

	private Publication publish(Map<String, String> files, String by, Source source, String comment) {
		String action = source.name();
		this.publishing.lock();
		try {
			String previous = this.active.ruleSet().version();
			long started = System.nanoTime();
			ValidationGate.Outcome outcome = gate(source.tag(), files);
			Duration gateTime = Duration.ofNanos(System.nanoTime() - started);
			validated(outcome.report(), action, by);
			if (!outcome.report().passed()) {
				if (outcome.ruleSet() != null) {
					outcome.ruleSet().close();
				}
				logger.warn("Rule set {} refused ({}): the gate failed", outcome.report().version(), action);
				announce(source, Outcome.REJECTED, outcome.report().version(), previous, gateTime);
				return refused(outcome.report());
			}
			RuleSet ruleSet = outcome.ruleSet();
			if (ruleSet.version().equals(previous)) {
				ruleSet.close();
				announce(source, Outcome.UNCHANGED, previous, previous, gateTime);
				return new Publication(outcome.report(), false, previous, previous,
						"the rule set " + previous + " is already active");
			}
			var now = this.clock.instant();
			long sequence = RuleSetArchive.inTransaction(this.transactions, () -> {
				this.archive.archive(ruleSet.version(), ruleSet.files(), by, comment, now);
				long activation = this.archive.activate(ruleSet.version(), by, action, comment, now);
				this.events.publishEvent(
						new RuleSetActivated(ruleSet.version(), previous, action, by, comment, now, activation));
				return activation;
			});
			this.active.swap(new ActiveRuleSet.Activation(ruleSet, by, now, sequence));
			logger.info("Rule set {} activated by {} ({}), replacing {}", ruleSet.version(), by, action, previous);
			announce(source, Outcome.ACTIVATED, ruleSet.version(), ruleSet.version(), gateTime);
			return new Publication(outcome.report(), true, ruleSet.version(), previous,
					"activated " + ruleSet.version());
		}
		finally {
			this.publishing.unlock();
		}
	}

	/**
	 * Follows an activation made elsewhere (another instance sharing the database): loads the archived files and
	 * swaps without a gate, since the version passed it when it was activated.
	 */
	void follow(RuleSetArchive.ActivationRecord record) {
		this.publishing.lock();
		try {
			ActiveRuleSet.Activation current = this.active.current();
			if (record.sequence() <= current.sequence() || record.version().equals(current.ruleSet().version())) {
				return;
			}
			RuleSet ruleSet;
			try {
				ruleSet = this.loader.load("archive " + record.version(), this.archive.files(record.version()));
			}
			catch (RuntimeException ex) {
				announce(Source.SYNC, Outcome.FAILED, record.version(), current.ruleSet().version(), null);
				throw ex;
			}
			this.active.swap(new ActiveRuleSet.Activation(ruleSet, record.activatedBy(), record.activatedAt(),
					record.sequence()));
			logger.info("Rule set {} activated elsewhere by {}: following", record.version(), record.activatedBy());
			announce(Source.SYNC, Outcome.ACTIVATED, record.version(), record.version(), null);
		}
		finally {
			this.publishing.unlock();
		}
	}

	private ValidationGate.Outcome gate(String source, Map<String, String> files) {
		List<PolicyCases.Case> cases = Files.isDirectory(this.properties.casesDir())
				? PolicyCases.read(this.properties.casesDir()) : List.of();
		LocalDate today = LocalDate.now(this.clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		return new ValidationGate(this.loader).validate(source, files, cases, today, null);
	}

	private void validated(ValidationReport report, String purpose, String by) {
		this.events.publishEvent(new RuleSetValidated(report.version(), report.passed(), purpose, by,
				this.clock.instant()));
	}

	private void announce(Source source, Outcome outcome, String version, String activeVersion, Duration gateTime) {
		this.events.publishEvent(new RuleSetActivationAttempted(source, outcome, version, activeVersion, gateTime));
	}

	private Publication refused(ValidationReport report) {
		String version = this.active.ruleSet().version();
		return new Publication(report, false, version, version,
				"the candidate failed the gate; " + version + " stays active");
	}

	/** Thrown when a rollback names a version that was never archived. */
	public static class UnknownRuleSetVersionException extends RuntimeException {

		private final String version;

		public UnknownRuleSetVersionException(String version) {
			super("No archived rule set has the version " + version);
			this.version = version;
		}

		public String version() {
			return this.version;
		}

	}

}
