package org.fangpin.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
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
			MalformedJsonException malformed = MalformedJsonException.from(ex);
			throw (malformed.line() == 0) ? located(malformed, body) : malformed;
		}
	}

	/**
	 * Where a failure that Jackson reports without a place happened (a number, a name or a nesting over the limits):
	 * the body is read again token by token up to the same failure, and the parser says where it is.
	 */
	private MalformedJsonException located(MalformedJsonException malformed, byte[] body) {
		JsonParser parser = this.mapper.createParser(body);
		try {
			while (parser.nextToken() != null) {
				// up to the failure
			}
			return malformed;
		}
		catch (JacksonException again) {
			return malformed.at(parser);
		}
		finally {
			parser.close();
		}
	}

}
