package org.fangpin.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.fangpin.rules.Evaluation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores assessments as rows: the searchable columns, the profile and the evaluation as JSON. One insert is one
 * row, so an assessment is stored whole or not at all. It knows nothing of the rule engine's internals.
 */
@Repository
class AssessmentRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AssessmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	}

	void insert(StoredAssessment assessment) {
		Evaluation evaluation = assessment.evaluation();
		this.jdbc
			.sql("INSERT INTO assessment (id, household_id, as_of, assessed_at, rule_set_version, risk_group, "
					+ "profile_json, evaluation_json, supersedes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(assessment.id(), evaluation.householdId(), evaluation.asOf(),
					Timestamp.from(assessment.assessedAt()), evaluation.ruleSetVersion(), evaluation.riskGroup(),
					this.json.writeValueAsString(assessment.profile()), this.json.writeValueAsString(evaluation),
					assessment.supersedes())
			.update();
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
