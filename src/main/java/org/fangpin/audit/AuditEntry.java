package org.fangpin.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * One line of the audit log.
 * @param seq its place in the log; later entries have higher numbers
 * @param at when it happened
 * @param actor who did it: a user name, or {@code system (start-up)}
 * @param action what was done, such as {@code ASSESSMENT_CREATED}
 * @param target what it was done to: an assessment id or a rule set version
 * @param detail the rest, in plain words; never a name or ID number of a household member
 */
@Schema(name = "AuditEntry", description = "One line of the audit log: who did what to what, and when. Entries are "
		+ "only ever appended")
public record AuditEntry(
		@Schema(description = "Its place in the log; a later entry has a higher number", example = "42",
				minimum = "1", requiredMode = RequiredMode.REQUIRED) long seq,
		@Schema(description = "When it happened (UTC)", example = "2026-11-30T10:46:21.926Z",
				requiredMode = RequiredMode.REQUIRED) Instant at,
		@Schema(description = "Who did it: the signed-in user's name, system (start-up) for the activation at "
				+ "start-up, or system", example = "alice", requiredMode = RequiredMode.REQUIRED) String actor,
		@Schema(description = "What was done: ASSESSMENT_CREATED (an assessment was stored), RULE_SET_VALIDATED and "
				+ "RULE_SET_REFUSED (a candidate passed or failed the validation gate: a dry run, a reload or a "
				+ "rollback), RULE_SET_ACTIVATED (start-up, reload, rollback)", example = "ASSESSMENT_CREATED",
				allowableValues = { AuditRecorder.ASSESSMENT_CREATED, AuditRecorder.RULE_SET_VALIDATED,
						AuditRecorder.RULE_SET_REFUSED, AuditRecorder.RULE_SET_ACTIVATED },
				requiredMode = RequiredMode.REQUIRED) String action,
		@Schema(description = "What it was done to: the stored assessment's id, or the rule set version; null when "
				+ "there is none", example = "01a22c10-17e6-7c55-bf00-db3119df4cb9", types = { "string", "null" },
				maxLength = 120, requiredMode = RequiredMode.REQUIRED) String target,
		@Schema(description = "The rest, in plain words (household, date, risk group and rule set of an assessment; "
				+ "the purpose and outcome of a validation; the activation's kind, number and predecessor); never "
				+ "a name or ID number of a household member", example = "household 140902-017-0031, as of "
						+ "2024-06-30, risk group UNSTABLE_LIFTED, rule set sha256:4f1c0d5e3b2a1988776655443322110"
						+ "0ffeeddccbbaa99887766554433221100", types = { "string", "null" }, maxLength = 1000,
				requiredMode = RequiredMode.REQUIRED) String detail) {

}
