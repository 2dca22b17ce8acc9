package org.fangpin.assessment;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads stored JSON back with exact decimals. */
final class AssessmentJson {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private AssessmentJson() {
	}

	static JsonNode read(String json) {
		return JSON.readTree(json);
	}

}
