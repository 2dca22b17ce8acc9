package org.fangpin.audit;

import java.time.Instant;

/**
 * One line of the audit log.
 * @param seq its place in the log; later entries have higher numbers
 * @param at when it happened
 * @param actor who did it: a user name, or {@code system (start-up)}
 * @param action what was done, such as {@code ASSESSMENT_CREATED}
 * @param target what it was done to: an assessment id or a rule set version
 * @param detail the rest, in plain words; never a name or ID number of a household member
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String detail) {

}
