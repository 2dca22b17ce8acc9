package org.fangpin.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProfileReaderTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final ProfileReader reader = new ProfileReader(Set.of("DIBAO", "TEKUN", "MEDICAL_ASSISTANCE"));

	@Test
	void aMinimalProfileGetsEveryDefaultOfTheContract() {
		HouseholdProfile profile = read("""
				{"householdId": "H-1", "povertyStatus": "NEVER_POOR", "members": [{"age": 40, "laborCapacity": "FULL"}]}
				""");
		assertThat(profile.asOf()).isEqualTo(TODAY);
		HouseholdProfile.Member member = profile.members().get(0);
		assertThat(member.health()).isEqualTo(Health.HEALTHY);
		assertThat(member.schooling()).isEqualTo(Schooling.NONE);
		assertThat(member.employment()).isEqualTo(Employment.NONE);
		assertThat(member.medicalInsurance()).isTrue();
		assertThat(member.disabilityGrade()).isZero();
		assertThat(profile.income().wages()).isEqualByComparingTo("0");
		assertThat(profile.income().previousYearNetIncome()).isNull();
		assertThat(profile.housing().safetyGrade()).isEqualTo(SafetyGrade.A);
		assertThat(profile.drinkingWater()).isEqualTo(HouseholdProfile.DrinkingWater.SAFE);
		assertThat(profile.monitoring().status()).isEqualTo(MonitoringStatus.NONE);
		assertThat(profile.events()).isEmpty();
		assertThat(profile.supports()).isEmpty();
	}

	@Test
	void everyBadFieldIsReportedAtOnceWithItsPath() {
		List<String> fields = errors("""
				{"householdId": "has space", "asOf": "2027-01-01", "povertyStatus": "RICH", "extra": 1,
				 "members": [{"age": "40", "laborCapacity": "FULL"}, {"age": 121, "laborCapacity": "SOME", "x": true}],
				 "income": {"wages": -1, "business": 1.001, "transfers": "100"},
				 "events": [{"type": "FLOOD", "date": "2026-02-30"}],
				 "supports": ["FREE_MONEY"],
				 "monitoring": {"status": "MONITORED"}}
				""");
		assertThat(fields).contains("householdId", "asOf", "povertyStatus", "extra", "members[0].age",
				"members[1].age", "members[1].laborCapacity", "members[1].x", "income.wages", "income.business",
				"income.transfers", "events[0].type", "events[0].date", "supports[0]", "monitoring.since");
	}

	@Test
	void limitsOfTheContractAreInclusive() {
		String member = "{\"age\": 120, \"laborCapacity\": \"NONE\"}";
		String thirty = String.join(",", java.util.Collections.nCopies(30, member));
		HouseholdProfile profile = read("{\"householdId\": \"H-1\", \"povertyStatus\": \"LIFTED\", \"members\": ["
				+ thirty + "], \"income\": {\"wages\": 10000000, \"business\": 0.01}}");
		assertThat(profile.members()).hasSize(30);
		assertThat(profile.income().wages()).isEqualByComparingTo(new BigDecimal("10000000"));
		assertThat(errors("{\"householdId\": \"H-1\", \"povertyStatus\": \"LIFTED\", \"members\": [" + thirty + ","
				+ member + "]}")).containsExactly("members");
		assertThat(errors("""
				{"householdId": "H-1", "povertyStatus": "LIFTED", "members": [{"age": 1, "laborCapacity": "NONE"}],
				 "income": {"wages": 10000000.01}}""")).containsExactly("income.wages");
	}

	@Test
	void datesMayNotBeAfterTheAssessmentDate() {
		assertThat(errors("""
				{"householdId": "H-1", "asOf": "2024-06-30", "povertyStatus": "LIFTED",
				 "members": [{"age": 30, "laborCapacity": "FULL"}],
				 "events": [{"type": "ACCIDENT", "date": "2024-07-01"}],
				 "monitoring": {"status": "MONITORED", "since": "2024-07-01"}}"""))
			.containsExactly("events[0].date", "monitoring.since");
	}

	@Test
	void personalDataIsReadButCheckedForItsShape() {
		HouseholdProfile profile = read("""
				{"householdId": "H-1", "povertyStatus": "LIFTED",
				 "members": [{"age": 30, "laborCapacity": "FULL", "name": "张三", "idNumber": "14090219900101123X"}]}""");
		assertThat(profile.members().get(0).idNumber()).isEqualTo("14090219900101123X");
		assertThat(profile.members().get(0).toString()).doesNotContain("张三").doesNotContain("123X");
		assertThat(errors("""
				{"householdId": "H-1", "povertyStatus": "LIFTED",
				 "members": [{"age": 30, "laborCapacity": "FULL", "idNumber": "DROP TABLE"}]}"""))
			.containsExactly("members[0].idNumber");
	}

	@Test
	void aProfileThatIsNotAnObjectIsRejected() {
		assertThat(errors("[1, 2]")).containsExactly("");
	}

	private HouseholdProfile read(String text) {
		return this.reader.read(tree(text), TODAY);
	}

	private List<String> errors(String text) {
		JsonNode tree = tree(text);
		return assertThatExceptionOfType(InvalidProfileException.class)
			.isThrownBy(() -> this.reader.read(tree, TODAY))
			.actual()
			.errors()
			.stream()
			.map(FieldError::field)
			.toList();
	}

	private JsonNode tree(String text) {
		return this.json.readTree(text);
	}

}
