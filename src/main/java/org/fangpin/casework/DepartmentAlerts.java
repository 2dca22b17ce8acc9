package org.fangpin.casework;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.fangpin.assessment.AssessmentService;
import org.fangpin.assessment.StoredAssessment;
import org.fangpin.household.FieldError;
import org.fangpin.household.InvalidProfileException;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.ParameterNotInForceException;
import org.fangpin.rules.RuleEvaluationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies alerts from other departments (部门筛查预警) to a household's latest profile, re-assesses it on the
 * alert's date and stores the result with the alert as its cause. Records arrive as NDJSON; each line is answered
 * on its own, and a bad line never stops the rest.
 */
@Service
public class DepartmentAlerts {

	/** The kinds of department records. */
	public static final Set<String> KINDS = Set.of("MEDICAL_INSURANCE", "CIVIL_AFFAIRS", "EMERGENCY_MANAGEMENT",
			"HUMAN_RESOURCES");

	private final AssessmentService assessments;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	DepartmentAlerts(AssessmentService assessments, JdbcClient jdbc, TransactionTemplate transactions) {
		this.assessments = assessments;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** Reads NDJSON records from {@code in} and writes one NDJSON result line per record to {@code out}. */
	public void receive(InputStream in, OutputStream out, String by) {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				Map<String, Object> result = new LinkedHashMap<>();
				result.put("line", number);
				JsonNode record = null;
				try {
					record = this.json.readTree(line);
					result.putAll(apply(record, by));
				}
				catch (AlertException ex) {
					result.put("householdId", ex.householdId);
					result.put("problem", problem(ex.status, ex.getMessage(), ex.field));
				}
				catch (JacksonException ex) {
					result.put("problem", problem(400, "not valid JSON: " + ex.getOriginalMessage(), null));
				}
				catch (InvalidProfileException ex) {
					result.put("householdId", ProfileReader.householdIdOf(record));
					result.put("problem", problem(400, "the alert makes the profile invalid: " + ex.errors()
						.stream()
						.map(FieldError::describe)
						.collect(Collectors.joining(", ")), ex.errors().isEmpty() ? null : ex.errors().get(0).field()));
				}
				catch (ParameterNotInForceException | RuleEvaluationException ex) {
					result.put("householdId", ProfileReader.householdIdOf(record));
					result.put("problem", problem(422, ex.getMessage(), null));
				}
				out.write(this.json.writeValueAsBytes(result));
				out.write('\n');
				out.flush();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Map<String, Object> apply(JsonNode record, String by) {
		if (!record.isObject()) {
			throw new AlertException(400, "a record must be a JSON object", null, null);
		}
		String householdId = text(record, "householdId", null);
		String kind = text(record, "kind", householdId);
		if (!KINDS.contains(kind)) {
			throw new AlertException(400, "kind must be one of " + KINDS, "kind", householdId);
		}
		LocalDate date;
		try {
			date = LocalDate.parse(text(record, "date", householdId));
		}
		catch (DateTimeParseException ex) {
			throw new AlertException(400, "date must be an ISO-8601 date", "date", householdId);
		}
		if (date.isAfter(this.assessments.today())) {
			throw new AlertException(400, "date must not be in the future", "date", householdId);
		}
		JsonNode facts = record.get("facts");
		if (facts == null || !facts.isObject()) {
			throw new AlertException(400, "facts must be a JSON object", "facts", householdId);
		}
		StoredAssessment latest = this.assessments.latest(householdId)
			.orElseThrow(() -> new AlertException(404, "no household " + householdId + " has been assessed",
					"householdId", householdId));
		if (date.isBefore(latest.evaluation().asOf())) {
			throw new AlertException(400, "the alert is older than the household's latest assessment ("
					+ latest.evaluation().asOf() + ")", "date", householdId);
		}
		ObjectNode profile = (ObjectNode) latest.profile().deepCopy();
		profile.put("asOf", date.toString());
		change(profile, kind, facts, date, householdId);
		UUID alertId = UUID.randomUUID();
		StoredAssessment assessment = this.transactions.execute((status) -> {
			StoredAssessment stored = this.assessments.assess(profile, null, "alert:" + alertId);
			this.jdbc.sql("INSERT INTO department_alert (id, household_id, kind, alert_date, facts_json, "
					+ "received_at, received_by, assessment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(alertId, householdId, kind, date, this.json.writeValueAsString(facts),
						Timestamp.from(stored.assessedAt()), by, stored.id())
				.update();
			return stored;
		});
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("householdId", householdId);
		result.put("alertId", alertId.toString());
		result.put("assessmentId", assessment.id().toString());
		result.put("riskGroup", assessment.evaluation().riskGroup());
		result.put("alerts", assessment.evaluation().alerts());
		return result;
	}

	/** Applies the department's facts to the profile. */
	private void change(ObjectNode profile, String kind, JsonNode facts, LocalDate date, String householdId) {
		switch (kind) {
			case "MEDICAL_INSURANCE" -> {
				BigDecimal amount = amount(facts, "outOfPocket", householdId);
				ObjectNode expenses = object(profile, "expenses");
				BigDecimal current = (expenses.get("medicalOutOfPocket") != null
						&& expenses.get("medicalOutOfPocket").isNumber())
								? expenses.get("medicalOutOfPocket").decimalValue() : BigDecimal.ZERO;
				expenses.put("medicalOutOfPocket", current.add(amount));
			}
			case "CIVIL_AFFAIRS" -> {
				String dibao = text(facts, "dibao", householdId);
				ArrayNode supports = array(profile, "supports");
				ArrayNode kept = supports.arrayNode();
				supports.forEach((code) -> {
					if (!"DIBAO".equals(code.asString())) {
						kept.add(code);
					}
				});
				if ("GRANTED".equals(dibao)) {
					kept.add("DIBAO");
				}
				else if (!"STOPPED".equals(dibao)) {
					throw new AlertException(400, "dibao must be GRANTED or STOPPED", "facts.dibao", householdId);
				}
				profile.set("supports", kept);
			}
			case "EMERGENCY_MANAGEMENT" -> {
				String type = (facts.get("event") != null) ? text(facts, "event", householdId) : "NATURAL_DISASTER";
				if (!Set.of("NATURAL_DISASTER", "ACCIDENT").contains(type)) {
					throw new AlertException(400, "event must be NATURAL_DISASTER or ACCIDENT", "facts.event",
							householdId);
				}
				ObjectNode event = array(profile, "events").addObject();
				event.put("type", type);
				event.put("date", date.toString());
				if (facts.get("loss") != null) {
					event.put("loss", amount(facts, "loss", householdId));
				}
			}
			default -> {
				JsonNode member = facts.get("member");
				ArrayNode members = array(profile, "members");
				if (member == null || !member.isIntegralNumber() || member.intValue() < 0
						|| member.intValue() >= members.size()) {
					throw new AlertException(400, "member must be the index of a member (0 to "
							+ (members.size() - 1) + ")", "facts.member", householdId);
				}
				((ObjectNode) members.get(member.intValue())).put("employment", "UNEMPLOYED");
				ObjectNode event = array(profile, "events").addObject();
				event.put("type", "JOB_LOSS");
				event.put("date", date.toString());
			}
		}
	}

	private static ObjectNode object(ObjectNode parent, String field) {
		if (parent.get(field) == null || !parent.get(field).isObject()) {
			parent.putObject(field);
		}
		return (ObjectNode) parent.get(field);
	}

	private static ArrayNode array(ObjectNode parent, String field) {
		if (parent.get(field) == null || !parent.get(field).isArray()) {
			parent.putArray(field);
		}
		return (ArrayNode) parent.get(field);
	}

	private static BigDecimal amount(JsonNode facts, String field, String householdId) {
		JsonNode value = facts.get(field);
		if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
			throw new AlertException(400, field + " must be a number of yuan, at least 0", "facts." + field,
					householdId);
		}
		return value.decimalValue();
	}

	private static String text(JsonNode node, String field, String householdId) {
		JsonNode value = node.get(field);
		if (value == null || !value.isString()) {
			throw new AlertException(400, field + " is required (a string)", field, householdId);
		}
		return value.stringValue();
	}

	private static Map<String, Object> problem(int status, String detail, String field) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "urn:fangpin:problem:invalid-alert");
		problem.put("title", (status == 404) ? "Unknown household" : "Alert not applied");
		problem.put("status", status);
		problem.put("detail", detail);
		if (field != null) {
			problem.put("errors", java.util.List.of(Map.of("field", field, "message", detail)));
		}
		return problem;
	}

	private static final class AlertException extends RuntimeException {

		private final int status;

		private final String field;

		private final String householdId;

		AlertException(int status, String message, String field, String householdId) {
			super(message);
			this.status = status;
			this.field = field;
			this.householdId = householdId;
		}

	}

}
