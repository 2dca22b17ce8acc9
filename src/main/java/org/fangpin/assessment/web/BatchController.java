package org.fangpin.assessment.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fangpin.assessment.BatchAssessmentService;
import org.fangpin.web.JsonRequests;
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
class BatchController {

	static final String NDJSON = "application/x-ndjson";

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
	void batch(@RequestParam(defaultValue = "true") boolean store, HttpServletRequest request,
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
