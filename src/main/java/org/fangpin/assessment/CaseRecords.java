package org.fangpin.assessment;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The monitoring state that a household's case decides (status, since, measures applied), which replaces the one a
 * client sends. Implemented by casework; assessments never depend on it directly.
 */
public interface CaseRecords {

	/** The {@code monitoring} object of the profile, when the household's case decides it. */
	Optional<JsonNode> monitoringOf(String householdId);

}
