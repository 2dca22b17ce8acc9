package org.fangpin.assessment.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import org.fangpin.household.Employment;
import org.fangpin.household.EventType;
import org.fangpin.household.Health;
import org.fangpin.household.LaborCapacity;
import org.fangpin.household.MonitoringStatus;
import org.fangpin.household.PovertyStatus;
import org.fangpin.household.Relation;
import org.fangpin.household.SafetyGrade;

/**
 * The household profile of the API contract, for the OpenAPI document only. Requests are read as raw bytes and
 * checked by {@link org.fangpin.household.ProfileReader}; these records only describe what it accepts, so a change
 * to the reader's rules belongs here too (the OpenAPI tests send the documented example and check the reader's
 * limits against these).
 */
@Schema(name = "HouseholdProfile", additionalProperties = AdditionalPropertiesValue.FALSE,
		description = "A household as a caseworker sends it. Every field not marked required has the default its "
				+ "description names. An unknown field, an unknown code, a wrong type (a number given as a string "
				+ "included), a duplicate key or a value out of range is a 400 problem naming the field.")
record HouseholdProfileDocument(
		@Schema(description = "The household's id in the caseworker's system: 1–64 characters of A–Z a–z 0–9 - _",
				example = "140902-017-0031", requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 64,
				pattern = "^[A-Za-z0-9_-]{1,64}$") String householdId,
		@Schema(description = "The date the profile describes (ISO-8601). Defaults to today in Asia/Shanghai; must "
				+ "not be in the future. Parameters in force on this date are used", example = "2024-06-30")
		LocalDate asOf,
		@Schema(description = "Where the household lives; every part is optional") Region region,
		@Schema(description = "LIFTED: a formerly registered poor household (脱贫户); NEVER_POOR: an ordinary rural "
				+ "household (一般农户)", example = "LIFTED", requiredMode = RequiredMode.REQUIRED)
		PovertyStatus povertyStatus,
		@ArraySchema(minItems = 1, maxItems = MEMBERS_MAX,
				arraySchema = @Schema(description = "Every member of the household, 1–30",
						requiredMode = RequiredMode.REQUIRED,
						examples = "[{\"relation\": \"HEAD\", \"age\": 58, \"laborCapacity\": \"FULL\"}]"))
		List<Member> members,
		@Schema(description = "Income over the 12 months before asOf, in yuan. Absent means every part is 0")
		Income income,
		@Schema(description = "Rigid expenses over the 12 months before asOf, in yuan. Absent means none")
		Expenses expenses,
		@Schema(description = "The household's housing. Absent means safety grade A") Housing housing,
		@Schema(description = "The four tests of safe drinking water. Absent means all four pass")
		DrinkingWater drinkingWater,
		@ArraySchema(maxItems = EVENTS_MAX,
				arraySchema = @Schema(description = "Shocks the household suffered, at most 50. Default none",
						examples = "[{\"type\": \"MAJOR_ILLNESS\", \"date\": \"2024-03-02\", \"loss\": 20000}]"))
		List<Event> events,
		@ArraySchema(maxItems = CODES_MAX,
				schema = @Schema(description = "A measure code of the rule set's catalogue", example = "DIBAO",
						extensions = @Extension(name = "x-fangpin",
								properties = @ExtensionProperty(name = "catalogue", value = "measures"))),
				arraySchema = @Schema(description = "Measure codes of programmes the household already receives "
						+ "(GET /api/v1/catalogue, section measures). Default none", examples = "[\"DIBAO\"]"))
		List<String> supports,
		@Schema(description = "Whether the household is already a monitoring object. Absent means status NONE")
		Monitoring monitoring) {

	static final int MEMBERS_MAX = 30;

	static final int EVENTS_MAX = 50;

	static final int CODES_MAX = 100;

	static final String MONEY_MAX = "10000000";

	static final String LOSS_MAX = "1000000000";

	static final String TEXT = "Up to 64 characters, no control characters";

	/** The example of README.md and docs/examples/household.json. */
	static final String EXAMPLE = """
			{
			  "householdId": "140902-017-0031",
			  "asOf": "2024-06-30",
			  "region": {"province": "山西省", "city": "忻州市", "county": "忻府区", "township": "豆罗镇", "village": "董村"},
			  "povertyStatus": "LIFTED",
			  "members": [
			    {"relation": "HEAD", "age": 58, "laborCapacity": "FULL", "health": "CHRONIC_ILLNESS",
			     "disabilityGrade": 0, "schooling": "NONE", "employment": "FARMING", "medicalInsurance": true}
			  ],
			  "income": {"wages": 0, "business": 9000, "property": 300, "transfers": 2400, "productionCosts": 3000,
			             "previousYearNetIncome": 15000},
			  "expenses": {"medicalOutOfPocket": 6000, "education": 0},
			  "housing": {"safetyGrade": "B"},
			  "drinkingWater": {"quantityOk": true, "qualityOk": true, "convenienceOk": true, "reliabilityOk": true},
			  "events": [{"type": "MAJOR_ILLNESS", "date": "2024-03-02", "loss": 20000}],
			  "supports": ["DIBAO"],
			  "monitoring": {"status": "MONITORED", "since": "2023-11-15", "appliedMeasures": ["MEDICAL_ASSISTANCE"]}
			}
			""";

	@Schema(name = "HouseholdRegion", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "Where the household lives. " + TEXT + " each")
	record Region(
			@Schema(description = "Province (省)", example = "山西省", maxLength = 64) String province,
			@Schema(description = "City (市)", example = "忻州市", maxLength = 64) String city,
			@Schema(description = "County (县/区)", example = "忻府区", maxLength = 64) String county,
			@Schema(description = "Township (乡/镇)", example = "豆罗镇", maxLength = 64) String township,
			@Schema(description = "Village (村)", example = "董村", maxLength = 64) String village) {

	}

	@Schema(name = "HouseholdMember", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "One member of the household")
	record Member(
			@Schema(description = "How the member relates to the head of the household. Optional", example = "HEAD")
			Relation relation,
			@Schema(description = "Age in whole years at asOf, 0–120", example = "58",
					requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = "120") int age,
			@Schema(description = "Labour capacity: FULL, PARTIAL (weak or partly lost) or NONE", example = "FULL",
					requiredMode = RequiredMode.REQUIRED) LaborCapacity laborCapacity,
			@Schema(description = "Health. Default HEALTHY", example = "CHRONIC_ILLNESS", defaultValue = "HEALTHY")
			Health health,
			@Schema(description = "Disability grade as on the disability certificate: 1–4, 1 the most severe; 0 is "
					+ "none. Default 0", example = "0", defaultValue = "0", minimum = "0", maximum = "4")
			Integer disabilityGrade,
			@Schema(description = "Schooling now or last attended. Default NONE", example = "NONE",
					defaultValue = "NONE") org.fangpin.household.Schooling schooling,
			@Schema(description = "Main occupation. Default NONE", example = "FARMING", defaultValue = "NONE")
			Employment employment,
			@Schema(description = "Whether the member has basic medical insurance. Default true", example = "true",
					defaultValue = "true") Boolean medicalInsurance,
			@Schema(description = "Personal data, optional: the member's name. Never logged or put in a trace. "
					+ TEXT, example = "张三", maxLength = 64) String name,
			@Schema(description = "Personal data, optional: the 18- (or 15-) character resident ID number. Never "
					+ "logged or put in a trace", example = "14090219660101123X",
					pattern = "^([0-9]{17}[0-9Xx]|[0-9]{15})$") String idNumber) {

	}

	@Schema(name = "HouseholdIncome", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "Income over the 12 months before asOf, in yuan: each part 0–10,000,000 with at most 2 "
					+ "decimals. Net income is wages + business + property + transfers − productionCosts")
	record Income(
			@Schema(description = "Wage income. Default 0", example = "0", defaultValue = "0", minimum = "0",
					maximum = MONEY_MAX, multipleOf = 0.01) BigDecimal wages,
			@Schema(description = "Household business income (farming, animal husbandry, small business). Default 0",
					example = "9000", defaultValue = "0", minimum = "0", maximum = MONEY_MAX, multipleOf = 0.01)
			BigDecimal business,
			@Schema(description = "Property income (rent, dividends, land transfer). Default 0", example = "300",
					defaultValue = "0", minimum = "0", maximum = MONEY_MAX, multipleOf = 0.01) BigDecimal property,
			@Schema(description = "Transfer income (pensions, subsidies, remittances). Default 0", example = "2400",
					defaultValue = "0", minimum = "0", maximum = MONEY_MAX, multipleOf = 0.01) BigDecimal transfers,
			@Schema(description = "Production and business costs, deducted from income. Default 0",
					example = "3000", defaultValue = "0", minimum = "0", maximum = MONEY_MAX, multipleOf = 0.01)
			BigDecimal productionCosts,
			@Schema(description = "Net income of the year before, for the sharp-drop signal. Optional: no default",
					example = "15000", minimum = "0", maximum = MONEY_MAX, multipleOf = 0.01)
			BigDecimal previousYearNetIncome) {

	}

	@Schema(name = "HouseholdExpenses", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "Rigid expenses over the 12 months before asOf, in yuan: each 0–10,000,000 with at most 2 "
					+ "decimals")
	record Expenses(
			@Schema(description = "Out-of-pocket medical costs after insurance. Default 0", example = "6000",
					defaultValue = "0", minimum = "0", maximum = MONEY_MAX, multipleOf = 0.01)
			BigDecimal medicalOutOfPocket,
			@Schema(description = "Education costs. Default 0", example = "0", defaultValue = "0", minimum = "0",
					maximum = MONEY_MAX, multipleOf = 0.01) BigDecimal education) {

	}

	@Schema(name = "HouseholdHousing", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "The household's housing")
	record Housing(@Schema(description = "Safety grade of the household's own housing: A or B is safe, C or D is "
			+ "dangerous, NONE means no housing of its own. Default A", example = "B", defaultValue = "A")
	SafetyGrade safetyGrade) {

	}

	@Schema(name = "HouseholdDrinkingWater", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "The four tests of safe drinking water; each defaults to true")
	record DrinkingWater(
			@Schema(description = "Enough water. Default true", example = "true", defaultValue = "true")
			Boolean quantityOk,
			@Schema(description = "Water of safe quality. Default true", example = "true", defaultValue = "true")
			Boolean qualityOk,
			@Schema(description = "Water within convenient reach. Default true", example = "true",
					defaultValue = "true") Boolean convenienceOk,
			@Schema(description = "Water available all year. Default true", example = "true", defaultValue = "true")
			Boolean reliabilityOk) {

	}

	@Schema(name = "HouseholdEvent", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "A shock the household suffered")
	record Event(
			@Schema(description = "What happened", example = "MAJOR_ILLNESS", requiredMode = RequiredMode.REQUIRED)
			EventType type,
			@Schema(description = "When it happened (ISO-8601); not after asOf", example = "2024-03-02",
					requiredMode = RequiredMode.REQUIRED) LocalDate date,
			@Schema(description = "The loss in yuan, 0–1,000,000,000 with at most 2 decimals. Optional",
					example = "20000", minimum = "0", maximum = LOSS_MAX, multipleOf = 0.01) BigDecimal loss) {

	}

	@Schema(name = "HouseholdMonitoring", additionalProperties = AdditionalPropertiesValue.FALSE,
			description = "The household's state in the monitoring mechanism")
	record Monitoring(
			@Schema(description = "NONE: not a monitoring object; MONITORED: a monitoring object now (since is "
					+ "then required); ELIMINATED: its risk was marked eliminated. Default NONE", example = "MONITORED",
					defaultValue = "NONE") MonitoringStatus status,
			@Schema(description = "When the household became a monitoring object (ISO-8601); required when "
					+ "MONITORED, not after asOf", example = "2023-11-15") LocalDate since,
			@ArraySchema(maxItems = CODES_MAX,
					schema = @Schema(description = "A measure code of the rule set's catalogue",
							example = "MEDICAL_ASSISTANCE", extensions = @Extension(name = "x-fangpin",
									properties = @ExtensionProperty(name = "catalogue", value = "measures"))),
					arraySchema = @Schema(description = "Measure codes already applied to the household "
							+ "(GET /api/v1/catalogue, section measures). Default none",
							examples = "[\"MEDICAL_ASSISTANCE\"]")) List<String> appliedMeasures) {

	}

}
