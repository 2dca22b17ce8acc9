package org.fangpin.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangpin.rules.ValidationReport;
import org.fangpin.web.JsonRequests;
import org.fangpin.web.ProblemDocument;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The rule set lifecycle for policy staff: validate a candidate, reload from disk, roll back, and read the archive
 * of versions with their files and differences.
 */
@RestController
@Tag(name = "Rule set lifecycle", description = "Validate a candidate rule set and see what it changes for a "
		+ "population, reload the rules directory, roll back to an archived version, and read the archive of "
		+ "versions, their files and their differences")
class RuleSetLifecycleController {

	static final String ANONYMOUS = "anonymous";

	private static final String PROBLEM = "application/problem+json";

	private static final String VERSION_EXAMPLE = "sha256:"
			+ "4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100";

	private static final String VERSION_PATTERN = "^sha256:[0-9a-f]{64}$";

	private static final String CANDIDATE_EXAMPLE = "{\"files\": {\"50-measures/measures.drl\": \"package "
			+ "fangpin.measures;\\n…\", \"rules/99-extra/extra.drl\": null}}";

	private final RuleSetPublisher publisher;

	private final RuleSetArchive archive;

	private final ActiveRuleSet active;

	private final JsonRequests requests;

	RuleSetLifecycleController(RuleSetPublisher publisher, RuleSetArchive archive, ActiveRuleSet active,
			JsonRequests requests) {
		this.publisher = publisher;
		this.archive = archive;
		this.active = active;
		this.requests = requests;
	}

	/** Candidate files as a JSON map of path to content (null deletes a file), overlaid on the active rule set. */
	@PostMapping(path = "/api/v1/ruleset/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "validateRuleSet", summary = "Validate a candidate rule set without activating it",
			description = "Overlays the candidate files on the rule set in force (a file sent replaces the one of "
					+ "the same path, a null content deletes it) and runs the validation gate: compile, lint, the "
					+ "declarative test cases and a smoke run. Paths are relative to rules/ (a leading rules/ is "
					+ "dropped) and may not leave it. Nothing is activated or archived: the answer is 200 whether "
					+ "the candidate passes or not. The files come as JSON, or as a multipart upload in which each "
					+ "part's file name (or, without one, its name) is the file's path.")
	@ApiResponse(responseCode = "200", description = "The gate's report; passed says whether the candidate passed",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ValidationReport.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, is not an object "
			+ "of paths to contents, or names a path outside the rule set",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is neither application/json nor multipart/form-data",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ValidationReport validate(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The candidate files, overlaid on the rule set in force",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = Candidate.class),
							examples = @ExampleObject(name = "changeAndDelete",
									summary = "Replace the measures and delete an extra file",
									value = CANDIDATE_EXAMPLE)),
					@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(type = "object",
									description = "One part a file: its file name (or its name) is the file's path, "
											+ "its content the file's content in UTF-8"),
							additionalPropertiesSchema = @Schema(types = "string", format = "binary",
									description = "A file of the rule set")) })
	@RequestBody byte[] body, Principal principal) {
		JsonNode json = this.requests.parse(body);
		Map<String, String> candidate = CandidateFiles.of(json.has("files") ? json.get("files") : json);
		return this.publisher.validate(candidate, who(principal));
	}

	/**
	 * Candidate files as a multipart upload: each part's file name (or part name) is the file's path. Documented with
	 * {@link #validate}: one operation, two media types.
	 */
	@Hidden
	@PostMapping(path = "/api/v1/ruleset/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ValidationReport validateUpload(MultipartHttpServletRequest request, Principal principal) throws IOException {
		Map<String, String> candidate = new LinkedHashMap<>();
		for (List<MultipartFile> parts : request.getMultiFileMap().values()) {
			for (MultipartFile part : parts) {
				String name = (part.getOriginalFilename() != null && !part.getOriginalFilename().isBlank())
						? part.getOriginalFilename() : part.getName();
				candidate.put(CandidateFiles.path(name), new String(part.getBytes(), StandardCharsets.UTF_8));
			}
		}
		return this.publisher.validate(candidate, who(principal));
	}

	@PostMapping("/api/v1/ruleset/reload")
	@Operation(operationId = "reloadRuleSet", summary = "Reload the rules directory",
			description = "Re-reads the rules directory and runs the validation gate. A candidate that passes is "
					+ "archived and activated at once, without a restart; one that fails changes nothing and the rule "
					+ "set in force keeps answering. The request has no body.")
	@ApiResponse(responseCode = "200", description = "The gate passed: the directory's rule set is in force "
			+ "(activated is false when it already was)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RuleSetPublisher.Publication.class)))
	@ApiResponse(responseCode = "422", description = "The gate failed, or the directory could not be read: nothing "
			+ "changed; report says why",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RuleSetPublisher.Publication.class)))
	ResponseEntity<RuleSetPublisher.Publication> reload(
			@Parameter(description = "Why, for the archive", example = "reword M-06")
			@RequestParam(required = false) String comment, Principal principal) {
		return respond(this.publisher.reload(who(principal), comment));
	}

	@PostMapping(path = "/api/v1/ruleset/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "rollBackRuleSet", summary = "Roll back to an archived rule set version",
			description = "Runs the archived version's files through the validation gate again and, if they pass, "
					+ "activates them. A version that fails changes nothing.")
	@ApiResponse(responseCode = "200", description = "The version is in force (activated is false when it already "
			+ "was)", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RuleSetPublisher.Publication.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, or has no version",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "404", description = "No archived rule set has this version "
			+ "(rule-set-version-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = "The version failed the gate: nothing changed; report says why",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RuleSetPublisher.Publication.class)))
	ResponseEntity<RuleSetPublisher.Publication> rollback(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "The version to go back to",
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = Rollback.class)))
			@RequestBody byte[] body, Principal principal) {
		JsonNode json = this.requests.parse(body);
		JsonNode version = json.get("version");
		if (version == null || !version.isString()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'version' (sha256:…) is required");
		}
		String comment = (json.get("comment") != null && json.get("comment").isString())
				? json.get("comment").stringValue() : null;
		return respond(this.publisher.rollback(version.stringValue(), who(principal), comment));
	}

	@GetMapping("/api/v1/ruleset/versions")
	@Operation(operationId = "ruleSetVersions", summary = "List the archived rule set versions and activations",
			description = "The version in force, every archived version (newest first) and the latest 200 "
					+ "activations (newest first).")
	@ApiResponse(responseCode = "200", description = "The archive",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = VersionsView.class)))
	VersionsView versions() {
		return new VersionsView(this.active.ruleSet().version(), this.archive.versions(),
				this.archive.activations(200));
	}

	@GetMapping("/api/v1/ruleset/versions/{version}")
	@Operation(operationId = "ruleSetVersion", summary = "Read an archived rule set version with its files",
			description = "The version as archived and the content of each of its files.")
	@ApiResponse(responseCode = "200", description = "The version and its files",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = VersionFilesView.class)))
	@ApiResponse(responseCode = "404", description = "No archived rule set has this version "
			+ "(rule-set-version-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	VersionFilesView version(@Parameter(description = "The version", example = VERSION_EXAMPLE)
	@PathVariable String version) {
		RuleSetArchive.Version found = this.archive.version(version)
			.orElseThrow(() -> new RuleSetPublisher.UnknownRuleSetVersionException(version));
		return new VersionFilesView(found, this.archive.files(version));
	}

	@GetMapping("/api/v1/ruleset/diff")
	@Operation(operationId = "ruleSetDiff", summary = "Compare two archived rule set versions",
			description = "Which files and which rules were added, removed or changed from one version to another "
					+ "(by default, to the version in force).")
	@ApiResponse(responseCode = "200", description = "The differences",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = RuleSetDiff.class)))
	@ApiResponse(responseCode = "400", description = "from is missing",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "404", description = "No archived rule set has one of the versions "
			+ "(rule-set-version-not-found)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	RuleSetDiff diff(@Parameter(description = "The version to compare from", example = VERSION_EXAMPLE)
	@RequestParam String from,
			@Parameter(description = "The version to compare to; the version in force when absent",
					example = "sha256:9c2e7d1f0a4b3c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5")
			@RequestParam(required = false) String to) {
		String target = (to != null) ? to : this.active.ruleSet().version();
		return RuleSetDiff.between(from, files(from), target, files(target));
	}

	private Map<String, String> files(String version) {
		Map<String, String> files = this.archive.files(version);
		if (files.isEmpty()) {
			throw new RuleSetPublisher.UnknownRuleSetVersionException(version);
		}
		return files;
	}

	private static ResponseEntity<RuleSetPublisher.Publication> respond(RuleSetPublisher.Publication publication) {
		return ResponseEntity.status(publication.report().passed() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT)
			.body(publication);
	}

	private static String who(Principal principal) {
		return (principal != null) ? principal.getName() : ANONYMOUS;
	}

	/** A rule set path: relative, with {@code /}, under the rules root, never escaping it. */
	@Schema(name = "RuleSetVersions", description = "The archive of rule set versions and their activations")
	record VersionsView(
			@Schema(description = "The version in force", example = VERSION_EXAMPLE, pattern = VERSION_PATTERN,
					requiredMode = RequiredMode.REQUIRED) String active,
			@ArraySchema(arraySchema = @Schema(description = "Every archived version, newest first",
					requiredMode = RequiredMode.REQUIRED)) List<RuleSetArchive.Version> versions,
			@ArraySchema(arraySchema = @Schema(description = "The latest 200 activations, newest first",
					requiredMode = RequiredMode.REQUIRED)) List<RuleSetArchive.ActivationRecord> activations) {

	}

	@Schema(name = "RuleSetVersionFiles", description = "An archived rule set version with the content of its files")
	record VersionFilesView(
			@Schema(description = "The version as archived", requiredMode = RequiredMode.REQUIRED)
			RuleSetArchive.Version version,
			@Schema(description = "Each file's content (UTF-8 text), by path relative to rules/, in path order",
					example = "{\"50-measures/measures.drl\": \"package fangpin.measures;\\n…\", "
							+ "\"parameters.yaml\": \"monitoring.incomeThreshold:\\n…\"}",
					requiredMode = RequiredMode.REQUIRED) Map<String, String> files) {

	}

	/** The JSON body of a validation, for the OpenAPI document only. */
	@Schema(name = "RuleSetCandidate", description = "Candidate files, by path relative to rules/. The map may also "
			+ "be sent bare, without the files wrapper")
	record Candidate(@Schema(description = "Each file's new content (UTF-8 text), or null to delete the file, by "
			+ "path", example = "{\"50-measures/measures.drl\": \"package fangpin.measures;\\n…\", "
					+ "\"99-extra/extra.drl\": null}",
			additionalPropertiesSchema = FileContent.class, requiredMode = RequiredMode.REQUIRED)
	Map<String, String> files) {

	}

	/** A candidate file's content, for the OpenAPI document only. */
	@Schema(name = "RuleSetFileContent", types = { "string", "null" },
			description = "A file's content (UTF-8 text), or null to delete the file")
	record FileContent() {

	}

	/** The body of a rollback, for the OpenAPI document only. */
	@Schema(name = "RuleSetRollback", description = "The archived version to activate again")
	record Rollback(
			@Schema(description = "The archived version", example = VERSION_EXAMPLE, pattern = VERSION_PATTERN,
					requiredMode = RequiredMode.REQUIRED) String version,
			@Schema(description = "Why, for the archive", example = "back to the shipped rules") String comment) {

	}

}
