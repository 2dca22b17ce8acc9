package org.fangpin.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A per-capita amount kept as an exact fraction {@code total / householdSize}. Comparisons never divide:
 * {@code below(t)} is {@code total < t * householdSize}, as policy clause D3 requires. {@code kind} is
 * {@code NET_INCOME} (D3) or {@code AFTER_RIGID_EXPENSES} (D5).
 */
public record PerCapita(Kind kind, BigDecimal total, int householdSize) {

	public PerCapita {
		if (householdSize < 1) {
			throw new IllegalArgumentException("'householdSize' must be at least 1");
		}
	}

	/** Whether the per-capita amount is strictly below {@code limit}, computed exactly. */
	public boolean below(BigDecimal limit) {
		return this.total.compareTo(limit.multiply(BigDecimal.valueOf(this.householdSize))) < 0;
	}

	/** Whether the per-capita amount is strictly below {@code limit × (1 + margin)}, computed exactly. */
	public boolean belowWithMargin(BigDecimal limit, BigDecimal margin) {
		return below(limit.multiply(BigDecimal.ONE.add(margin)));
	}

	/** The per-capita amount as reported: rounded half-up to 2 decimals. */
	public BigDecimal value() {
		return this.total.divide(BigDecimal.valueOf(this.householdSize), 2, RoundingMode.HALF_UP);
	}

	/** What the per-capita amount is of. */
	public enum Kind {

		NET_INCOME, AFTER_RIGID_EXPENSES

	}

}
