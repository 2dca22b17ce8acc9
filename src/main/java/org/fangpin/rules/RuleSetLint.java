package org.fangpin.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the compiler does not: every rule carries its metadata, ids are unique, and every code a rule emits
 * or compares with exists in the catalogue. Problems name the file and line.
 */
public final class RuleSetLint {

	private static final Map<Pattern, String> EMITTED = new java.util.LinkedHashMap<>();

	static {
		EMITTED.put(Pattern.compile("Signal\\s*\\.\\s*(?:of|gap)\\s*\\(\\s*\"([^\"]*)\""), "signals");
		EMITTED.put(Pattern.compile("new\\s+Signal\\s*\\(\\s*\"([^\"]*)\""), "signals");
		EMITTED.put(Pattern.compile("new\\s+RiskGroup\\s*\\(\\s*\"([^\"]*)\""), "riskGroups");
		EMITTED.put(Pattern.compile("new\\s+RiskType\\s*\\(\\s*\"([^\"]*)\""), "riskTypes");
		EMITTED.put(Pattern.compile("new\\s+AssistanceTier\\s*\\(\\s*\"([^\"]*)\""), "tiers");
		EMITTED.put(Pattern.compile("Recommendation\\s*\\.\\s*of\\s*\\(\\s*\"([^\"]*)\""), "measures");
		EMITTED.put(Pattern.compile("new\\s+Recommendation\\s*\\(\\s*\"([^\"]*)\""), "measures");
		EMITTED.put(Pattern.compile("new\\s+Unmet\\s*\\(\\s*\"([^\"]*)\""), "eliminationClauses");
		EMITTED.put(Pattern.compile("new\\s+Alert\\s*\\(\\s*\"([^\"]*)\""), "alerts");
		EMITTED.put(Pattern.compile("\\bSignal\\s*\\((?:[^)]*?,)?\\s*code\\s*[!=]=\\s*\"([^\"]*)\""), "signals");
		EMITTED.put(Pattern.compile("\\bRiskGroup\\s*\\((?:[^)]*?,)?\\s*(?:\\$\\w+\\s*:\\s*)?code\\s*[!=]=\\s*\"([^\"]*)\""),
				"riskGroups");
		EMITTED.put(Pattern.compile("\\bRiskType\\s*\\((?:[^)]*?,)?\\s*code\\s*[!=]=\\s*\"([^\"]*)\""), "riskTypes");
		EMITTED.put(Pattern.compile("\\bAssistanceTier\\s*\\((?:[^)]*?,)?\\s*(?:\\$\\w+\\s*:\\s*)?code\\s*[!=]=\\s*\"([^\"]*)\""),
				"tiers");
		EMITTED.put(Pattern.compile("\\bRecommendation\\s*\\((?:[^)]*?,)?\\s*code\\s*[!=]=\\s*\"([^\"]*)\""),
				"measures");
	}

	private static final Pattern CHANGE = Pattern.compile("\\b(update|modify|retract|delete)\\s*\\(");

	private static final List<String> METADATA = List.of("id", "clause", "zh", "en", "reference");

	private RuleSetLint() {
	}

	public static List<RuleSetProblem> lint(RuleSet ruleSet) {
		List<RuleSetProblem> problems = new ArrayList<>();
		Map<String, RuleInfo> ids = new HashMap<>();
		for (RuleInfo rule : ruleSet.rules()) {
			int line = ruleLine(ruleSet.files().get(rule.file()), rule.name());
			List<String> missing = new ArrayList<>();
			String[] values = { rule.id(), rule.clause(), rule.description().zh(), rule.description().en(),
					rule.reference() };
			for (int i = 0; i < values.length; i++) {
				if (values[i] == null || values[i].isBlank()) {
					missing.add("@" + METADATA.get(i));
				}
			}
			if (!missing.isEmpty()) {
				problems.add(new RuleSetProblem(rule.file(), line, 0,
						"rule \"" + rule.name() + "\" lacks " + String.join(", ", missing)));
			}
			if (rule.id() != null) {
				RuleInfo other = ids.putIfAbsent(rule.id(), rule);
				if (other != null) {
					problems.add(new RuleSetProblem(rule.file(), line, 0, "rule id " + rule.id()
							+ " is also used by rule \"" + other.name() + "\" in " + other.file()));
				}
			}
		}
		ruleSet.files().forEach((file, content) -> {
			if (file.endsWith(".drl")) {
				codes(file, content, ruleSet.catalogue(), problems);
				changes(file, content, problems);
			}
		});
		return problems;
	}

	private static void codes(String file, String content, Catalogue catalogue, List<RuleSetProblem> problems) {
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.strip().startsWith("//")) {
				continue;
			}
			for (Map.Entry<Pattern, String> entry : EMITTED.entrySet()) {
				Matcher matcher = entry.getKey().matcher(line);
				while (matcher.find()) {
					String code = matcher.group(1);
					if (catalogue.find(entry.getValue(), code).isEmpty()) {
						problems.add(new RuleSetProblem(file, i + 1, matcher.start(1) + 1,
								"code " + code + " is not in the catalogue's " + entry.getValue()));
					}
				}
			}
		}
	}

	/**
	 * Rules insert new facts and never change or remove one (rules/README.md): a rule that updates a fact makes every
	 * rule matching it fire again, which loops until the firing limit, and the limit then names whichever rule was
	 * firing, not the one that changed the fact. Found here, it is named with its line before anything runs.
	 */
	private static void changes(String file, String content, List<RuleSetProblem> problems) {
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].strip().startsWith("//")) {
				continue;
			}
			Matcher matcher = CHANGE.matcher(lines[i]);
			if (matcher.find()) {
				problems.add(new RuleSetProblem(file, i + 1, matcher.start(1) + 1, matcher.group(1)
						+ "(…) changes a fact: rules only insert new facts, and a changed fact fires its rules again"));
			}
		}
	}

	/** The line where a rule starts, found by its name. */
	static int ruleLine(String content, String name) {
		if (content == null) {
			return 0;
		}
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains("rule \"" + name + "\"")) {
				return i + 1;
			}
		}
		return 0;
	}

}
