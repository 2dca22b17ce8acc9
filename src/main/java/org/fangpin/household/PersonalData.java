package org.fangpin.household;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The personal data in a profile, members' {@code name} and {@code idNumber}, and how it is shown to anyone but the
 * caseworker: the first character of a name ({@code 张*}), the first and last four characters of an ID number
 * ({@code 1409**********1234}).
 */
public final class PersonalData {

	private PersonalData() {
	}

	/** A copy of a profile as received, with every member's name and ID number masked. */
	public static JsonNode masked(JsonNode profile) {
		if (profile == null || !profile.isObject() || !profile.path("members").isArray()) {
			return profile;
		}
		JsonNode copy = profile.deepCopy();
		for (JsonNode member : copy.get("members")) {
			if (member instanceof ObjectNode fields) {
				if (fields.hasNonNull("name")) {
					fields.put("name", maskName(fields.get("name").asString()));
				}
				if (fields.hasNonNull("idNumber")) {
					fields.put("idNumber", maskIdNumber(fields.get("idNumber").asString()));
				}
			}
		}
		return copy;
	}

	/** {@code 张三} to {@code 张*}: the first character, then one star for each other character. */
	public static String maskName(String name) {
		int length = name.codePointCount(0, name.length());
		if (length <= 1) {
			return "*";
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(length - 1);
	}

	/** {@code 140902196601011234} to {@code 1409**********1234}: the first and last four characters kept. */
	public static String maskIdNumber(String idNumber) {
		if (idNumber.length() <= 8) {
			return "*".repeat(idNumber.length());
		}
		return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8)
				+ idNumber.substring(idNumber.length() - 4);
	}

}
