package org.fangpin.casework;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
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

	/** A household's cases, newest first. */
	List<HouseholdCase> ofHousehold(String householdId) {
		return withHistory(this.jdbc
			.sql("SELECT " + COLUMNS + " FROM household_case WHERE household_id = ? ORDER BY opened_at DESC")
			.param(householdId)
			.query(CaseRepository::row)
			.list());
	}

	/**
	 * The id and state of a household's newest case, the one that decides its monitoring, without its history: one
	 * query through the household index, which an assessment makes twice (before and after it is evaluated).
	 */
	Optional<Current> currentOf(String householdId) {
		return this.jdbc
			.sql("SELECT id, state, identified_on FROM household_case WHERE household_id = ? "
					+ "ORDER BY opened_at DESC LIMIT 1")
			.param(householdId)
			.query((row, n) -> new Current(row.getObject(1, UUID.class), CaseState.valueOf(row.getString(2)),
					row.getObject(3, LocalDate.class)))
			.optional();
	}

	/** The id, state and identification date of a household's newest case. */
	record Current(UUID id, CaseState state, LocalDate identifiedOn) {

	}

	/**
	 * {@link #currentOf} for many households at once, by household id (households without a case are absent): one
	 * query a block of ids through the household index, for a batch that would otherwise ask once a line.
	 */
	Map<String, Current> currentOfAll(Collection<String> householdIds) {
		List<String> ids = List.copyOf(new LinkedHashSet<>(householdIds));
		Map<String, Current> current = new HashMap<>();
		Map<String, Instant> openedAt = new HashMap<>();
		for (int from = 0; from < ids.size(); from += this.block) {
			this.jdbc
				.sql("SELECT id, household_id, state, identified_on, opened_at FROM household_case "
						+ "WHERE household_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + this.block)))
				.query((RowCallbackHandler) (row) -> {
					String household = row.getString(2);
					Instant opened = row.getTimestamp(5).toInstant();
					Instant newest = openedAt.get(household);
					if (newest == null || opened.isAfter(newest)) {
						openedAt.put(household, opened);
						current.put(household, new Current(row.getObject(1, UUID.class),
								CaseState.valueOf(row.getString(3)), row.getObject(4, LocalDate.class)));
					}
				});
		}
		return current;
	}

	/** {@link #measureCodesOf} for many cases at once, by case id (cases without a measure are absent). */
	Map<UUID, List<String>> measureCodesOfAll(Collection<UUID> caseIds) {
		List<UUID> ids = List.copyOf(new LinkedHashSet<>(caseIds));
		Map<UUID, LinkedHashSet<String>> codes = new HashMap<>();
		for (int from = 0; from < ids.size(); from += this.block) {
			this.jdbc
				.sql("SELECT case_id, measure_code FROM applied_measure WHERE case_id IN (:ids) ORDER BY seq")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + this.block)))
				.query((RowCallbackHandler) (row) -> codes
					.computeIfAbsent(row.getObject(1, UUID.class), (id) -> new LinkedHashSet<>())
					.add(row.getString(2)));
		}
		Map<UUID, List<String>> distinct = new HashMap<>();
		codes.forEach((id, set) -> distinct.put(id, List.copyOf(set)));
		return distinct;
	}

	/** The codes of the measures applied in a case, each once, in the order first applied. */
	List<String> measureCodesOf(UUID caseId) {
		return this.jdbc.sql("SELECT measure_code FROM applied_measure WHERE case_id = ? ORDER BY seq")
			.param(caseId)
			.query(String.class)
			.list()
			.stream()
			.distinct()
			.toList();
	}

	/**
	 * The newest case of each of {@code householdIds} that has one, by household, with its history. The ids are read
	 * a block at a time, through the household index, so a village's list reads its own households' cases and not
	 * every case stored; each block's histories take two queries more, not two per case.
	 */
	Map<String, HouseholdCase> latestOf(Collection<String> householdIds) {
		List<String> ids = List.copyOf(new LinkedHashSet<>(householdIds));
		Map<String, HouseholdCase> latest = new HashMap<>();
		for (int from = 0; from < ids.size(); from += this.block) {
			Map<String, CaseRow> newest = new HashMap<>();
			this.jdbc.sql("SELECT " + COLUMNS + " FROM household_case WHERE household_id IN (:ids)")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + this.block)))
				.query(CaseRepository::row)
				.list()
				.forEach((row) -> newest.merge(row.householdId(), row,
						(a, b) -> (a.openedAt().isAfter(b.openedAt())) ? a : b));
			withHistory(List.copyOf(newest.values()))
				.forEach((householdCase) -> latest.put(householdCase.householdId(), householdCase));
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

	Optional<HouseholdCase> find(UUID id) {
		return withHistory(this.jdbc.sql("SELECT " + COLUMNS + " FROM household_case WHERE id = ?")
			.param(id)
			.query(CaseRepository::row)
			.list()).stream().findFirst();
	}

	/** The columns of one case, before its history is read. */
	private record CaseRow(UUID id, String householdId, CaseState state, Instant openedAt, LocalDate signalledOn,
			LocalDate identificationDue, LocalDate identifiedOn, LocalDate closedOn, UUID previousCase,
			String openedBy) {

	}

	private static CaseRow row(ResultSet row, int n) throws SQLException {
		return new CaseRow(row.getObject("id", UUID.class), row.getString("household_id"),
				CaseState.valueOf(row.getString("state")), row.getTimestamp("opened_at").toInstant(),
				row.getObject("signalled_on", LocalDate.class), row.getObject("identification_due", LocalDate.class),
				row.getObject("identified_on", LocalDate.class), row.getObject("closed_on", LocalDate.class),
				row.getObject("previous_case", UUID.class), row.getString("opened_by"));
	}

	/** The cases, in the same order, each with its transitions and measures: two queries for all of them. */
	private List<HouseholdCase> withHistory(List<CaseRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> caseIds = rows.stream().map(CaseRow::id).toList();
		Map<UUID, List<HouseholdCase.Transition>> transitions = new HashMap<>();
		this.jdbc
			.sql("SELECT case_id, from_state, to_state, effective_on, recorded_at, recorded_by, reason, assessment_id "
					+ "FROM case_transition WHERE case_id IN (:ids) ORDER BY seq")
			.param("ids", caseIds)
			.query((RowCallbackHandler) (row) -> transitions
				.computeIfAbsent(row.getObject(1, UUID.class), (unused) -> new ArrayList<>())
				.add(new HouseholdCase.Transition(
						(row.getString(2) != null) ? CaseState.valueOf(row.getString(2)) : null,
						CaseState.valueOf(row.getString(3)), row.getObject(4, LocalDate.class),
						row.getTimestamp(5).toInstant(), row.getString(6), row.getString(7),
						row.getObject(8, UUID.class))));
		Map<UUID, List<HouseholdCase.AppliedMeasure>> measures = new HashMap<>();
		this.jdbc
			.sql("SELECT case_id, measure_code, applied_on, amount, recorded_at, recorded_by FROM applied_measure "
					+ "WHERE case_id IN (:ids) ORDER BY seq")
			.param("ids", caseIds)
			.query((RowCallbackHandler) (row) -> measures
				.computeIfAbsent(row.getObject(1, UUID.class), (unused) -> new ArrayList<>())
				.add(new HouseholdCase.AppliedMeasure(row.getString(2), row.getObject(3, LocalDate.class),
						row.getBigDecimal(4), row.getTimestamp(5).toInstant(), row.getString(6))));
		return rows.stream()
			.map((row) -> new HouseholdCase(row.id(), row.householdId(), row.state(), row.openedAt(),
					row.signalledOn(), row.identificationDue(), row.identifiedOn(), row.closedOn(),
					row.previousCase(), row.openedBy(), List.copyOf(transitions.getOrDefault(row.id(), List.of())),
					List.copyOf(measures.getOrDefault(row.id(), List.of()))))
			.toList();
	}

}
