package org.fangpin.rules.facts;

import java.math.BigDecimal;

/** D4: rigid expenses (medical out-of-pocket and education), in yuan. */
public record RigidExpenses(BigDecimal amount) {

}
