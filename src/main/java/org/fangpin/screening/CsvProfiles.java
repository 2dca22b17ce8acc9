package org.fangpin.screening;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Household profiles as CSV, one household a row (README, "CSV columns"): the flat fields as columns, members and
 * events as lists in one cell ({@code ;} between items, {@code /} between an item's fields). A row becomes the same
 * JSON profile the API takes, and then passes the same reader, so every rule and message is the API's. An empty cell
 * is an absent field. Cells follow RFC 4180 quoting; a cell may not hold a line break.
 */
public final class CsvProfiles {

	/** The columns, in the order the generator writes them. */
	public static final List<String> COLUMNS = List.of("householdId", "asOf", "province", "city", "county",
			"township", "village", "povertyStatus", "members", "wages", "business", "property", "transfers",
			"productionCosts", "previousYearNetIncome", "medicalOutOfPocket", "education", "safetyGrade",
			"waterQuantityOk", "waterQualityOk", "waterConvenienceOk", "waterReliabilityOk", "events", "supports",
			"monitoringStatus", "monitoringSince", "appliedMeasures");

	/** The fields of one member in the {@code members} cell. */
	public static final List<String> MEMBER_FIELDS = List.of("relation", "age", "laborCapacity", "health",
			"disabilityGrade", "schooling", "employment", "medicalInsurance");

	/** The fields of one event in the {@code events} cell. */
	public static final List<String> EVENT_FIELDS = List.of("type", "date", "loss");

	private static final Map<String, String> WATER = Map.of("waterQuantityOk", "quantityOk", "waterQualityOk",
			"qualityOk", "waterConvenienceOk", "convenienceOk", "waterReliabilityOk", "reliabilityOk");

	private static final List<String> INCOME = List.of("wages", "business", "property", "transfers",
			"productionCosts", "previousYearNetIncome");

	private static final List<String> EXPENSES = List.of("medicalOutOfPocket", "education");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final List<String> header;

	/** A reader for rows under {@code headerLine}; unknown columns are kept and reported by the profile reader. */
	public CsvProfiles(String headerLine) {
		this.header = split(headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine);
	}

	public static String headerLine() {
		return String.join(",", COLUMNS);
	}

	/** The profile of one row. */
	public JsonNode read(byte[] row) {
		List<String> cells = split(new String(row, StandardCharsets.UTF_8));
		ObjectNode root = NODES.objectNode();
		for (int i = 0; i < this.header.size() && i < cells.size(); i++) {
			String column = this.header.get(i);
			String cell = cells.get(i);
			if (cell.isEmpty()) {
				continue;
			}
			switch (column) {
				case "householdId", "asOf", "povertyStatus" -> root.put(column, cell);
				case "province", "city", "county", "township", "village" -> object(root, "region").put(column, cell);
				case "members" -> root.set("members", items(cell, MEMBER_FIELDS));
				case "events" -> root.set("events", items(cell, EVENT_FIELDS));
				case "safetyGrade" -> object(root, "housing").put("safetyGrade", cell);
				case "supports" -> root.set("supports", codes(cell));
				case "monitoringStatus" -> object(root, "monitoring").put("status", cell);
				case "monitoringSince" -> object(root, "monitoring").put("since", cell);
				case "appliedMeasures" -> object(root, "monitoring").set("appliedMeasures", codes(cell));
				default -> {
					if (INCOME.contains(column)) {
						object(root, "income").set(column, value(cell));
					}
					else if (EXPENSES.contains(column)) {
						object(root, "expenses").set(column, value(cell));
					}
					else if (WATER.containsKey(column)) {
						object(root, "drinkingWater").set(WATER.get(column), value(cell));
					}
					else {
						root.put(column, cell);
					}
				}
			}
		}
		if (cells.size() > this.header.size()) {
			root.put("column" + (this.header.size() + 1), cells.get(this.header.size()));
		}
		return root;
	}

	/** The row of a profile in {@link #COLUMNS} order (the generator's CSV output). */
	public static String write(JsonNode profile) {
		List<String> cells = new ArrayList<>();
		for (String column : COLUMNS) {
			cells.add(cell(profile, column));
		}
		StringBuilder row = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				row.append(',');
			}
			row.append(quote(cells.get(i)));
		}
		return row.toString();
	}

	private static String cell(JsonNode profile, String column) {
		return switch (column) {
			case "householdId", "asOf", "povertyStatus" -> text(profile.get(column));
			case "province", "city", "county", "township", "village" -> text(profile.path("region").get(column));
			case "members" -> join(profile.get("members"), MEMBER_FIELDS);
			case "events" -> join(profile.get("events"), EVENT_FIELDS);
			case "safetyGrade" -> text(profile.path("housing").get("safetyGrade"));
			case "supports" -> codes(profile.get("supports"));
			case "monitoringStatus" -> text(profile.path("monitoring").get("status"));
			case "monitoringSince" -> text(profile.path("monitoring").get("since"));
			case "appliedMeasures" -> codes(profile.path("monitoring").get("appliedMeasures"));
			default -> {
				if (INCOME.contains(column)) {
					yield text(profile.path("income").get(column));
				}
				if (EXPENSES.contains(column)) {
					yield text(profile.path("expenses").get(column));
				}
				yield text(profile.path("drinkingWater").get(WATER.get(column)));
			}
		};
	}

	private static String join(JsonNode items, List<String> fields) {
		if (items == null || !items.isArray()) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		for (JsonNode item : items) {
			List<String> values = new ArrayList<>();
			for (String field : fields) {
				values.add(text(item.get(field)));
			}
			parts.add(String.join("/", values));
		}
		return String.join(";", parts);
	}

	private static String codes(JsonNode codes) {
		if (codes == null || !codes.isArray()) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		codes.forEach((code) -> parts.add(code.asString()));
		return String.join(";", parts);
	}

	private static String text(JsonNode node) {
		return (node == null || node.isNull() || node.isMissingNode()) ? "" : node.asString();
	}

	private static ObjectNode object(ObjectNode root, String name) {
		JsonNode existing = root.get(name);
		return (existing instanceof ObjectNode object) ? object : root.putObject(name);
	}

	private static ArrayNode items(String cell, List<String> fields) {
		ArrayNode array = NODES.arrayNode();
		for (String item : cell.split(";", -1)) {
			String[] values = item.split("/", -1);
			ObjectNode node = array.addObject();
			for (int i = 0; i < values.length; i++) {
				if (values[i].isEmpty()) {
					continue;
				}
				String field = (i < fields.size()) ? fields.get(i) : "field" + (i + 1);
				node.set(field, value(values[i]));
			}
		}
		return array;
	}

	private static ArrayNode codes(String cell) {
		ArrayNode array = NODES.arrayNode();
		for (String code : cell.split(";")) {
			if (!code.isBlank()) {
				array.add(code.strip());
			}
		}
		return array;
	}

	/** A number or a boolean where the cell is one, else the text (the reader then names the field's type). */
	private static JsonNode value(String cell) {
		if (cell.equals("true") || cell.equals("false")) {
			return NODES.booleanNode(Boolean.parseBoolean(cell));
		}
		if (!cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.charAt(0) == '-')
				&& cell.chars().allMatch((c) -> Character.isDigit(c) || c == '.' || c == '-' || c == 'E' || c == 'e')
				&& cell.indexOf('-', 1) < 0) {
			try {
				BigDecimal number = new BigDecimal(cell);
				if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
						&& !cell.contains(".") && !cell.contains("e") && !cell.contains("E")) {
					return NODES.numberNode(number.intValueExact());
				}
				return NODES.numberNode(number);
			}
			catch (NumberFormatException | ArithmeticException ex) {
				return NODES.stringNode(cell);
			}
		}
		return NODES.stringNode(cell);
	}

	static List<String> split(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

	private static String quote(String cell) {
		if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0) {
			return cell;
		}
		return '"' + cell.replace("\"", "\"\"") + '"';
	}

}
