package org.fangpin.casework;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fangpin.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Cases, their transitions and the measures applied, on H2 and on PostgreSQL alike. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class CaseRepositoryTests {

	static final String CASEWORKER = "王社工";

	@Parameter
	TestDatabase database;

	CaseRepository cases;

	JdbcClient jdbc;

	@BeforeEach
	void emptyDatabase() {
		this.jdbc = JdbcClient.create(this.database.migrated("cases"));
		this.cases = new CaseRepository(this.jdbc);
	}

	@Test
	void aCasesTransitionsAndAppliedMeasuresCanBeNeitherChangedNorDeleted() {
		HouseholdCase opened = open("H-1", "2025-03-01T02:00:00Z", "2025-03-01", null);
		this.cases.insert(opened);
		this.cases.transition(opened.id(), null, CaseState.SIGNALLED, LocalDate.parse("2025-03-01"),
				opened.openedAt(), "system (assessment)", "risk signal", null);
		this.cases.measure(opened.id(), "MEDICAL_ASSISTANCE", LocalDate.parse("2025-03-15"), new BigDecimal("8000"),
				opened.openedAt(), CASEWORKER);

		for (String change : List.of("UPDATE case_transition SET reason = 'rewritten'", "DELETE FROM case_transition",
				"UPDATE applied_measure SET amount = 1", "DELETE FROM applied_measure")) {
			assertThatExceptionOfType(DataIntegrityViolationException.class).as(change)
				.isThrownBy(() -> this.jdbc.sql(change).update())
				.withMessageContaining("is append-only");
		}
		HouseholdCase read = this.cases.find(opened.id()).orElseThrow();
		assertThat(read.transitions()).singleElement()
			.satisfies((transition) -> assertThat(transition.reason()).isEqualTo("risk signal"));
		assertThat(read.measures()).singleElement()
			.satisfies((measure) -> assertThat(measure.amount()).isEqualByComparingTo("8000"));
		// the case's current state is the one row that changes
		this.cases.update(opened.id(), CaseState.IDENTIFIED, LocalDate.parse("2025-03-10"), null);
		assertThat(this.cases.find(opened.id()).orElseThrow().state()).isEqualTo(CaseState.IDENTIFIED);
	}

	@Test
	void aNewCaseIsReadBackAsOpened() {
		HouseholdCase opened = open("H-1", "2025-03-01T02:00:00.123456Z", "2025-03-01", null);
		this.cases.insert(opened);

		assertThat(this.cases.find(opened.id())).contains(opened);
		assertThat(this.cases.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aCaseKeepsEveryTransitionAndMeasureInTheOrderTheyWereRecorded() {
		HouseholdCase opened = open("H-1", "2025-03-01T02:00:00Z", "2025-03-01", null);
		UUID assessment = UUID.randomUUID();
		Instant recorded = Instant.parse("2025-03-10T03:00:00.5Z");
		this.cases.insert(opened);
		this.cases.transition(opened.id(), null, CaseState.SIGNALLED, LocalDate.parse("2025-03-01"),
				opened.openedAt(), "system (assessment)", "risk signal", assessment);
		this.cases.transition(opened.id(), CaseState.SIGNALLED, CaseState.IDENTIFIED, LocalDate.parse("2025-03-10"),
				recorded, CASEWORKER, "村委会确认", null);
		this.cases.measure(opened.id(), "MEDICAL_ASSISTANCE", LocalDate.parse("2025-03-15"), new BigDecimal("8000"),
				recorded, CASEWORKER);
		this.cases.measure(opened.id(), "EMPLOYMENT_SERVICE", LocalDate.parse("2025-03-16"), null, recorded,
				CASEWORKER);

		HouseholdCase read = this.cases.find(opened.id()).orElseThrow();
		assertThat(read.transitions()).containsExactly(
				new HouseholdCase.Transition(null, CaseState.SIGNALLED, LocalDate.parse("2025-03-01"),
						opened.openedAt(), "system (assessment)", "risk signal", assessment),
				new HouseholdCase.Transition(CaseState.SIGNALLED, CaseState.IDENTIFIED,
						LocalDate.parse("2025-03-10"), recorded, CASEWORKER, "村委会确认", null));
		assertThat(read.measures()).containsExactly(
				new HouseholdCase.AppliedMeasure("MEDICAL_ASSISTANCE", LocalDate.parse("2025-03-15"),
						new BigDecimal("8000.00"), recorded, CASEWORKER),
				new HouseholdCase.AppliedMeasure("EMPLOYMENT_SERVICE", LocalDate.parse("2025-03-16"), null, recorded,
						CASEWORKER));
	}

	@Test
	void updatingTheStateKeepsTheDatesThatAreNotGiven() {
		HouseholdCase opened = open("H-1", "2025-03-01T02:00:00Z", "2025-03-01", null);
		this.cases.insert(opened);

		this.cases.update(opened.id(), CaseState.IDENTIFIED, LocalDate.parse("2025-03-10"), null);
		this.cases.update(opened.id(), CaseState.ASSISTED, null, null);
		HouseholdCase assisted = this.cases.find(opened.id()).orElseThrow();
		assertThat(assisted.state()).isEqualTo(CaseState.ASSISTED);
		assertThat(assisted.identifiedOn()).isEqualTo("2025-03-10");
		assertThat(assisted.closedOn()).isNull();

		this.cases.update(opened.id(), CaseState.ELIMINATED, null, LocalDate.parse("2025-10-02"));
		HouseholdCase eliminated = this.cases.find(opened.id()).orElseThrow();
		assertThat(eliminated.state()).isEqualTo(CaseState.ELIMINATED);
		assertThat(eliminated.identifiedOn()).isEqualTo("2025-03-10");
		assertThat(eliminated.closedOn()).isEqualTo("2025-10-02");
	}

	@Test
	void aHouseholdsCasesAreNewestFirstAndOnlyTheNewestCaseOfEachHouseholdIsCurrent() {
		HouseholdCase first = open("H-1", "2024-03-01T00:00:00Z", "2024-03-01", null);
		HouseholdCase relapse = open("H-1", "2025-03-01T00:00:00Z", "2025-03-01", first.id());
		HouseholdCase other = open("H-2", "2024-06-01T00:00:00Z", "2024-06-01", null);
		List.of(first, relapse, other).forEach(this.cases::insert);

		assertThat(this.cases.ofHousehold("H-1")).extracting(HouseholdCase::id)
			.containsExactly(relapse.id(), first.id());
		assertThat(this.cases.ofHousehold("H-1").get(0).previousCase()).isEqualTo(first.id());
		assertThat(this.cases.latestOf(List.of("H-1", "H-2", "H-3"))).containsOnlyKeys("H-1", "H-2")
			.extractingFromEntries((entry) -> entry.getValue().id())
			.containsExactlyInAnyOrder(relapse.id(), other.id());
		assertThat(this.cases.latestOf(List.of("H-2"))).containsOnlyKeys("H-2");
		assertThat(this.cases.latestOf(List.of())).isEmpty();
	}

	@Test
	void theNewestCasesOfMoreHouseholdsThanOneQueryTakesAreAllFound() {
		CaseRepository threeAQuery = new CaseRepository(this.jdbc, 3);
		List<String> households = new ArrayList<>();
		for (int i = 0; i < 2 * 3 + 1; i++) {
			households.add("H-" + i);
			HouseholdCase first = open("H-" + i, "2024-03-01T00:00:00Z", "2024-03-01", null);
			this.cases.insert(first);
			if (i % 2 == 0) {
				this.cases.insert(open("H-" + i, "2025-03-01T00:00:00Z", "2025-03-01", first.id()));
			}
		}
		households.add("H-0");
		households.add("H-without-a-case");
		Map<String, HouseholdCase> latest = threeAQuery.latestOf(households);
		assertThat(latest).hasSize(7);
		for (int i = 0; i < 7; i++) {
			assertThat(latest.get("H-" + i).signalledOn()).as("H-" + i)
				.isEqualTo((i % 2 == 0) ? "2025-03-01" : "2024-03-01");
		}
	}

	@Test
	void theCurrentCaseIsTheNewestAndItsMeasureCodesComeOnceInTheOrderFirstApplied() {
		assertThat(this.cases.currentOf("H-1")).isEmpty();
		HouseholdCase first = open("H-1", "2024-03-01T00:00:00Z", "2024-03-01", null);
		HouseholdCase newer = open("H-1", "2025-03-01T00:00:00Z", "2025-03-01", null);
		// stored before the older case, so only the dates tell which is newer
		List.of(newer, first).forEach(this.cases::insert);
		this.cases.update(newer.id(), CaseState.IDENTIFIED, LocalDate.parse("2025-03-09"), null);
		Instant at = Instant.parse("2025-04-01T00:00:00Z");
		this.cases.measure(first.id(), "INDUSTRY_GRANT", LocalDate.parse("2024-04-01"), null, at, CASEWORKER);
		for (String code : List.of("MEDICAL_ASSISTANCE", "EMPLOYMENT_SUBSIDY", "MEDICAL_ASSISTANCE")) {
			this.cases.measure(newer.id(), code, LocalDate.parse("2025-03-20"), null, at, CASEWORKER);
		}

		assertThat(this.cases.currentOf("H-1")).contains(
				new CaseRepository.Current(newer.id(), CaseState.IDENTIFIED, LocalDate.parse("2025-03-09")));
		assertThat(this.cases.measureCodesOf(newer.id())).containsExactly("MEDICAL_ASSISTANCE", "EMPLOYMENT_SUBSIDY");
		assertThat(this.cases.measureCodesOf(first.id())).containsExactly("INDUSTRY_GRANT");
		assertThat(this.cases.currentOf("H-2")).isEmpty();
	}

	@Test
	void casesReadTogetherEachCarryTheirOwnHistory() {
		HouseholdCase first = open("H-1", "2024-03-01T00:00:00Z", "2024-03-01", null);
		HouseholdCase relapse = open("H-1", "2025-03-01T00:00:00Z", "2025-03-01", first.id());
		HouseholdCase other = open("H-2", "2025-01-01T00:00:00Z", "2025-01-01", null);
		List.of(first, relapse, other).forEach(this.cases::insert);
		Instant at = Instant.parse("2025-04-01T00:00:00Z");
		for (HouseholdCase householdCase : List.of(first, relapse, other)) {
			this.cases.transition(householdCase.id(), null, CaseState.SIGNALLED, householdCase.signalledOn(), at,
					CASEWORKER, "opened " + householdCase.signalledOn(), null);
		}
		this.cases.transition(other.id(), CaseState.SIGNALLED, CaseState.IDENTIFIED, LocalDate.parse("2025-01-09"),
				at, CASEWORKER, "identified", null);
		this.cases.measure(relapse.id(), "MEDICAL_ASSISTANCE", LocalDate.parse("2025-03-20"), null, at, CASEWORKER);
		this.cases.measure(other.id(), "INDUSTRY_GRANT", LocalDate.parse("2025-01-20"), null, at, CASEWORKER);

		List<HouseholdCase> ofOne = this.cases.ofHousehold("H-1");
		assertThat(ofOne).extracting(HouseholdCase::id).containsExactly(relapse.id(), first.id());
		assertThat(ofOne.get(0).transitions()).extracting(HouseholdCase.Transition::reason)
			.containsExactly("opened 2025-03-01");
		assertThat(ofOne.get(0).measures()).extracting(HouseholdCase.AppliedMeasure::code)
			.containsExactly("MEDICAL_ASSISTANCE");
		assertThat(ofOne.get(1).transitions()).extracting(HouseholdCase.Transition::reason)
			.containsExactly("opened 2024-03-01");
		assertThat(ofOne.get(1).measures()).isEmpty();

		Map<String, HouseholdCase> latest = this.cases.latestOf(List.of("H-1", "H-2"));
		assertThat(latest.get("H-1")).isEqualTo(ofOne.get(0));
		assertThat(latest.get("H-2").transitions()).extracting(HouseholdCase.Transition::reason)
			.containsExactly("opened 2025-01-01", "identified");
		assertThat(latest.get("H-2").measures()).extracting(HouseholdCase.AppliedMeasure::code)
			.containsExactly("INDUSTRY_GRANT");
		assertThat(this.cases.find(other.id())).contains(latest.get("H-2"));
	}

	@Test
	void measuresAndEliminationsAreFoundByThePeriodTheyFallIn() {
		HouseholdCase one = open("H-1", "2025-01-01T00:00:00Z", "2025-01-01", null);
		HouseholdCase two = open("H-2", "2025-01-01T00:00:00Z", "2025-01-01", null);
		List.of(one, two).forEach(this.cases::insert);
		Instant at = Instant.parse("2025-06-01T00:00:00Z");
		this.cases.measure(one.id(), "MEDICAL_ASSISTANCE", LocalDate.parse("2025-03-31"), null, at, CASEWORKER);
		this.cases.measure(two.id(), "INDUSTRY_GRANT", LocalDate.parse("2025-04-01"), null, at, CASEWORKER);
		this.cases.transition(one.id(), CaseState.ASSISTED, CaseState.ELIMINATED, LocalDate.parse("2025-06-30"), at,
				CASEWORKER, null, null);
		this.cases.transition(two.id(), CaseState.ASSISTED, CaseState.ELIMINATED, LocalDate.parse("2025-07-01"), at,
				CASEWORKER, null, null);

		assertThat(this.cases.appliedBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31")))
			.containsExactly(new String[] { "H-1", "MEDICAL_ASSISTANCE" });
		assertThat(this.cases.eliminatedBetween(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-06-30")))
			.containsExactly("H-1");
		assertThat(this.cases.eliminatedBetween(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")))
			.containsExactlyInAnyOrder("H-1", "H-2");
	}

	private static HouseholdCase open(String household, String at, String signalled, UUID previous) {
		LocalDate on = LocalDate.parse(signalled);
		return new HouseholdCase(UUID.randomUUID(), household, CaseState.SIGNALLED, Instant.parse(at), on,
				on.plusDays(15), null, null, previous, "system (assessment)", List.of(), List.of());
	}

}
