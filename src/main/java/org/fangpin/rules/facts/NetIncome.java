package org.fangpin.rules.facts;

import java.math.BigDecimal;

/** D2: household net income over the income window, in yuan; it may be negative. */
public record NetIncome(BigDecimal amount) {

}
