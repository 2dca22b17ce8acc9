package org.fangpin.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The dated parameters of a rule set: for each name, its values ordered by effective date. */
public record ParameterTable(Map<String, Definition> definitions) {

	public ParameterTable {
		definitions = Map.copyOf(new TreeMap<>(definitions));
	}

	/** The value in force on {@code date}: the latest one whose effective date is not after it. */
	public Optional<ParameterValue> valueAt(String name, LocalDate date) {
		Definition definition = this.definitions.get(name);
		if (definition == null) {
			return Optional.empty();
		}
		ParameterValue inForce = null;
		for (ParameterValue value : definition.values()) {
			if (!value.effectiveFrom().isAfter(date)) {
				inForce = value;
			}
		}
		return Optional.ofNullable(inForce);
	}

	/** A parameter: what it means and its values, sorted by effective date. */
	public record Definition(String name, LocalizedText description, List<ParameterValue> values) {

		public Definition {
			values = values.stream().sorted(Comparator.comparing(ParameterValue::effectiveFrom)).toList();
		}

	}

}
