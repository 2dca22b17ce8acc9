package org.fangpin.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The audit log for reviewers, newest first, a page at a time. */
@RestController
class AuditController {

	static final int MAX_PAGE_SIZE = 200;

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/audit")
	AuditLog.Page audit(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
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
