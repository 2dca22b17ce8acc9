package org.fangpin.rules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.drools.core.common.IdentityObjectStore;
import org.drools.core.WorkingMemoryEntryPoint;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.RuleInfo;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.rules.RuleSetProblem;
import org.fangpin.rules.facts.HouseholdSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.runtime.KieSession;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiled rules kept on disk are read back instead of compiled again. What is read back must answer every household
 * exactly as a fresh compile does, and the cache must never decide an outcome: a changed DRL or build compiles
 * afresh, and a damaged file is replaced, not used.
 */
class CompiledRulesCacheTests {

	private static final Path SAMPLE = Path.of("test-cases/population/households-10000.ndjson");

	private static final String TINY = """
			package tiny;
			import org.fangpin.rules.facts.*;
			rule "size"
			when
			    Household()
			then
			    insert(new HouseholdSize(%d));
			end
			""";

	@TempDir
	Path dir;

	@Test
	void theShippedRulesReadBackAnswerEveryHouseholdOfTheSampleAsFreshlyCompiledOnesDo() throws IOException {
		RuleSetLoader keeping = new RuleSetLoader(EngineOptions.DEFAULTS).keepingCompiledRules(this.dir, "build 1");
		try (RuleSet fresh = new RuleSetLoader(EngineOptions.DEFAULTS).load(Path.of("rules"));
				RuleSet first = keeping.load(Path.of("rules"));
				RuleSet reused = keeping.load(Path.of("rules"))) {
			assertThat(first.reusedCompiledRules()).isFalse();
			assertThat(reused.reusedCompiledRules()).isTrue();
			assertThat(kept()).hasSize(1);
			assertThat(reused.rules()).isEqualTo(fresh.rules());
			JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
			ProfileReader reader = new ProfileReader(fresh.measureCodes());
			int compared = 0;
			for (String line : Files.readAllLines(SAMPLE, StandardCharsets.UTF_8)) {
				HouseholdProfile profile = reader.read(json.readTree(line), LocalDate.of(2025, 1, 1));
				Evaluation expected = fresh.evaluate(profile);
				assertThat(reused.evaluate(profile)).as("household %s", profile.householdId()).isEqualTo(expected);
				compared++;
			}
			assertThat(compared).isEqualTo(10_000);
		}
	}

	@Test
	void aRuleSetThatChangesOnlyItsParametersReusesTheCompiledRulesAndUsesTheNewValues() throws IOException {
		RuleSetLoader keeping = new RuleSetLoader(EngineOptions.DEFAULTS).keepingCompiledRules(this.dir, "build 1");
		Map<String, String> files = new HashMap<>(RuleSetLoader.readFiles(Path.of("rules")));
		String parameters = files.get(RuleSetLoader.PARAMETERS_FILE);
		String raised = parameters.replace("{from: 2024-01-01, value: 7400,", "{from: 2024-01-01, value: 9400,");
		assertThat(raised).isNotEqualTo(parameters);
		files.put(RuleSetLoader.PARAMETERS_FILE, raised);
		String line = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(0);
		try (RuleSet shipped = keeping.load(Path.of("rules")); RuleSet changed = keeping.load("changed", files)) {
			assertThat(changed.reusedCompiledRules()).isTrue();
			assertThat(changed.version()).isNotEqualTo(shipped.version());
			JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
			HouseholdProfile profile = new ProfileReader(changed.measureCodes()).read(json.readTree(line),
					LocalDate.of(2025, 1, 1));
			assertThat(profile.asOf()).isEqualTo(LocalDate.of(2024, 12, 31));
			assertThat(shipped.evaluate(profile).income().threshold()).isEqualByComparingTo("7400");
			assertThat(changed.evaluate(profile).income().threshold()).isEqualByComparingTo("9400");
		}
	}

	@Test
	void aChangedRuleOrAnotherBuildIsCompiledAfresh() {
		CompiledRulesCache cache = new CompiledRulesCache(this.dir, "build 1", 16);
		assertThat(compile(tiny(1), cache).reused()).isFalse();
		assertThat(compile(tiny(1), cache).reused()).isTrue();
		assertThat(compile(tiny(2), cache).reused()).isFalse();
		assertThat(compile(tiny(1), new CompiledRulesCache(this.dir, "build 2", 16)).reused()).isFalse();
		assertThat(kept()).hasSize(3);
	}

	@Test
	void aDamagedFileIsNotUsedButReplaced() throws IOException {
		CompiledRulesCache cache = new CompiledRulesCache(this.dir, "build 1", 16);
		compile(tiny(1), cache);
		Path file = kept().get(0);
		byte[] content = Files.readAllBytes(file);
		content[content.length - 10] ^= 0x5A;
		Files.write(file, content);
		assertThat(compile(tiny(1), cache).reused()).isFalse();
		Files.write(file, new byte[] { 1, 2, 3 });
		assertThat(compile(tiny(1), cache).reused()).isFalse();
		CompiledRules again = compile(tiny(1), cache);
		assertThat(again.reused()).isTrue();
		assertThat(again.rules()).extracting(RuleInfo::name).containsExactly("size");
	}

	@Test
	void aRuleSetThatDoesNotCompileLeavesNothingBehind() {
		CompiledRulesCache cache = new CompiledRulesCache(this.dir, "build 1", 16);
		List<RuleSetProblem> problems = new ArrayList<>();
		assertThat(DroolsCompiler.compile(Map.of("tiny/tiny.drl", "rule \"broken\" when then"), problems, cache))
			.isNull();
		assertThat(problems).isNotEmpty();
		assertThat(kept()).isEmpty();
	}

	@Test
	void theLeastRecentlyUsedAreRemovedBeyondTheLimit() throws IOException {
		CompiledRulesCache cache = new CompiledRulesCache(this.dir, "build 1", 2);
		compile(tiny(1), cache);
		compile(tiny(2), cache);
		for (Path file : kept()) {
			Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
		}
		assertThat(compile(tiny(1), cache).reused()).isTrue();
		compile(tiny(3), cache);
		assertThat(kept()).hasSize(2);
		assertThat(compile(tiny(1), cache).reused()).isTrue();
		assertThat(compile(tiny(3), cache).reused()).isTrue();
		assertThat(compile(tiny(2), cache).reused()).isFalse();
	}

	@Test
	void compiledAndReadBackRulesAreImmutableSoASessionKeepsItsFactsInOneIdentityMap() {
		CompiledRulesCache cache = new CompiledRulesCache(this.dir, "build 1", 16);
		for (boolean reused : new boolean[] { false, true }) {
			CompiledRules compiled = DroolsCompiler.compile(tiny(1), new ArrayList<>(), cache);
			try {
				assertThat(compiled.reused()).isEqualTo(reused);
				InternalKnowledgeBase base = (InternalKnowledgeBase) compiled.base();
				assertThat(base.getKieBaseConfiguration().getOption(KieBaseMutabilityOption.KEY))
					.isEqualTo(KieBaseMutabilityOption.DISABLED);
				KieSession session = base.newKieSession();
				try {
					session.insert(new HouseholdSize(3));
					assertThat(((WorkingMemoryEntryPoint) session.getEntryPoint("DEFAULT")).getObjectStore())
						.isInstanceOf(IdentityObjectStore.class);
				}
				finally {
					session.dispose();
				}
			}
			finally {
				compiled.close();
			}
		}
	}

	@Test
	void whatAWriteStoppedByACrashLeftIsRemovedOnceItIsAnHourOld() throws IOException {
		Path old = Files.write(this.dir.resolve("0123.kbase7654.partial"), new byte[] { 1 });
		Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 2 * 3_600_000));
		Path recent = Files.write(this.dir.resolve("4567.kbase3210.partial"), new byte[] { 1 });
		compile(tiny(1), new CompiledRulesCache(this.dir, "build 1", 16));
		assertThat(old).doesNotExist();
		assertThat(recent).exists();
		assertThat(kept()).hasSize(2);
	}

	private static Map<String, String> tiny(int size) {
		return Map.of("tiny/tiny.drl", TINY.formatted(size));
	}

	private static CompiledRules compile(Map<String, String> drl, CompiledRulesCache cache) {
		List<RuleSetProblem> problems = new ArrayList<>();
		CompiledRules compiled = DroolsCompiler.compile(drl, problems, cache);
		assertThat(problems).isEmpty();
		compiled.close();
		return compiled;
	}

	private List<Path> kept() {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
