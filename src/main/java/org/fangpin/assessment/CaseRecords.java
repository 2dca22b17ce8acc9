package org.fangpin.assessment;

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

	/** The profile with its {@code monitoring} replaced by the case's, when the case decides it; else as it was. */
	default JsonNode applyTo(JsonNode profile) {
		if (profile == null || !profile.isObject() || profile.get("householdId") == null
				|| !profile.get("householdId").isString()) {
			return profile;
		}
		return monitoringOf(profile.get("householdId").stringValue()).map((monitoring) -> {
			ObjectNode copy = (ObjectNode) profile.deepCopy();
			copy.set("monitoring", monitoring);
			return (JsonNode) copy;
		}).orElse(profile);
	}

}
