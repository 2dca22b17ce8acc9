package org.fangpin.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangpin.rules.Catalogue;
import org.fangpin.rules.LocalizedText;
import org.fangpin.rules.ParameterTable;
import org.fangpin.rules.ParameterValue;
import org.fangpin.rules.RuleSetProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the YAML files of a rule set, reporting every problem with its file and, where known, its line. */
public final class RuleSetFiles {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final Set<String> MEASURE_CATEGORIES = Set.of("INDUSTRY", "EMPLOYMENT", "SUBSIDY");

	private RuleSetFiles() {
	}

	/** Parses YAML text into a tree, or returns null and records the problem. */
	public static JsonNode parse(String content, String file, List<RuleSetProblem> problems) {
		if (content == null) {
			problems.add(new RuleSetProblem(file, 0, 0, "the file is missing"));
			return null;
		}
		try {
			return YAML.readTree(content);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			int column = (ex.getLocation() != null) ? ex.getLocation().getColumnNr() : 0;
			problems.add(new RuleSetProblem(file, line, column, "not valid YAML: " + ex.getOriginalMessage()));
			return null;
		}
	}

	/** Reads {@code parameters.yaml}: name → {zh, en, values: [{from, value, source}]}. */
	public static ParameterTable parameters(String content, String file, List<RuleSetProblem> problems) {
		JsonNode root = parse(content, file, problems);
		if (root == null) {
			return null;
		}
		if (!root.isObject()) {
			problems.add(new RuleSetProblem(file, 0, 0, "must map each parameter name to its definition"));
			return null;
		}
		Map<String, ParameterTable.Definition> definitions = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			String name = entry.getKey();
			JsonNode node = entry.getValue();
			JsonNode values = node.get("values");
			if (values == null || !values.isArray() || values.isEmpty()) {
				problems.add(new RuleSetProblem(file, 0, 0, "parameter '" + name + "' needs a list of values"));
				continue;
			}
			List<ParameterValue> list = new ArrayList<>();
			Set<String> dates = new HashSet<>();
			for (JsonNode value : values) {
				ParameterValue parsed = value(name, value, file, problems);
				if (parsed != null && !dates.add(parsed.scope() + "@" + parsed.effectiveFrom())) {
					problems.add(new RuleSetProblem(file, 0, 0, "parameter '" + name + "' has two values from "
							+ parsed.effectiveFrom() + " for scope " + parsed.scope()));
				}
				else if (parsed != null) {
					list.add(parsed);
				}
			}
			definitions.put(name, new ParameterTable.Definition(name,
					new LocalizedText(text(node, "zh"), text(node, "en")), list));
		}
		return new ParameterTable(definitions);
	}

	private static ParameterValue value(String name, JsonNode node, String file, List<RuleSetProblem> problems) {
		String where = "parameter '" + name + "'";
		LocalDate from;
		try {
			from = LocalDate.parse(text(node, "from"));
		}
		catch (DateTimeParseException | NullPointerException ex) {
			problems.add(new RuleSetProblem(file, 0, 0, where + ": 'from' must be a date such as 2024-01-01"));
			return null;
		}
		JsonNode value = node.get("value");
		BigDecimal number = null;
		if (value != null && value.isNumber()) {
			number = value.decimalValue();
		}
		else if (value != null && value.isString()) {
			try {
				number = new BigDecimal(value.stringValue());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		if (number == null) {
			problems.add(new RuleSetProblem(file, 0, 0, where + " from " + from + ": 'value' must be a number"));
			return null;
		}
		String source = text(node, "source");
		if (source == null || source.isBlank()) {
			problems.add(new RuleSetProblem(file, 0, 0, where + " from " + from + ": 'source' is required"));
			return null;
		}
		JsonNode scope = node.get("scope");
		ParameterValue.Scope parsedScope = ParameterValue.Scope.NATIONAL;
		if (scope != null && !scope.isNull()) {
			if (!scope.isObject() || scope.isEmpty()) {
				problems.add(new RuleSetProblem(file, 0, 0,
						where + " from " + from + ": 'scope' must map province, city or county to a name"));
				return null;
			}
			for (String key : scope.propertyNames()) {
				if (!Set.of("province", "city", "county").contains(key)) {
					problems.add(new RuleSetProblem(file, 0, 0, where + " from " + from + ": scope '" + key
							+ "' is not one of province, city, county"));
					return null;
				}
			}
			parsedScope = new ParameterValue.Scope(text(scope, "province"), text(scope, "city"),
					text(scope, "county"));
		}
		return new ParameterValue(name, number, from, source, parsedScope);
	}

	/** Reads {@code catalogue.yaml}: the code lists of each section and the explanation templates. */
	public static Catalogue catalogue(String content, String file, List<RuleSetProblem> problems) {
		JsonNode root = parse(content, file, problems);
		if (root == null) {
			return null;
		}
		Map<String, List<Catalogue.Entry>> sections = new LinkedHashMap<>();
		for (String section : Catalogue.SECTIONS) {
			JsonNode list = root.get(section);
			if (list == null || !list.isArray()) {
				problems.add(new RuleSetProblem(file, 0, 0, "section '" + section + "' must be a list"));
				continue;
			}
			List<Catalogue.Entry> entries = new ArrayList<>();
			Set<String> codes = new HashSet<>();
			for (JsonNode node : list) {
				String code = text(node, "code");
				if (code == null || text(node, "zh") == null || text(node, "en") == null) {
					problems.add(new RuleSetProblem(file, 0, 0,
							"every entry of '" + section + "' needs a code, zh and en: " + node));
					continue;
				}
				if (!codes.add(code)) {
					problems.add(new RuleSetProblem(file, 0, 0, "code " + code + " appears twice in " + section));
				}
				String category = text(node, "category");
				Integer priority = (node.get("priority") != null && node.get("priority").isIntegralNumber())
						? node.get("priority").intValue() : null;
				if ("measures".equals(section)
						&& (category == null || !MEASURE_CATEGORIES.contains(category) || priority == null)) {
					problems.add(new RuleSetProblem(file, 0, 0, "measure " + code
							+ " needs a category (INDUSTRY, EMPLOYMENT or SUBSIDY) and a whole-number priority"));
				}
				entries.add(new Catalogue.Entry(code, text(node, "clause"),
						new LocalizedText(text(node, "zh"), text(node, "en")), category, priority));
			}
			sections.put(section, entries);
		}
		Map<String, LocalizedText> explanations = new LinkedHashMap<>();
		JsonNode templates = root.get("explanations");
		if (templates != null && templates.isObject()) {
			for (Map.Entry<String, JsonNode> entry : templates.properties()) {
				explanations.put(entry.getKey(),
						new LocalizedText(text(entry.getValue(), "zh"), text(entry.getValue(), "en")));
			}
		}
		return new Catalogue(sections, explanations);
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && !value.isNull() && value.isValueNode()) ? value.asString() : null;
	}

}
