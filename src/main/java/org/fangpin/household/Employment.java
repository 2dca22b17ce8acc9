package org.fangpin.household;

/** The codes of {@code Employment} in a household profile, as listed in the API contract. */
public enum Employment {

	NONE, FARMING, LOCAL_WAGE, MIGRANT, PUBLIC_WELFARE_JOB, SELF_EMPLOYED, UNEMPLOYED

}
