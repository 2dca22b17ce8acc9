package org.fangpin.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fangpin.HttpClientSupport;
import org.fangpin.TestDatabase;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.LocalizedText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Storing and reading assessments, on H2 and on PostgreSQL alike. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class AssessmentRepositoryTests {

	static final String VERSION = "sha256:test";

	@Parameter
	TestDatabase database;

	JdbcClient jdbc;

	AssessmentRepository repository;

	javax.sql.DataSource dataSource;

	@BeforeEach
	void emptyDatabase() {
		this.dataSource = this.database.migrated("assessments");
		this.jdbc = JdbcClient.create(this.dataSource);
		this.repository = new AssessmentRepository(this.jdbc,
				new org.springframework.jdbc.core.JdbcTemplate(this.dataSource));
		this.jdbc.sql("INSERT INTO rule_set_version (version, created_at, created_by, file_count) VALUES (?, ?, ?, 0)")
			.params(VERSION, java.sql.Timestamp.from(Instant.parse("2024-01-01T00:00:00Z")), "test")
			.update();
	}

	@Test
	void anAssessmentIsReadBackWithItsProfileEvaluationAndTheAssessmentItCorrects() {
		StoredAssessment first = assessment("140902-017-0031", "2024-07-01T08:00:00.123456Z", "忻府区", "西张乡", "东村");
		StoredAssessment correction = new StoredAssessment(UUID.randomUUID(),
				Instant.parse("2024-07-02T08:00:00.654321Z"), first.profile(), first.evaluation(), first.id());
		this.repository.insert(first);
		this.repository.insert(this.repository.prepare(correction, "alert:medical insurance"));

		StoredAssessment read = this.repository.find(correction.id()).orElseThrow();
		assertThat(read.id()).isEqualTo(correction.id());
		assertThat(read.assessedAt()).isEqualTo(correction.assessedAt());
		assertThat(read.profile()).isEqualTo(first.profile());
		assertThat(read.evaluation()).isEqualTo(first.evaluation());
		assertThat(read.evaluation().income().perCapitaNetIncome()).isEqualTo(new BigDecimal("8700.00"));
		assertThat(read.supersedes()).isEqualTo(first.id());
		assertThat(this.repository.find(first.id()).orElseThrow().supersedes()).isNull();
		assertThat(this.jdbc.sql("SELECT cause FROM assessment WHERE id = ?").param(correction.id()).query(String.class)
			.single()).isEqualTo("alert:medical insurance");
	}

	@Test
	void anUnknownIdFindsNothing() {
		assertThat(this.repository.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aHouseholdsHistoryIsNewestFirstAndStopsAtTheLimit() {
		StoredAssessment june = assessment("H-1", "2024-06-01T00:00:00Z", "A", "X", "1");
		StoredAssessment july = assessment("H-1", "2024-07-01T00:00:00Z", "A", "X", "1");
		StoredAssessment august = assessment("H-1", "2024-08-01T00:00:00Z", "A", "X", "1");
		StoredAssessment other = assessment("H-2", "2024-09-01T00:00:00Z", "A", "X", "1");
		List.of(july, other, june, august).forEach(this.repository::insert);

		assertThat(ids(this.repository.findByHousehold("H-1", 10))).containsExactly(august.id(), july.id(), june.id());
		assertThat(ids(this.repository.findByHousehold("H-1", 2))).containsExactly(august.id(), july.id());
		assertThat(this.repository.findByHousehold("H-3", 10)).isEmpty();
	}

	@Test
	void assessmentsMadeAtTheSameInstantAreOrderedByTheirTimeOrderedIds() {
		UUID earlier = UUID.fromString("01900000-0000-7000-8000-000000000001");
		UUID later = UUID.fromString("01900000-0000-7000-8000-000000000002");
		Instant at = Instant.parse("2024-07-01T00:00:00Z");
		StoredAssessment template = assessment("H-1", "2024-07-01T00:00:00Z", "A", "X", "1");
		this.repository.insert(new StoredAssessment(later, at, template.profile(), template.evaluation()));
		this.repository.insert(new StoredAssessment(earlier, at, template.profile(), template.evaluation()));

		assertThat(ids(this.repository.findByHousehold("H-1", 10))).containsExactly(later, earlier);
		assertThat(ids(this.repository.latestIn(null, null, null))).containsExactly(later);
	}

	@Test
	void aRegionListsTheLatestAssessmentOfEachOfItsHouseholds() {
		StoredAssessment oldA1 = assessment("H-A1", "2024-06-01T00:00:00Z", "A", "X", "1");
		StoredAssessment newA1 = assessment("H-A1", "2024-07-01T00:00:00Z", "A", "X", "1");
		StoredAssessment a2 = assessment("H-A2", "2024-05-01T00:00:00Z", "A", "X", "2");
		StoredAssessment ay = assessment("H-AY", "2024-05-01T00:00:00Z", "A", "Y", "1");
		StoredAssessment b1 = assessment("H-B1", "2024-05-01T00:00:00Z", "B", "X", "1");
		List.of(newA1, a2, oldA1, ay, b1).forEach(this.repository::insert);

		assertThat(ids(this.repository.latestIn("A", "X", "1"))).containsExactly(newA1.id());
		assertThat(ids(this.repository.latestIn("A", "X", null))).containsExactly(newA1.id(), a2.id());
		assertThat(ids(this.repository.latestIn("A", null, null))).containsExactly(newA1.id(), a2.id(), ay.id());
		assertThat(ids(this.repository.latestIn(null, null, null))).containsExactly(newA1.id(), a2.id(), ay.id(),
				b1.id());
		assertThat(this.repository.latestIn("C", null, null)).isEmpty();
		// a part left out matches any: a village or a township given without the parts above it
		assertThat(ids(this.repository.latestIn(null, null, "1"))).containsExactly(newA1.id(), ay.id(), b1.id());
		assertThat(ids(this.repository.latestIn(null, "X", null))).containsExactly(newA1.id(), a2.id(), b1.id());
		assertThat(ids(this.repository.latestIn(null, "X", "1"))).containsExactly(newA1.id(), b1.id());
		assertThat(ids(this.repository.latestIn("A", null, "1"))).containsExactly(newA1.id(), ay.id());
	}

	@Test
	void theLatestAssessmentsOfMoreHouseholdsThanOneReadTakesComeWholeAndByHousehold() {
		AssessmentRepository twoARead = new AssessmentRepository(this.jdbc,
				new org.springframework.jdbc.core.JdbcTemplate(this.dataSource), 2);
		List<StoredAssessment> latest = new java.util.ArrayList<>();
		for (int i = 4; i >= 0; i--) {
			this.repository.insert(assessment("H-" + i, "2024-06-01T00:00:00Z", "A", "X", "1"));
			StoredAssessment newer = assessment("H-" + i, "2024-07-0" + (i + 1) + "T00:00:00Z", "A", "X", "1");
			this.repository.insert(newer);
			latest.add(0, newer);
		}

		List<StoredAssessment> read = twoARead.latestIn("A", null, null);
		assertThat(ids(read)).containsExactlyElementsOf(ids(latest));
		assertThat(read).extracting((assessment) -> assessment.evaluation().householdId())
			.containsExactly("H-0", "H-1", "H-2", "H-3", "H-4");
		assertThat(read).allSatisfy((assessment) -> {
			assertThat(assessment.profile().get("region").get("county").stringValue()).isEqualTo("A");
			assertThat(assessment.assessedAt()).isAfter(Instant.parse("2024-07-01T00:00:00Z").minusSeconds(1));
		});
	}

	@Test
	void aRegionsHouseholdsComeWithEveryAssessmentWhereverItWasMade() {
		StoredAssessment before = assessment("H-M", "2024-05-01T00:00:00Z", "A", "X", "1");
		StoredAssessment afterMoving = assessment("H-M", "2024-06-01T00:00:00Z", "B", "Y", "2");
		StoredAssessment stayed = assessment("H-S", "2024-05-01T00:00:00Z", "B", "X", "1");
		List.of(afterMoving, stayed, before).forEach(this.repository::insert);

		assertThat(rowIds("A", null, null)).containsExactly(before.id(), afterMoving.id());
		assertThat(rowIds("B", "X", null)).containsExactly(stayed.id());
		assertThat(rowIds(null, "Y", null)).containsExactly(before.id(), afterMoving.id());
		assertThat(rowIds(null, null, "1")).containsExactly(before.id(), afterMoving.id(), stayed.id());
		assertThat(rowIds(null, null, null)).containsExactly(before.id(), afterMoving.id(), stayed.id());
		assertThat(rowIds("C", null, null)).isEmpty();
	}

	private List<UUID> rowIds(String county, String township, String village) {
		return this.repository.rowsOfHouseholdsIn(county, township, village).stream().map(AssessmentRow::id).toList();
	}

	@Test
	void aStoredAssessmentCanBeNeitherUpdatedNorDeleted() {
		StoredAssessment stored = assessment("H-1", "2024-07-01T00:00:00Z", "A", "X", "1");
		this.repository.insert(stored);

		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql("UPDATE assessment SET risk_group = 'NOT_AT_RISK'").update())
			.withMessageContaining("assessment is append-only");
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql("DELETE FROM assessment WHERE id = ?").param(stored.id()).update())
			.withMessageContaining("assessment is append-only");
		assertThat(this.repository.find(stored.id()).orElseThrow().evaluation().riskGroup())
			.isEqualTo("UNSTABLE_LIFTED");
	}

	@Test
	void anAssessmentOfAnySizeIsReadBackWhole() {
		StoredAssessment typical = assessment("H-1", "2024-07-01T00:00:00Z", "A", "X", "1");
		Evaluation small = typical.evaluation();
		List<Evaluation.Firing> firings = new ArrayList<>();
		for (int i = 1; i <= 2_000; i++) {
			firings.add(new Evaluation.Firing(i, "S-RIGID", "S-RIGID rigid expense pressure",
					"rules/20-signals/signals.drl", "S-RIGID", new LocalizedText("刚性支出压力", "Rigid"),
					"policy.md §3 S-RIGID", Map.of("size", i, "afterRigid", new BigDecimal("2700.00"))));
		}
		Evaluation large = new Evaluation(small.householdId(), small.asOf(), small.ruleSetVersion(), small.income(),
				small.signals(), small.riskGroup(), small.riskTypes(), small.assistanceTier(), small.measures(),
				small.elimination(), small.alerts(), small.explanation(),
				new Evaluation.Trace(firings, small.trace().parameters()));
		StoredAssessment big = new StoredAssessment(UUID.randomUUID(), Instant.parse("2024-07-02T00:00:00Z"),
				typical.profile(), large);
		this.repository.insert(typical);
		this.repository.insert(big);

		// H2 keeps texts of up to 64 KB in the row and longer ones apart: one assessment on each side of that
		assertThat(this.jdbc.sql("SELECT LENGTH(evaluation_json) FROM assessment WHERE id = ?").param(big.id())
			.query(Long.class).single()).isGreaterThan(65_536L);
		assertThat(this.repository.find(typical.id()).orElseThrow().evaluation()).isEqualTo(small);
		assertThat(this.repository.find(big.id()).orElseThrow().evaluation()).isEqualTo(large);
	}

	private static List<UUID> ids(List<StoredAssessment> assessments) {
		return assessments.stream().map(StoredAssessment::id).toList();
	}

	private static StoredAssessment assessment(String household, String at, String county, String township,
			String village) {
		JsonNode profile = HttpClientSupport.JSON.readTree("""
				{"householdId": "%s", "asOf": "2024-06-30",
				 "region": {"county": "%s", "township": "%s", "village": "%s"},
				 "income": {"wages": 8700.50}, "members": [{"age": 58, "health": "CHRONIC_ILLNESS"}]}
				""".formatted(household, county, township, village));
		return new StoredAssessment(UUID.randomUUID(), Instant.parse(at), profile, evaluation(household));
	}

	private static Evaluation evaluation(String household) {
		LocalizedText reason = new LocalizedText("监测对象医疗支出达到救助标准：医疗救助",
				"A monitored household whose out-of-pocket medical costs reach the trigger: medical assistance");
		return new Evaluation(household, LocalDate.parse("2024-06-30"), VERSION,
				new Evaluation.IncomeFigures(1, new BigDecimal("8700"), new BigDecimal("8700.00"),
						new BigDecimal("6000"), new BigDecimal("2700.00"), new BigDecimal("7400")),
				List.of("RIGID_EXPENSE_PRESSURE"), "UNSTABLE_LIFTED", List.of("ILLNESS"), "DEVELOPMENT",
				List.of(new Evaluation.MeasureResult("MEDICAL_ASSISTANCE", "SUBSIDY", 1, null,
						new LocalizedText("医疗救助", "Medical assistance"),
						List.of(new Evaluation.Reason("M-05", "M-05", reason)))),
				new Evaluation.EliminationResult(false, List.of("E5")), List.of(),
				List.of(new LocalizedText("风险类型：因病", "Risk types: Illness")),
				new Evaluation.Trace(
						List.of(new Evaluation.Firing(1, "S-RIGID", "S-RIGID rigid expense pressure",
								"rules/20-signals/signals.drl", "S-RIGID", new LocalizedText("刚性支出压力", "Rigid"),
								"policy.md §3 S-RIGID", Map.of("size", 1, "afterRigid", new BigDecimal("2700.00")))),
						List.of(new Evaluation.UsedParameter("monitoring.incomeThreshold", new BigDecimal("7400"),
								LocalDate.parse("2024-01-01"), "placeholder", null))));
	}

}
