package org.fangpin.assessment;

import java.time.Duration;

/**
 * A batch has been answered to its last line: how many lines were assessed, how many were problems, whether the
 * results were stored, and how long it took. Published for the metrics; the assessment module knows nothing of them.
 */
public record BatchCompleted(long assessed, long problems, boolean stored, Duration duration) {

	public long lines() {
		return this.assessed + this.problems;
	}

}
