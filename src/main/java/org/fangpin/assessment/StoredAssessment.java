package org.fangpin.assessment;

import java.time.Instant;
import java.util.UUID;

import org.fangpin.rules.Evaluation;
import tools.jackson.databind.JsonNode;

/**
 * An assessment as kept: its id (null when it was not stored), when it was made, the profile as received, the
 * evaluation, and the assessment it corrects, if any.
 */
public record StoredAssessment(UUID id, Instant assessedAt, JsonNode profile, Evaluation evaluation,
		UUID supersedes) {

	public StoredAssessment(UUID id, Instant assessedAt, JsonNode profile, Evaluation evaluation) {
		this(id, assessedAt, profile, evaluation, null);
	}

}
