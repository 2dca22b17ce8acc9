package org.fangpin.impact;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.BatchAssessmentService;
import org.fangpin.assessment.BatchProperties;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetException;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.ruleset.CandidateFiles;
import org.fangpin.ruleset.ActiveRuleSet;
import org.fangpin.screening.OrderedParallel;
import org.fangpin.screening.ProfileLines;
import org.fangpin.web.JsonRequests;
import org.fangpin.web.ProblemDocument;
import org.fangpin.web.ProblemMaps;
import org.fangpin.web.Problems;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/v1/ruleset/impact}: candidate files (path to content, null deletes, overlaid on the active rule
 * set as for validation) run against the active rule set over a population. A JSON body uses the latest stored input
 * of every household; a multipart upload with a {@code files} part and a {@code population} part (NDJSON) uses the
 * uploaded households.
 */
@RestController
@Tag(name = "Rule set lifecycle")
class ImpactController {

	static final String PATH = "/api/v1/ruleset/impact";

	private static final String PROBLEM = "application/problem+json";

	private static final String NDJSON = "application/x-ndjson";

	private static final int DEFAULT_LIMIT = 1000;

	private final ActiveRuleSet active;

	private final RuleSetLoader loader;

	private final BatchAssessmentService batches;

	private final JsonRequests requests;

	private final OrderedParallel workers;

	private final BatchProperties properties;

	private final Problems problems;

	private final Clock clock;

	ImpactController(ActiveRuleSet active, RuleSetLoader loader, BatchAssessmentService batches,
			JsonRequests requests, OrderedParallel workers, BatchProperties properties, Problems problems,
			Clock clock) {
		this.active = active;
		this.loader = loader;
		this.batches = batches;
		this.requests = requests;
		this.workers = workers;
		this.properties = properties;
		this.problems = problems;
		this.clock = clock;
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "ruleSetImpact", summary = "Show what a candidate rule set changes for a population",
			description = "Overlays the candidate files on the rule set in force (as a validation does: a file sent "
					+ "replaces the one of the same path, a null content deletes it), then runs the rule set in force "
					+ "and the candidate side by side, on every core, over a population: the latest stored input of "
					+ "every household when the files come as JSON, or the households of an uploaded NDJSON file "
					+ "(multipart, a files part and a population part). The report gives the counts per risk group, "
					+ "tier and measure and the measure amounts under each, the transition matrix of risk groups, "
					+ "and each household whose outcome changed with the rules that fired in one run only (the "
					+ "first limit of them; changedCount counts them all). Nothing is activated, archived or "
					+ "stored.")
	@ApiResponse(responseCode = "200", description = "The report",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ImpactReport.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, is not an object "
			+ "of paths to contents, or names a path outside the rule set; or the upload lacks its files or "
			+ "population part, or its limit is not a whole number",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "413", description = "The body is larger than 2 MB (fangpin.limits.max-body; "
			+ "payload-too-large), the upload included",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is neither application/json nor multipart/form-data",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = "The candidate does not load (rule-set-invalid): problems "
			+ "lists every problem with its file, line and column",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ResponseEntity<?> impact(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The candidate files, and for an upload the population",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = ImpactDocuments.Request.class),
							examples = @ExampleObject(name = "raisedThreshold",
									summary = "A changed parameters file over the stored households, listing at most "
											+ "100 changes",
									value = "{\"files\": {\"parameters.yaml\": \"monitoring.incomeThreshold:\\n…\"}, "
											+ "\"limit\": 100}")),
					@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = ImpactDocuments.Upload.class),
							encoding = { @Encoding(name = "files", contentType = MediaType.APPLICATION_JSON_VALUE),
									@Encoding(name = "population", contentType = NDJSON) }) })
	@RequestBody byte[] body, Locale locale) throws Exception {
		JsonNode json = this.requests.parse(body);
		JsonNode files = json.has("files") ? json.get("files") : json;
		int limit = limit(json.get("limit"));
		try (StoredPopulation population = new StoredPopulation(this.batches::forEachLatestInput)) {
			return run(CandidateFiles.of(files), population, limit, locale);
		}
	}

	/** The files and an uploaded population as multipart parts. Documented with {@link #impact}. */
	@Hidden
	@PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> impactUpload(MultipartHttpServletRequest request, Locale locale) throws Exception {
		MultipartFile files = request.getFile("files");
		String filesJson = (files != null) ? new String(files.getBytes(), StandardCharsets.UTF_8)
				: request.getParameter("files");
		MultipartFile population = request.getFile("population");
		if (filesJson == null || population == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"expected a 'files' part (JSON: path to content) and a 'population' part (NDJSON)");
		}
		JsonNode json = this.requests.parse(filesJson.getBytes(StandardCharsets.UTF_8));
		int limit = limit(request.getParameter("limit"));
		try (InputStream in = population.getInputStream()) {
			return run(CandidateFiles.of(json.has("files") ? json.get("files") : json),
					new ProfileLines(in, this.properties.maxLineBytes()), limit, locale);
		}
	}

	private ResponseEntity<?> run(Map<String, String> candidateFiles, Iterator<ProfileLines.Line> population,
			int limit, Locale locale) throws Exception {
		try (ActiveRuleSet.Lease lease = this.active.acquire()) {
			RuleSet current = lease.ruleSet();
			Map<String, String> files = new TreeMap<>(current.files());
			candidateFiles.forEach((path, content) -> {
				if (content == null) {
					files.remove(path);
				}
				else {
					files.put(path, content);
				}
			});
			RuleSet candidate;
			try {
				candidate = this.loader.load("candidate", files);
			}
			catch (RuleSetException ex) {
				ProblemDetail problem = this.problems.create(HttpStatus.UNPROCESSABLE_CONTENT, "rule-set-invalid",
						locale, ex.problems().size());
				problem.setProperty("problems", ex.problems());
				return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(ProblemMaps.toMap(problem));
			}
			try (candidate) {
				ImpactReport report = new ImpactAnalysis(this.workers, limit, this.properties.maxLineBytes())
					.run(current, candidate, population, this.requests::parse, today());
				return ResponseEntity.ok(report);
			}
		}
	}

	private static int limit(JsonNode limit) {
		return (limit != null && limit.canConvertToInt()) ? Math.max(0, limit.intValue()) : DEFAULT_LIMIT;
	}

	/** The limit of an upload, a form field: a whole number, or the default when absent. */
	private static int limit(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			return Math.max(0, Integer.parseInt(limit.strip()));
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'limit' must be a whole number");
		}
	}

	/** A rule set path: relative, with {@code /}, under the rules root, never escaping it. */
	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(AssessmentService.SERVICE_ZONE));
	}

}
