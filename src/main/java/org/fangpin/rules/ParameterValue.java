package org.fangpin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dated value of a parameter, with its source and its scope: the region it applies to, or
 * {@link Scope#NATIONAL} for everywhere.
 */
public record ParameterValue(String name, BigDecimal value, LocalDate effectiveFrom, String source, Scope scope) {

	public ParameterValue {
		scope = (scope != null) ? scope : Scope.NATIONAL;
	}

	public ParameterValue(String name, BigDecimal value, LocalDate effectiveFrom, String source) {
		this(name, value, effectiveFrom, source, Scope.NATIONAL);
	}

	/**
	 * The region a value applies to. Every part given must match the household's region; the more specific the
	 * scope (county, then city, then province), the higher it ranks.
	 */
	public record Scope(String province, String city, String county) {

		public static final Scope NATIONAL = new Scope(null, null, null);

		/** 3 for a county, 2 for a city, 1 for a province, 0 for national. */
		public int specificity() {
			return (this.county != null) ? 3 : (this.city != null) ? 2 : (this.province != null) ? 1 : 0;
		}

		public boolean matches(String province, String city, String county) {
			return (this.province == null || this.province.equals(province))
					&& (this.city == null || this.city.equals(city))
					&& (this.county == null || this.county.equals(county));
		}

		@Override
		public String toString() {
			if (specificity() == 0) {
				return "national";
			}
			StringBuilder text = new StringBuilder();
			append(text, "province", this.province);
			append(text, "city", this.city);
			append(text, "county", this.county);
			return text.toString();
		}

		private static void append(StringBuilder text, String key, String value) {
			if (value != null) {
				text.append(text.isEmpty() ? "" : ",").append(key).append('=').append(value);
			}
		}

	}

}
