package org.fangpin.assessment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.rules.Evaluation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field-by-field differences between two evaluations of the same household, and the rules that fired in one and
 * not the other. Values are compared as JSON, numbers by value ({@code 7400} equals {@code 7400.00}).
 */
public record EvaluationDiff(List<Difference> differences, List<String> rulesOnlyInBefore,
		List<String> rulesOnlyInAfter) {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/** One field that differs: its path and both values. */
	@Schema(name = "Difference", description = "One field of a result that differs between two evaluations, with "
			+ "both values as JSON; numbers are compared by value (7400 equals 7400.00)")
	public record Difference(
			@Schema(description = "The field's path in the result, with indexes from 0; texts in both languages "
					+ "end in .zh or .en", example = "measures[3].reasons[0].ruleId",
					requiredMode = RequiredMode.REQUIRED) String path,
			@Schema(description = "The value before (stored or original): any JSON value; null when it is "
					+ "null or the field is not there", example = "UNSTABLE_LIFTED", implementation = Object.class,
					requiredMode = RequiredMode.REQUIRED)
			JsonNode before,
			@Schema(description = "The value after (replayed, active or what-if): any JSON value; null when it is "
					+ "null or the field is not there", example = "NOT_AT_RISK", implementation = Object.class,
					requiredMode = RequiredMode.REQUIRED)
			JsonNode after) {

	}

	/** The differences of the results (the trace compared by the rules that fired). */
	public static EvaluationDiff between(Evaluation before, Evaluation after) {
		List<Difference> differences = new ArrayList<>();
		ObjectNode left = tree(before);
		ObjectNode right = tree(after);
		for (ObjectNode node : List.of(left, right)) {
			node.remove("trace");
			node.remove("ruleSetVersion");
		}
		compare("", left, right, differences);
		return new EvaluationDiff(differences, only(before, after), only(after, before));
	}

	/** Whether two evaluations are the same in every field, the trace included. */
	public static boolean identical(Evaluation a, Evaluation b) {
		List<Difference> differences = new ArrayList<>();
		compare("", tree(a), tree(b), differences);
		return differences.isEmpty();
	}

	/** Every differing field, the trace included. */
	public static List<Difference> everything(Evaluation a, Evaluation b) {
		List<Difference> differences = new ArrayList<>();
		compare("", tree(a), tree(b), differences);
		return differences;
	}

	private static ObjectNode tree(Evaluation evaluation) {
		return (ObjectNode) JSON.readTree(JSON.writeValueAsString(evaluation));
	}

	private static List<String> only(Evaluation in, Evaluation notIn) {
		Set<String> other = new TreeSet<>();
		notIn.trace().firings().forEach((firing) -> other.add(firing.ruleId()));
		Set<String> result = new LinkedHashSet<>();
		in.trace().firings().forEach((firing) -> {
			if (!other.contains(firing.ruleId())) {
				result.add(firing.ruleId());
			}
		});
		return List.copyOf(result);
	}

	private static void compare(String path, JsonNode before, JsonNode after, List<Difference> differences) {
		if (before != null && after != null && before.isObject() && after.isObject()) {
			Set<String> names = new LinkedHashSet<>(before.propertyNames());
			names.addAll(after.propertyNames());
			for (String name : names) {
				compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), differences);
			}
		}
		else if (before != null && after != null && before.isArray() && after.isArray()
				&& before.size() == after.size()) {
			for (int i = 0; i < before.size(); i++) {
				compare(path + "[" + i + "]", before.get(i), after.get(i), differences);
			}
		}
		else if (!same(before, after)) {
			differences.add(new Difference(path, before, after));
		}
	}

	private static boolean same(JsonNode a, JsonNode b) {
		if (a == null || b == null) {
			return (a == null || a.isNull()) && (b == null || b.isNull());
		}
		if (a.isNumber() && b.isNumber()) {
			return a.decimalValue().compareTo(b.decimalValue()) == 0;
		}
		return a.equals(b);
	}

}
