package org.fangpin.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The value of a dated parameter in force on the household's {@code asOf}. Rules read it as
 * {@code Parameter(name == "monitoring.incomeThreshold", $t : value)}; that form is also how the engine learns which
 * parameters a rule set needs.
 */
public record Parameter(String name, BigDecimal value, LocalDate effectiveFrom, String source, String scope) {

}
