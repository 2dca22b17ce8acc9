package org.fangpin.ruleset;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.ruleset.RuleSetController.CodeView;

/**
 * The body of {@code GET /api/v1/catalogue}, for the OpenAPI document only: the controller writes one list per
 * section of {@link org.fangpin.rules.Catalogue#SECTIONS}.
 */
@Schema(name = "Catalogue", description = "Every code the rule set in force emits, by section, in reporting order")
record CatalogueDocument(
		@Schema(description = "The version of the rule set the catalogue belongs to",
				example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
				pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String ruleSetVersion,
		@ArraySchema(arraySchema = @Schema(description = "Risk signals (policy §3)",
				requiredMode = RequiredMode.REQUIRED)) List<CodeView> signals,
		@ArraySchema(arraySchema = @Schema(description = "Risk groups (policy §4)",
				requiredMode = RequiredMode.REQUIRED)) List<CodeView> riskGroups,
		@ArraySchema(arraySchema = @Schema(description = "Risk types (policy §5)",
				requiredMode = RequiredMode.REQUIRED)) List<CodeView> riskTypes,
		@ArraySchema(arraySchema = @Schema(description = "Assistance tiers",
				requiredMode = RequiredMode.REQUIRED)) List<CodeView> tiers,
		@ArraySchema(arraySchema = @Schema(description = "Measures, with category and priority",
				requiredMode = RequiredMode.REQUIRED)) List<CodeView> measures,
		@ArraySchema(arraySchema = @Schema(description = "Risk-elimination clauses",
				requiredMode = RequiredMode.REQUIRED)) List<CodeView> eliminationClauses,
		@ArraySchema(arraySchema = @Schema(description = "Early-warning alerts (policy §6a)",
				requiredMode = RequiredMode.REQUIRED)) List<CodeView> alerts) {

}
