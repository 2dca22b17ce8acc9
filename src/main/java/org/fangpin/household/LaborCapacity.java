package org.fangpin.household;

/** The codes of {@code LaborCapacity} in a household profile, as listed in the API contract. */
public enum LaborCapacity {

	FULL, PARTIAL, NONE

}
