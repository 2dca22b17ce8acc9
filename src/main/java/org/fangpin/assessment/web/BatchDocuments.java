package org.fangpin.assessment.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.web.ProblemDocument;

/**
 * The lines of a batch's answer, for the OpenAPI document only: {@link BatchController} writes each line as the
 * assessment of {@code POST /api/v1/assessments} or as a problem line, and these records describe both.
 */
final class BatchDocuments {

	private BatchDocuments() {
	}

	@Schema(name = "BatchLine", oneOf = { AssessmentView.class, ProblemLine.class },
			description = "One line of a batch's answer, for the request line of the same place: the assessment, as "
					+ "POST /api/v1/assessments answers it (id null with store=false), or a problem line")
	record Line() {

	}

	@Schema(name = "BatchProblemLine", description = "The answer to a request line that could not be assessed: "
			+ "which line, whose, and why. A bad line never stops the batch; a batch that stops on a failure of the "
			+ "service ends with a problem line whose line is null")
	record ProblemLine(
			@Schema(description = "The line's number in the request, from 1 (blank lines are skipped but counted); "
					+ "null on a last line that says the batch stopped", example = "6", minimum = "1",
					types = { "integer", "null" }, requiredMode = RequiredMode.REQUIRED) Long line,
			@Schema(description = "The line's householdId when it could be read; null otherwise",
					example = "140902-017-0031", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED)
			String householdId,
			@Schema(description = "Why, as the single-profile API would answer it: invalid-profile (400, errors names "
					+ "every bad field), malformed-json (400), line-too-long (413, a line over "
					+ "fangpin.batch.max-line-bytes), parameter-not-in-force or rule-evaluation-failed (422), "
					+ "internal (500)", requiredMode = RequiredMode.REQUIRED) ProblemDocument problem) {

	}

}
