package org.fangpin.impact;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.BatchAssessmentService;
import org.fangpin.assessment.BatchProperties;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetException;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.ruleset.ActiveRuleSet;
import org.fangpin.screening.OrderedParallel;
import org.fangpin.screening.ProfileLines;
import org.fangpin.web.JsonRequests;
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
class ImpactController {

	static final String PATH = "/api/v1/ruleset/impact";

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
	ResponseEntity<?> impact(@RequestBody byte[] body, Locale locale) throws Exception {
		JsonNode json = this.requests.parse(body);
		JsonNode files = json.has("files") ? json.get("files") : json;
		int limit = limit(json.get("limit"));
		try (StoredPopulation population = new StoredPopulation(this.batches::forEachLatestInput)) {
			return run(files(files), population, limit, locale);
		}
	}

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
		String limit = request.getParameter("limit");
		try (InputStream in = population.getInputStream()) {
			return run(files(json.has("files") ? json.get("files") : json),
					new ProfileLines(in, this.properties.maxLineBytes()),
					(limit != null) ? Integer.parseInt(limit) : DEFAULT_LIMIT, locale);
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

	private Map<String, String> files(JsonNode files) {
		if (files == null || !files.isObject()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"expected a JSON object mapping each file's path to its content");
		}
		Map<String, String> candidate = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> file : files.properties()) {
			if (!file.getValue().isNull() && !file.getValue().isString()) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"the content of " + file.getKey() + " must be a string or null");
			}
			candidate.put(path(file.getKey()), file.getValue().isNull() ? null : file.getValue().stringValue());
		}
		return candidate;
	}

	private static int limit(JsonNode limit) {
		return (limit != null && limit.canConvertToInt()) ? Math.max(0, limit.intValue()) : DEFAULT_LIMIT;
	}

	/** A rule set path: relative, with {@code /}, under the rules root, never escaping it. */
	private static String path(String name) {
		String path = name.replace('\\', '/');
		if (path.startsWith("rules/")) {
			path = path.substring("rules/".length());
		}
		if (path.isBlank() || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a rule set path: " + name);
		}
		return path;
	}

	private LocalDate today() {
		return LocalDate.now(this.clock.withZone(AssessmentService.SERVICE_ZONE));
	}

}
