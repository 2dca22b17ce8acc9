package org.fangpin.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.ProfileReader;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.ParameterValue;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.rules.facts.Household;
import org.fangpin.rules.facts.HouseholdEvent;
import org.fangpin.rules.facts.Member;
import org.fangpin.rules.facts.Parameter;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.api.runtime.rule.Match;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Households evaluated a second, in process, on the shipped rules with the trace collected: Fangpin's engine
 * against a naive use of Drools on the same DRL (a new stateless session per household), in the same run. Each
 * operation is one household of the 10,000-household sample, in turn.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class EvaluationBenchmark {

	static final Path POPULATION = Path.of("test-cases/population/households-10000.ndjson");

	RuleSet ruleSet;

	KieBase naiveBase;

	List<HouseholdProfile> profiles;

	List<List<Object>> facts;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.ruleSet = new RuleSetLoader(EngineOptions.DEFAULTS).load(Path.of("rules"));
		JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
		ProfileReader reader = new ProfileReader(this.ruleSet.measureCodes());
		this.profiles = new ArrayList<>();
		this.facts = new ArrayList<>();
		for (String line : Files.readAllLines(POPULATION, StandardCharsets.UTF_8)) {
			JsonNode node = json.readTree(line);
			HouseholdProfile profile = reader.read(node, LocalDate.of(2025, 1, 1));
			this.profiles.add(profile);
			this.facts.add(facts(profile, this.ruleSet.parametersAt(profile.asOf(), profile.region())));
		}
		this.naiveBase = compile(this.ruleSet.files());
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.ruleSet.close();
	}

	/** Which household a thread evaluates next. */
	@State(Scope.Thread)
	public static class Cursor {

		int next;

		int next(int size) {
			int index = this.next;
			this.next = (index + 1 == size) ? 0 : index + 1;
			return index;
		}

	}

	@Benchmark
	public Evaluation fangpin(Cursor cursor) {
		return this.ruleSet.evaluate(this.profiles.get(cursor.next(this.profiles.size())));
	}

	/** A new stateless session per household, executing the same facts; no trace. */
	@Benchmark
	public int naiveStateless(Cursor cursor) {
		StatelessKieSession session = this.naiveBase.newStatelessKieSession();
		List<Object> facts = this.facts.get(cursor.next(this.facts.size()));
		session.execute(facts);
		return facts.size();
	}

	/** The same, with a listener that records each firing and its bindings, as Fangpin's trace does. */
	@Benchmark
	public List<Map<String, Object>> naiveStatelessWithTrace(Cursor cursor) {
		StatelessKieSession session = this.naiveBase.newStatelessKieSession();
		List<Map<String, Object>> trace = new ArrayList<>();
		session.addEventListener(new DefaultAgendaEventListener() {

			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				Match match = event.getMatch();
				Map<String, Object> firing = new LinkedHashMap<>();
				firing.put("rule", match.getRule().getName());
				for (String id : match.getDeclarationIds()) {
					firing.put(id, match.getDeclarationValue(id));
				}
				trace.add(firing);
			}

		});
		session.execute(this.facts.get(cursor.next(this.facts.size())));
		return trace;
	}

	static List<Object> facts(HouseholdProfile profile, List<ParameterValue> parameters) {
		List<Object> facts = new ArrayList<>();
		HouseholdProfile.Income income = profile.income();
		HouseholdProfile.DrinkingWater water = profile.drinkingWater();
		HouseholdProfile.Monitoring monitoring = profile.monitoring();
		facts.add(new Household(profile.householdId(), profile.asOf(), profile.povertyStatus(), income.wages(),
				income.business(), income.property(), income.transfers(), income.productionCosts(),
				income.previousYearNetIncome(), profile.expenses().medicalOutOfPocket(), profile.expenses().education(),
				profile.housing().safetyGrade(), water.quantityOk(), water.qualityOk(), water.convenienceOk(),
				water.reliabilityOk(), profile.supports(), monitoring.status(), monitoring.since(),
				monitoring.appliedMeasures()));
		for (int i = 0; i < profile.members().size(); i++) {
			HouseholdProfile.Member member = profile.members().get(i);
			facts.add(new Member(i, member.relation(), member.age(), member.laborCapacity(), member.health(),
					member.disabilityGrade(), member.schooling(), member.employment(), member.medicalInsurance()));
		}
		for (int i = 0; i < profile.events().size(); i++) {
			HouseholdProfile.Event event = profile.events().get(i);
			facts.add(new HouseholdEvent(i, event.type(), event.date(), event.loss()));
		}
		for (ParameterValue value : parameters) {
			facts.add(new Parameter(value.name(), value.value(), value.effectiveFrom(), value.source(),
					value.scope().toString()));
		}
		return facts;
	}

	/** The DRL compiled the plain way, into a KieBase of its own. */
	static KieBase compile(Map<String, String> files) {
		KieServices services = KieServices.Factory.get();
		KieFileSystem fileSystem = services.newKieFileSystem();
		files.forEach((path, content) -> {
			if (path.endsWith(".drl")) {
				fileSystem.write("src/main/resources/" + path, content);
			}
		});
		var builder = services.newKieBuilder(fileSystem).buildAll();
		if (builder.getResults().hasMessages(Message.Level.ERROR)) {
			throw new IllegalStateException(builder.getResults().toString());
		}
		return services.newKieContainer(services.getRepository().getDefaultReleaseId()).getKieBase();
	}

}
