package org.fangpin.rules;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.fangpin.household.ProfileReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SmokeTests {

	@Test
	void smoke() throws Exception {
		RuleSet rs = new RuleSetLoader(EngineOptions.DEFAULTS).load(Path.of("rules"));
		var json = new JsonMapper().readTree("""
				{
				  "householdId": "140902-017-0031", "asOf": "2024-06-30", "povertyStatus": "LIFTED",
				  "members": [{"relation": "HEAD", "age": 58, "laborCapacity": "FULL", "health": "CHRONIC_ILLNESS",
				     "disabilityGrade": 0, "schooling": "NONE", "employment": "FARMING", "medicalInsurance": true}],
				  "income": {"wages": 0, "business": 9000, "property": 300, "transfers": 2400, "productionCosts": 3000,
				             "previousYearNetIncome": 15000},
				  "expenses": {"medicalOutOfPocket": 6000, "education": 0},
				  "events": [{"type": "MAJOR_ILLNESS", "date": "2024-03-02", "loss": 20000}],
				  "supports": ["DIBAO"],
				  "monitoring": {"status": "MONITORED", "since": "2023-11-15", "appliedMeasures": ["MEDICAL_ASSISTANCE"]}
				}""");
		var p = new ProfileReader(Set.of("DIBAO", "MEDICAL_ASSISTANCE")).read(json, LocalDate.of(2026, 11, 30));
		var e = rs.evaluate(p);
		System.out.println(new JsonMapper().writerWithDefaultPrettyPrinter().writeValueAsString(e));
		long t = System.nanoTime();
		for (int i = 0; i < 20000; i++) rs.evaluate(p);
		System.out.println("per eval us: " + (System.nanoTime() - t) / 20000 / 1000.0);
	}

}
