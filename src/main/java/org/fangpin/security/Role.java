package org.fangpin.security;

/** What a signed-in user may do; a user holds one or more roles. */
public enum Role {

	/** Assesses households: evaluations, stored assessments and batches, and reads them back. */
	CASEWORKER,

	/** Owns the rule set: validates candidates, reloads, rolls back. */
	POLICY_EDITOR,

	/** Follows recommendations back to their rules: reads assessments, history, the audit log and the console. */
	REVIEWER,

	/** Reserved for the department feeds of early-warning alerts; no endpoint needs it yet. */
	DEPARTMENT_FEED

}
