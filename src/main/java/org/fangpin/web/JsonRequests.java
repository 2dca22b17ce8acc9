package org.fangpin.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Parses request bodies strictly: a duplicate key, trailing content or a non-standard token (NaN, comments) is an
 * error, and decimals stay exact.
 */
@Component
public class JsonRequests {

	private final JsonMapper mapper = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	/**
	 * @throws MalformedJsonException when the body is not one well-formed JSON value
	 */
	public JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			throw new MalformedJsonException("the request body is empty", null, 0, 0);
		}
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw MalformedJsonException.from(ex);
		}
	}

}
