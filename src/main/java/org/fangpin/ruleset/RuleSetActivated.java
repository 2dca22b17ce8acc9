package org.fangpin.ruleset;

import java.time.Instant;

/**
 * Published when this instance makes a rule set version active: at start-up, on reload or on rollback. It is
 * published inside the transaction that archives the version and records the activation, so a listener that writes
 * to the database commits or fails with it.
 * @param version the version now active
 * @param previousVersion the version active before (at start-up, the latest recorded activation's; null on a new
 * database)
 * @param action {@code STARTUP}, {@code RELOAD} or {@code ROLLBACK}
 * @param by who activated it
 * @param comment the comment given, if any
 * @param at when
 * @param sequence the activation's sequence number in the archive
 */
public record RuleSetActivated(String version, String previousVersion, String action, String by, String comment,
		Instant at, long sequence) {

}
