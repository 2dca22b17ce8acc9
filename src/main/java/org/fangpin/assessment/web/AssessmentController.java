package org.fangpin.assessment.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.household.PersonalData;
import org.fangpin.web.JsonRequests;
import org.fangpin.web.ProblemDocument;

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
@Tag(name = "Assessments", description = "Evaluate household profiles against the rule set in force, one or many "
		+ "at a time, store the results and read them back")
class AssessmentController {

	static final String PATH = "/api/v1/assessments";

	/** The role that may see members' personal data unmasked (org.fangpin.security.Role.CASEWORKER). */
	static final String CASEWORKER = "CASEWORKER";

	private static final String PROBLEM = "application/problem+json";

	private final AssessmentService assessments;

	private final JsonRequests requests;

	AssessmentController(AssessmentService assessments, JsonRequests requests) {
		this.assessments = assessments;
		this.requests = requests;
	}

	@PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "evaluate", summary = "Evaluate a household profile without storing it",
			description = "Runs the rule set in force on the profile and returns the assessment. Nothing is "
					+ "stored: the assessment's id is null.")
	@ApiResponse(responseCode = "200", description = "The assessment; its id is null",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AssessmentView.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, or the profile "
			+ "breaks the contract: errors names every bad field",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = "A parameter the rules read has no value on asOf "
			+ "(parameter-not-in-force), or a rule failed (rule-evaluation-failed)",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	AssessmentView evaluate(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The household profile (read strictly: see the schema)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HouseholdProfileDocument.class),
					examples = @ExampleObject(name = "liftedHouseholdOfOne",
							summary = "A lifted household of one with a chronic illness and high medical costs",
							value = HouseholdProfileDocument.EXAMPLE))) @RequestBody byte[] body, Locale locale) {
		return AssessmentView.of(this.assessments.evaluate(this.requests.parse(body)), locale, false);
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "assess", summary = "Assess a household profile and store the assessment",
			description = "Runs the rule set in force on the profile and stores profile, result, trace and rule set "
					+ "version in one transaction. A request that fails stores nothing.")
	@ApiResponse(responseCode = "201", description = "The stored assessment",
			headers = @Header(name = "Location", description = "Where the stored assessment can be read",
					schema = @Schema(type = "string", format = "uri-reference",
							example = "/api/v1/assessments/01a22c10-17e6-7c55-bf00-db3119df4cb9")),
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AssessmentView.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, or the profile "
			+ "breaks the contract: errors names every bad field. Nothing is stored",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is not application/json",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = "A parameter the rules read has no value on asOf "
			+ "(parameter-not-in-force), or a rule failed (rule-evaluation-failed). Nothing is stored",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ResponseEntity<AssessmentView> assess(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The household profile (read strictly: see the schema)",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = HouseholdProfileDocument.class),
					examples = @ExampleObject(name = "liftedHouseholdOfOne",
							summary = "A lifted household of one with a chronic illness and high medical costs",
							value = HouseholdProfileDocument.EXAMPLE))) @RequestBody byte[] body,
			@Parameter(description = "The id of an earlier assessment of the same household that this one corrects; "
					+ "the earlier one stays as it was", example = "01a22c10-17e6-7c55-bf00-db3119df4cb9")
			@RequestParam(required = false) String supersedes, Locale locale) {
		StoredAssessment assessment = this.assessments.assess(this.requests.parse(body), supersedes);
		return ResponseEntity.created(URI.create(PATH + "/" + assessment.id()))
			.body(AssessmentView.of(assessment, locale, false));
	}

	/** The stored input shows members' names and ID numbers only to caseworkers; everyone else sees them masked. */
	@GetMapping(PATH + "/{id}")
	@Operation(operationId = "findAssessment", summary = "Read a stored assessment",
			description = "The assessment as it was made, with the profile it was made from (input).")
	@ApiResponse(responseCode = "200", description = "The assessment with its input",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = AssessmentView.class)))
	@ApiResponse(responseCode = "404", description = "No assessment has this id",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	AssessmentView find(@Parameter(description = "The assessment's id, as in the Location of its creation",
			example = "01a22c10-17e6-7c55-bf00-db3119df4cb9") @PathVariable String id, Locale locale, HttpServletRequest request) {
		StoredAssessment assessment = this.assessments.find(id);
		if (!request.isUserInRole(CASEWORKER)) {
			assessment = new StoredAssessment(assessment.id(), assessment.assessedAt(),
					PersonalData.masked(assessment.profile()), assessment.evaluation(), assessment.supersedes());
		}
		return AssessmentView.of(assessment, locale, true);
	}

	@GetMapping("/api/v1/households/{householdId}/assessments")
	@Operation(operationId = "householdHistory", summary = "List a household's stored assessments",
			description = "Newest first, at most 1,000, without their input. An unknown household has none.")
	@ApiResponse(responseCode = "200", description = "The household's assessments, newest first",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					array = @ArraySchema(schema = @Schema(implementation = AssessmentView.class))))
	List<AssessmentView> history(@Parameter(description = "The household's id", example = "140902-017-0031")
	@PathVariable String householdId, Locale locale) {
		return this.assessments.history(householdId)
			.stream()
			.map((assessment) -> AssessmentView.of(assessment, locale, false))
			.toList();
	}

}
