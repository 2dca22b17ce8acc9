package org.fangpin.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.fangpin.household.FieldError;
import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.InvalidProfileException;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.Evaluation.MeasureResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The declarative test cases of {@code test-cases/}: YAML files, each with an optional {@code base} profile and a
 * list of {@code cases}, each case a sentence ({@code name}), a profile (merged onto the base as a JSON Merge Patch)
 * and the expected values. One runner serves the JUnit suite, the validation gate and the command line.
 */
public final class PolicyCases {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private PolicyCases() {
	}

	/** One case: where it comes from, its sentence, the complete profile and what is expected. */
	public record Case(String file, String name, JsonNode profile, JsonNode expect) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** What running a case showed: no mismatches means it passed. */
	public record Result(Case testCase, List<String> mismatches) {

		public boolean passed() {
			return this.mismatches.isEmpty();
		}

	}

	private static final List<String> FILE_KEYS = List.of("base", "cases");

	private static final List<String> CASE_KEYS = List.of("name", "profile", "expect");

	/** What {@code expect} may check (rules/README.md, "Adding a test case"). */
	private static final List<String> EXPECT_KEYS = List.of("riskGroup", "assistanceTier", "signals", "riskTypes",
			"alerts", "measures", "measuresInclude", "measuresExclude", "income", "elimination", "invalidFields",
			"parameterNotInForce");

	private static void known(JsonNode node, List<String> keys, String message) {
		for (String key : node.propertyNames()) {
			if (!keys.contains(key)) {
				throw new IllegalArgumentException(message + " '" + key + "' (allowed: " + String.join(", ", keys)
						+ ")");
			}
		}
	}

	/** Reads every {@code .yaml} file under {@code directory}, in path order. */
	public static List<Case> read(Path directory) {
		List<Case> cases = new ArrayList<>();
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.filter((p) -> p.toString().endsWith(".yaml")).sorted().toList()) {
				String file = directory.relativize(path).toString().replace('\\', '/');
				cases.addAll(read(file, Files.readString(path)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the test cases in " + directory, ex);
		}
		return cases;
	}

	/** Reads the cases of one file. */
	public static List<Case> read(String file, String content) {
		JsonNode root;
		try {
			root = YAML.readTree(content);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(file + ": not valid YAML: " + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException(file + ": needs 'base' and a list of 'cases'");
		}
		known(root, FILE_KEYS, file + ": unknown key");
		JsonNode base = root.get("base");
		List<Case> cases = new ArrayList<>();
		JsonNode list = root.get("cases");
		if (list == null || !list.isArray()) {
			throw new IllegalArgumentException(file + ": needs a list of 'cases'");
		}
		int number = 0;
		for (JsonNode node : list) {
			number++;
			String where = file + ": case " + number;
			if (!node.isObject()) {
				throw new IllegalArgumentException(where + " is not a mapping of name, profile and expect");
			}
			String name = (node.get("name") != null) ? node.get("name").asString() : null;
			if (name == null || node.get("expect") == null || !node.get("expect").isObject()) {
				throw new IllegalArgumentException(where + ": every case needs a 'name' and an 'expect'");
			}
			// A misspelt key would otherwise be ignored, and the case pass without checking what it meant to
			known(node, CASE_KEYS, where + " (" + name + "): unknown key");
			known(node.get("expect"), EXPECT_KEYS, where + " (" + name + "): unknown expectation");
			JsonNode profile = (base != null) ? mergePatch(base.deepCopy(), node.get("profile"))
					: node.get("profile");
			cases.add(new Case(file, name, profile, node.get("expect")));
		}
		return cases;
	}

	/** RFC 7396: objects merge field by field, {@code null} removes a field, anything else replaces. */
	public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
		if (patch == null) {
			return target;
		}
		if (!patch.isObject()) {
			return patch.deepCopy();
		}
		ObjectNode result = (target != null && target.isObject()) ? (ObjectNode) target : YAML.createObjectNode();
		for (Map.Entry<String, JsonNode> entry : patch.properties()) {
			if (entry.getValue().isNull()) {
				result.remove(entry.getKey());
			}
			else {
				result.set(entry.getKey(), mergePatch(result.get(entry.getKey()), entry.getValue()));
			}
		}
		return result;
	}

	/** Runs one case against a rule set. */
	public static Result run(RuleSet ruleSet, Case testCase, LocalDate today) {
		List<String> mismatches = new ArrayList<>();
		JsonNode expect = testCase.expect();
		Evaluation evaluation;
		try {
			HouseholdProfile profile = new ProfileReader(ruleSet.measureCodes()).read(testCase.profile(), today);
			evaluation = ruleSet.evaluate(profile);
		}
		catch (InvalidProfileException ex) {
			if (expect.has("invalidFields")) {
				List<String> fields = ex.errors().stream().map((error) -> error.field()).distinct().toList();
				compare(mismatches, "invalidFields", texts(expect.get("invalidFields")), fields);
			}
			else {
				mismatches.add("the profile is invalid: "
						+ ex.errors().stream().map(FieldError::describe).collect(Collectors.joining(", ")));
			}
			return new Result(testCase, mismatches);
		}
		catch (ParameterNotInForceException ex) {
			if (expect.has("parameterNotInForce")) {
				compare(mismatches, "parameterNotInForce", texts(expect.get("parameterNotInForce")),
						ex.parameters());
			}
			else {
				mismatches.add(ex.getMessage());
			}
			return new Result(testCase, mismatches);
		}
		catch (RuleEvaluationException ex) {
			mismatches.add(ex.getMessage());
			return new Result(testCase, mismatches);
		}
		for (String key : List.of("invalidFields", "parameterNotInForce")) {
			if (expect.has(key)) {
				mismatches.add(key + ": expected an error, but the household was assessed");
			}
		}
		check(expect, evaluation, mismatches);
		return new Result(testCase, mismatches);
	}

	private static void check(JsonNode expect, Evaluation evaluation, List<String> mismatches) {
		if (expect.has("riskGroup")) {
			compare(mismatches, "riskGroup", expect.get("riskGroup").asString(), evaluation.riskGroup());
		}
		if (expect.has("assistanceTier")) {
			JsonNode tier = expect.get("assistanceTier");
			compare(mismatches, "assistanceTier", tier.isNull() ? null : tier.asString(),
					evaluation.assistanceTier());
		}
		if (expect.has("signals")) {
			compare(mismatches, "signals", texts(expect.get("signals")), evaluation.signals());
		}
		if (expect.has("riskTypes")) {
			compare(mismatches, "riskTypes", texts(expect.get("riskTypes")), evaluation.riskTypes());
		}
		if (expect.has("alerts")) {
			compare(mismatches, "alerts", texts(expect.get("alerts")), evaluation.alerts());
		}
		if (expect.has("measures")) {
			checkMeasures(expect.get("measures"), evaluation.measures(), mismatches);
		}
		if (expect.has("measuresInclude")) {
			List<String> codes = evaluation.measures().stream().map(MeasureResult::code).toList();
			for (String code : texts(expect.get("measuresInclude"))) {
				if (!codes.contains(code)) {
					mismatches.add("measuresInclude: " + code + " is missing from " + codes);
				}
			}
		}
		if (expect.has("measuresExclude")) {
			List<String> codes = evaluation.measures().stream().map(MeasureResult::code).toList();
			for (String code : texts(expect.get("measuresExclude"))) {
				if (codes.contains(code)) {
					mismatches.add("measuresExclude: " + code + " is recommended");
				}
			}
		}
		if (expect.has("income")) {
			JsonNode income = expect.get("income");
			Evaluation.IncomeFigures actual = evaluation.income();
			Map<String, Object> figures = new java.util.HashMap<>();
			figures.put("householdSize", actual.householdSize());
			figures.put("netIncome", actual.netIncome());
			figures.put("perCapitaNetIncome", actual.perCapitaNetIncome());
			figures.put("rigidExpenses", actual.rigidExpenses());
			figures.put("perCapitaAfterRigidExpenses", actual.perCapitaAfterRigidExpenses());
			figures.put("threshold", actual.threshold());
			for (Map.Entry<String, JsonNode> entry : income.properties()) {
				if (!figures.containsKey(entry.getKey())) {
					mismatches.add("income." + entry.getKey() + ": not an income figure");
					continue;
				}
				compareNumber(mismatches, "income." + entry.getKey(), entry.getValue(), figures.get(entry.getKey()));
			}
		}
		if (expect.has("elimination")) {
			JsonNode elimination = expect.get("elimination");
			if (elimination.isNull()) {
				if (evaluation.elimination() != null) {
					mismatches.add("elimination: expected none, got " + evaluation.elimination());
				}
			}
			else if (evaluation.elimination() == null) {
				mismatches.add("elimination: expected a check, got none");
			}
			else {
				if (elimination.has("eligible")) {
					compare(mismatches, "elimination.eligible", elimination.get("eligible").booleanValue(),
							evaluation.elimination().eligible());
				}
				if (elimination.has("unmet")) {
					compare(mismatches, "elimination.unmet", texts(elimination.get("unmet")),
							evaluation.elimination().unmet());
				}
			}
		}
	}

	private static void checkMeasures(JsonNode expected, List<MeasureResult> actual, List<String> mismatches) {
		List<String> expectedCodes = new ArrayList<>();
		for (JsonNode measure : expected) {
			expectedCodes.add(measure.isObject() ? measure.get("code").asString() : measure.asString());
		}
		List<String> actualCodes = actual.stream().map(MeasureResult::code).toList();
		if (!expectedCodes.equals(actualCodes)) {
			mismatches.add("measures: expected " + expectedCodes + ", got " + actualCodes);
			return;
		}
		Iterator<MeasureResult> measures = actual.iterator();
		for (JsonNode measure : expected) {
			MeasureResult result = measures.next();
			if (measure.isObject() && measure.has("amount")) {
				compareNumber(mismatches, "measures." + result.code() + ".amount", measure.get("amount"),
						result.amount());
			}
		}
	}

	private static void compareNumber(List<String> mismatches, String what, JsonNode expected, Object actual) {
		if (expected.isNull() || actual == null) {
			if (!(expected.isNull() && actual == null)) {
				mismatches.add(what + ": expected " + expected + ", got " + actual);
			}
			return;
		}
		BigDecimal want = expected.isNumber() ? expected.decimalValue() : new BigDecimal(expected.asString());
		BigDecimal got = new BigDecimal(actual.toString());
		if (want.compareTo(got) != 0) {
			mismatches.add(what + ": expected " + want.toPlainString() + ", got " + got.toPlainString());
		}
	}

	private static void compare(List<String> mismatches, String what, Object expected, Object actual) {
		if (expected == null ? actual != null : !expected.equals(actual)) {
			mismatches.add(what + ": expected " + expected + ", got " + actual);
		}
	}

	private static List<String> texts(JsonNode node) {
		List<String> list = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((item) -> list.add(item.asString()));
		}
		return list;
	}

}
