package org.fangpin.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangpin.rules.ValidationReport;
import org.fangpin.web.JsonRequests;
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
class RuleSetLifecycleController {

	static final String ANONYMOUS = "anonymous";

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
	ValidationReport validate(@RequestBody byte[] body, Principal principal) {
		JsonNode json = this.requests.parse(body);
		JsonNode files = json.has("files") ? json.get("files") : json;
		if (!files.isObject()) {
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
		return this.publisher.validate(candidate, who(principal));
	}

	/** Candidate files as a multipart upload: each part's file name (or part name) is the file's path. */
	@PostMapping(path = "/api/v1/ruleset/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ValidationReport validateUpload(MultipartHttpServletRequest request, Principal principal) throws IOException {
		Map<String, String> candidate = new LinkedHashMap<>();
		for (List<MultipartFile> parts : request.getMultiFileMap().values()) {
			for (MultipartFile part : parts) {
				String name = (part.getOriginalFilename() != null && !part.getOriginalFilename().isBlank())
						? part.getOriginalFilename() : part.getName();
				candidate.put(path(name), new String(part.getBytes(), StandardCharsets.UTF_8));
			}
		}
		return this.publisher.validate(candidate, who(principal));
	}

	@PostMapping("/api/v1/ruleset/reload")
	ResponseEntity<RuleSetPublisher.Publication> reload(@RequestParam(required = false) String comment,
			Principal principal) {
		return respond(this.publisher.reload(who(principal), comment));
	}

	@PostMapping(path = "/api/v1/ruleset/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RuleSetPublisher.Publication> rollback(@RequestBody byte[] body, Principal principal) {
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
	Map<String, Object> versions() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("active", this.active.ruleSet().version());
		body.put("versions", this.archive.versions());
		body.put("activations", this.archive.activations(200));
		return body;
	}

	@GetMapping("/api/v1/ruleset/versions/{version}")
	Map<String, Object> version(@PathVariable String version) {
		RuleSetArchive.Version found = this.archive.version(version)
			.orElseThrow(() -> new RuleSetPublisher.UnknownRuleSetVersionException(version));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", found);
		body.put("files", this.archive.files(version));
		return body;
	}

	@GetMapping("/api/v1/ruleset/diff")
	RuleSetDiff diff(@RequestParam String from, @RequestParam(required = false) String to) {
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

}
