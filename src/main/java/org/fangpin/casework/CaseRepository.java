package org.fangpin.casework;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cases, their transitions and applied measures in the database. */
@Repository
class CaseRepository {

	private static final String COLUMNS = "id, household_id, state, opened_at, signalled_on, identification_due, "
			+ "identified_on, closed_on, previous_case, opened_by";

	private final JdbcClient jdbc;

	/** Household ids per query of {@link #latestOf}. */
	private final int block;

	@Autowired
	CaseRepository(JdbcClient jdbc) {
		this(jdbc, 500);
	}

	CaseRepository(JdbcClient jdbc, int block) {
		this.jdbc = jdbc;
		this.block = block;
	}

	void insert(HouseholdCase newCase) {
		this.jdbc.sql("INSERT INTO household_case (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(newCase.id(), newCase.householdId(), newCase.state().name(), Timestamp.from(newCase.openedAt()),
					newCase.signalledOn(), newCase.identificationDue(), newCase.identifiedOn(), newCase.closedOn(),
					newCase.previousCase(), newCase.openedBy())
			.update();
	}

	void update(UUID id, CaseState state, LocalDate identifiedOn, LocalDate closedOn) {
		this.jdbc.sql("UPDATE household_case SET state = ?, identified_on = COALESCE(?, identified_on), "
				+ "closed_on = COALESCE(?, closed_on) WHERE id = ?")
			.params(state.name(), identifiedOn, closedOn, id)
			.update();
	}

	void transition(UUID caseId, CaseState from, CaseState to, LocalDate on, Instant at, String by, String reason,
			UUID assessmentId) {
		this.jdbc.sql("INSERT INTO case_transition (case_id, from_state, to_state, effective_on, recorded_at, "
				+ "recorded_by, reason, assessment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(caseId, (from != null) ? from.name() : null, to.name(), on, Timestamp.from(at), by, reason,
					assessmentId)
			.update();
	}

	void measure(UUID caseId, String code, LocalDate on, BigDecimal amount, Instant at, String by) {
		this.jdbc.sql("INSERT INTO applied_measure (case_id, measure_code, applied_on, amount, recorded_at, "
				+ "recorded_by) VALUES (?, ?, ?, ?, ?, ?)")
			.params(caseId, code, on, amount, Timestamp.from(at), by)
			.update();
	}

	Optional<HouseholdCase> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM household_case WHERE id = ?")
			.param(id)
			.query(this::map)
			.optional();
	}

	/** A household's cases, newest first. */
	List<HouseholdCase> ofHousehold(String householdId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM household_case WHERE household_id = ? ORDER BY opened_at DESC")
			.param(householdId)
			.query(this::map)
			.list();
	}

	/**
	 * The newest case of each of {@code householdIds} that has one, by household. The ids are read a block at a time,
	 * through the household index, so a village's list reads its own households' cases and not every case stored.
	 */
	Map<String, HouseholdCase> latestOf(Collection<String> householdIds) {
		List<String> ids = List.copyOf(new LinkedHashSet<>(householdIds));
		Map<String, HouseholdCase> latest = new HashMap<>();
		for (int from = 0; from < ids.size(); from += this.block) {
			this.jdbc.sql("SELECT " + COLUMNS + " FROM household_case WHERE household_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + this.block)))
				.query(this::map)
				.list()
				.forEach((householdCase) -> latest.merge(householdCase.householdId(), householdCase,
						(a, b) -> (a.openedAt().isAfter(b.openedAt())) ? a : b));
		}
		return latest;
	}

	/** Measures applied in a period, as household id and code. */
	List<String[]> appliedBetween(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT c.household_id, m.measure_code FROM applied_measure m JOIN household_case c "
					+ "ON c.id = m.case_id WHERE m.applied_on BETWEEN ? AND ?")
			.params(from, to)
			.query((row, n) -> new String[] { row.getString(1), row.getString(2) })
			.list();
	}

	/** Households whose case moved to ELIMINATED in a period. */
	List<String> eliminatedBetween(LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT DISTINCT c.household_id FROM case_transition t JOIN household_case c ON c.id = t.case_id "
					+ "WHERE t.to_state = 'ELIMINATED' AND t.effective_on BETWEEN ? AND ?")
			.params(from, to)
			.query(String.class)
			.list();
	}

	private HouseholdCase map(ResultSet row, int n) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		return new HouseholdCase(id, row.getString("household_id"), CaseState.valueOf(row.getString("state")),
				row.getTimestamp("opened_at").toInstant(), row.getObject("signalled_on", LocalDate.class),
				row.getObject("identification_due", LocalDate.class), row.getObject("identified_on", LocalDate.class),
				row.getObject("closed_on", LocalDate.class), row.getObject("previous_case", UUID.class),
				row.getString("opened_by"), transitions(id), measures(id));
	}

	private List<HouseholdCase.Transition> transitions(UUID id) {
		return this.jdbc
			.sql("SELECT from_state, to_state, effective_on, recorded_at, recorded_by, reason, assessment_id "
					+ "FROM case_transition WHERE case_id = ? ORDER BY seq")
			.param(id)
			.query((row, n) -> new HouseholdCase.Transition(
					(row.getString(1) != null) ? CaseState.valueOf(row.getString(1)) : null,
					CaseState.valueOf(row.getString(2)), row.getObject(3, LocalDate.class),
					row.getTimestamp(4).toInstant(), row.getString(5), row.getString(6),
					row.getObject(7, UUID.class)))
			.list();
	}

	private List<HouseholdCase.AppliedMeasure> measures(UUID id) {
		return this.jdbc
			.sql("SELECT measure_code, applied_on, amount, recorded_at, recorded_by FROM applied_measure "
					+ "WHERE case_id = ? ORDER BY seq")
			.param(id)
			.query((row, n) -> new HouseholdCase.AppliedMeasure(row.getString(1), row.getObject(2, LocalDate.class),
					row.getBigDecimal(3), row.getTimestamp(4).toInstant(), row.getString(5)))
			.list();
	}


}
