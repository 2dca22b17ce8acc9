package org.fangpin.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which files and which rules differ between two versions of a rule set. Rules are matched by their id. */
public record RuleSetDiff(String from, String to, Changes files, Changes rules) {

	private static final Pattern RULE = Pattern.compile("(?ms)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b");

	private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");

	/** What was added, removed and changed, by path or rule id. */
	public record Changes(List<String> added, List<String> removed, List<String> changed) {

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
