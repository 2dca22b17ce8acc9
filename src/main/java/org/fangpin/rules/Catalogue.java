package org.fangpin.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every code a rule set emits (signals, risk groups, risk types, tiers, measures, elimination clauses and alerts),
 * with its clause and labels, in reporting order; and the templates of the plain-language explanation.
 */
public record Catalogue(Map<String, List<Entry>> sections, Map<String, LocalizedText> explanations) {

	public static final List<String> SECTIONS = List.of("signals", "riskGroups", "riskTypes", "tiers", "measures",
			"eliminationClauses", "alerts");

	public Catalogue {
		sections = new LinkedHashMap<>(sections);
		sections.replaceAll((name, entries) -> List.copyOf(entries));
		sections = Map.copyOf(sections);
		explanations = Map.copyOf(explanations);
	}

	public List<Entry> section(String name) {
		return this.sections.getOrDefault(name, List.of());
	}

	public Optional<Entry> find(String section, String code) {
		return section(section).stream().filter((entry) -> entry.code().equals(code)).findFirst();
	}

	/** The position of a code in its section, for ordering; unknown codes sort last. */
	public int position(String section, String code) {
		List<Entry> entries = section(section);
		for (int i = 0; i < entries.size(); i++) {
			if (entries.get(i).code().equals(code)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

	/** The label of a code, or the code itself when the catalogue lacks it. */
	public LocalizedText label(String section, String code) {
		return find(section, code).map(Entry::label).orElse(new LocalizedText(code, code));
	}

	/** One code. {@code category} and {@code priority} are set for measures only. */
	public record Entry(String code, String clause, LocalizedText label, String category, Integer priority) {

	}

}
