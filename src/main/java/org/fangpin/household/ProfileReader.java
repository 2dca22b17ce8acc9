package org.fangpin.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.fangpin.household.HouseholdProfile.DrinkingWater;
import org.fangpin.household.HouseholdProfile.Event;
import org.fangpin.household.HouseholdProfile.Expenses;
import org.fangpin.household.HouseholdProfile.Housing;
import org.fangpin.household.HouseholdProfile.Income;
import org.fangpin.household.HouseholdProfile.Member;
import org.fangpin.household.HouseholdProfile.Monitoring;
import org.fangpin.household.HouseholdProfile.Region;
import tools.jackson.databind.JsonNode;

/**
 * Reads a household profile from a JSON tree and checks every rule of the API contract. All problems are collected,
 * each naming its field, so a caseworker can fix a profile in one go. Nothing here knows HTTP: the same reader serves
 * the API, batches, the declarative test cases and the command line.
 */
public final class ProfileReader {

	/** Limits of the API contract. */
	public static final int MAX_MEMBERS = 30;

	public static final int MAX_EVENTS = 50;

	public static final BigDecimal MAX_MONEY = new BigDecimal("10000000");

	private static final BigDecimal MAX_LOSS = new BigDecimal("1000000000");

	private static final int MAX_TEXT = 64;

	private static final Pattern HOUSEHOLD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern ID_NUMBER = Pattern.compile("[0-9]{17}[0-9Xx]|[0-9]{15}");

	private static final Set<String> ROOT_FIELDS = Set.of("householdId", "asOf", "region", "povertyStatus", "members",
			"income", "expenses", "housing", "drinkingWater", "events", "supports", "monitoring");

	private static final Set<String> REGION_FIELDS = Set.of("province", "city", "county", "township", "village");

	private static final Set<String> MEMBER_FIELDS = Set.of("relation", "age", "laborCapacity", "health",
			"disabilityGrade", "schooling", "employment", "medicalInsurance", "name", "idNumber");

	private static final List<String> INCOME_FIELDS = List.of("wages", "business", "property", "transfers",
			"productionCosts", "previousYearNetIncome");

	private static final List<String> EXPENSE_FIELDS = List.of("medicalOutOfPocket", "education");

	private static final List<String> WATER_FIELDS = List.of("quantityOk", "qualityOk", "convenienceOk",
			"reliabilityOk");

	private final Set<String> measureCodes;

	/**
	 * @param measureCodes the measure codes that {@code supports} and {@code appliedMeasures} may name (those of the
	 * active rule set's catalogue)
	 */
	public ProfileReader(Set<String> measureCodes) {
		this.measureCodes = Set.copyOf(measureCodes);
	}

	/**
	 * Reads a profile.
	 * @param root the parsed JSON
	 * @param today the date {@code asOf} defaults to and must not be after
	 * @return the complete profile, with every default applied
	 * @throws InvalidProfileException listing every bad field
	 */
	public HouseholdProfile read(JsonNode root, LocalDate today) {
		Errors errors = new Errors();
		if (root == null || !root.isObject()) {
			errors.add("", "type.object");
			throw errors.exception();
		}
		unknownFields(root, "", ROOT_FIELDS, errors);
		String householdId = requiredText(root, "householdId", "householdId", errors);
		if (householdId != null && !HOUSEHOLD_ID.matcher(householdId).matches()) {
			errors.add("householdId", "pattern.householdId");
		}
		LocalDate asOf = date(root.get("asOf"), "asOf", errors);
		if (asOf != null && asOf.isAfter(today)) {
			errors.add("asOf", "date.future", today);
		}
		LocalDate effectiveAsOf = (asOf != null) ? asOf : today;
		Region region = region(root.get("region"), errors);
		PovertyStatus povertyStatus = code(root.get("povertyStatus"), "povertyStatus", PovertyStatus.class, true,
				errors);
		List<Member> members = members(root.get("members"), errors);
		Income income = money(root.get("income"), "income", INCOME_FIELDS, errors,
				(values) -> new Income(values[0], values[1], values[2], values[3], values[4], values[5]));
		Expenses expenses = money(root.get("expenses"), "expenses", EXPENSE_FIELDS, errors,
				(values) -> new Expenses(values[0], values[1]));
		Housing housing = housing(root.get("housing"), errors);
		DrinkingWater water = water(root.get("drinkingWater"), errors);
		List<Event> events = events(root.get("events"), effectiveAsOf, errors);
		Set<String> supports = measureCodes(root.get("supports"), "supports", errors);
		Monitoring monitoring = monitoring(root.get("monitoring"), effectiveAsOf, errors);
		if (!errors.isEmpty()) {
			throw errors.exception();
		}
		return new HouseholdProfile(householdId, effectiveAsOf, region, povertyStatus, members, income, expenses,
				housing, water, events, supports, monitoring);
	}

	private Region region(JsonNode node, Errors errors) {
		if (absent(node)) {
			return null;
		}
		if (!object(node, "region", errors)) {
			return null;
		}
		unknownFields(node, "region.", REGION_FIELDS, errors);
		return new Region(text(node, "province", "region.province", errors),
				text(node, "city", "region.city", errors), text(node, "county", "region.county", errors),
				text(node, "township", "region.township", errors), text(node, "village", "region.village", errors));
	}

	private List<Member> members(JsonNode node, Errors errors) {
		if (absent(node)) {
			errors.add("members", "required");
			return List.of();
		}
		if (!node.isArray()) {
			errors.add("members", "type.array");
			return List.of();
		}
		if (node.size() < 1 || node.size() > MAX_MEMBERS) {
			errors.add("members", "size", 1, MAX_MEMBERS);
			return List.of();
		}
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			Member member = member(node.get(i), "members[" + i + "]", errors);
			if (member != null) {
				members.add(member);
			}
		}
		return members;
	}

	private Member member(JsonNode node, String path, Errors errors) {
		if (!object(node, path, errors)) {
			return null;
		}
		unknownFields(node, path + ".", MEMBER_FIELDS, errors);
		int before = errors.size();
		Relation relation = code(node.get("relation"), path + ".relation", Relation.class, false, errors);
		Integer age = integer(node.get("age"), path + ".age", 0, 120, true, errors);
		LaborCapacity labor = code(node.get("laborCapacity"), path + ".laborCapacity", LaborCapacity.class, true,
				errors);
		Health health = code(node.get("health"), path + ".health", Health.class, false, errors);
		Integer disability = integer(node.get("disabilityGrade"), path + ".disabilityGrade", 0, 4, false, errors);
		Schooling schooling = code(node.get("schooling"), path + ".schooling", Schooling.class, false, errors);
		Employment employment = code(node.get("employment"), path + ".employment", Employment.class, false, errors);
		Boolean insured = bool(node.get("medicalInsurance"), path + ".medicalInsurance", errors);
		String name = text(node, "name", path + ".name", errors);
		String idNumber = text(node, "idNumber", path + ".idNumber", errors);
		if (idNumber != null && !ID_NUMBER.matcher(idNumber).matches()) {
			errors.add(path + ".idNumber", "pattern.idNumber");
		}
		if (errors.size() > before) {
			return null;
		}
		return new Member(relation, age, labor, health, (disability != null) ? disability : 0, schooling, employment,
				(insured != null) ? insured : true, name, idNumber);
	}

	private <T> T money(JsonNode node, String path, List<String> fields, Errors errors,
			Function<BigDecimal[], T> factory) {
		if (absent(node)) {
			return null;
		}
		if (!object(node, path, errors)) {
			return null;
		}
		unknownFields(node, path + ".", Set.copyOf(fields), errors);
		BigDecimal[] values = new BigDecimal[fields.size()];
		for (int i = 0; i < fields.size(); i++) {
			values[i] = amount(node.get(fields.get(i)), path + "." + fields.get(i), MAX_MONEY, errors);
		}
		return factory.apply(values);
	}

	private Housing housing(JsonNode node, Errors errors) {
		if (absent(node)) {
			return null;
		}
		if (!object(node, "housing", errors)) {
			return null;
		}
		unknownFields(node, "housing.", Set.of("safetyGrade"), errors);
		return new Housing(code(node.get("safetyGrade"), "housing.safetyGrade", SafetyGrade.class, false, errors));
	}

	private DrinkingWater water(JsonNode node, Errors errors) {
		if (absent(node)) {
			return null;
		}
		if (!object(node, "drinkingWater", errors)) {
			return null;
		}
		unknownFields(node, "drinkingWater.", Set.copyOf(WATER_FIELDS), errors);
		boolean[] ok = new boolean[WATER_FIELDS.size()];
		for (int i = 0; i < ok.length; i++) {
			Boolean value = bool(node.get(WATER_FIELDS.get(i)), "drinkingWater." + WATER_FIELDS.get(i), errors);
			ok[i] = (value != null) ? value : true;
		}
		return new DrinkingWater(ok[0], ok[1], ok[2], ok[3]);
	}

	private List<Event> events(JsonNode node, LocalDate asOf, Errors errors) {
		if (absent(node)) {
			return List.of();
		}
		if (!node.isArray()) {
			errors.add("events", "type.array");
			return List.of();
		}
		if (node.size() > MAX_EVENTS) {
			errors.add("events", "size", 0, MAX_EVENTS);
			return List.of();
		}
		List<Event> events = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String path = "events[" + i + "]";
			JsonNode event = node.get(i);
			if (!object(event, path, errors)) {
				continue;
			}
			unknownFields(event, path + ".", Set.of("type", "date", "loss"), errors);
			EventType type = code(event.get("type"), path + ".type", EventType.class, true, errors);
			LocalDate date = date(event.get("date"), path + ".date", errors);
			if (date == null && absent(event.get("date"))) {
				errors.add(path + ".date", "required");
			}
			if (date != null && date.isAfter(asOf)) {
				errors.add(path + ".date", "date.after-asof", asOf);
			}
			BigDecimal loss = amount(event.get("loss"), path + ".loss", MAX_LOSS, errors);
			if (type != null && date != null) {
				events.add(new Event(type, date, loss));
			}
		}
		return events;
	}

	private Monitoring monitoring(JsonNode node, LocalDate asOf, Errors errors) {
		if (absent(node)) {
			return null;
		}
		if (!object(node, "monitoring", errors)) {
			return null;
		}
		unknownFields(node, "monitoring.", Set.of("status", "since", "appliedMeasures"), errors);
		MonitoringStatus status = code(node.get("status"), "monitoring.status", MonitoringStatus.class, false, errors);
		LocalDate since = date(node.get("since"), "monitoring.since", errors);
		if (status == MonitoringStatus.MONITORED && since == null && absent(node.get("since"))) {
			errors.add("monitoring.since", "required");
		}
		if (since != null && since.isAfter(asOf)) {
			errors.add("monitoring.since", "date.after-asof", asOf);
		}
		Set<String> applied = measureCodes(node.get("appliedMeasures"), "monitoring.appliedMeasures", errors);
		return new Monitoring(status, since, List.copyOf(applied));
	}

	private Set<String> measureCodes(JsonNode node, String path, Errors errors) {
		Set<String> codes = new LinkedHashSet<>();
		if (absent(node)) {
			return codes;
		}
		if (!node.isArray()) {
			errors.add(path, "type.array");
			return codes;
		}
		if (node.size() > 100) {
			errors.add(path, "size", 0, 100);
			return codes;
		}
		for (int i = 0; i < node.size(); i++) {
			JsonNode item = node.get(i);
			String itemPath = path + "[" + i + "]";
			if (!item.isString()) {
				errors.add(itemPath, "type.string");
			}
			else if (!this.measureCodes.contains(item.stringValue())) {
				errors.add(itemPath, "code.unknown", String.join(", ", this.measureCodes.stream().sorted().toList()));
			}
			else {
				codes.add(item.stringValue());
			}
		}
		return codes;
	}

	private static void unknownFields(JsonNode node, String prefix, Set<String> known, Errors errors) {
		for (String name : node.propertyNames()) {
			if (!known.contains(name)) {
				errors.add(prefix + name, "field.unknown");
			}
		}
	}

	private static boolean absent(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

	private static boolean object(JsonNode node, String path, Errors errors) {
		if (node == null || !node.isObject()) {
			errors.add(path, "type.object");
			return false;
		}
		return true;
	}

	private static String requiredText(JsonNode parent, String field, String path, Errors errors) {
		if (absent(parent.get(field))) {
			errors.add(path, "required");
			return null;
		}
		return text(parent, field, path, errors);
	}

	private static String text(JsonNode parent, String field, String path, Errors errors) {
		JsonNode node = parent.get(field);
		if (absent(node)) {
			return null;
		}
		if (!node.isString()) {
			errors.add(path, "type.string");
			return null;
		}
		String value = node.stringValue();
		if (value.codePointCount(0, value.length()) > MAX_TEXT) {
			errors.add(path, "length", MAX_TEXT);
			return null;
		}
		if (value.codePoints().anyMatch(Character::isISOControl)) {
			errors.add(path, "text.control");
			return null;
		}
		return value;
	}

	private static <E extends Enum<E>> E code(JsonNode node, String path, Class<E> type, boolean required,
			Errors errors) {
		if (absent(node)) {
			if (required) {
				errors.add(path, "required");
			}
			return null;
		}
		if (!node.isString()) {
			errors.add(path, "type.string");
			return null;
		}
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(node.stringValue())) {
				return constant;
			}
		}
		errors.add(path, "code.unknown",
				String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
		return null;
	}

	private static Integer integer(JsonNode node, String path, int min, int max, boolean required, Errors errors) {
		if (absent(node)) {
			if (required) {
				errors.add(path, "required");
			}
			return null;
		}
		if (!node.isIntegralNumber()) {
			errors.add(path, "type.integer");
			return null;
		}
		if (!node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
			errors.add(path, "range", min, max);
			return null;
		}
		return node.intValue();
	}

	private static Boolean bool(JsonNode node, String path, Errors errors) {
		if (absent(node)) {
			return null;
		}
		if (!node.isBoolean()) {
			errors.add(path, "type.boolean");
			return null;
		}
		return node.booleanValue();
	}

	private static BigDecimal amount(JsonNode node, String path, BigDecimal max, Errors errors) {
		if (absent(node)) {
			return null;
		}
		if (!node.isNumber()) {
			errors.add(path, "type.number");
			return null;
		}
		BigDecimal value;
		try {
			value = node.decimalValue();
		}
		catch (RuntimeException ex) {
			errors.add(path, "range", 0, max);
			return null;
		}
		if (value.signum() < 0 || value.compareTo(max) > 0) {
			errors.add(path, "range", 0, max);
			return null;
		}
		if (value.stripTrailingZeros().scale() > 2) {
			errors.add(path, "decimals", 2);
			return null;
		}
		return value;
	}

	private static LocalDate date(JsonNode node, String path, Errors errors) {
		if (absent(node)) {
			return null;
		}
		if (!node.isString()) {
			errors.add(path, "type.date");
			return null;
		}
		try {
			return LocalDate.parse(node.stringValue());
		}
		catch (DateTimeParseException ex) {
			errors.add(path, "type.date");
			return null;
		}
	}

	/** The problems found so far, in the order met. */
	private static final class Errors {

		private final List<FieldError> list = new ArrayList<>();

		void add(String field, String code, Object... arguments) {
			this.list.add(FieldError.of(field, code, arguments));
		}

		int size() {
			return this.list.size();
		}

		boolean isEmpty() {
			return this.list.isEmpty();
		}

		InvalidProfileException exception() {
			return new InvalidProfileException(this.list);
		}

	}

	/** The messages' defaults in English, used where no message bundle is at hand (the command line, tests). */
	public static final Map<String, String> ENGLISH = Map.ofEntries(Map.entry("required", "is required"),
			Map.entry("type.object", "must be a JSON object"), Map.entry("type.array", "must be a JSON array"),
			Map.entry("type.string", "must be a string"), Map.entry("type.number", "must be a number"),
			Map.entry("type.integer", "must be a whole number"), Map.entry("type.boolean", "must be true or false"),
			Map.entry("type.date", "must be an ISO-8601 date such as 2024-06-30"),
			Map.entry("field.unknown", "is not a known field"), Map.entry("code.unknown", "must be one of {0}"),
			Map.entry("range", "must be between {0} and {1}"), Map.entry("decimals", "must have at most {0} decimals"),
			Map.entry("size", "must have between {0} and {1} items"),
			Map.entry("length", "must be at most {0} characters"),
			Map.entry("text.control", "must not contain control characters"),
			Map.entry("pattern.householdId", "must be 1 to 64 characters of A-Z, a-z, 0-9, - and _"),
			Map.entry("pattern.idNumber", "must be a 15- or 18-character resident ID number"),
			Map.entry("date.future", "must not be after today ({0})"),
			Map.entry("date.after-asof", "must not be after asOf ({0})"));

	/**
	 * The household id a profile or a record names, read before any validation (to label its answer): null when it
	 * is not a JSON object or names none as a string.
	 */
	public static String householdIdOf(JsonNode json) {
		JsonNode id = (json != null && json.isObject()) ? json.get("householdId") : null;
		return (id != null && id.isString()) ? id.stringValue() : null;
	}

}
