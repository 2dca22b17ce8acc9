package org.fangpin.assessment;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

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
		String householdId = householdIdOf(profile);
		return (householdId != null) ? withMonitoring(profile, monitoringOf(householdId).orElse(null)) : profile;
	}

	/** The household id of a profile, or null when it has none (the profile is then rejected when read). */
	private static String householdIdOf(JsonNode profile) {
		JsonNode id = (profile != null && profile.isObject()) ? profile.get("householdId") : null;
		return (id != null && id.isString()) ? id.stringValue() : null;
	}

	/** A copy of the profile with the case's {@code monitoring}, or the profile as it was when that is null. */
	static JsonNode withMonitoring(JsonNode profile, JsonNode monitoring) {
		if (monitoring == null) {
			return profile;
		}
		ObjectNode copy = (ObjectNode) profile.deepCopy();
		copy.set("monitoring", monitoring);
		return copy;
	}

}
