package org.fangpin.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives why-not probes from a rule set's own DRL. Each rule's conditions (the top-level elements between
 * {@code when} and {@code then}) are split apart; for each condition a probe rule is generated with that condition
 * and the earlier conditions that declare the bindings it uses. A probe that fires means its condition holds. The
 * probes are appended to the rule's own file, so they share its package, imports and salience, and they only
 * insert {@code ConditionMet} facts that no rule reads.
 */
public final class ProbeRules {

	/** Probe rules are named {@code PREFIX + ruleId + "#" + condition}. */
	public static final String PREFIX = "__why-not__ ";

	private static final Pattern RULE = Pattern
		.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*when\\b(.*?)^\\s*then\\b(.*?)^\\s*end\\b");

	private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

	private static final Pattern SALIENCE = Pattern.compile("\\bsalience\\s+(-?\\d+)");

	private static final Pattern DECLARED = Pattern.compile("\\$(\\w+)\\s*:");

	private static final Pattern USED = Pattern.compile("\\$(\\w+)");

	private ProbeRules() {
	}

	/** A rule's conditions and the codes its consequence emits. */
	public record RuleConditions(String ruleId, String ruleName, String file, List<String> conditions,
			String consequence) {

	}

	/** Every rule of the files with its conditions, in file and rule order. */
	public static List<RuleConditions> conditions(Map<String, String> files) {
		List<RuleConditions> rules = new ArrayList<>();
		new TreeMap<>(files).forEach((path, content) -> {
			if (!path.endsWith(".drl")) {
				return;
			}
			Matcher rule = RULE.matcher(content);
			while (rule.find()) {
				Matcher id = ID.matcher(rule.group(2));
				String ruleId = id.find() ? id.group(1) : rule.group(1);
				rules.add(new RuleConditions(ruleId, rule.group(1), path, split(rule.group(3)), rule.group(4)));
			}
		});
		return rules;
	}

	/** The files with a probe rule appended for every condition of every rule. */
	public static Map<String, String> withProbes(Map<String, String> files) {
		Map<String, String> augmented = new TreeMap<>(files);
		files.forEach((path, content) -> {
			if (!path.endsWith(".drl")) {
				return;
			}
			StringBuilder probes = new StringBuilder(content).append("\n\n// why-not probes, generated\n");
			Matcher rule = RULE.matcher(content);
			while (rule.find()) {
				Matcher id = ID.matcher(rule.group(2));
				String ruleId = id.find() ? id.group(1) : rule.group(1);
				Matcher salience = SALIENCE.matcher(rule.group(2));
				String priority = salience.find() ? salience.group(1) : "0";
				List<String> conditions = split(rule.group(3));
				for (int k = 0; k < conditions.size(); k++) {
					probes.append("rule \"").append(PREFIX).append(ruleId).append('#').append(k + 1).append("\"\n")
						.append("    salience ").append(priority).append("\nwhen\n");
					for (int needed : needed(conditions, k)) {
						probes.append("    ").append(conditions.get(needed)).append('\n');
					}
					probes.append("    ").append(conditions.get(k)).append('\n')
						.append("then\n    insert(new org.fangpin.rules.facts.ConditionMet(\"")
						.append(ruleId.replace("\"", "")).append("\", ").append(k + 1).append("));\nend\n\n");
				}
			}
			augmented.put(path, probes.toString());
		});
		return augmented;
	}

	/** The earlier conditions that declare, directly or through others, a binding condition k uses. */
	private static Set<Integer> needed(List<String> conditions, int k) {
		Set<Integer> needed = new LinkedHashSet<>();
		List<String> pending = new ArrayList<>(undeclared(conditions.get(k)));
		while (!pending.isEmpty()) {
			String binding = pending.remove(0);
			for (int i = k - 1; i >= 0; i--) {
				if (declared(conditions.get(i)).contains(binding)) {
					if (needed.add(i)) {
						pending.addAll(undeclared(conditions.get(i)));
					}
					break;
				}
			}
		}
		return new java.util.TreeSet<>(needed);
	}

	private static Set<String> declared(String condition) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = DECLARED.matcher(condition);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static Set<String> undeclared(String condition) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = USED.matcher(condition);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		names.removeAll(declared(condition));
		return names;
	}

	/**
	 * Splits a left-hand side into its top-level conditions: a condition ends at a line break outside any
	 * parentheses and strings; comments are dropped.
	 */
	static List<String> split(String lhs) {
		List<String> conditions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		boolean quoted = false;
		for (String line : lhs.split("\n")) {
			String code = stripComment(line);
			for (int i = 0; i < code.length(); i++) {
				char c = code.charAt(i);
				if (c == '"' && (i == 0 || code.charAt(i - 1) != '\\')) {
					quoted = !quoted;
				}
				else if (!quoted && c == '(') {
					depth++;
				}
				else if (!quoted && c == ')') {
					depth--;
				}
			}
			if (!code.isBlank()) {
				current.append(current.isEmpty() ? "" : " ").append(code.strip());
			}
			if (depth <= 0 && !quoted && !current.isEmpty()) {
				conditions.add(current.toString().replaceAll("\\s+", " "));
				current.setLength(0);
			}
		}
		if (!current.isEmpty()) {
			conditions.add(current.toString().replaceAll("\\s+", " "));
		}
		return conditions;
	}

	private static String stripComment(String line) {
		boolean quoted = false;
		for (int i = 0; i + 1 < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if (!quoted && c == '/' && line.charAt(i + 1) == '/') {
				return line.substring(0, i);
			}
		}
		return line;
	}

}
