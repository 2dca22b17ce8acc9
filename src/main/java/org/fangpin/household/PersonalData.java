package org.fangpin.household;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the personal data of a profile (members' names and ID numbers) for anyone but the caseworker:
 * {@code 张三} becomes {@code 张*}, {@code 140902199001011234} becomes {@code 1409**********1234}.
 */
public final class PersonalData {

	private PersonalData() {
	}

	/** A copy of the profile with names and ID numbers masked; the original is unchanged. */
	public static JsonNode masked(JsonNode profile) {
		if (profile == null || !profile.isObject()) {
			return profile;
		}
		JsonNode copy = profile.deepCopy();
		JsonNode members = copy.get("members");
		if (members != null && members.isArray()) {
			for (JsonNode member : members) {
				if (member instanceof ObjectNode object) {
					if (object.get("name") != null && object.get("name").isString()) {
						object.put("name", maskName(object.get("name").stringValue()));
					}
					if (object.get("idNumber") != null && object.get("idNumber").isString()) {
						object.put("idNumber", maskIdNumber(object.get("idNumber").stringValue()));
					}
				}
			}
		}
		return copy;
	}

	public static String maskName(String name) {
		if (name.isEmpty()) {
			return name;
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

	public static String maskIdNumber(String id) {
		if (id.length() <= 8) {
			return "*".repeat(id.length());
		}
		return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
	}

}
