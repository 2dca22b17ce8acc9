package org.fangpin.household;

/** The codes of {@code EventType} in a household profile, as listed in the API contract. */
public enum EventType {

	NATURAL_DISASTER, ACCIDENT, MAJOR_ILLNESS, BUSINESS_FAILURE, JOB_LOSS, OTHER

}
