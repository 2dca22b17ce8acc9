package org.fangpin.assessment.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.web.JsonRequests;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evaluating, storing and reading assessments of household profiles. */
@RestController
class AssessmentController {

	static final String PATH = "/api/v1/assessments";

	private final AssessmentService assessments;

	private final JsonRequests requests;

	AssessmentController(AssessmentService assessments, JsonRequests requests) {
		this.assessments = assessments;
		this.requests = requests;
	}

	@PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
	AssessmentView evaluate(@RequestBody byte[] body, Locale locale) {
		return AssessmentView.of(this.assessments.evaluate(this.requests.parse(body)), locale, false);
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<AssessmentView> assess(@RequestBody byte[] body,
			@RequestParam(required = false) String supersedes, Locale locale) {
		StoredAssessment assessment = this.assessments.assess(this.requests.parse(body), supersedes);
		return ResponseEntity.created(URI.create(PATH + "/" + assessment.id()))
			.body(AssessmentView.of(assessment, locale, false));
	}

	@GetMapping(PATH + "/{id}")
	AssessmentView find(@PathVariable String id, Locale locale) {
		return AssessmentView.of(this.assessments.find(id), locale, true);
	}

	@GetMapping("/api/v1/households/{householdId}/assessments")
	List<AssessmentView> history(@PathVariable String householdId, Locale locale) {
		return this.assessments.history(householdId)
			.stream()
			.map((assessment) -> AssessmentView.of(assessment, locale, false))
			.toList();
	}

}
