/**
 * The audit log: who validated or activated a rule set, and who stored an assessment, and when. It listens to the
 * events of the other modules and never calls them; entries are append-only, and reviewers read them over
 * {@code GET /api/v1/audit}.
 */
package org.fangpin.audit;
