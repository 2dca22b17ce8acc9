package org.fangpin.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fangpin.rules.internal.CompiledRules;
import org.fangpin.rules.internal.CompiledRulesCache;
import org.fangpin.rules.internal.DroolsCompiler;
import org.fangpin.rules.internal.RuleSetFiles;

/**
 * Loads a rule set from a directory or from files in memory: reads the parameters and the catalogue, compiles the
 * DRL and checks that every parameter a rule reads is defined. Any problem fails the whole load with every problem
 * listed, file and line included.
 */
public final class RuleSetLoader {

	/** The files of a rule set: DRL rules, the parameters and the catalogue. */
	public static final String PARAMETERS_FILE = "parameters.yaml";

	public static final String CATALOGUE_FILE = "catalogue.yaml";

	private static final Pattern PARAMETER_READ = Pattern
		.compile("Parameter\\s*\\(\\s*name\\s*==\\s*\"([^\"]+)\"");

	/** How many compiled knowledge bases {@link #keepingCompiledRules} keeps on disk at most. */
	public static final int KEPT_COMPILED_RULE_SETS = 16;

	private final EngineOptions options;

	private final CompiledRulesCache compiledRules;

	public RuleSetLoader(EngineOptions options) {
		this(options, null);
	}

	private RuleSetLoader(EngineOptions options, CompiledRulesCache compiledRules) {
		this.options = options;
		this.compiledRules = compiledRules;
	}

	/**
	 * A loader like this one that keeps every knowledge base it compiles in {@code directory}, and reads it back
	 * instead of compiling the same DRL again. {@code buildIdentity} must change whenever the application classes the
	 * rules use change (a build's jar, for example); a rule set that differs only in its parameters or catalogue
	 * reuses the same compiled rules.
	 */
	public RuleSetLoader keepingCompiledRules(Path directory, String buildIdentity) {
		return new RuleSetLoader(this.options,
				new CompiledRulesCache(directory, buildIdentity, KEPT_COMPILED_RULE_SETS));
	}

	/** Reads every rule set file under {@code directory} and loads them. */
	public RuleSet load(Path directory) {
		return load(directory.toString(), readFiles(directory));
	}

	/** Loads a rule set from its files, path (relative, with {@code /}) to content. */
	public RuleSet load(String source, Map<String, String> files) {
		Map<String, String> sorted = new TreeMap<>();
		files.forEach((path, content) -> {
			if (isRuleSetFile(path)) {
				sorted.put(path, content);
			}
		});
		List<RuleSetProblem> problems = new ArrayList<>();
		ParameterTable parameters = RuleSetFiles.parameters(sorted.get(PARAMETERS_FILE), PARAMETERS_FILE, problems);
		Catalogue catalogue = RuleSetFiles.catalogue(sorted.get(CATALOGUE_FILE), CATALOGUE_FILE, problems);
		Map<String, String> drl = new TreeMap<>();
		sorted.forEach((path, content) -> {
			if (path.endsWith(".drl")) {
				drl.put(path, content);
			}
		});
		if (drl.isEmpty()) {
			problems.add(new RuleSetProblem(null, 0, 0, "the rule set has no .drl file"));
		}
		Set<String> required = new TreeSet<>();
		drl.forEach((path, content) -> readParameters(path, content, parameters, required, problems));
		CompiledRules compiled = DroolsCompiler.compile(drl, problems, this.compiledRules);
		if (!problems.isEmpty()) {
			if (compiled != null) {
				compiled.close();
			}
			throw new RuleSetException(source, problems);
		}
		return new RuleSet(version(sorted), sorted, parameters, catalogue, required, compiled, this.options);
	}

	/** Whether a path belongs to a rule set: DRL and YAML files, not documentation. */
	public static boolean isRuleSetFile(String path) {
		String name = path.substring(path.lastIndexOf('/') + 1);
		return !name.startsWith(".") && (name.endsWith(".drl") || name.endsWith(".yaml") || name.endsWith(".yml"));
	}

	/** {@code sha256:} and the hash of every path and content, in path order. */
	public static String version(Map<String, String> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			new TreeMap<>(files).forEach((path, content) -> {
				digest.update(path.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(content.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			});
			return "sha256:" + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void readParameters(String path, String content, ParameterTable parameters, Set<String> required,
			List<RuleSetProblem> problems) {
		String[] lines = content.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			Matcher matcher = PARAMETER_READ.matcher(lines[i]);
			while (matcher.find()) {
				String name = matcher.group(1);
				required.add(name);
				if (parameters != null && !parameters.definitions().containsKey(name)) {
					problems.add(new RuleSetProblem(path, i + 1, matcher.start(1) + 1,
							"parameter '" + name + "' is read here but not defined in " + PARAMETERS_FILE));
				}
			}
		}
	}

	/** Reads every rule set file under {@code directory}: path (relative, with {@code /}) to content. */
	public static Map<String, String> readFiles(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new RuleSetException(directory.toString(),
					List.of(new RuleSetProblem(null, 0, 0, "the directory " + directory.toAbsolutePath()
							+ " does not exist")));
		}
		Map<String, String> files = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				String relative = directory.relativize(path).toString().replace('\\', '/');
				if (isRuleSetFile(relative)) {
					files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the rule set in " + directory, ex);
		}
		return files;
	}

}
