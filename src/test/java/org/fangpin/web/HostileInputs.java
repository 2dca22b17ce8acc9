package org.fangpin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The example profile taken apart field by field, and what a refusal of a hostile request must look like. */
final class HostileInputs {

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Strings a free-text field (region, name) may hold: accepted, stored verbatim, never interpreted. */
	static final List<String> HARMLESS_PAYLOADS = List.of("'; DROP TABLE assessment; --",
			"Robert'); DELETE FROM audit_entry WHERE ('1'='1", "<script>alert(document.cookie)</script>",
			"${jndi:ldap://127.0.0.1/x}", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "../../../etc/passwd",
			"😀👨‍👩‍👧‍👦", "\u202Eevil\u202C", "\uFEFF零宽\u200B字符", "%00%0d%0a", "\\u0000");

	/** Strings no field may hold. */
	static final List<String> CONTROL_PAYLOADS = List.of("a\u0000b", "line\nbreak", "\u001b[31mred", "tab\there",
			"\u007f", "\u0085next");

	/** Free-text fields: any string of at most 64 characters without control characters is accepted. */
	static final Set<String> FREE_TEXT = Set.of("region.province", "region.city", "region.county", "region.township",
			"region.village", "members[0].name");

	private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

	private HostileInputs() {
	}

	/** The example profile with a member's name and ID number, so that they are fuzzed too. */
	static ObjectNode base(String householdId) {
		ObjectNode profile = (ObjectNode) HttpClientSupport.JSON.readTree(HttpClientSupport.example());
		profile.put("householdId", householdId);
		ObjectNode head = (ObjectNode) profile.get("members").get(0);
		head.put("name", "张三");
		head.put("idNumber", "140902196601011234");
		return profile;
	}

	/** Every field and element of a document, as problems name them ({@code members[0].age}). */
	static List<String> paths(JsonNode node) {
		List<String> paths = new ArrayList<>();
		collect(node, "", paths);
		return paths;
	}

	private static void collect(JsonNode node, String path, List<String> paths) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
				paths.add(child);
				collect(field.getValue(), child, paths);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				String child = path + "[" + i + "]";
				paths.add(child);
				collect(node.get(i), child, paths);
			}
		}
	}

	static JsonNode at(JsonNode root, String path) {
		JsonNode node = root;
		Matcher step = STEP.matcher(path);
		while (step.find()) {
			node = (step.group(1) != null) ? node.get(step.group(1)) : node.get(Integer.parseInt(step.group(2)));
		}
		return node;
	}

	/** A copy of {@code root} with the value at {@code path} replaced. */
	static JsonNode replace(JsonNode root, String path, JsonNode value) {
		JsonNode copy = root.deepCopy();
		int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
		JsonNode parent = (cut <= 0) ? copy : at(copy, path.substring(0, cut));
		String last = path.substring((cut <= 0 || path.charAt(cut) == '[') ? Math.max(cut, 0) : cut + 1);
		if (last.startsWith("[")) {
			((ArrayNode) parent).set(Integer.parseInt(last.substring(1, last.length() - 1)), value);
		}
		else {
			((ObjectNode) parent).set(last, value);
		}
		return copy;
	}

	/** The JSON values of another type than {@code original}'s: each one is wrong for its field. */
	static List<JsonNode> wrongTypes(JsonNode original) {
		List<JsonNode> values = new ArrayList<>();
		if (!original.isString()) {
			values.add(NODES.stringNode("58"));
		}
		if (!original.isNumber()) {
			values.add(NODES.numberNode(1));
		}
		if (!original.isBoolean()) {
			values.add(NODES.booleanNode(true));
		}
		if (!original.isArray()) {
			values.add(NODES.arrayNode().add("FULL"));
		}
		if (!original.isObject()) {
			values.add(NODES.objectNode().put("value", 1));
		}
		return values;
	}

	/** A 4xx problem detail: the right media type and the four members of RFC 9457. */
	static JsonNode assertProblem(Response response) {
		assertThat(response.status()).as(response.body()).isBetween(400, 499);
		assertThat(response.header("Content-Type")).as(response.body()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).startsWith("urn:fangpin:problem:");
		assertThat(problem.get("status").intValue()).isEqualTo(response.status());
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

	/** Whether a problem names the field, or a field inside it, in {@code errors}. */
	static boolean namesField(JsonNode problem, String path) {
		JsonNode errors = problem.get("errors");
		if (errors == null) {
			return false;
		}
		for (JsonNode error : errors) {
			String field = error.get("field").asString();
			if (field.equals(path) || field.startsWith(path + ".") || field.startsWith(path + "[")) {
				return true;
			}
		}
		return false;
	}

}
