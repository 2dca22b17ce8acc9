package org.fangpin.household;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A household profile as a caseworker sends it: members, income, rigid expenses, housing, water, recent events,
 * programmes already received and the monitoring state. Instances are complete: every default of the API contract
 * is already applied, so the rule engine never sees a missing value.
 */
public record HouseholdProfile(String householdId, LocalDate asOf, Region region, PovertyStatus povertyStatus,
		List<Member> members, Income income, Expenses expenses, Housing housing, DrinkingWater drinkingWater,
		List<Event> events, Set<String> supports, Monitoring monitoring) {

	public HouseholdProfile {
		Objects.requireNonNull(householdId, "'householdId' must not be null");
		Objects.requireNonNull(asOf, "'asOf' must not be null");
		Objects.requireNonNull(povertyStatus, "'povertyStatus' must not be null");
		members = List.copyOf(members);
		if (members.isEmpty()) {
			throw new IllegalArgumentException("'members' must not be empty");
		}
		region = (region != null) ? region : Region.NONE;
		income = (income != null) ? income : Income.NONE;
		expenses = (expenses != null) ? expenses : Expenses.NONE;
		housing = (housing != null) ? housing : new Housing(SafetyGrade.A);
		drinkingWater = (drinkingWater != null) ? drinkingWater : DrinkingWater.SAFE;
		events = (events != null) ? List.copyOf(events) : List.of();
		supports = (supports != null) ? Set.copyOf(supports) : Set.of();
		monitoring = (monitoring != null) ? monitoring : Monitoring.NONE;
	}

	/** The profile with another reference date, everything else unchanged. */
	public HouseholdProfile withAsOf(LocalDate date) {
		return new HouseholdProfile(householdId, date, region, povertyStatus, members, income, expenses, housing,
				drinkingWater, events, supports, monitoring);
	}

	/** Where the household lives; every part is optional. */
	public record Region(String province, String city, String county, String township, String village) {

		public static final Region NONE = new Region(null, null, null, null, null);

	}

	/**
	 * One member. {@code name} and {@code idNumber} are personal data: they never reach the rule engine, a log or a
	 * trace.
	 */
	public record Member(Relation relation, int age, LaborCapacity laborCapacity, Health health, int disabilityGrade,
			Schooling schooling, Employment employment, boolean medicalInsurance, String name, String idNumber) {

		public Member {
			Objects.requireNonNull(laborCapacity, "'laborCapacity' must not be null");
			health = (health != null) ? health : Health.HEALTHY;
			schooling = (schooling != null) ? schooling : Schooling.NONE;
			employment = (employment != null) ? employment : Employment.NONE;
		}

		@Override
		public String toString() {
			return "Member[relation=" + relation + ", age=" + age + ", laborCapacity=" + laborCapacity + "]";
		}

	}

	/** Income over the 12 months before {@code asOf}, in yuan. {@code previousYearNetIncome} may be null. */
	public record Income(BigDecimal wages, BigDecimal business, BigDecimal property, BigDecimal transfers,
			BigDecimal productionCosts, BigDecimal previousYearNetIncome) {

		public static final Income NONE = new Income(null, null, null, null, null, null);

		public Income {
			wages = orZero(wages);
			business = orZero(business);
			property = orZero(property);
			transfers = orZero(transfers);
			productionCosts = orZero(productionCosts);
		}

	}

	/** Rigid expenses over the same 12 months, in yuan. */
	public record Expenses(BigDecimal medicalOutOfPocket, BigDecimal education) {

		public static final Expenses NONE = new Expenses(null, null);

		public Expenses {
			medicalOutOfPocket = orZero(medicalOutOfPocket);
			education = orZero(education);
		}

	}

	/** The safety grade of the household's own housing. */
	public record Housing(SafetyGrade safetyGrade) {

		public Housing {
			safetyGrade = (safetyGrade != null) ? safetyGrade : SafetyGrade.A;
		}

	}

	/** The four tests of safe drinking water: quantity, quality, convenience and reliability. */
	public record DrinkingWater(boolean quantityOk, boolean qualityOk, boolean convenienceOk, boolean reliabilityOk) {

		public static final DrinkingWater SAFE = new DrinkingWater(true, true, true, true);

	}

	/** Something that happened to the household: a disaster, an accident, an illness, a failure or a job loss. */
	public record Event(EventType type, LocalDate date, BigDecimal loss) {

		public Event {
			Objects.requireNonNull(type, "'type' must not be null");
			Objects.requireNonNull(date, "'date' must not be null");
		}

	}

	/** Whether the household is already a monitoring object, since when, and which measures it has had. */
	public record Monitoring(MonitoringStatus status, LocalDate since, List<String> appliedMeasures) {

		public static final Monitoring NONE = new Monitoring(MonitoringStatus.NONE, null, List.of());

		public Monitoring {
			status = (status != null) ? status : MonitoringStatus.NONE;
			appliedMeasures = (appliedMeasures != null) ? List.copyOf(appliedMeasures) : List.of();
		}

	}

	private static BigDecimal orZero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

}
