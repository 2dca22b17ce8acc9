package org.fangpin.household;

/** The codes of {@code PovertyStatus} in a household profile, as listed in the API contract. */
public enum PovertyStatus {

	LIFTED, NEVER_POOR

}
