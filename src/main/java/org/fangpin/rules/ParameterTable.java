package org.fangpin.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.fangpin.household.HouseholdProfile.Region;

/** The dated parameters of a rule set: for each name, its values ordered by effective date. */
public record ParameterTable(Map<String, Definition> definitions) {

	public ParameterTable {
		definitions = Map.copyOf(new TreeMap<>(definitions));
	}

	/** The national value in force on {@code date}. */
	public Optional<ParameterValue> valueAt(String name, LocalDate date) {
		return valueAt(name, date, Region.NONE);
	}

	/**
	 * The value in force on {@code date} for a household in {@code region}: among the scopes that match the region,
	 * the most specific one that has a value on that date wins; within a scope, the latest value not after the date.
	 */
	public Optional<ParameterValue> valueAt(String name, LocalDate date, Region region) {
		Definition definition = this.definitions.get(name);
		if (definition == null) {
			return Optional.empty();
		}
		Region where = (region != null) ? region : Region.NONE;
		ParameterValue best = null;
		for (ParameterValue value : definition.values()) {
			if (value.effectiveFrom().isAfter(date)
					|| !value.scope().matches(where.province(), where.city(), where.county())) {
				continue;
			}
			if (best == null || value.scope().specificity() > best.scope().specificity()
					|| (value.scope().specificity() == best.scope().specificity()
							&& !value.effectiveFrom().isBefore(best.effectiveFrom()))) {
				best = value;
			}
		}
		return Optional.ofNullable(best);
	}

	/** A parameter: what it means and its values, sorted by effective date. */
	public record Definition(String name, LocalizedText description, List<ParameterValue> values) {

		public Definition {
			values = values.stream().sorted(Comparator.comparing(ParameterValue::effectiveFrom)).toList();
		}

	}

}
