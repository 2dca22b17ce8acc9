package org.fangpin.assessment.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.household.PersonalData;
import org.fangpin.web.JsonRequests;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Evaluating, storing and reading assessments of household profiles. */
@RestController
class AssessmentController {

	static final String PATH = "/api/v1/assessments";

	/** The role that may see members' personal data unmasked (org.fangpin.security.Role.CASEWORKER). */
	static final String CASEWORKER = "CASEWORKER";

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
	ResponseEntity<AssessmentView> assess(@RequestBody byte[] body, Locale locale) {
		StoredAssessment assessment = this.assessments.assess(this.requests.parse(body));
		return ResponseEntity.created(URI.create(PATH + "/" + assessment.id()))
			.body(AssessmentView.of(assessment, locale, false));
	}

	/** The stored input shows members' names and ID numbers only to caseworkers; everyone else sees them masked. */
	@GetMapping(PATH + "/{id}")
	AssessmentView find(@PathVariable String id, Locale locale, HttpServletRequest request) {
		StoredAssessment assessment = this.assessments.find(id);
		if (!request.isUserInRole(CASEWORKER)) {
			assessment = new StoredAssessment(assessment.id(), assessment.assessedAt(),
					PersonalData.masked(assessment.profile()), assessment.evaluation());
		}
		return AssessmentView.of(assessment, locale, true);
	}

	@GetMapping("/api/v1/households/{householdId}/assessments")
	List<AssessmentView> history(@PathVariable String householdId, Locale locale) {
		return this.assessments.history(householdId)
			.stream()
			.map((assessment) -> AssessmentView.of(assessment, locale, false))
			.toList();
	}

}
