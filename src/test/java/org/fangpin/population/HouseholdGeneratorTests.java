package org.fangpin.population;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.screening.CsvProfiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdGeneratorTests {

	private static RuleSet ruleSet;

	@BeforeAll
	static void loadRules() {
		ruleSet = new RuleSetLoader(EngineOptions.DEFAULTS).load(Path.of("rules"));
	}

	@AfterAll
	static void closeRules() {
		ruleSet.close();
	}

	@Test
	void theSameSeedGivesTheSameHouseholds() {
		HouseholdGenerator first = new HouseholdGenerator(42);
		HouseholdGenerator second = new HouseholdGenerator(42);
		for (int i = 0; i < 500; i++) {
			assertThat(first.household(i)).isEqualTo(second.household(i));
		}
		assertThat(new HouseholdGenerator(43).household(0)).isNotEqualTo(first.household(0));
	}

	@Test
	void everyGeneratedProfilePassesTheReaderAndTheRules() {
		HouseholdGenerator generator = new HouseholdGenerator(7);
		ProfileReader reader = new ProfileReader(ruleSet.measureCodes());
		Set<String> ids = new HashSet<>();
		Set<String> villages = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			JsonNode json = generator.household(i);
			HouseholdProfile profile = reader.read(json, LocalDate.of(2025, 1, 1));
			assertThat(ids.add(profile.householdId())).as("unique id").isTrue();
			assertThat(profile.region().city()).isEqualTo("忻州市");
			villages.add(profile.region().county() + profile.region().township() + profile.region().village());
			assertThat(ruleSet.evaluate(profile).riskGroup()).isNotNull();
		}
		assertThat(villages.size()).as("households spread over many villages").isGreaterThan(300);
	}

	@Test
	void aGeneratedHouseholdSurvivesTheCsvRoundTrip() {
		HouseholdGenerator generator = new HouseholdGenerator(11);
		CsvProfiles csv = new CsvProfiles(CsvProfiles.headerLine());
		ProfileReader reader = new ProfileReader(ruleSet.measureCodes());
		for (int i = 0; i < 300; i++) {
			JsonNode json = generator.household(i);
			JsonNode fromCsv = csv.read(CsvProfiles.write(json).getBytes(java.nio.charset.StandardCharsets.UTF_8));
			LocalDate today = LocalDate.of(2025, 1, 1);
			assertThat(ruleSet.evaluate(reader.read(fromCsv, today)))
				.isEqualTo(ruleSet.evaluate(reader.read(json, today)));
		}
	}

}
