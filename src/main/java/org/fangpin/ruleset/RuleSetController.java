package org.fangpin.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.fangpin.rules.Catalogue;
import org.fangpin.rules.ParameterTable;
import org.fangpin.rules.ParameterValue;
import org.fangpin.rules.RuleInfo;
import org.fangpin.rules.RuleSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Describes the rule set in force and its catalogue of codes. */
@RestController
@Tag(name = "Rule set", description = "The rule set in force and its catalogue of codes")
class RuleSetController {

	private final ActiveRuleSet active;

	RuleSetController(ActiveRuleSet active) {
		this.active = active;
	}

	@GetMapping("/api/v1/ruleset")
	@Operation(operationId = "ruleSet", summary = "Describe the rule set in force",
			description = "Its version, when and by whom it was activated, its files, its rules with their metadata "
					+ "and its dated parameters.")
	@ApiResponse(responseCode = "200", description = "The rule set in force")
	RuleSetView ruleSet(Locale locale) {
		ActiveRuleSet.Activation activation = this.active.current();
		RuleSet ruleSet = activation.ruleSet();
		List<FileView> files = new ArrayList<>();
		ruleSet.files().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((file) -> {
			byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
			files.add(new FileView("rules/" + file.getKey(), "sha256:" + sha256(bytes), bytes.length));
		});
		List<RuleView> rules = ruleSet.rules()
			.stream()
			.map((rule) -> RuleView.of(rule, locale))
			.toList();
		List<ParameterView> parameters = ruleSet.parameters()
			.definitions()
			.values()
			.stream()
			.map((definition) -> ParameterView.of(definition, locale, ruleSet))
			.toList();
		return new RuleSetView(ruleSet.version(), activation.activatedAt(), activation.activatedBy(), files, rules,
				parameters);
	}

	@GetMapping("/api/v1/catalogue")
	@Operation(operationId = "catalogue", summary = "List every code the rule set emits, with its labels",
			description = "Signals, risk groups, risk types, tiers, measures, elimination clauses and alerts, each "
					+ "in reporting order with its policy clause and its labels in Chinese and English.")
	@ApiResponse(responseCode = "200", description = "The catalogue of the rule set in force",
			content = @Content(mediaType = "application/json",
					schema = @Schema(implementation = CatalogueDocument.class)))
	Map<String, Object> catalogue(Locale locale) {
		RuleSet ruleSet = this.active.ruleSet();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ruleSetVersion", ruleSet.version());
		for (String section : Catalogue.SECTIONS) {
			body.put(section, ruleSet.catalogue()
				.section(section)
				.stream()
				.map((entry) -> CodeView.of(entry, locale))
				.toList());
		}
		return body;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Schema(name = "RuleSet", description = "The rule set in force")
	record RuleSetView(
			@Schema(description = "sha256: and the hash of every file's path and content",
					example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
					pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String version,
			@Schema(description = "When it was activated (UTC)", example = "2026-11-30T10:00:00Z",
					requiredMode = RequiredMode.REQUIRED) Instant activatedAt,
			@Schema(description = "Who activated it", example = "system (start-up)",
					requiredMode = RequiredMode.REQUIRED) String activatedBy,
			@ArraySchema(arraySchema = @Schema(description = "Its files, by path",
					requiredMode = RequiredMode.REQUIRED)) List<FileView> files,
			@ArraySchema(arraySchema = @Schema(description = "Its rules, by file and then salience",
					requiredMode = RequiredMode.REQUIRED)) List<RuleView> rules,
			@ArraySchema(arraySchema = @Schema(description = "Its parameters with every dated value",
					requiredMode = RequiredMode.REQUIRED)) List<ParameterView> parameters) {

	}

	@Schema(name = "RuleSetFile", description = "A file of the rule set")
	record FileView(
			@Schema(description = "The file's path from the repository root", example = "rules/20-signals/signals.drl",
					requiredMode = RequiredMode.REQUIRED) String path,
			@Schema(description = "sha256: and the SHA-256 of the file's content, in hex",
					example = "sha256:9fa8edf28bbd80c7d0631c2602e73fc01b56adc1d32220dea752ed9263d11bea",
					pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String sha256,
			@Schema(description = "The file's size in bytes (UTF-8)", example = "5120", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int bytes) {

	}

	@Schema(name = "Rule", description = "A rule of the rule set with its metadata")
	record RuleView(
			@Schema(description = "The rule's stable id (metadata @id)", example = "S-RIGID",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String id,
			@Schema(description = "The rule's name in its DRL file", example = "S-RIGID rigid expense pressure",
					requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(description = "The file the rule lives in, from the repository root",
					example = "rules/20-signals/signals.drl", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED) String file,
			@Schema(description = "The policy clause the rule implements (metadata @clause)", example = "S-RIGID",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String clause,
			@Schema(description = "The rule's description, in the requested language",
					example = "There are rigid expenses, and per-capita income after them is below the monitoring "
							+ "threshold",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String description,
			@Schema(description = "The rule's description in both languages", implementation = Texts.class,
					requiredMode = RequiredMode.REQUIRED) Map<String, String> descriptions,
			@Schema(description = "The policy text the rule follows (metadata @reference)",
					example = "policy.md §3 S-RIGID; 中农组发〔2021〕7号", types = { "string", "null" },
					requiredMode = RequiredMode.REQUIRED) String reference,
			@Schema(description = "The rule's salience: within a stage, higher fires first", example = "0",
					requiredMode = RequiredMode.REQUIRED) int salience) {

		static RuleView of(RuleInfo rule, Locale locale) {
			return new RuleView(rule.id(), rule.name(), (rule.file() != null) ? "rules/" + rule.file() : null,
					rule.clause(), rule.description().in(locale),
					Map.of("zh-CN", String.valueOf(rule.description().zh()), "en",
							String.valueOf(rule.description().en())),
					rule.reference(), rule.salience());
		}

	}

	@Schema(name = "Parameter", description = "A parameter of the rule set with its dated values")
	record ParameterView(
			@Schema(description = "The parameter's name", example = "monitoring.incomeThreshold",
					requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(description = "What the parameter is, in the requested language",
					example = "Monitoring threshold: per-capita net income per year, in yuan",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String description,
			@Schema(description = "Whether a rule reads it (an unread parameter is documentation only)",
					example = "true", requiredMode = RequiredMode.REQUIRED) boolean readByRules,
			@ArraySchema(arraySchema = @Schema(description = "Its values, each in force from its date",
					requiredMode = RequiredMode.REQUIRED)) List<ParameterValue> values) {

		static ParameterView of(ParameterTable.Definition definition, Locale locale, RuleSet ruleSet) {
			return new ParameterView(definition.name(), definition.description().in(locale),
					ruleSet.requiredParameters().contains(definition.name()), definition.values());
		}

	}

	@Schema(name = "Code", description = "A code of the catalogue with its labels")
	record CodeView(
			@Schema(description = "The code; it never changes with the language", example = "MEDICAL_ASSISTANCE",
					requiredMode = RequiredMode.REQUIRED) String code,
			@Schema(description = "The policy clause that defines it", example = "M-05",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String clause,
			@Schema(description = "Its label in the requested language", example = "Medical assistance",
					requiredMode = RequiredMode.REQUIRED) String label,
			@Schema(description = "Its labels in both languages", implementation = Texts.class,
					requiredMode = RequiredMode.REQUIRED) Map<String, String> labels,
			@Schema(description = "Measures only: SUBSIDY, INDUSTRY or EMPLOYMENT; null for other codes",
					example = "SUBSIDY", types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED,
					extensions = @Extension(name = "x-fangpin",
							properties = @ExtensionProperty(name = "catalogue", value = "measureCategories")))
			String category,
			@Schema(description = "Measures only: the priority, 1 first; null for other codes", example = "1",
					types = { "integer", "null" }, requiredMode = RequiredMode.REQUIRED) Integer priority) {

		static CodeView of(Catalogue.Entry entry, Locale locale) {
			return new CodeView(entry.code(), entry.clause(), entry.label().in(locale),
					Map.of("zh-CN", entry.label().zh(), "en", entry.label().en()), entry.category(),
					entry.priority());
		}

	}

	@Schema(name = "Texts", description = "A text in Chinese and in English",
			additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
	record Texts(
			@com.fasterxml.jackson.annotation.JsonProperty("zh-CN") @Schema(description = "In Chinese",
					example = "医疗救助", requiredMode = RequiredMode.REQUIRED) String zhCn,
			@Schema(description = "In English", example = "Medical assistance",
					requiredMode = RequiredMode.REQUIRED) String en) {

	}

}
