package org.fangpin.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One dated value of a parameter, with its source. */
public record ParameterValue(String name, BigDecimal value, LocalDate effectiveFrom, String source) {

}
