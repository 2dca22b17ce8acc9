package org.fangpin.rules.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.rules.Catalogue;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.Evaluation.EliminationResult;
import org.fangpin.rules.Evaluation.Firing;
import org.fangpin.rules.Evaluation.IncomeFigures;
import org.fangpin.rules.Evaluation.MeasureResult;
import org.fangpin.rules.Evaluation.Reason;
import org.fangpin.rules.Evaluation.Trace;
import org.fangpin.rules.Evaluation.UsedParameter;
import org.fangpin.rules.LocalizedText;
import org.fangpin.rules.ParameterValue;
import org.fangpin.rules.RuleEvaluationException;
import org.fangpin.rules.RuleInfo;
import org.fangpin.rules.facts.Alert;
import org.fangpin.rules.facts.AssistanceTier;
import org.fangpin.rules.facts.EliminationCheck;
import org.fangpin.rules.facts.Household;
import org.fangpin.rules.facts.HouseholdEvent;
import org.fangpin.rules.facts.HouseholdSize;
import org.fangpin.rules.facts.Member;
import org.fangpin.rules.facts.NetIncome;
import org.fangpin.rules.facts.Parameter;
import org.fangpin.rules.facts.PerCapita;
import org.fangpin.rules.facts.Recommendation;
import org.fangpin.rules.facts.RigidExpenses;
import org.fangpin.rules.facts.RiskGroup;
import org.fangpin.rules.facts.RiskType;
import org.fangpin.rules.facts.Signal;
import org.fangpin.rules.facts.Threshold;
import org.fangpin.rules.facts.Unmet;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.Match;

/**
 * Runs one profile through compiled rules: inserts the input facts, fires the rules under a firing cap, records every
 * firing with its matched values, and assembles the evaluation from the facts the rules derived.
 */
public final class Evaluator {

	private static final Pattern RULE_IN_MESSAGE = Pattern.compile("Rule \"(.+?)\" in ");

	private final CompiledRules compiled;

	private final Catalogue catalogue;

	private final String version;

	private final EngineOptions options;

	private final Explainer explainer;

	private final CatalogueIndex index;

	/** Each rule's declaration ids and binding names, learnt from its first firing. */
	private final Map<Rule, String[]> declarations = new ConcurrentHashMap<>();

	public Evaluator(CompiledRules compiled, Catalogue catalogue, String version, EngineOptions options) {
		this.compiled = compiled;
		this.catalogue = catalogue;
		this.version = version;
		this.options = options;
		this.index = new CatalogueIndex(catalogue);
		this.explainer = new Explainer(catalogue, this.index);
	}

	public Evaluation evaluate(HouseholdProfile profile, List<ParameterValue> parameters) {
		CompiledRules.PooledSession<Recorder> pooled = this.compiled.acquire(() -> new Recorder(this.compiled, this.declarations));
		Recorder recorder = pooled.listener();
		boolean healthy = false;
		try {
			fire(pooled.session(), recorder, profile, parameters);
			healthy = true;
			return assemble(profile, parameters, recorder);
		}
		finally {
			recorder.clear();
			this.compiled.release(pooled, healthy);
		}
	}

	private void fire(KieSession session, Recorder recorder, HouseholdProfile profile,
			List<ParameterValue> parameters) {
		try {
			Facts.insert(session, profile, parameters);
			int fired = session.fireAllRules(this.options.maxFirings() + 1);
			if (fired > this.options.maxFirings()) {
				RuleInfo rule = recorder.mostFired();
				throw new RuleEvaluationException("The rules fired more than " + this.options.maxFirings()
						+ " times; rule " + id(rule) + " fired most and probably loops", id(rule), file(rule), null);
			}
		}
		catch (ConsequenceException ex) {
			RuleInfo rule = this.compiled.rule(ex.getMatch().getRule());
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new RuleEvaluationException("Rule " + id(rule) + " failed: " + cause, id(rule), file(rule), cause);
		}
		catch (RuleEvaluationException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			RuleInfo rule = ruleNamedIn(String.valueOf(ex.getMessage()));
			throw new RuleEvaluationException("Rule " + id(rule) + " could not be evaluated: " + ex.getMessage(),
					id(rule), file(rule), ex);
		}
	}

	private Evaluation assemble(HouseholdProfile profile, List<ParameterValue> parameters, Recorder recorder) {
		Integer size = null;
		BigDecimal netIncome = null;
		BigDecimal rigid = null;
		BigDecimal perCapita = null;
		BigDecimal afterRigid = null;
		Threshold threshold = null;
		List<String> signals = new ArrayList<>();
		String riskGroup = null;
		List<String> riskTypes = new ArrayList<>();
		String tier = null;
		Map<String, MeasureBuilder> measures = new LinkedHashMap<>();
		boolean eliminationCheck = false;
		List<String> unmet = new ArrayList<>();
		List<String> alerts = new ArrayList<>();
		for (Inserted inserted : recorder.inserted) {
			Object fact = inserted.fact();
			if (fact instanceof HouseholdSize value) {
				size = value.value();
			}
			else if (fact instanceof NetIncome value) {
				netIncome = value.amount();
			}
			else if (fact instanceof RigidExpenses value) {
				rigid = value.amount();
			}
			else if (fact instanceof PerCapita value) {
				if (value.kind() == PerCapita.Kind.NET_INCOME) {
					perCapita = value.value();
				}
				else {
					afterRigid = value.value();
				}
			}
			else if (fact instanceof Threshold value) {
				threshold = value;
			}
			else if (fact instanceof Signal value) {
				addOnce(signals, value.code());
			}
			else if (fact instanceof RiskGroup value && riskGroup == null) {
				riskGroup = value.code();
			}
			else if (fact instanceof RiskType value) {
				addOnce(riskTypes, value.code());
			}
			else if (fact instanceof AssistanceTier value && tier == null) {
				tier = value.code();
			}
			else if (fact instanceof Recommendation value) {
				measures.computeIfAbsent(value.code(), MeasureBuilder::new).add(value, inserted.rule());
			}
			else if (fact instanceof EliminationCheck) {
				eliminationCheck = true;
			}
			else if (fact instanceof Unmet value) {
				addOnce(unmet, value.clause());
			}
			else if (fact instanceof Alert value) {
				addOnce(alerts, value.code());
			}
		}
		sort(signals, "signals");
		sort(riskTypes, "riskTypes");
		sort(unmet, "eliminationClauses");
		sort(alerts, "alerts");
		List<MeasureResult> measureResults = measures.values()
			.stream()
			.map(this::measure)
			.sorted(Comparator
				.comparing((MeasureResult measure) -> (measure.priority() != null) ? measure.priority()
						: Integer.MAX_VALUE)
				.thenComparing((measure) -> this.index.position("measures", measure.code())))
			.toList();
		IncomeFigures income = new IncomeFigures(size, netIncome, perCapita, rigid, afterRigid,
				(threshold != null) ? threshold.value() : null);
		EliminationResult elimination = eliminationCheck ? new EliminationResult(unmet.isEmpty(), List.copyOf(unmet))
				: null;
		List<LocalizedText> explanation = this.explainer.explain(income,
				(threshold != null) ? threshold.effectiveFrom().getYear() : null, riskGroup, riskTypes, tier,
				measureResults, elimination, alerts);
		List<UsedParameter> used = parameters.stream()
			.map((value) -> new UsedParameter(value.name(), value.value(), value.effectiveFrom(), value.source(),
					value.scope().toString()))
			.toList();
		return new Evaluation(profile.householdId(), profile.asOf(), this.version, income, List.copyOf(signals),
				riskGroup, List.copyOf(riskTypes), tier, measureResults, elimination, List.copyOf(alerts), explanation,
				new Trace(List.copyOf(recorder.firings), used));
	}

	private MeasureResult measure(MeasureBuilder builder) {
		Catalogue.Entry entry = this.index.find("measures", builder.code);
		return new MeasureResult(builder.code, (entry != null) ? entry.category() : null,
				(entry != null) ? entry.priority() : null, builder.amount,
				(entry != null) ? entry.label() : new LocalizedText(builder.code, builder.code),
				List.copyOf(builder.reasons));
	}

	private void sort(List<String> codes, String section) {
		this.index.sort(codes, section);
	}

	private static void addOnce(List<String> codes, String code) {
		if (!codes.contains(code)) {
			codes.add(code);
		}
	}

	/** Drools names the rule in a constraint failure as {@code Rule "name" in file}. */
	private RuleInfo ruleNamedIn(String message) {
		Matcher matcher = RULE_IN_MESSAGE.matcher(message);
		if (matcher.find()) {
			for (RuleInfo rule : this.compiled.rules()) {
				if (rule.name().equals(matcher.group(1))) {
					return rule;
				}
			}
		}
		return null;
	}

	private static String id(RuleInfo rule) {
		return (rule != null) ? rule.id() : null;
	}

	private static String file(RuleInfo rule) {
		return (rule != null) ? rule.file() : null;
	}

	/** Collects one measure's amount and reasons across the rules that recommend it. */
	private static final class MeasureBuilder {

		private final String code;

		private BigDecimal amount;

		private final List<Reason> reasons = new ArrayList<>();

		MeasureBuilder(String code) {
			this.code = code;
		}

		void add(Recommendation recommendation, RuleInfo rule) {
			if (this.amount == null) {
				this.amount = recommendation.amount();
			}
			if (rule != null) {
				this.reasons.add(new Reason(rule.id(), rule.clause(), rule.description()));
			}
		}

	}

	private record Inserted(Object fact, RuleInfo rule) {

	}

	/**
	 * Listens to one pooled session for its whole life, and is cleared after each evaluation: every firing with its
	 * bindings, and every fact a rule inserted.
	 */
	private static final class Recorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

		private final CompiledRules compiled;

		private final Map<Rule, String[]> declarations;

		private final List<Firing> firings = new ArrayList<>();

		private final List<Inserted> inserted = new ArrayList<>();

		private final Map<RuleInfo, int[]> counts = new IdentityHashMap<>();

		Recorder(CompiledRules compiled, Map<Rule, String[]> declarations) {
			this.compiled = compiled;
			this.declarations = declarations;
		}

		@Override
		public void afterMatchFired(AfterMatchFiredEvent event) {
			Match match = event.getMatch();
			RuleInfo rule = this.compiled.rule(match.getRule());
			// Declaration ids in the engine's order, each followed by its name without the $.
			String[] ids = this.declarations.computeIfAbsent(match.getRule(), (key) -> names(match));
			Map<String, Object> bindings = new LinkedHashMap<>(Math.max(4, ids.length));
			for (int i = 0; i < ids.length; i += 2) {
				bindings.put(ids[i + 1], Bindings.plain(match.getDeclarationValue(ids[i])));
			}
			this.firings.add(new Firing(this.firings.size() + 1, rule.id(), rule.name(), rule.file(), rule.clause(),
					rule.description(), rule.reference(), bindings));
			this.counts.computeIfAbsent(rule, (key) -> new int[1])[0]++;
		}

		private static String[] names(Match match) {
			List<String> ids = match.getDeclarationIds();
			String[] names = new String[ids.size() * 2];
			for (int i = 0; i < ids.size(); i++) {
				String declaration = ids.get(i);
				names[2 * i] = declaration;
				names[2 * i + 1] = declaration.startsWith("$") ? declaration.substring(1) : declaration;
			}
			return names;
		}

		@Override
		public void objectInserted(ObjectInsertedEvent event) {
			if (event.getRule() != null) {
				this.inserted.add(new Inserted(event.getObject(), this.compiled.rule(event.getRule())));
			}
		}

		@Override
		public void objectUpdated(ObjectUpdatedEvent event) {
		}

		@Override
		public void objectDeleted(ObjectDeletedEvent event) {
		}

		RuleInfo mostFired() {
			RuleInfo most = null;
			int max = 0;
			for (Map.Entry<RuleInfo, int[]> entry : this.counts.entrySet()) {
				if (entry.getValue()[0] > max) {
					max = entry.getValue()[0];
					most = entry.getKey();
				}
			}
			return most;
		}

		void clear() {
			this.firings.clear();
			this.inserted.clear();
			this.counts.clear();
		}

	}

	/** Turns a profile into the input facts; personal data (names, ID numbers) is left out. */
	private static final class Facts {

		static void insert(KieSession session, HouseholdProfile profile, List<ParameterValue> parameters) {
			HouseholdProfile.Income income = profile.income();
			HouseholdProfile.Expenses expenses = profile.expenses();
			HouseholdProfile.DrinkingWater water = profile.drinkingWater();
			HouseholdProfile.Monitoring monitoring = profile.monitoring();
			session.insert(new Household(profile.householdId(), profile.asOf(), profile.povertyStatus(),
					income.wages(), income.business(), income.property(), income.transfers(),
					income.productionCosts(), income.previousYearNetIncome(), expenses.medicalOutOfPocket(),
					expenses.education(), profile.housing().safetyGrade(), water.quantityOk(), water.qualityOk(),
					water.convenienceOk(), water.reliabilityOk(), profile.supports(), monitoring.status(),
					monitoring.since(), monitoring.appliedMeasures()));
			for (int i = 0; i < profile.members().size(); i++) {
				HouseholdProfile.Member member = profile.members().get(i);
				session.insert(new Member(i, member.relation(), member.age(), member.laborCapacity(), member.health(),
						member.disabilityGrade(), member.schooling(), member.employment(),
						member.medicalInsurance()));
			}
			for (int i = 0; i < profile.events().size(); i++) {
				HouseholdProfile.Event event = profile.events().get(i);
				session.insert(new HouseholdEvent(i, event.type(), event.date(), event.loss()));
			}
			for (ParameterValue value : parameters) {
				session.insert(new Parameter(value.name(), value.value(), value.effectiveFrom(), value.source(),
						value.scope().toString()));
			}
		}

	}

}
