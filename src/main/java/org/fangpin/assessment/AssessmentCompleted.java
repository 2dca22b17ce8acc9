package org.fangpin.assessment;

import java.time.Duration;

/**
 * Published after a household profile has been evaluated, whether or not the result was stored. Metrics, audit and
 * casework listen to it; the assessment itself never depends on them. {@code inBatch} tells a line of a batch from a
 * single assessment, so that listeners can summarise a batch rather than report each of its lines.
 */
public record AssessmentCompleted(StoredAssessment assessment, boolean stored, Duration evaluationTime,
		boolean inBatch) {

	/** A single assessment, not a line of a batch. */
	public AssessmentCompleted(StoredAssessment assessment, boolean stored, Duration evaluationTime) {
		this(assessment, stored, evaluationTime, false);
	}

}
