package org.fangpin.household;

/** The codes of {@code SafetyGrade} in a household profile, as listed in the API contract. */
public enum SafetyGrade {

	A, B, C, D, NONE

}
