package org.fangpin.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.fangpin.rules.Evaluation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores assessments as rows: the searchable columns, the profile and the evaluation as JSON. One insert is one
 * row, so an assessment is stored whole or not at all. It knows nothing of the rule engine's internals.
 */
@Repository
class AssessmentRepository {

	private static final String INSERT = "INSERT INTO assessment (id, household_id, as_of, assessed_at, "
			+ "rule_set_version, risk_group, profile_json, evaluation_json, supersedes, county, township, village, "
			+ "cause) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json;

	/** Assessments read per query by {@link #latestIn}. */
	private final int block;

	@Autowired
	AssessmentRepository(JdbcClient jdbc, JdbcTemplate template) {
		this(jdbc, template, 500);
	}

	AssessmentRepository(JdbcClient jdbc, JdbcTemplate template, int block) {
		this.jdbc = jdbc;
		this.template = template;
		this.block = block;
		this.json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	void insert(StoredAssessment assessment) {
		insert(prepare(assessment, null));
	}

	/**
	 * The row of one assessment, its profile and evaluation already written as JSON; {@code cause} names what caused
	 * it (a department alert), or null. Preparing it touches no database, so it can be done before a transaction
	 * begins, and the transaction only inserts.
	 */
	PreparedRow prepare(StoredAssessment assessment, String cause) {
		return new PreparedRow(row(assessment, cause));
	}

	/** Inserts one prepared assessment row. */
	void insert(PreparedRow row) {
		this.jdbc.sql(INSERT).params(row.values()).update();
	}

	/** The column values of one assessment, in the order of the insert. */
	record PreparedRow(Object[] values) {

	}

	/** Inserts many assessments in one JDBC batch; the caller's transaction makes them one commit. */
	void insertAll(List<StoredAssessment> assessments) {
		if (assessments.isEmpty()) {
			return;
		}
		this.template.batchUpdate(INSERT, assessments.stream().map((assessment) -> row(assessment, null)).toList());
	}

	private Object[] row(StoredAssessment assessment, String cause) {
		Evaluation evaluation = assessment.evaluation();
		JsonNode region = (assessment.profile() != null) ? assessment.profile().get("region") : null;
		return new Object[] { assessment.id(), evaluation.householdId(), evaluation.asOf(),
				Timestamp.from(assessment.assessedAt()), evaluation.ruleSetVersion(), evaluation.riskGroup(),
				this.json.writeValueAsString(assessment.profile()), this.json.writeValueAsString(evaluation),
				assessment.supersedes(), text(region, "county"), text(region, "township"), text(region, "village"),
				cause };
	}

	/**
	 * Streams the input of the latest assessment of every household (by assessed time, then id), with the date it
	 * was assessed on, in household order. Rows are handed over one at a time, never collected.
	 */
	void forEachLatestInput(Consumer<LatestInput> consumer) {
		this.template.query(
				"SELECT household_id, as_of, profile_json FROM (SELECT household_id, as_of, profile_json, "
						+ "ROW_NUMBER() OVER (PARTITION BY household_id ORDER BY assessed_at DESC, id DESC) AS n "
						+ "FROM assessment) latest WHERE n = 1 ORDER BY household_id",
				(RowCallbackHandler) (row) -> consumer.accept(new LatestInput(row.getString("household_id"),
						row.getObject("as_of", LocalDate.class), row.getString("profile_json"))));
	}

	/** The input of a household's latest assessment as stored, and its assessment date. */
	record LatestInput(String householdId, LocalDate asOf, String profileJson) {

	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM assessment").query(Long.class).single();
	}

	/**
	 * The latest assessment of every household in a region (null parts match anything), by household. The latest
	 * assessments are found from the indexes alone (region, household, time and id are all in them), then only those
	 * rows are read whole, a block at a time: reading every assessment's profile and evaluation to find the latest
	 * made a county's watch list read all its history.
	 */
	List<StoredAssessment> latestIn(String county, String township, String village) {
		RegionFilter region = RegionFilter.of(county, township, village);
		List<UUID> ids = this.jdbc.sql(latestInQuery(region)).params(region.values()).query(UUID.class).list();
		List<StoredAssessment> latest = new ArrayList<>(ids.size());
		for (int from = 0; from < ids.size(); from += this.block) {
			List<UUID> block = ids.subList(from, Math.min(ids.size(), from + this.block));
			Map<UUID, StoredAssessment> read = new HashMap<>();
			this.jdbc
				.sql("SELECT id, assessed_at, profile_json, evaluation_json, supersedes FROM assessment "
						+ "WHERE id IN (:ids)")
				.param("ids", block)
				.query(this::map)
				.list()
				.forEach((assessment) -> read.put(assessment.id(), assessment));
			block.forEach((id) -> latest.add(read.get(id)));
		}
		return latest;
	}

	static String latestInQuery(RegionFilter region) {
		return "SELECT id FROM assessment a WHERE " + region.condition() + " AND NOT EXISTS (SELECT 1 FROM assessment b "
				+ "WHERE b.household_id = a.household_id AND (b.assessed_at > a.assessed_at "
				+ "OR (b.assessed_at = a.assessed_at AND b.id > a.id))) ORDER BY household_id";
	}

	/**
	 * Every assessment of every household that has one in a region (null parts match anything), in any region, by
	 * household, asOf and the order they were stored in; the columns only.
	 */
	List<AssessmentRow> rowsOfHouseholdsIn(String county, String township, String village) {
		RegionFilter region = RegionFilter.of(county, township, village);
		return this.jdbc.sql(rowsOfHouseholdsInQuery(region))
			.params(region.values())
			.query((row, n) -> new AssessmentRow(row.getObject("id", UUID.class), row.getString("household_id"),
					row.getObject("as_of", java.time.LocalDate.class), row.getTimestamp("assessed_at").toInstant(),
					row.getString("risk_group"), row.getObject("supersedes", UUID.class), row.getString("county"),
					row.getString("township"), row.getString("village")))
			.list();
	}

	static String rowsOfHouseholdsInQuery(RegionFilter region) {
		return "SELECT id, household_id, as_of, assessed_at, risk_group, supersedes, county, township, village "
				+ "FROM assessment WHERE household_id IN (SELECT household_id FROM assessment WHERE "
				+ region.condition() + ") ORDER BY household_id, as_of, assessed_at, id";
	}

	/**
	 * The condition on the region columns for the parts given, with their values as parameters. A part that is null
	 * is left out of the condition instead of being tested for null in it, so the database sees a plain equality on
	 * each part given and can use the index on the region columns (a {@code ? IS NULL OR county = ?} form cannot be
	 * planned with that index, since the plan is made before the values are known).
	 */
	record RegionFilter(String condition, Object[] values) {

		static RegionFilter of(String county, String township, String village) {
			List<String> conditions = new ArrayList<>();
			List<Object> values = new ArrayList<>();
			add(conditions, values, "county", county);
			add(conditions, values, "township", township);
			add(conditions, values, "village", village);
			return new RegionFilter(conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions),
					values.toArray());
		}

		private static void add(List<String> conditions, List<Object> values, String column, String value) {
			if (value != null) {
				conditions.add(column + " = ?");
				values.add(value);
			}
		}

	}

	private static String text(JsonNode node, String field) {
		return (node != null && node.get(field) != null && node.get(field).isString()) ? node.get(field).stringValue()
				: null;
	}

	Optional<StoredAssessment> find(UUID id) {
		return this.jdbc.sql("SELECT id, assessed_at, profile_json, evaluation_json, supersedes FROM assessment WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	List<StoredAssessment> findByHousehold(String householdId, int limit) {
		return this.jdbc
			.sql("SELECT id, assessed_at, profile_json, evaluation_json, supersedes FROM assessment WHERE household_id = ? "
					+ "ORDER BY assessed_at DESC, id DESC LIMIT ?")
			.params(householdId, limit)
			.query(this::map)
			.list();
	}

	private StoredAssessment map(ResultSet row, int rowNumber) throws SQLException {
		return new StoredAssessment(row.getObject("id", UUID.class), row.getTimestamp("assessed_at").toInstant(),
				this.json.readTree(row.getString("profile_json")),
				this.json.readValue(row.getString("evaluation_json"), Evaluation.class),
				row.getObject("supersedes", UUID.class));
	}

}
