package org.fangpin.ruleset;

import java.time.Duration;
import java.util.Locale;

/**
 * Published after every attempt to put a rule set in force, whatever came of it: a reload from the rules directory,
 * a rollback, following an activation another instance made through the database, or the load at start-up. Metrics
 * listen to it; the rule set lifecycle never depends on them.
 * @param source what asked for the rule set
 * @param outcome what came of it
 * @param version the candidate's version (null when the files could not even be read)
 * @param activeVersion the version in force afterwards
 * @param gateTime how long the validation gate took; null when none ran (start-up and sync load without it)
 */
public record RuleSetActivationAttempted(Source source, Outcome outcome, String version, String activeVersion,
		Duration gateTime) {

	/** What asked for a rule set. */
	public enum Source {

		/** The rules directory, loaded when the service starts. */
		STARTUP,

		/** {@code POST /api/v1/ruleset/reload}: the rules directory, re-read. */
		RELOAD,

		/** {@code POST /api/v1/ruleset/rollback}: an archived version. */
		ROLLBACK,

		/** An activation made by another instance sharing the database, followed. */
		SYNC;

		/** The lower-case name, as metrics tag it. */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** What came of it. */
	public enum Outcome {

		/** A new version is in force. */
		ACTIVATED,

		/** The gate refused the candidate (or the rules directory could not be read); the old version stays. */
		REJECTED,

		/** The candidate passed but was already the version in force (at start-up: already the latest activation). */
		UNCHANGED,

		/** Following another instance's activation failed: its archived files did not load. */
		FAILED;

		/** The lower-case name, as metrics tag it. */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
