package org.fangpin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangpin.household.ProfileReader;
import org.fangpin.population.HouseholdGenerator;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import tools.jackson.databind.JsonNode;

/** A candidate rule set for impact tests: the 2024 monitoring threshold raised from 7,400 to 9,400 yuan. */
public final class ThresholdCandidate {

	/** The candidate's parameters.yaml. */
	public static final String RAISED = raised();

	private ThresholdCandidate() {
	}

	/** The transitions worked out directly with both rule sets, household by household. */
	public static Map<String, Map<String, Long>> expectedTransitions(HouseholdGenerator generator, int count) {
		RuleSetLoader loader = new RuleSetLoader(EngineOptions.DEFAULTS);
		Map<String, String> files = new LinkedHashMap<>(RuleSetLoader.readFiles(Path.of("rules")));
		files.put("parameters.yaml", RAISED);
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		try (RuleSet active = loader.load(Path.of("rules")); RuleSet candidate = loader.load("candidate", files)) {
			ProfileReader reader = new ProfileReader(active.measureCodes());
			for (String from : groups()) {
				Map<String, Long> row = new LinkedHashMap<>();
				groups().forEach((to) -> row.put(to, 0L));
				matrix.put(from, row);
			}
			for (int i = 0; i < count; i++) {
				var profile = reader.read(generator.household(i), LocalDate.now());
				matrix.get(active.evaluate(profile).riskGroup())
					.merge(candidate.evaluate(profile).riskGroup(), 1L, Long::sum);
			}
		}
		return matrix;
	}

	public static List<String> groups() {
		return List.of("UNSTABLE_LIFTED", "MARGINAL", "SUDDEN_HARDSHIP", "NOT_AT_RISK");
	}

	public static Map<String, Map<String, Long>> matrix(JsonNode transitions) {
		Map<String, Map<String, Long>> matrix = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> row : transitions.properties()) {
			Map<String, Long> counts = new LinkedHashMap<>();
			row.getValue().properties().forEach((cell) -> counts.put(cell.getKey(), cell.getValue().longValue()));
			matrix.put(row.getKey(), counts);
		}
		return matrix;
	}

	private static String raised() {
		try {
			String text = Files.readString(Path.of("rules/parameters.yaml"));
			String line = "{from: 2024-01-01, value: 7400, source: \"placeholder\"}";
			if (!text.contains(line)) {
				throw new IllegalStateException("rules/parameters.yaml no longer has " + line);
			}
			return text.replace(line, "{from: 2024-01-01, value: 9400, source: \"impact test\"}");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
