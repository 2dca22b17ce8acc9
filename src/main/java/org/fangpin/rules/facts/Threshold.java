package org.fangpin.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/** D6: the monitoring threshold in force on {@code asOf}, per person per year, and the date it took effect. */
public record Threshold(BigDecimal value, LocalDate effectiveFrom) {

}
