package org.fangpin.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.fangpin.household.EventType;

/** One event of the profile; {@code index} is its position in the profile (0-based). */
public record HouseholdEvent(int index, EventType type, LocalDate date, BigDecimal loss) {

}
