package org.fangpin.household;

/** The codes of {@code Schooling} in a household profile, as listed in the API contract. */
public enum Schooling {

	NONE, PRESCHOOL, COMPULSORY, HIGH_SCHOOL, VOCATIONAL, UNIVERSITY, DROPPED_OUT

}
