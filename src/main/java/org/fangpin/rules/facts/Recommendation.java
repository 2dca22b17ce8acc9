package org.fangpin.rules.facts;

import java.math.BigDecimal;

/**
 * A measure recommended by one rule (policy §5.3). Several rules may recommend the same measure; the assessment
 * reports it once, with each rule as a reason. {@code amount} is yuan per year, or null where none is defined.
 */
public record Recommendation(String code, BigDecimal amount) {

	public static Recommendation of(String code) {
		return new Recommendation(code, null);
	}

}
