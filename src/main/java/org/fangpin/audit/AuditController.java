package org.fangpin.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangpin.web.ProblemDocument;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit log for reviewers, newest first, a page at a time. */
@RestController
@Tag(name = "Audit", description = "Who validated or activated a rule set and who stored an assessment, and when")
class AuditController {

	static final int MAX_PAGE_SIZE = 200;

	private static final String PROBLEM = "application/problem+json";

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/audit")
	@Operation(operationId = "auditLog", summary = "Read the audit log",
			description = "The entries of the audit log, newest first, a page at a time: every stored assessment "
					+ "with who stored it, every run of the rule set validation gate and every activation of a rule "
					+ "set (at start-up, by a reload or by a rollback) with who asked for it. Entries are written in "
					+ "the same transaction as what they record and are never changed; they never hold a name or ID "
					+ "number of a household member. An unknown action has no entries.")
	@ApiResponse(responseCode = "200", description = "A page of the log, newest first",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AuditLog.Page.class)))
	@ApiResponse(responseCode = "400", description = "page or size is not a whole number, or out of its range",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	AuditLog.Page audit(
			@Parameter(description = "The page, from 0 (newest entries first)", example = "0",
					schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "1000000",
							defaultValue = "0"))
			@RequestParam(defaultValue = "0") int page,
			@Parameter(description = "How many entries a page holds", example = "50",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + MAX_PAGE_SIZE,
							defaultValue = "50"))
			@RequestParam(defaultValue = "50") int size,
			@Parameter(description = "Only entries of this action; all actions when absent",
					example = AuditRecorder.RULE_SET_ACTIVATED,
					schema = @Schema(type = "string", allowableValues = { AuditRecorder.ASSESSMENT_CREATED,
							AuditRecorder.RULE_SET_VALIDATED, AuditRecorder.RULE_SET_REFUSED,
							AuditRecorder.RULE_SET_ACTIVATED }))
			@RequestParam(required = false) String action) {
		if (page < 0 || page > 1_000_000) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'page' must be between 0 and 1000000");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'size' must be between 1 and " + MAX_PAGE_SIZE);
		}
		return this.log.read(page, size, action);
	}

}
