package org.fangpin.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.rules.RuleSetProblem;

/**
 * The shape of every error response (RFC 9457), as {@link ProblemHandler} writes it: for the OpenAPI document only.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail (application/problem+json). Title and detail "
		+ "follow Accept-Language; type never does.")
public record ProblemDocument(
		@Schema(description = "What kind of problem this is: urn:fangpin:problem: followed by a slug "
				+ "(invalid-profile, malformed-json, line-too-long, parameter-not-in-force, rule-evaluation-failed, "
				+ "assessment-not-found, rule-set-version-not-found, rule-set-invalid, casework-invalid, "
				+ "casework-not-found, casework-conflict, unauthorized, forbidden, payload-too-large, internal, "
				+ "http-400, http-415 …)", example = "urn:fangpin:problem:invalid-profile",
				requiredMode = RequiredMode.REQUIRED, format = "uri") String type,
		@Schema(description = "A short summary of the kind of problem, in the requested language",
				example = "Invalid household profile", requiredMode = RequiredMode.REQUIRED) String title,
		@Schema(description = "The HTTP status code", example = "400", requiredMode = RequiredMode.REQUIRED,
				minimum = "400", maximum = "599") int status,
		@Schema(description = "What went wrong in this request, in the requested language",
				example = "The household profile has 1 invalid field(s); see errors",
				requiredMode = RequiredMode.REQUIRED) String detail,
		@Schema(description = "The request path the problem occurred on, when known", example = "/api/v1/assessments",
				format = "uri-reference") String instance,
		@ArraySchema(arraySchema = @Schema(description = "Every bad field of a 400 problem (invalid-profile, and "
				+ "malformed-json when the bad field is known)", examples = "[{\"field\": \"members[0].age\", "
						+ "\"message\": \"must be between 0 and 120\"}]")) List<FieldProblem> errors,
		@ArraySchema(arraySchema = @Schema(description = "parameter-not-in-force only: the parameters that have no "
				+ "value on the assessment date", examples = "[\"monitoring.incomeThreshold\"]")) List<String> parameters,
		@Schema(description = "parameter-not-in-force only: the assessment date (asOf)", example = "2020-12-31")
		LocalDate date,
		@Schema(description = "rule-evaluation-failed only: the id of the rule that failed", example = "M-05")
		String ruleId,
		@Schema(description = "rule-evaluation-failed only: the rule file, relative to the rules directory",
				example = "50-measures/measures.drl") String file,
		@ArraySchema(schema = @Schema(description = "A risk-elimination clause of the catalogue", example = "E5",
				extensions = @Extension(name = "x-fangpin",
						properties = @ExtensionProperty(name = "catalogue", value = "eliminationClauses"))),
				arraySchema = @Schema(description = "casework-conflict only, when an elimination is refused: the "
						+ "risk-elimination clauses the household's latest assessment does not meet",
						examples = "[\"E1\", \"E5\"]")) List<String> unmet,
		@ArraySchema(arraySchema = @Schema(description = "rule-set-invalid only: every problem of the candidate "
				+ "rule set, with file, line and column", examples = "[{\"file\": \"50-measures/measures.drl\", "
						+ "\"line\": 112, \"column\": 5, \"message\": \"rule 'M-08 rural dibao' has no @clause\"}]"))
		List<RuleSetProblem> problems) {

	/** One bad field of a request. */
	@Schema(name = "FieldProblem", description = "One bad field of a request and what is wrong with it")
	public record FieldProblem(
			@Schema(description = "The field's path in the request body, with indexes from 0", example = "members[0].age",
					requiredMode = RequiredMode.REQUIRED) String field,
			@Schema(description = "What is wrong, in the requested language", example = "must be between 0 and 120",
					requiredMode = RequiredMode.REQUIRED) String message) {

	}

}
