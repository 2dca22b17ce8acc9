package org.fangpin.assessment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.Evaluation.IncomeFigures;
import org.fangpin.rules.LocalizedText;
import tools.jackson.databind.JsonNode;

/** An assessment as the API returns it (api.md), in one language. */
@Schema(name = "Assessment", description = "A household's assessment: risk group, risk types, assistance tier, "
		+ "measures, the risk-elimination check, alerts, a plain-language explanation and the full trace. Texts "
		+ "follow Accept-Language; codes never do")
public record AssessmentView(
		@Schema(description = "The assessment's id (a UUID version 7); null when nothing was stored "
				+ "(POST /api/v1/evaluations)", example = "01a22c10-17e6-7c55-bf00-db3119df4cb9", format = "uuid",
				types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String id,
		@Schema(description = "The household's id, as sent", example = "140902-017-0031",
				requiredMode = RequiredMode.REQUIRED) String householdId,
		@Schema(description = "The date the household was assessed for: the profile's asOf, or the service's "
				+ "today", example = "2024-06-30", requiredMode = RequiredMode.REQUIRED) LocalDate asOf,
		@Schema(description = "When the assessment was made (UTC); null in the results of a replay or a what-if, "
				+ "which are neither made for the caseworker nor stored", example = "2026-11-30T10:46:21.926Z",
				types = { "string", "null" }, format = "date-time", requiredMode = RequiredMode.REQUIRED)
		Instant assessedAt,
		@Schema(description = "The version of the rule set that made it: sha256: and the hash of the rule set's "
				+ "files", example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
				pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String ruleSetVersion,
		@Schema(description = "The derived income figures (policy §2)", requiredMode = RequiredMode.REQUIRED)
		IncomeFigures income,
		@ArraySchema(schema = @Schema(description = "A signal code of the catalogue",
				example = "RIGID_EXPENSE_PRESSURE", extensions = @Extension(name = "x-fangpin",
						properties = @ExtensionProperty(name = "catalogue", value = "signals"))),
				arraySchema = @Schema(description = "The risk signals found, in the catalogue's order",
						examples = "[\"RIGID_EXPENSE_PRESSURE\"]", requiredMode = RequiredMode.REQUIRED))
		List<String> signals,
		@Schema(description = "The risk group, a code of the catalogue's riskGroups", example = "UNSTABLE_LIFTED",
				requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
						properties = @ExtensionProperty(name = "catalogue", value = "riskGroups")))
		String riskGroup,
		@ArraySchema(schema = @Schema(description = "A risk type code of the catalogue", example = "ILLNESS",
				extensions = @Extension(name = "x-fangpin",
						properties = @ExtensionProperty(name = "catalogue", value = "riskTypes"))),
				arraySchema = @Schema(description = "The risk types, in the catalogue's order; empty for "
						+ "NOT_AT_RISK", examples = "[\"ILLNESS\"]", requiredMode = RequiredMode.REQUIRED))
		List<String> riskTypes,
		@Schema(description = "The assistance tier, a code of the catalogue's tiers; null for NOT_AT_RISK",
				example = "DEVELOPMENT", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED,
				extensions = @Extension(name = "x-fangpin",
						properties = @ExtensionProperty(name = "catalogue", value = "tiers")))
		String assistanceTier,
		@ArraySchema(arraySchema = @Schema(description = "The recommended measures, by priority and then in the "
				+ "catalogue's order", requiredMode = RequiredMode.REQUIRED)) List<MeasureView> measures,
		@Schema(description = "The risk-elimination check; null unless monitoring.status is MONITORED",
				requiredMode = RequiredMode.REQUIRED, nullable = true) Evaluation.EliminationResult elimination,
		@ArraySchema(schema = @Schema(description = "An alert code of the catalogue", example = "NEAR_THRESHOLD",
				extensions = @Extension(name = "x-fangpin",
						properties = @ExtensionProperty(name = "catalogue", value = "alerts"))),
				arraySchema = @Schema(description = "Early-warning alerts (policy §6a); empty for monitored households",
						examples = "[]", requiredMode = RequiredMode.REQUIRED)) List<String> alerts,
		@ArraySchema(schema = @Schema(description = "One sentence, in the requested language",
				example = "Risk group: Unstable lifted household"),
				arraySchema = @Schema(description = "Plain sentences for the caseworker and the household",
						examples = "[\"Risk group: Unstable lifted household\", \"Assistance tier: Development\"]",
						requiredMode = RequiredMode.REQUIRED)) List<String> explanation,
		@Schema(description = "Every rule that fired and every parameter used", requiredMode = RequiredMode.REQUIRED)
		TraceView trace,
		@Schema(description = "The id of the assessment this one corrects (POST /api/v1/assessments?supersedes=…); "
				+ "absent when it corrects none", example = "01a22c10-17e6-7c55-bf00-db3119df4cb9", format = "uuid")
		@JsonInclude(JsonInclude.Include.NON_NULL) String supersedes,
		@Schema(description = "The profile as received; only on GET /api/v1/assessments/{id}",
				implementation = HouseholdProfileDocument.class) @JsonInclude(JsonInclude.Include.NON_NULL)
		JsonNode input) {

	/** Where a rule file lives, as a reviewer finds it in the repository. */
	static final String RULES_ROOT = "rules/";

	public static AssessmentView of(StoredAssessment assessment, Locale locale, boolean withInput) {
		Evaluation evaluation = assessment.evaluation();
		return new AssessmentView((assessment.id() != null) ? assessment.id().toString() : null,
				evaluation.householdId(), evaluation.asOf(), assessment.assessedAt(), evaluation.ruleSetVersion(),
				evaluation.income(), evaluation.signals(), evaluation.riskGroup(), evaluation.riskTypes(),
				evaluation.assistanceTier(),
				evaluation.measures().stream().map((measure) -> MeasureView.of(measure, locale)).toList(),
				evaluation.elimination(), evaluation.alerts(),
				evaluation.explanation().stream().map((text) -> text.in(locale)).toList(),
				TraceView.of(evaluation.trace(), locale),
				(assessment.supersedes() != null) ? assessment.supersedes().toString() : null,
				withInput ? assessment.profile() : null);
	}

	@Schema(name = "Measure", description = "A recommended measure with the rules that recommend it")
	public record MeasureView(
			@Schema(description = "The measure, a code of the catalogue's measures", example = "MEDICAL_ASSISTANCE",
					requiredMode = RequiredMode.REQUIRED, extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "measures")))
			String code,
			@Schema(description = "The measure's category in the catalogue", example = "SUBSIDY",
					requiredMode = RequiredMode.REQUIRED, types = { "string", "null" },
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "measureCategories")))
			String category,
			@Schema(description = "The measure's priority in the catalogue, 1 first", example = "1",
					requiredMode = RequiredMode.REQUIRED, types = { "integer", "null" }) Integer priority,
			@Schema(description = "The amount in yuan, when the rules grant one; null otherwise", example = "2000",
					requiredMode = RequiredMode.REQUIRED, types = { "number", "null" }) BigDecimal amount,
			@Schema(description = "The measure's name, in the requested language", example = "Medical assistance",
					requiredMode = RequiredMode.REQUIRED) String name,
			@ArraySchema(arraySchema = @Schema(description = "Why: each rule that recommends the measure",
					requiredMode = RequiredMode.REQUIRED)) List<ReasonView> reasons) {

		static MeasureView of(Evaluation.MeasureResult measure, Locale locale) {
			return new MeasureView(measure.code(), measure.category(), measure.priority(), measure.amount(),
					measure.name().in(locale),
					measure.reasons()
						.stream()
						.map((reason) -> new ReasonView(reason.ruleId(), reason.clause(), text(reason.text(), locale)))
						.toList());
		}

	}

	@Schema(name = "Reason", description = "A rule that recommends a measure")
	public record ReasonView(
			@Schema(description = "The rule's id", example = "M-05", requiredMode = RequiredMode.REQUIRED,
					types = { "string", "null" }) String ruleId,
			@Schema(description = "The policy clause the rule implements", example = "M-05",
					requiredMode = RequiredMode.REQUIRED, types = { "string", "null" }) String clause,
			@Schema(description = "The rule's description, in the requested language",
					example = "A monitored household whose out-of-pocket medical costs reach the trigger: medical "
							+ "assistance",
					requiredMode = RequiredMode.REQUIRED, types = { "string", "null" }) String text) {

	}

	@Schema(name = "Trace", description = "Every rule that fired, in firing order, and every parameter value used")
	public record TraceView(
			@ArraySchema(arraySchema = @Schema(description = "The rules that fired, in firing order",
					requiredMode = RequiredMode.REQUIRED)) List<FiringView> firings,
			@ArraySchema(arraySchema = @Schema(description = "The parameter values in force on asOf that the rules "
					+ "read", requiredMode = RequiredMode.REQUIRED)) List<Evaluation.UsedParameter> parameters) {

		static TraceView of(Evaluation.Trace trace, Locale locale) {
			return new TraceView(trace.firings()
				.stream()
				.map((firing) -> new FiringView(firing.seq(), firing.ruleId(), firing.ruleName(),
						(firing.file() != null) ? RULES_ROOT + firing.file() : null, firing.clause(),
						text(firing.description(), locale), firing.reference(), firing.bindings()))
				.toList(), trace.parameters());
		}

	}

	@Schema(name = "Firing", description = "One rule firing with the values it matched")
	public record FiringView(
			@Schema(description = "The firing's position, from 1", example = "9", minimum = "1",
					requiredMode = RequiredMode.REQUIRED) int seq,
			@Schema(description = "The rule's id", example = "S-RIGID", requiredMode = RequiredMode.REQUIRED,
					types = { "string", "null" }) String ruleId,
			@Schema(description = "The rule's name in its DRL file", example = "S-RIGID rigid expense pressure",
					requiredMode = RequiredMode.REQUIRED) String ruleName,
			@Schema(description = "The file the rule lives in, from the repository root",
					example = "rules/20-signals/signals.drl", requiredMode = RequiredMode.REQUIRED,
					types = { "string", "null" }) String file,
			@Schema(description = "The policy clause the rule implements", example = "S-RIGID",
					requiredMode = RequiredMode.REQUIRED, types = { "string", "null" }) String clause,
			@Schema(description = "The rule's description, in the requested language",
					example = "There are rigid expenses, and per-capita income after them is below the monitoring "
							+ "threshold",
					requiredMode = RequiredMode.REQUIRED, types = { "string", "null" }) String description,
			@Schema(description = "The policy text the rule follows", example = "policy.md §3 S-RIGID; 中农组发〔2021〕7号",
					requiredMode = RequiredMode.REQUIRED, types = { "string", "null" }) String reference,
			@Schema(description = "The values the rule matched, by the names of its bindings",
					example = "{\"threshold\": 7400, \"rigidExpenses\": 6000, \"afterRigid\": 2700, \"size\": 1}",
					requiredMode = RequiredMode.REQUIRED) Map<String, Object> bindings) {

	}

	private static String text(LocalizedText text, Locale locale) {
		return (text != null) ? text.in(locale) : null;
	}

}
