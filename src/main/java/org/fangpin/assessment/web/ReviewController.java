package org.fangpin.assessment.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.ReviewService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.household.PersonalData;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.WhyNot;
import org.fangpin.web.JsonRequests;

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
class ReviewController {

	private final ReviewService reviews;

	private final AssessmentService assessments;

	private final JsonRequests requests;

	ReviewController(ReviewService reviews, AssessmentService assessments, JsonRequests requests) {
		this.reviews = reviews;
		this.assessments = assessments;
		this.requests = requests;
	}

	@PostMapping(AssessmentController.PATH + "/{id}/replay")
	Map<String, Object> replay(@PathVariable String id, Locale locale) {
		ReviewService.Replay replay = this.reviews.replay(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("assessmentId", id);
		body.put("ruleSetVersion", replay.stored().evaluation().ruleSetVersion());
		body.put("identical", replay.identical());
		body.put("defects", replay.defects());
		body.put("replayed", view(replay.replayed(), locale));
		Map<String, Object> active = new LinkedHashMap<>();
		active.put("ruleSetVersion", replay.active().ruleSetVersion());
		active.put("sameVersion", replay.active().ruleSetVersion().equals(replay.stored().evaluation().ruleSetVersion()));
		active.put("differences", replay.activeDiff().differences());
		active.put("rulesOnlyInStored", replay.activeDiff().rulesOnlyInBefore());
		active.put("rulesOnlyInActive", replay.activeDiff().rulesOnlyInAfter());
		active.put("result", view(replay.active(), locale));
		body.put("active", active);
		return body;
	}

	@PostMapping(path = AssessmentController.PATH + "/{id}/what-if",
			consumes = { "application/merge-patch+json", MediaType.APPLICATION_JSON_VALUE })
	Map<String, Object> whatIf(@PathVariable String id, @RequestBody byte[] patch, Locale locale) {
		ReviewService.WhatIf whatIf = this.reviews.whatIf(id, this.requests.parse(patch));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("assessmentId", id);
		body.put("input", PersonalData.masked(whatIf.patchedProfile()));
		body.put("result", view(whatIf.result(), locale));
		body.put("differences", whatIf.diff().differences());
		body.put("rulesOnlyInOriginal", whatIf.diff().rulesOnlyInBefore());
		body.put("rulesOnlyInWhatIf", whatIf.diff().rulesOnlyInAfter());
		return body;
	}

	@GetMapping(AssessmentController.PATH + "/{id}/sensitivity")
	ReviewService.Sensitivity sensitivity(@PathVariable String id) {
		return this.reviews.sensitivity(id);
	}

	@GetMapping(AssessmentController.PATH + "/{id}/why-not")
	Map<String, Object> whyNot(@PathVariable String id, Locale locale) {
		WhyNot.Report report = this.reviews.whyNot(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("assessmentId", id);
		body.put("ruleSetVersion", report.ruleSetVersion());
		body.put("measures", missing(report.measures(), locale));
		body.put("riskGroups", missing(report.riskGroups(), locale));
		body.put("tiers", missing(report.tiers(), locale));
		return body;
	}

	/** The assessment with its input (personal data masked) and trace, as a JSON file. */
	@GetMapping(AssessmentController.PATH + "/{id}/export")
	ResponseEntity<AssessmentView> export(@PathVariable String id, Locale locale) {
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
	ResponseEntity<byte[]> historyCsv(@PathVariable String householdId) {
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

	private static List<Map<String, Object>> missing(List<WhyNot.Missing> missing, Locale locale) {
		return missing.stream().map((item) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("code", item.code());
			entry.put("clause", item.clause());
			entry.put("label", item.label().in(locale));
			entry.put("rules", item.rules().stream().map((rule) -> {
				Map<String, Object> check = new LinkedHashMap<>();
				check.put("ruleId", rule.ruleId());
				check.put("file", "rules/" + rule.file());
				check.put("description", (rule.description() != null) ? rule.description().in(locale) : null);
				check.put("unmet", rule.unmet());
				check.put("conditions", rule.conditions());
				return check;
			}).toList());
			return entry;
		}).toList();
	}


}
