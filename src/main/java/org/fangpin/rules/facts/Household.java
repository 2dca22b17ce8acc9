package org.fangpin.rules.facts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fangpin.household.MonitoringStatus;
import org.fangpin.household.PovertyStatus;
import org.fangpin.household.SafetyGrade;

/**
 * The household as the rules see it: one fact per evaluation, flat so that a rule reads
 * {@code Household(medicalOutOfPocket > 0)}. Members and events are facts of their own.
 */
public record Household(String id, LocalDate asOf, PovertyStatus povertyStatus, BigDecimal wages,
		BigDecimal business, BigDecimal property, BigDecimal transfers, BigDecimal productionCosts,
		BigDecimal previousYearNetIncome, BigDecimal medicalOutOfPocket, BigDecimal education,
		SafetyGrade safetyGrade, boolean quantityOk, boolean qualityOk, boolean convenienceOk, boolean reliabilityOk,
		Set<String> supports, MonitoringStatus monitoringStatus, LocalDate monitoringSince,
		List<String> appliedMeasures) {

	/** Whether the household already receives the programme with this measure code. */
	public boolean receives(String measureCode) {
		return this.supports.contains(measureCode);
	}

}
