package org.fangpin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * One dated value of a parameter, with its source and its scope: the region it applies to, or
 * {@link Scope#NATIONAL} for everywhere.
 */
@Schema(name = "ParameterValue", description = "One dated value of a parameter")
public record ParameterValue(
		@Schema(description = "The parameter's name in parameters.yaml", example = "monitoring.incomeThreshold",
				requiredMode = RequiredMode.REQUIRED) String name,
		@Schema(description = "The value", example = "7400", requiredMode = RequiredMode.REQUIRED) BigDecimal value,
		@Schema(description = "The date from which this value is in force, until the next value's date",
				example = "2024-01-01", requiredMode = RequiredMode.REQUIRED) LocalDate effectiveFrom,
		@Schema(description = "Where the value comes from: the policy document, or placeholder",
				example = "placeholder", requiredMode = RequiredMode.REQUIRED) String source,
		@Schema(description = "The region the value applies to; national when it has no scope",
				requiredMode = RequiredMode.REQUIRED) Scope scope) {

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
	@Schema(name = "ParameterScope", description = "The region a parameter value applies to")
	public record Scope(@Schema(description = "A province, or null for any", example = "山西省", types = { "string", "null" }) String province,
			@Schema(description = "A city, or null for any", example = "忻州市", types = { "string", "null" }) String city,
			@Schema(description = "A county, or null for any", example = "河曲县", types = { "string", "null" }) String county) {

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
