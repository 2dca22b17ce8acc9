package org.fangpin.household;

/** The codes of {@code MonitoringStatus} in a household profile, as listed in the API contract. */
public enum MonitoringStatus {

	NONE, MONITORED, ELIMINATED

}
