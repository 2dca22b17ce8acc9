package org.fangpin.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.LaborCapacity;
import org.fangpin.household.PovertyStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleSetLoaderTests {

	private static final String MEASURES = "50-measures/measures.drl";

	private final RuleSetLoader loader = new RuleSetLoader(new EngineOptions(500));

	@Test
	void theShippedRuleSetLoadsWithMetadataOnEveryRule() {
		try (RuleSet ruleSet = this.loader.load(Path.of("rules"))) {
			assertThat(ruleSet.version()).matches("sha256:[0-9a-f]{64}");
			assertThat(ruleSet.rules()).hasSizeGreaterThan(50).allSatisfy((rule) -> {
				assertThat(rule.id()).isNotBlank();
				assertThat(rule.clause()).isNotBlank();
				assertThat(rule.description().zh()).isNotBlank();
				assertThat(rule.description().en()).isNotBlank();
				assertThat(rule.reference()).isNotBlank();
				assertThat(rule.file()).endsWith(".drl");
			});
			assertThat(ruleSet.rules().stream().map(RuleInfo::id).distinct().count())
				.isEqualTo(ruleSet.rules().size());
			assertThat(ruleSet.requiredParameters()).contains("monitoring.incomeThreshold",
					"measures.transportSubsidy.perWorker");
		}
	}

	@Test
	void theVersionIsAHashOfTheContentSoTheSameFilesGiveTheSameVersion() {
		Map<String, String> files = shippedFiles();
		String version = RuleSetLoader.version(files);
		assertThat(RuleSetLoader.version(new TreeMap<>(files))).isEqualTo(version);
		files.put(MEASURES, files.get(MEASURES) + "\n// a comment\n");
		assertThat(RuleSetLoader.version(files)).isNotEqualTo(version);
	}

	@Test
	void aRuleFileThatDoesNotCompileIsReportedWithItsFileAndLine() {
		Map<String, String> files = shippedFiles();
		String broken = files.get(MEASURES).replace("Recommendation.of(\"SCHOOL_RETURN\")", "Recommendation.of(");
		files.put(MEASURES, broken);
		RuleSetException ex = assertThatExceptionOfType(RuleSetException.class)
			.isThrownBy(() -> this.loader.load("candidate", files))
			.actual();
		int ruleLine = lineOf(broken, "rule \"M-01 school return\"");
		assertThat(ex.problems()).isNotEmpty().anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo(MEASURES);
			assertThat(problem.line()).isBetween(ruleLine, lineOf(broken, "Recommendation.of("));
			assertThat(problem.message()).contains("Recommendation");
		});
		assertThat(ex.getMessage()).contains(MEASURES + ":" + ruleLine);
	}

	@Test
	void aSyntaxErrorInAConditionIsReportedOnItsOwnLine() {
		Map<String, String> files = shippedFiles();
		String broken = files.get(MEASURES).replace("$signal : Signal( code == \"MEDICAL_GAP\" )",
				"$signal : Signal( code === \"MEDICAL_GAP\" )");
		files.put(MEASURES, broken);
		RuleSetException ex = assertThatExceptionOfType(RuleSetException.class)
			.isThrownBy(() -> this.loader.load("candidate", files))
			.actual();
		assertThat(ex.problems()).anySatisfy((problem) -> {
			assertThat(problem.file()).isEqualTo(MEASURES);
			assertThat(problem.line()).isEqualTo(lineOf(broken, "code === "));
		});
	}

	@Test
	void aParameterReadByARuleButNotDefinedIsAProblemOnItsLine() {
		Map<String, String> files = shippedFiles();
		String changed = files.get(MEASURES).replace("\"measures.yulu.perStudent\"", "\"measures.yulu.perPupil\"");
		files.put(MEASURES, changed);
		RuleSetException ex = assertThatExceptionOfType(RuleSetException.class)
			.isThrownBy(() -> this.loader.load("candidate", files))
			.actual();
		assertThat(ex.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.file()).isEqualTo(MEASURES);
			assertThat(problem.line()).isEqualTo(lineOf(changed, "measures.yulu.perPupil"));
			assertThat(problem.message()).contains("measures.yulu.perPupil");
		});
	}

	@Test
	void aBrokenParameterFileIsReportedByName() {
		Map<String, String> files = shippedFiles();
		files.put("parameters.yaml", "monitoring.incomeThreshold:\n  values:\n    - {from: someday, value: 6000}\n");
		assertThatExceptionOfType(RuleSetException.class).isThrownBy(() -> this.loader.load("candidate", files))
			.satisfies((ex) -> assertThat(ex.problems()).anySatisfy((problem) -> {
				assertThat(problem.file()).isEqualTo("parameters.yaml");
				assertThat(problem.message()).contains("monitoring.incomeThreshold");
			}));
	}

	@Test
	void aRuleThatLoopsIsStoppedAndNamed() {
		Map<String, String> files = shippedFiles();
		files.put("99-test/loop.drl", """
				package fangpin.test;
				import org.fangpin.rules.facts.*;
				rule "looping rule"
				    @id("LOOP") @clause("X") @zh("循环") @en("Loop") @reference("test")
				when
				    Household()
				then
				    insert(new Alert("NEAR_THRESHOLD" + System.nanoTime()));
				end
				rule "looping rule follow-up"
				    @id("LOOP-2") @clause("X") @zh("循环") @en("Loop") @reference("test")
				when
				    Alert()
				then
				    insert(new Alert("X" + System.nanoTime()));
				end
				""");
		try (RuleSet ruleSet = this.loader.load("candidate", files)) {
			assertThatExceptionOfType(RuleEvaluationException.class)
				.isThrownBy(() -> ruleSet.evaluate(household()))
				.satisfies((ex) -> {
					assertThat(ex.ruleId()).as(ex.getMessage()).isEqualTo("LOOP-2");
					assertThat(ex.getMessage()).contains("500");
				});
		}
	}

	@Test
	void aRuleThatThrowsIsNamedAndTheRuleSetKeepsWorking() {
		Map<String, String> files = shippedFiles();
		files.put("99-test/throws.drl", """
				package fangpin.test;
				import org.fangpin.rules.facts.*;
				rule "throwing rule"
				    @id("THROWS") @clause("X") @zh("异常") @en("Throws") @reference("test")
				when
				    Household( id == "BOOM" )
				then
				    throw new IllegalStateException("no way");
				end
				""");
		try (RuleSet ruleSet = this.loader.load("candidate", files)) {
			assertThatExceptionOfType(RuleEvaluationException.class)
				.isThrownBy(() -> ruleSet.evaluate(household("BOOM")))
				.satisfies((ex) -> {
					assertThat(ex.ruleId()).as(ex.getMessage()).isEqualTo("THROWS");
					assertThat(ex.file()).isEqualTo("99-test/throws.drl");
				});
			assertThat(ruleSet.evaluate(household("FINE")).riskGroup()).isEqualTo("NOT_AT_RISK");
		}
	}

	@Test
	void aParameterWithoutAValueOnTheAssessmentDateIsNamedNeverGuessed() {
		try (RuleSet ruleSet = this.loader.load(Path.of("rules"))) {
			HouseholdProfile early = household("EARLY").withAsOf(LocalDate.of(2020, 12, 31));
			assertThatExceptionOfType(ParameterNotInForceException.class).isThrownBy(() -> ruleSet.evaluate(early))
				.satisfies((ex) -> {
					assertThat(ex.parameters()).contains("monitoring.incomeThreshold")
						.doesNotContain("measures.yulu.perStudent");
					assertThat(ex.date()).isEqualTo(LocalDate.of(2020, 12, 31));
				});
		}
	}

	private static HouseholdProfile household() {
		return household("H-1");
	}

	private static HouseholdProfile household(String id) {
		return new HouseholdProfile(id, LocalDate.of(2024, 6, 30), null, PovertyStatus.NEVER_POOR,
				List.of(new HouseholdProfile.Member(null, 40, LaborCapacity.FULL, null, 0, null, null, true, null,
						null)),
				new HouseholdProfile.Income(new java.math.BigDecimal("50000"), null, null, null, null, null), null,
				null, null, null, Set.of(), null);
	}

	private static int lineOf(String text, String fragment) {
		String[] lines = text.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(fragment)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(fragment);
	}

	static Map<String, String> shippedFiles() {
		Path root = Path.of("rules");
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				String relative = root.relativize(path).toString();
				if (RuleSetLoader.isRuleSetFile(relative)) {
					files.put(relative, Files.readString(path));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

}
