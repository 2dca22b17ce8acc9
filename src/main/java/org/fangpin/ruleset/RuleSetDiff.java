package org.fangpin.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** Which files and which rules differ between two versions of a rule set. Rules are matched by their id. */
@Schema(name = "RuleSetDiff", description = "Which files and which rules differ between two archived versions of "
		+ "the rule set; rules are matched by their id (their name when they have none)")
public record RuleSetDiff(
		@Schema(description = "The version compared from",
				example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
				requiredMode = RequiredMode.REQUIRED) String from,
		@Schema(description = "The version compared to: the one asked for, or the version in force",
				example = "sha256:9c2e7d1f0a4b3c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5",
				requiredMode = RequiredMode.REQUIRED) String to,
		@Schema(description = "The files added, removed and changed, by path relative to rules/",
				requiredMode = RequiredMode.REQUIRED) Changes files,
		@Schema(description = "The rules added, removed and changed (whitespace aside), by id",
				requiredMode = RequiredMode.REQUIRED) Changes rules) {

	private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b");

	private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

	/** What was added, removed and changed, by path or rule id. */
	@Schema(name = "RuleSetChanges", description = "What was added, removed and changed between two versions, "
			+ "each list sorted")
	public record Changes(
			@ArraySchema(schema = @Schema(description = "A file's path or a rule's id", example = "99-extra/extra.drl"),
					arraySchema = @Schema(description = "Only in the version compared to",
							examples = "[\"99-extra/extra.drl\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> added,
			@ArraySchema(schema = @Schema(description = "A file's path or a rule's id", example = "M-13"),
					arraySchema = @Schema(description = "Only in the version compared from", examples = "[]",
							requiredMode = RequiredMode.REQUIRED)) List<String> removed,
			@ArraySchema(schema = @Schema(description = "A file's path or a rule's id", example = "M-06"),
					arraySchema = @Schema(description = "In both, with different content",
							examples = "[\"50-measures/measures.drl\"]", requiredMode = RequiredMode.REQUIRED))
			List<String> changed) {

	}

	public static RuleSetDiff between(String from, Map<String, String> before, String to, Map<String, String> after) {
		return new RuleSetDiff(from, to, compare(before, after), compare(rules(before), rules(after)));
	}

	private static Changes compare(Map<String, String> before, Map<String, String> after) {
		List<String> added = new ArrayList<>();
		List<String> removed = new ArrayList<>();
		List<String> changed = new ArrayList<>();
		TreeSet<String> keys = new TreeSet<>(before.keySet());
		keys.addAll(after.keySet());
		for (String key : keys) {
			if (!before.containsKey(key)) {
				added.add(key);
			}
			else if (!after.containsKey(key)) {
				removed.add(key);
			}
			else if (!Objects.equals(before.get(key), after.get(key))) {
				changed.add(key);
			}
		}
		return new Changes(added, removed, changed);
	}

	/** Each rule's id (or name, without one) to its text, whitespace-normalised. */
	static Map<String, String> rules(Map<String, String> files) {
		Map<String, String> rules = new LinkedHashMap<>();
		files.forEach((path, content) -> {
			if (!path.endsWith(".drl")) {
				return;
			}
			Matcher rule = RULE.matcher(content);
			while (rule.find()) {
				Matcher id = ID.matcher(rule.group(2));
				String key = id.find() ? id.group(1) : rule.group(1);
				rules.put(key, (path + ": " + rule.group(0)).replaceAll("\\s+", " ").strip());
			}
		});
		return rules;
	}

}
