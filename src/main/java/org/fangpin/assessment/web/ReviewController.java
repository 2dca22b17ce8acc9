package org.fangpin.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.EvaluationDiff;
import org.fangpin.assessment.ReviewService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.household.PersonalData;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.WhyNot;
import org.fangpin.web.JsonRequests;
import org.fangpin.web.ProblemDocument;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reviewers' questions about a stored assessment: replay, what-if, sensitivity, why-not, and exports. */
@RestController
@Tag(name = "Review", description = "A reviewer's questions about a stored assessment: replay it, try a change, "
		+ "find the income change that moves it, ask why it did not get a result, and export it")
class ReviewController {

	private static final String PROBLEM = "application/problem+json";

	private static final String MERGE_PATCH = "application/merge-patch+json";

	private static final String ID_EXAMPLE = "01a22c10-17e6-7c55-bf00-db3119df4cb9";

	private static final String VERSION_EXAMPLE = "sha256:"
			+ "4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100";

	private static final String VERSION_PATTERN = "^sha256:[0-9a-f]{64}$";

	private static final String ID_DESCRIPTION = "The stored assessment's id";

	private static final String NOT_FOUND = "No assessment has this id (assessment-not-found), or the rule set "
			+ "version that made it is not archived (rule-set-version-not-found)";

	private static final String FAILED = "A parameter the rules read has no value on the assessment's asOf "
			+ "(parameter-not-in-force), or a rule failed (rule-evaluation-failed)";

	private static final String HISTORY_CSV_EXAMPLE = "id,assessedAt,asOf,ruleSetVersion,riskGroup,assistanceTier,"
			+ "riskTypes,measures,perCapitaNetIncome,threshold,eliminationEligible,unmet,supersedes\n"
			+ "01a22c10-17e6-7c55-bf00-db3119df4cb9,2026-11-30T10:46:21.926Z,2024-06-30," + VERSION_EXAMPLE
			+ ",UNSTABLE_LIFTED,DEVELOPMENT,ILLNESS,MEDICAL_ASSISTANCE;TEMPORARY_ASSISTANCE,8700.00,7400,,,\n";

	private final ReviewService reviews;

	private final AssessmentService assessments;

	private final JsonRequests requests;

	ReviewController(ReviewService reviews, AssessmentService assessments, JsonRequests requests) {
		this.reviews = reviews;
		this.assessments = assessments;
		this.requests = requests;
	}

	@PostMapping(AssessmentController.PATH + "/{id}/replay")
	@Operation(operationId = "replayAssessment", summary = "Replay a stored assessment",
			description = "Evaluates the stored profile again on the rule set version that made the assessment, "
					+ "and says whether the result is identical in every field, the trace included (defects lists "
					+ "what is not). It also evaluates the profile with the rule set in force and lists how that "
					+ "result differs from the stored one. Nothing is stored; the request has no body.")
	@ApiResponse(responseCode = "200", description = "The replay and the comparison with the rules in force",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReplayView.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = FAILED,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ReplayView replay(@Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE) @PathVariable String id,
			Locale locale) {
		ReviewService.Replay replay = this.reviews.replay(id);
		String storedVersion = replay.stored().evaluation().ruleSetVersion();
		String activeVersion = replay.active().ruleSetVersion();
		return new ReplayView(id, storedVersion, replay.identical(), replay.defects(),
				view(replay.replayed(), locale),
				new ReplayActiveView(activeVersion, activeVersion.equals(storedVersion),
						replay.activeDiff().differences(), replay.activeDiff().rulesOnlyInBefore(),
						replay.activeDiff().rulesOnlyInAfter(), view(replay.active(), locale)));
	}

	@PostMapping(path = AssessmentController.PATH + "/{id}/what-if",
			consumes = { MERGE_PATCH, MediaType.APPLICATION_JSON_VALUE })
	@Operation(operationId = "whatIf", summary = "Try a change to a stored assessment's profile",
			description = "Applies a JSON merge patch (RFC 7396) to the stored profile, evaluates the changed "
					+ "profile with the rule set in force and lists how its result differs from the stored one. "
					+ "The changed profile is read as strictly as a new one; without asOf it is assessed on the stored "
					+ "assessment's date, not today's. Nothing is stored.")
	@ApiResponse(responseCode = "200", description = "The changed profile (personal data masked), its result and "
			+ "the differences", content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = WhatIfView.class)))
	@ApiResponse(responseCode = "400", description = "The body is not one well-formed JSON value, or the changed "
			+ "profile breaks the contract: errors names every bad field",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "404", description = "No assessment has this id",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "415", description = "The body is neither application/merge-patch+json nor "
			+ "application/json", content = @Content(mediaType = PROBLEM,
					schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = FAILED,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	WhatIfView whatIf(@Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE) @PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "A JSON merge patch of the household profile: a field given replaces the stored "
							+ "one (objects are merged field by field), null removes it, and arrays are replaced "
							+ "whole",
					content = {
							@Content(mediaType = MERGE_PATCH,
									schema = @Schema(type = "object",
											description = "A JSON merge patch (RFC 7396) of a household profile"),
									examples = @ExampleObject(name = "noMedicalCosts",
											summary = "Without the medical costs and the illness event",
											value = "{\"expenses\": {\"medicalOutOfPocket\": 0}, \"events\": []}")),
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(type = "object",
											description = "A JSON merge patch (RFC 7396) of a household profile"),
									examples = @ExampleObject(name = "noMedicalCosts",
											summary = "Without the medical costs and the illness event",
											value = "{\"expenses\": {\"medicalOutOfPocket\": 0}, \"events\": []}")) })
			@RequestBody byte[] patch, Locale locale) {
		ReviewService.WhatIf whatIf = this.reviews.whatIf(id, this.requests.parse(patch));
		return new WhatIfView(id, PersonalData.masked(whatIf.patchedProfile()), view(whatIf.result(), locale),
				whatIf.diff().differences(), whatIf.diff().rulesOnlyInBefore(), whatIf.diff().rulesOnlyInAfter());
	}

	@GetMapping(AssessmentController.PATH + "/{id}/sensitivity")
	@Operation(operationId = "incomeSensitivity", summary = "Find the income change that moves the risk group",
			description = "Searches, with the rule set that made the assessment, for the smallest rise and the "
					+ "smallest fall of net income (to the fen, up to 1,000,000 yuan) that move the household to "
					+ "another risk group.")
	@ApiResponse(responseCode = "200", description = "The smallest change in each direction",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = ReviewService.Sensitivity.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = FAILED,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ReviewService.Sensitivity sensitivity(
			@Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE) @PathVariable String id) {
		return this.reviews.sensitivity(id);
	}

	@GetMapping(AssessmentController.PATH + "/{id}/why-not")
	@Operation(operationId = "whyNot", summary = "Say why an assessment did not get the other results",
			description = "For every measure not recommended, and every risk group and tier the household is not "
					+ "in, each rule that could have given it, with each of its conditions met or unmet for this "
					+ "household. The conditions are the rules' own DRL, read from the rule set version that made "
					+ "the assessment.")
	@ApiResponse(responseCode = "200", description = "Every result not given, with the rules that could give it",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = WhyNotView.class)))
	@ApiResponse(responseCode = "404", description = NOT_FOUND,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	@ApiResponse(responseCode = "422", description = FAILED,
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	WhyNotView whyNot(@Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE) @PathVariable String id,
			Locale locale) {
		WhyNot.Report report = this.reviews.whyNot(id);
		return new WhyNotView(id, report.ruleSetVersion(), missing(report.measures(), locale),
				missing(report.riskGroups(), locale), missing(report.tiers(), locale));
	}

	/** The assessment with its input (personal data masked) and trace, as a JSON file. */
	@GetMapping(AssessmentController.PATH + "/{id}/export")
	@Operation(operationId = "exportAssessment", summary = "Export a stored assessment as a JSON file",
			description = "The assessment with its trace and the profile it was made from, as an attachment. "
					+ "Members' names and ID numbers are masked.")
	@ApiResponse(responseCode = "200", description = "The assessment, with its input masked",
			headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
					description = "attachment, with the file name assessment-{id}.json",
					schema = @Schema(type = "string",
							example = "attachment; filename=\"assessment-01a22c10-17e6-7c55-bf00-db3119df4cb9.json\"")),
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = MaskedDocuments.Export.class)))
	@ApiResponse(responseCode = "404", description = "No assessment has this id",
			content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDocument.class)))
	ResponseEntity<AssessmentView> export(
			@Parameter(description = ID_DESCRIPTION, example = ID_EXAMPLE) @PathVariable String id, Locale locale) {
		StoredAssessment stored = this.assessments.find(id);
		StoredAssessment masked = new StoredAssessment(stored.id(), stored.assessedAt(),
				PersonalData.masked(stored.profile()), stored.evaluation(), stored.supersedes());
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"assessment-" + id + ".json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(AssessmentView.of(masked, locale, true));
	}

	/** A household's history as CSV: one assessment a row, newest first. It holds no personal data. */
	@GetMapping(path = "/api/v1/households/{householdId}/assessments.csv")
	@Operation(operationId = "householdHistoryCsv", summary = "Export a household's stored assessments as CSV",
			description = "One assessment a row, newest first, as an attachment (UTF-8, comma-separated, a header "
					+ "row first). Lists are joined with ; and an absent value is empty. It holds no personal data. "
					+ "An unknown household has the header row only.")
	@ApiResponse(responseCode = "200", description = "The history as CSV",
			headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION,
					description = "attachment, with the file name household-{householdId}.csv",
					schema = @Schema(type = "string",
							example = "attachment; filename=\"household-140902-017-0031.csv\"")),
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string",
					description = "The columns id, assessedAt, asOf, ruleSetVersion, riskGroup, assistanceTier, "
							+ "riskTypes, measures, perCapitaNetIncome, threshold, eliminationEligible, unmet and "
							+ "supersedes",
					example = HISTORY_CSV_EXAMPLE)))
	ResponseEntity<byte[]> historyCsv(@Parameter(description = "The household's id", example = "140902-017-0031")
	@PathVariable String householdId) {
		StringBuilder csv = new StringBuilder(
				"id,assessedAt,asOf,ruleSetVersion,riskGroup,assistanceTier,riskTypes,measures,perCapitaNetIncome,threshold,eliminationEligible,unmet,supersedes\n");
		for (StoredAssessment assessment : this.assessments.history(householdId)) {
			Evaluation evaluation = assessment.evaluation();
			csv.append(String.join(",", List.of(assessment.id().toString(), assessment.assessedAt().toString(),
					evaluation.asOf().toString(), evaluation.ruleSetVersion(), text(evaluation.riskGroup()),
					text(evaluation.assistanceTier()), String.join(";", evaluation.riskTypes()),
					String.join(";", evaluation.measures().stream().map(Evaluation.MeasureResult::code).toList()),
					text(evaluation.income().perCapitaNetIncome()), text(evaluation.income().threshold()),
					(evaluation.elimination() != null) ? String.valueOf(evaluation.elimination().eligible()) : "",
					(evaluation.elimination() != null) ? String.join(";", evaluation.elimination().unmet()) : "",
					text(assessment.supersedes()))))
				.append('\n');
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"household-" + householdId + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : "";
	}

	private static AssessmentView view(Evaluation evaluation, Locale locale) {
		return AssessmentView.of(new StoredAssessment(null, null, null, evaluation), locale, false);
	}

	private static List<MissingView> missing(List<WhyNot.Missing> missing, Locale locale) {
		return missing.stream()
			.map((item) -> new MissingView(item.code(), item.clause(), item.label().in(locale), item.rules()
				.stream()
				.map((rule) -> new RuleCheckView(rule.ruleId(), AssessmentView.RULES_ROOT + rule.file(),
						(rule.description() != null) ? rule.description().in(locale) : null, rule.unmet(),
						rule.conditions()))
				.toList()))
			.toList();
	}

	@Schema(name = "Replay", description = "A stored assessment replayed on the rule set version that made it, and "
			+ "its profile evaluated by the rule set in force")
	record ReplayView(
			@Schema(description = "The stored assessment's id, as in the request", example = ID_EXAMPLE,
					format = "uuid", requiredMode = RequiredMode.REQUIRED) String assessmentId,
			@Schema(description = "The version of the rule set that made the stored assessment, and that the "
					+ "replay ran on", example = VERSION_EXAMPLE, pattern = VERSION_PATTERN,
					requiredMode = RequiredMode.REQUIRED) String ruleSetVersion,
			@Schema(description = "Whether the replay reproduces the stored result in every field, the trace "
					+ "included", example = "true", requiredMode = RequiredMode.REQUIRED) boolean identical,
			@ArraySchema(arraySchema = @Schema(description = "Every field in which the replay differs from the "
					+ "stored result, the trace included; empty when identical",
					requiredMode = RequiredMode.REQUIRED)) List<EvaluationDiff.Difference> defects,
			@Schema(description = "The result of the replay; its id and assessedAt are null",
					requiredMode = RequiredMode.REQUIRED) AssessmentView replayed,
			@Schema(description = "The stored profile evaluated by the rule set in force",
					requiredMode = RequiredMode.REQUIRED) ReplayActiveView active) {

	}

	@Schema(name = "ReplayActive", description = "The stored profile evaluated by the rule set in force, and how "
			+ "that result differs from the stored one (the trace compared by the rules that fired)")
	record ReplayActiveView(
			@Schema(description = "The version of the rule set in force", example = VERSION_EXAMPLE,
					pattern = VERSION_PATTERN, requiredMode = RequiredMode.REQUIRED) String ruleSetVersion,
			@Schema(description = "Whether the rule set in force is the version that made the stored assessment",
					example = "false", requiredMode = RequiredMode.REQUIRED) boolean sameVersion,
			@ArraySchema(arraySchema = @Schema(description = "Every field of the result (trace and rule set version "
					+ "left out) that differs between the stored result and the active rules' one",
					requiredMode = RequiredMode.REQUIRED)) List<EvaluationDiff.Difference> differences,
			@ArraySchema(schema = @Schema(description = "A rule's id", example = "M-12"),
					arraySchema = @Schema(description = "The rules that fired for the stored result and not with "
							+ "the rules in force", examples = "[\"M-12\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> rulesOnlyInStored,
			@ArraySchema(schema = @Schema(description = "A rule's id", example = "M-12-V2"),
					arraySchema = @Schema(description = "The rules that fired with the rules in force and not for "
							+ "the stored result", examples = "[\"M-12-V2\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> rulesOnlyInActive,
			@Schema(description = "The result with the rules in force; its id and assessedAt are null",
					requiredMode = RequiredMode.REQUIRED) AssessmentView result) {

	}

	@Schema(name = "WhatIf", description = "A stored profile with a change applied, its result with the rule set in "
			+ "force, and how that result differs from the stored one (the trace compared by the rules that fired). "
			+ "Nothing is stored")
	record WhatIfView(
			@Schema(description = "The stored assessment's id, as in the request", example = ID_EXAMPLE,
					format = "uuid", requiredMode = RequiredMode.REQUIRED) String assessmentId,
			@Schema(description = "The changed profile, with members' names and ID numbers masked",
					implementation = MaskedDocuments.Profile.class, requiredMode = RequiredMode.REQUIRED)
			JsonNode input,
			@Schema(description = "The changed profile's result; its id and assessedAt are null",
					requiredMode = RequiredMode.REQUIRED) AssessmentView result,
			@ArraySchema(arraySchema = @Schema(description = "Every field of the result (trace and rule set version "
					+ "left out) that differs between the stored result and the changed one",
					requiredMode = RequiredMode.REQUIRED)) List<EvaluationDiff.Difference> differences,
			@ArraySchema(schema = @Schema(description = "A rule's id", example = "S-RIGID"),
					arraySchema = @Schema(description = "The rules that fired for the stored result and not for the "
							+ "changed profile", examples = "[\"G1\", \"S-RIGID\"]",
							requiredMode = RequiredMode.REQUIRED)) List<String> rulesOnlyInOriginal,
			@ArraySchema(schema = @Schema(description = "A rule's id", example = "G0"),
					arraySchema = @Schema(description = "The rules that fired for the changed profile and not for "
							+ "the stored result", examples = "[\"G0\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> rulesOnlyInWhatIf) {

	}

	@Schema(name = "WhyNot", description = "Every measure not recommended, and every risk group and tier the "
			+ "household is not in, each with the rules that could have given it; in the catalogue's order")
	record WhyNotView(
			@Schema(description = "The stored assessment's id, as in the request", example = ID_EXAMPLE,
					format = "uuid", requiredMode = RequiredMode.REQUIRED) String assessmentId,
			@Schema(description = "The version of the rule set that made the assessment, whose rules are read",
					example = VERSION_EXAMPLE, pattern = VERSION_PATTERN, requiredMode = RequiredMode.REQUIRED)
			String ruleSetVersion,
			@ArraySchema(arraySchema = @Schema(description = "The measures not recommended",
					requiredMode = RequiredMode.REQUIRED)) List<MissingView> measures,
			@ArraySchema(arraySchema = @Schema(description = "The risk groups the household is not in",
					requiredMode = RequiredMode.REQUIRED)) List<MissingView> riskGroups,
			@ArraySchema(arraySchema = @Schema(description = "The assistance tiers the household is not in",
					requiredMode = RequiredMode.REQUIRED)) List<MissingView> tiers) {

	}

	@Schema(name = "WhyNotResult", description = "A measure, risk group or tier the household did not get, and each "
			+ "rule that could have given it")
	record MissingView(
			@Schema(description = "The code: a measure, risk group or tier of the catalogue, by the list it is in",
					example = "DIBAO", requiredMode = RequiredMode.REQUIRED) String code,
			@Schema(description = "The policy clause that defines it", example = "M-08", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED) String clause,
			@Schema(description = "Its label, in the requested language", example = "Rural minimum living "
					+ "guarantee (dibao)", requiredMode = RequiredMode.REQUIRED) String label,
			@ArraySchema(arraySchema = @Schema(description = "Every rule whose consequence gives the code; empty "
					+ "when none does", requiredMode = RequiredMode.REQUIRED)) List<RuleCheckView> rules) {

	}

	@Schema(name = "WhyNotRule", description = "A rule that could have given a result, with each of its conditions "
			+ "met or unmet for the household")
	record RuleCheckView(
			@Schema(description = "The rule's id (its name when it has none)", example = "M-08",
					requiredMode = RequiredMode.REQUIRED) String ruleId,
			@Schema(description = "The file the rule lives in, from the repository root",
					example = "rules/50-measures/measures.drl", requiredMode = RequiredMode.REQUIRED) String file,
			@Schema(description = "The rule's description, in the requested language",
					example = "A monitored household outside the development tier below the rural dibao standard, "
							+ "without dibao or tekun: rural dibao",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String description,
			@ArraySchema(schema = @Schema(description = "The index of an unmet condition", example = "2",
					minimum = "1"),
					arraySchema = @Schema(description = "The indexes of the conditions the household does not meet",
							examples = "[2, 4, 5]", requiredMode = RequiredMode.REQUIRED)) List<Integer> unmet,
			@ArraySchema(arraySchema = @Schema(description = "Every condition of the rule, in order",
					requiredMode = RequiredMode.REQUIRED)) List<WhyNot.Condition> conditions) {

	}

}
