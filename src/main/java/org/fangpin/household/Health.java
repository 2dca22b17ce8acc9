package org.fangpin.household;

/** The codes of {@code Health} in a household profile, as listed in the API contract. */
public enum Health {

	HEALTHY, CHRONIC_ILLNESS, SERIOUS_ILLNESS

}
