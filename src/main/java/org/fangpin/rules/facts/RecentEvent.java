package org.fangpin.rules.facts;

import java.time.LocalDate;

import org.fangpin.household.EventType;

/** D8: an event within the 365 days up to and including {@code asOf}. */
public record RecentEvent(int event, EventType type, LocalDate date) {

}
