package org.fangpin.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.fangpin.household.ProfileReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The monitoring state that a household's case decides (status, since, measures applied), which replaces the one a
 * client sends. Implemented by casework; assessments never depend on it directly.
 */
public interface CaseRecords {

	/** The {@code monitoring} object of the profile, when the household's case decides it. */
	Optional<JsonNode> monitoringOf(String householdId);

	/**
	 * {@link #monitoringOf} for many households at once, by household id; households whose case does not decide it
	 * are absent. For a batch, which would otherwise ask once a line.
	 */
	Map<String, JsonNode> monitoringOfAll(Collection<String> householdIds);

	/** The profile with its {@code monitoring} replaced by the case's, when the case decides it; else as it was. */
	default JsonNode applyTo(JsonNode profile) {
		String householdId = ProfileReader.householdIdOf(profile);
		return (householdId != null) ? withMonitoring(profile, monitoringOf(householdId).orElse(null)) : profile;
	}

	/** Whether a profile's {@code asOf} is a date before {@code since}; false when either is not a date. */
	private static boolean before(JsonNode asOf, JsonNode since) {
		if (asOf == null || since == null || !asOf.isString() || !since.isString()) {
			return false;
		}
		try {
			return LocalDate.parse(asOf.stringValue()).isBefore(LocalDate.parse(since.stringValue()));
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * A copy of the profile with the case's {@code monitoring}, or the profile as it was when that is null or when the
	 * profile is dated before the case's identification: on that date the case did not monitor the household yet, so
	 * the profile says for itself (a correction of an earlier assessment, a profile sent for a past date).
	 */
	static JsonNode withMonitoring(JsonNode profile, JsonNode monitoring) {
		if (monitoring == null || before(profile.get("asOf"), monitoring.get("since"))) {
			return profile;
		}
		ObjectNode copy = (ObjectNode) profile.deepCopy();
		copy.set("monitoring", monitoring);
		return copy;
	}

}
