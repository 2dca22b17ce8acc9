package org.fangpin.rules.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangpin.rules.Catalogue;

/** A catalogue's entries and positions by section and code, so an evaluation never scans a section. */
final class CatalogueIndex {

	private final Map<String, Map<String, Catalogue.Entry>> entries = new HashMap<>();

	private final Map<String, Map<String, Integer>> positions = new HashMap<>();

	CatalogueIndex(Catalogue catalogue) {
		catalogue.sections().forEach((section, list) -> {
			Map<String, Catalogue.Entry> bySection = new HashMap<>();
			Map<String, Integer> position = new HashMap<>();
			for (int i = 0; i < list.size(); i++) {
				bySection.putIfAbsent(list.get(i).code(), list.get(i));
				position.putIfAbsent(list.get(i).code(), i);
			}
			this.entries.put(section, bySection);
			this.positions.put(section, position);
		});
	}

	/** The entry of a code, or null. */
	Catalogue.Entry find(String section, String code) {
		return this.entries.getOrDefault(section, Map.of()).get(code);
	}

	/** The position of a code in its section; unknown codes sort last. */
	int position(String section, String code) {
		return this.positions.getOrDefault(section, Map.of()).getOrDefault(code, Integer.MAX_VALUE);
	}

	void sort(List<String> codes, String section) {
		Map<String, Integer> position = this.positions.getOrDefault(section, Map.of());
		codes.sort((a, b) -> Integer.compare(position.getOrDefault(a, Integer.MAX_VALUE),
				position.getOrDefault(b, Integer.MAX_VALUE)));
	}

}
