package org.fangpin.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.fangpin.household.HouseholdProfile;
import org.fangpin.household.HouseholdProfile.Region;
import org.fangpin.rules.internal.CompiledRules;
import org.fangpin.rules.internal.Evaluator;

/**
 * A compiled rule set: its files, its version (a content hash), its rules with their metadata, its parameters and
 * its catalogue. It is immutable and safe to share between threads; {@link #close()} releases the compiled rules.
 */
public final class RuleSet implements AutoCloseable {

	private final String version;

	private final Map<String, String> files;

	private final ParameterTable parameters;

	private final Catalogue catalogue;

	private final Set<String> requiredParameters;

	private final CompiledRules compiled;

	private final Evaluator evaluator;

	private final Set<String> measureCodes;

	private final List<String> sortedParameters;

	private static final int IN_FORCE_CACHE_SIZE = 10_000;

	private final Map<InForceKey, List<ParameterValue>> inForce = new ConcurrentHashMap<>();

	public RuleSet(String version, Map<String, String> files, ParameterTable parameters, Catalogue catalogue,
			Set<String> requiredParameters, CompiledRules compiled, EngineOptions options) {
		this.version = version;
		this.files = Map.copyOf(files);
		this.parameters = parameters;
		this.catalogue = catalogue;
		this.requiredParameters = Set.copyOf(requiredParameters);
		this.sortedParameters = this.requiredParameters.stream().sorted().toList();
		this.compiled = compiled;
		this.evaluator = new Evaluator(compiled, catalogue, version, options);
		this.measureCodes = catalogue.section("measures")
			.stream()
			.map(Catalogue.Entry::code)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Whether the compiled rules were read back from those kept by an earlier load, instead of compiled. */
	public boolean reusedCompiledRules() {
		return this.compiled.reused();
	}

	/** {@code sha256:} followed by the hash of every file's path and content. */
	public String version() {
		return this.version;
	}

	/** The rule set's files, path (relative to its root) to content. */
	public Map<String, String> files() {
		return this.files;
	}

	public List<RuleInfo> rules() {
		return this.compiled.rules();
	}

	public ParameterTable parameters() {
		return this.parameters;
	}

	public Catalogue catalogue() {
		return this.catalogue;
	}

	/** The measure codes of the catalogue: what a profile's {@code supports} and {@code appliedMeasures} may name. */
	public Set<String> measureCodes() {
		return this.measureCodes;
	}

	/** The names of the parameters the rules read. */
	public Set<String> requiredParameters() {
		return this.requiredParameters;
	}

	/**
	 * Evaluates a profile.
	 * @throws ParameterNotInForceException when a parameter the rules read has no value on {@code asOf}
	 * @throws RuleEvaluationException when a rule throws or the rules loop
	 */
	public Evaluation evaluate(HouseholdProfile profile) {
		return this.evaluator.evaluate(profile, parametersAt(profile.asOf(), profile.region()));
	}

	/** The values in force on {@code date} in {@code region} of every parameter the rules read. */
	public List<ParameterValue> parametersAt(LocalDate date, Region region) {
		Region where = (region != null) ? region : Region.NONE;
		// A population shares a handful of dates and counties: look each combination up once.
		InForceKey key = new InForceKey(date, where.province(), where.city(), where.county());
		List<ParameterValue> cached = this.inForce.get(key);
		if (cached != null) {
			return cached;
		}
		List<ParameterValue> values = List.copyOf(lookUp(date, where));
		if (this.inForce.size() >= IN_FORCE_CACHE_SIZE) {
			this.inForce.clear();
		}
		this.inForce.put(key, values);
		return values;
	}

	private List<ParameterValue> lookUp(LocalDate date, Region region) {
		List<ParameterValue> values = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		for (String name : this.sortedParameters) {
			this.parameters.valueAt(name, date, region).ifPresentOrElse(values::add, () -> missing.add(name));
		}
		if (!missing.isEmpty()) {
			throw new ParameterNotInForceException(missing, date);
		}
		return values;
	}

	private record InForceKey(LocalDate date, String province, String city, String county) {

	}

	@Override
	public void close() {
		this.compiled.close();
	}

}
