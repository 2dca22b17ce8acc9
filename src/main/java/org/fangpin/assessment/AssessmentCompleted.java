package org.fangpin.assessment;

import java.time.Duration;

/**
 * Published after a household profile has been evaluated, whether or not the result was stored. Metrics, audit and
 * casework listen to it; the assessment itself never depends on them.
 */
public record AssessmentCompleted(StoredAssessment assessment, boolean stored, Duration evaluationTime) {

}
