package org.fangpin.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.rules.RuleSetProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pooled session is reused from one household to the next with the previous household's facts deleted. Whatever
 * it evaluated before, it must answer exactly as a new session does, trace included.
 */
class PooledSessionTests {

	private static final Path SAMPLE = Path.of("test-cases/population/households-10000.ndjson");

	@Test
	void aReusedSessionAnswersEveryHouseholdOfTheSampleAsANewSessionDoes() throws IOException {
		try (RuleSet ruleSet = new RuleSetLoader(EngineOptions.DEFAULTS).load(Path.of("rules"))) {
			Map<String, String> drl = ruleSet.files()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().endsWith(".drl"))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			List<RuleSetProblem> problems = new ArrayList<>();
			try (CompiledRules reused = DroolsCompiler.compile(drl, problems);
					CompiledRules fresh = DroolsCompiler.compile(drl, problems)) {
				assertThat(problems).isEmpty();
				Evaluator onReused = new Evaluator(reused, ruleSet.catalogue(), ruleSet.version(),
						EngineOptions.DEFAULTS);
				Evaluator onFresh = new Evaluator(fresh, ruleSet.catalogue(), ruleSet.version(),
						EngineOptions.DEFAULTS);
				JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
				ProfileReader reader = new ProfileReader(ruleSet.measureCodes());
				int compared = 0;
				for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
					HouseholdProfile profile = reader.read(json.readTree(line), LocalDate.of(2025, 1, 1));
					var parameters = ruleSet.parametersAt(profile.asOf(), profile.region());
					Evaluation expected = onFresh.evaluate(profile, parameters);
					fresh.drain();
					Evaluation actual = onReused.evaluate(profile, parameters);
					assertThat(actual).as("household %s", profile.householdId()).isEqualTo(expected);
					compared++;
				}
				assertThat(compared).isEqualTo(10_000);
			}
		}
	}

}
