package org.fangpin.impact;

import java.math.BigDecimal;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The request bodies of an impact analysis and the counts of its report, for the OpenAPI document only:
 * {@link ImpactController} reads the requests as JSON trees and multipart parts, and the counts are
 * {@link org.fangpin.screening.Tally}'s map.
 */
final class ImpactDocuments {

	static final String FILES_EXAMPLE = "{\"parameters.yaml\": \"monitoring.incomeThreshold:\\n…\", "
			+ "\"99-extra/extra.drl\": null}";

	/**
	 * One NDJSON line, written as a JSON string: swagger-core reads an example as JSON when it can, and the line
	 * alone would become an object.
	 */
	static final String POPULATION_EXAMPLE = "\"{\\\"householdId\\\": \\\"140902-017-0031\\\", "
			+ "\\\"povertyStatus\\\": \\\"LIFTED\\\", \\\"members\\\": [{\\\"relation\\\": \\\"HEAD\\\", "
			+ "\\\"age\\\": 58, \\\"laborCapacity\\\": \\\"FULL\\\"}]}\\n\"";

	private ImpactDocuments() {
	}

	@Schema(name = "ImpactRequest", description = "Candidate files, overlaid on the rule set in force as for a "
			+ "validation, to run over the latest stored input of every household. The map of files may also be "
			+ "sent bare, without the files wrapper (and then without limit)")
	record Request(
			@Schema(description = "Each file's new content (UTF-8 text), or null to delete the file, by path relative "
					+ "to rules/ (a leading rules/ is dropped; a path may not leave it)", example = FILES_EXAMPLE,
					additionalPropertiesSchema = FileContent.class, requiredMode = RequiredMode.REQUIRED)
			Map<String, String> files,
			@Schema(description = "How many changed households and problem lines the report lists at most (each "
					+ "count covers them all); 1000 when absent", example = "100", minimum = "0",
					defaultValue = "1000") Integer limit) {

	}

	/** A candidate file's content. */
	@Schema(name = "ImpactFileContent", types = { "string", "null" },
			description = "A file's content (UTF-8 text), or null to delete the file")
	record FileContent() {

	}

	@Schema(name = "ImpactUpload", description = "Candidate files and the population to run them over, as a "
			+ "multipart upload")
	record Upload(
			@Schema(description = "The candidate files, a JSON part (a file part or a plain field) as in "
					+ "ImpactRequest: each file's new content, or null to delete it, by path relative to rules/ (the "
					+ "files wrapper is optional)", example = FILES_EXAMPLE,
					additionalPropertiesSchema = FileContent.class, requiredMode = RequiredMode.REQUIRED)
			Map<String, String> files,
			@Schema(description = "The households, one profile a line (NDJSON, UTF-8), each read as strictly as the "
					+ "body of POST /api/v1/assessments; a line that cannot be read is listed in problems",
					example = POPULATION_EXAMPLE, type = "string", format = "binary",
					requiredMode = RequiredMode.REQUIRED) String population,
			@Schema(description = "How many changed households and problem lines the report lists at most; 1000 when "
					+ "absent", example = "100", minimum = "0", defaultValue = "1000") Integer limit) {

	}

	@Schema(name = "ImpactTally", description = "Counts and amounts of the households one rule set screened")
	record Tally(
			@Schema(description = "Households screened", example = "10000", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) long households,
			@Schema(description = "Lines this rule set could not screen; always 0 here, problemCount of the report "
					+ "counts them", example = "0", minimum = "0", requiredMode = RequiredMode.REQUIRED) long problems,
			@Schema(description = "Households per risk group: every risk group of the catalogue, in its order, zeros "
					+ "included", example = "{\"UNSTABLE_LIFTED\": 310, \"MARGINAL\": 520, \"SUDDEN_HARDSHIP\": 45, "
							+ "\"NOT_AT_RISK\": 9125}", requiredMode = RequiredMode.REQUIRED)
			Map<String, Long> riskGroups,
			@Schema(description = "Households per assistance tier: every tier of the catalogue, in its order, zeros "
					+ "included, then NONE for households without one", example = "{\"DEVELOPMENT\": 640, "
							+ "\"COMBINED\": 190, \"SAFETY_NET\": 45, \"NONE\": 9125}",
					requiredMode = RequiredMode.REQUIRED) Map<String, Long> tiers,
			@Schema(description = "Households recommended each measure: every measure of the catalogue, in its "
					+ "order, zeros included", example = "{\"MEDICAL_ASSISTANCE\": 212, \"DIBAO\": 38}",
					requiredMode = RequiredMode.REQUIRED) Map<String, Long> measures,
			@Schema(description = "The sum of each measure's amounts, in yuan, by measure code in alphabetical order; "
					+ "measures without an amount are left out", example = "{\"MEDICAL_ASSISTANCE\": 424000, "
							+ "\"TEMPORARY_ASSISTANCE\": 96000}", requiredMode = RequiredMode.REQUIRED)
			Map<String, BigDecimal> measureAmounts,
			@Schema(description = "The sum of every measure amount, in yuan", example = "520000",
					requiredMode = RequiredMode.REQUIRED) BigDecimal totalMeasureAmount) {

	}

}
