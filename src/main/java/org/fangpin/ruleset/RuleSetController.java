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

import org.fangpin.rules.Catalogue;
import org.fangpin.rules.ParameterTable;
import org.fangpin.rules.ParameterValue;
import org.fangpin.rules.RuleInfo;
import org.fangpin.rules.RuleSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Describes the rule set in force and its catalogue of codes. */
@RestController
class RuleSetController {

	private final ActiveRuleSet active;

	RuleSetController(ActiveRuleSet active) {
		this.active = active;
	}

	@GetMapping("/api/v1/ruleset")
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

	record RuleSetView(String version, Instant activatedAt, String activatedBy, List<FileView> files,
			List<RuleView> rules, List<ParameterView> parameters) {

	}

	record FileView(String path, String sha256, int bytes) {

	}

	record RuleView(String id, String name, String file, String clause, String description,
			Map<String, String> descriptions, String reference, int salience) {

		static RuleView of(RuleInfo rule, Locale locale) {
			return new RuleView(rule.id(), rule.name(), (rule.file() != null) ? "rules/" + rule.file() : null,
					rule.clause(), rule.description().in(locale),
					Map.of("zh-CN", String.valueOf(rule.description().zh()), "en",
							String.valueOf(rule.description().en())),
					rule.reference(), rule.salience());
		}

	}

	record ParameterView(String name, String description, boolean readByRules, List<ParameterValue> values) {

		static ParameterView of(ParameterTable.Definition definition, Locale locale, RuleSet ruleSet) {
			return new ParameterView(definition.name(), definition.description().in(locale),
					ruleSet.requiredParameters().contains(definition.name()), definition.values());
		}

	}

	record CodeView(String code, String clause, String label, Map<String, String> labels, String category,
			Integer priority) {

		static CodeView of(Catalogue.Entry entry, Locale locale) {
			return new CodeView(entry.code(), entry.clause(), entry.label().in(locale),
					Map.of("zh-CN", entry.label().zh(), "en", entry.label().en()), entry.category(),
					entry.priority());
		}

	}

}
