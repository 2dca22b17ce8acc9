package org.fangpin.security;

/** What a signed-in user may do; a user holds one or more roles. */
public enum Role {

	/**
	 * Assesses households (evaluations, stored assessments and batches), reads them back, asks what-if and why-not,
	 * records case transitions and applied measures, and reads the watch list and reports.
	 */
	CASEWORKER,

	/** Owns the rule set: validates candidates, reloads, rolls back. */
	POLICY_EDITOR,

	/**
	 * Follows recommendations back to their rules: reads assessments, history, cases, the watch list, reports and
	 * the audit log; replays, asks what-if and why-not; uses the console and exports.
	 */
	REVIEWER,

	/** Another department's feed (medical insurance, civil affairs, ...): posts department alerts. */
	DEPARTMENT_FEED

}
