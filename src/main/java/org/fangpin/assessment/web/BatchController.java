package org.fangpin.assessment.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangpin.assessment.BatchAssessmentService;
import org.fangpin.web.JsonRequests;
import org.fangpin.web.ProblemDocument;
import org.fangpin.web.ProblemMaps;
import org.fangpin.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/assessments/batch}: NDJSON in, NDJSON out, line for line and streamed both ways. The body is
 * read from the request as it arrives and each chunk's lines are written and flushed as soon as the chunk is done,
 * so neither side ever holds the whole batch.
 */
@RestController
@Tag(name = "Assessments")
class BatchController {

	static final String NDJSON = "application/x-ndjson";

	private static final String PROBLEM = "application/problem+json";

	private static final Logger logger = LoggerFactory.getLogger(BatchController.class);

	private final BatchAssessmentService batches;

	private final JsonRequests requests;

	private final ProblemMaps problems;

	private final JsonMapper json;

	BatchController(BatchAssessmentService batches, JsonRequests requests, Problems problems, JsonMapper json) {
		this.batches = batches;
		this.requests = requests;
		this.problems = new ProblemMaps(problems);
		this.json = json;
	}

	@PostMapping(path = AssessmentController.PATH + "/batch", consumes = NDJSON)
	@Operation(operationId = "assessBatch", summary = "Assess many household profiles, one a line",
			description = "Reads one household profile a line (NDJSON, UTF-8; each line read as strictly as the body "
					+ "of POST /api/v1/assessments) and answers one line a request line, in the same order: the "
					+ "assessment, or a problem line for that line alone. Blank lines are skipped but counted. Lines "
					+ "are read as they arrive, evaluated on every core in order-keeping blocks and written back a "
					+ "block at a time, once the next block has been read or the request has ended, so neither side "
					+ "holds the whole batch. Unless store is false, every "
					+ "assessment is stored, committed in chunks (fangpin.batch.chunk-size, 500) before its line is "
					+ "written. The status is 200 whatever the lines: a failure of the service after the answer has "
					+ "begun ends it with a problem line whose line is null.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "Household profiles, one JSON object a line (at most 64 MB in all, each line at "
							+ "most fangpin.batch.max-line-bytes, 1 MiB)",
					content = @Content(mediaType = NDJSON,
							schema = @Schema(implementation = HouseholdProfileDocument.class))))
	@ApiResponse(responseCode = "200", description = "One answer a request line, in order, one JSON object a line "
			+ "(NDJSON)", content = @Content(mediaType = NDJSON,
					schema = @Schema(implementation = BatchDocuments.Line.class)))
	@ApiResponse(responseCode = "400", description = "store is neither true nor false",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "413", description = "The body's declared length is over 64 MB "
			+ "(fangpin.limits.max-batch-body; payload-too-large): refused before it is read, nothing is assessed. "
			+ "A body sent without a length that grows past the limit ends the answer with a problem line instead",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is not application/x-ndjson",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	void batch(@Parameter(description = "false evaluates every line and stores nothing (every id is null)",
			example = "false", schema = @Schema(type = "boolean", defaultValue = "true"))
	@RequestParam(defaultValue = "true") boolean store, HttpServletRequest request,
			HttpServletResponse response, Locale locale) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(NDJSON);
		response.setCharacterEncoding("UTF-8");
		OutputStream out = new BufferedOutputStream(response.getOutputStream(), 64 * 1024);
		try {
			this.batches.assess(request.getInputStream(), this.requests::parse, store,
					(results) -> write(out, results, locale));
		}
		catch (Exception ex) {
			// The status is sent: the client learns of the failure from a last line without a line number.
			logger.error("Batch stopped", ex);
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("line", null);
			line.put("householdId", null);
			line.put("problem", this.problems.of(new IllegalStateException(ex), locale));
			writeLine(out, line);
		}
		out.flush();
	}

	private void write(OutputStream out, List<BatchAssessmentService.Result> results, Locale locale) {
		for (BatchAssessmentService.Result result : results) {
			if (result.assessment() != null) {
				writeLine(out, AssessmentView.of(result.assessment(), locale, false));
			}
			else {
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("line", result.screened().line());
				line.put("householdId", result.screened().householdId());
				line.put("problem", this.problems.of(result.screened().problem(), locale));
				writeLine(out, line);
			}
		}
		try {
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void writeLine(OutputStream out, Object value) {
		try {
			out.write(this.json.writeValueAsBytes(value));
			out.write('\n');
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
