package org.fangpin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangpin.household.InvalidProfileException;
import org.slf4j.LoggerFactory;
import org.fangpin.household.ProfileReader;
import org.fangpin.population.HouseholdGenerator;
import org.fangpin.rules.EngineOptions;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.ParameterNotInForceException;
import org.fangpin.rules.PolicyCases;
import org.fangpin.rules.RuleEvaluationException;
import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetException;
import org.fangpin.rules.RuleSetLoader;
import org.fangpin.rules.ValidationGate;
import org.fangpin.rules.ValidationReport;
import org.fangpin.ruleset.BuildIdentity;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar fangpin.jar COMMAND ...}: the commands that run without the service. Exit code 0 means success,
 * 1 a failed check or assessment, 2 a usage error.
 */
public final class CommandLine {

	/** The commands this class runs; anything else starts the service. */
	public static final Set<String> COMMANDS = Set.of("check", "assess", "bench-reloads", "generate", "screen", "impact",
			"help");

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private final PrintStream out;

	private final PrintStream err;

	private final BatchCommands batch;

	public CommandLine(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
		this.batch = new BatchCommands(out, err);
	}

	/** What asks for the usage rather than for a command. */
	private static final Set<String> HELP = Set.of("help", "--help", "-h");

	public static boolean handles(String[] args) {
		return args.length > 0 && (COMMANDS.contains(args[0]) || HELP.contains(args[0]));
	}

	public int run(String... args) {
		quietLogs();
		Map<String, String> options = new LinkedHashMap<>();
		List<String> positional = new java.util.ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				positional.add(args[i]);
			}
		}
		if (HELP.contains(args[0])) {
			usage();
			return 0;
		}
		try {
			return switch (args[0]) {
				case "check" -> check(Path.of(options.getOrDefault("rules", "rules")),
						Path.of(options.getOrDefault("cases", "test-cases")), loader(options));
				case "assess" -> positional.size() == 1
						? assess(Path.of(positional.get(0)), Path.of(options.getOrDefault("rules", "rules")),
								loader(options))
						: usage();
				case "bench-reloads" -> benchReloads(Path.of(options.getOrDefault("rules", "rules")),
						Integer.parseInt(options.getOrDefault("count", "200")),
						Integer.parseInt(options.getOrDefault("every", "50")));
				case "generate" -> options.containsKey("count")
						? this.batch.generate(positive(options, "count"), number(options, "seed", "1"),
								options.containsKey("out") ? Path.of(options.get("out")) : null,
								options.containsKey("as-of") ? LocalDate.parse(options.get("as-of"))
										: HouseholdGenerator.DEFAULT_AS_OF,
								options.get("format"))
						: usage();
				case "screen" -> (options.containsKey("in") && options.containsKey("out"))
						? this.batch.screen(Path.of(options.get("in")), Path.of(options.get("out")),
								Path.of(options.getOrDefault("rules", "rules")), locale(options.get("lang")),
								threads(options), loader(options))
						: usage();
				case "impact" -> (options.containsKey("rules") && options.containsKey("population"))
						? this.batch.impact(Path.of(options.get("rules")), Path.of(options.get("population")),
								Path.of(options.getOrDefault("against", "rules")),
								Integer.parseInt(options.getOrDefault("limit", "1000")),
								options.containsKey("json") ? Path.of(options.get("json")) : null, threads(options),
								loader(options))
						: usage();
				default -> usage();
			};
		}
		catch (RuleSetException ex) {
			this.err.println(ex.getMessage());
			return 1;
		}
		catch (NumberFormatException | java.time.format.DateTimeParseException ex) {
			this.err.println("Bad option value: " + ex.getMessage());
			return 2;
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			this.err.println("Cannot read or write: " + ex.getMessage());
			return 1;
		}
		catch (Exception ex) {
			this.err.println("Failed: " + ex);
			return 1;
		}
	}

	/** A whole-number option, or the usage error that names it. */
	private static long number(Map<String, String> options, String name, String fallback) {
		String value = options.getOrDefault(name, fallback);
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new NumberFormatException("--" + name + " must be a whole number, not \"" + value + "\"");
		}
	}

	private static long positive(Map<String, String> options, String name) {
		long value = number(options, name, null);
		if (value < 1) {
			throw new NumberFormatException("--" + name + " must be at least 1, not " + value);
		}
		return value;
	}

	/**
	 * The loader of every command that compiles rules: with {@code --compiled-dir DIR}, every rule set it compiles is
	 * kept in DIR and read back by later runs of the same build instead of being compiled again, as the service keeps
	 * its own.
	 */
	private RuleSetLoader loader(Map<String, String> options) {
		String directory = options.get("compiled-dir");
		return BuildIdentity.keepingCompiledRules(new RuleSetLoader(EngineOptions.DEFAULTS),
				(directory != null) ? Path.of(directory) : null, CommandLine.class, this.err::println);
	}

	private int usage() {
		this.err.println("""
				Usage: java -jar fangpin.jar COMMAND [options]
				  check  [--rules DIR] [--cases DIR] [--compiled-dir DIR]
				                                        compile, lint and run the test cases; exit 1 on any failure
				  assess FILE.json [--rules DIR] [--compiled-dir DIR]
				                                        print the assessment of one household profile
				  bench-reloads [--rules DIR] [--count 200] [--every 50]   reload the rule set COUNT times, printing
				                                        the heap, metaspace and classes after a full GC every EVERY
				  generate --count N [--seed S] [--out FILE.ndjson|FILE.csv] [--as-of DATE]
				                                        write N synthetic Xinzhou households (stdout without --out)
				  screen --in FILE.ndjson|FILE.csv --out FILE.ndjson [--rules DIR] [--lang en] [--threads N]
				         [--compiled-dir DIR]           assess every household of a file, with a summary
				  impact --rules DIR --population FILE.ndjson [--against DIR] [--limit N] [--json FILE]
				         [--compiled-dir DIR]           what the rules in DIR change against --against (./rules)
				  --compiled-dir DIR                    keep compiled rules in DIR and read them back in later runs
				                                        of the same build (the service's is data/compiled-rules)
				  (no command)                          start the service""");
		return 2;
	}

	int check(Path rules, Path cases, RuleSetLoader loader) {
		this.out.printf("Checking the rule set in %s against the cases in %s%n", rules, cases);
		if (!Files.isDirectory(cases)) {
			this.err.println("No test cases: " + cases + " is not a directory (--cases DIR)");
			return 2;
		}
		Map<String, String> files = RuleSetLoader.readFiles(rules);
		List<PolicyCases.Case> list = PolicyCases.read(cases);
		if (list.isEmpty()) {
			this.err.println("No test cases in " + cases + ": the gate would check nothing");
			return 1;
		}
		int total = list.size();
		long start = System.nanoTime();
		ValidationGate.Outcome outcome = new ValidationGate(loader)
			.validate(rules.toString(), files, list, today(), (done) -> {
				if (done == total || done % 25 == 0) {
					this.out.printf("\r[cases  ] %d/%d", done, total);
					if (done == total) {
						this.out.println();
					}
				}
			});
		boolean reused = outcome.ruleSet() != null && outcome.ruleSet().reusedCompiledRules();
		if (outcome.ruleSet() != null) {
			outcome.ruleSet().close();
		}
		ValidationReport report = outcome.report();
		this.out.print(report.toText());
		if (reused) {
			this.out.println("(compiled rules reused)");
		}
		this.out.printf("(%.1f s)%n", (System.nanoTime() - start) / 1e9);
		return report.passed() ? 0 : 1;
	}

	/**
	 * Prints the evaluation as JSON on standard output; whether the compiled rules were reused goes to the error
	 * stream, so that the output stays one JSON document.
	 */
	int assess(Path file, Path rules, RuleSetLoader loader) {
		try (RuleSet ruleSet = loader.load(rules)) {
			if (ruleSet.reusedCompiledRules()) {
				this.err.println("(compiled rules reused)");
			}
			Evaluation evaluation = ruleSet.evaluate(
					new ProfileReader(ruleSet.measureCodes()).read(JSON.readTree(Files.readString(file)), today()));
			this.out.println(JSON.writeValueAsString(evaluation));
			return 0;
		}
		catch (InvalidProfileException ex) {
			ex.errors().forEach((error) -> this.err.println(error.field() + ": "
					+ java.text.MessageFormat.format(ProfileReader.ENGLISH.getOrDefault(error.code(), error.code()),
							error.arguments().toArray())));
			return 1;
		}
		catch (ParameterNotInForceException | RuleEvaluationException ex) {
			this.err.println(ex.getMessage());
			return 1;
		}
		catch (JacksonException ex) {
			this.err.println(file + ": not valid JSON: " + ex.getOriginalMessage());
			return 1;
		}
		catch (IOException ex) {
			this.err.println("Cannot read " + file + ": " + ex.getMessage());
			return 1;
		}
	}

	/** The engine's own logging is noise on a terminal. */
	private static void quietLogs() {
		if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
			context.getLogger("org.drools").setLevel(ch.qos.logback.classic.Level.ERROR);
		}
	}

	/**
	 * Reloads the rule set {@code count} times and prints, at the start and every {@code every} reloads, the heap in
	 * use after a full GC, the metaspace in use, the classes loaded and unloaded, and how many of the replaced rule
	 * sets are still reachable. Each reload changes a comment in a rule file (so the version, a content hash, is new),
	 * compiles the changed files into a new knowledge base, swaps it in as the active rule set the way a reload does
	 * (the old one is closed when its last lease ends), evaluates a household on it, and answers a why-not question
	 * for that household (which compiles and caches the version's probe rules). It does not run the gate's test
	 * cases: they evaluate households on the same knowledge base and add time, not objects that outlive a reload. A
	 * leak of knowledge bases, session pools or class loaders shows as a heap, metaspace or class count that keeps
	 * growing, and as replaced rule sets that stay reachable.
	 */
	int benchReloads(Path rules, int count, int every) {
		Map<String, String> files = RuleSetLoader.readFiles(rules);
		RuleSetLoader loader = new RuleSetLoader(EngineOptions.DEFAULTS);
		org.fangpin.rules.WhyNot whyNot = new org.fangpin.rules.WhyNot(loader);
		org.fangpin.household.HouseholdProfile household = new ProfileReader(Set.of()).read(JSON.readTree("""
				{"householdId": "BENCH", "asOf": "2024-06-30", "povertyStatus": "LIFTED",
				 "members": [{"age": 40, "laborCapacity": "FULL"}], "income": {"wages": 5000}}"""), today());
		String changedFile = files.keySet().stream().filter((path) -> path.endsWith(".drl")).findFirst().orElseThrow();
		List<java.lang.ref.WeakReference<RuleSet>> replaced = new java.util.ArrayList<>();
		org.fangpin.ruleset.ActiveRuleSet active = new org.fangpin.ruleset.ActiveRuleSet(loader.load("reload 0", files),
				"bench", java.time.Instant.now(), 0);
		use(active, whyNot, household);
		long start = System.nanoTime();
		this.out.printf("Each reload: change a comment in %s, compile, swap in, evaluate a household, answer why-not%n",
				changedFile);
		this.out.printf("reloads  heap-used-after-gc  metaspace-used  classes-loaded  classes-unloaded  "
				+ "replaced-rule-sets-reachable  elapsed%n");
		printMemory(0, replaced, start);
		for (int i = 1; i <= count; i++) {
			Map<String, String> changed = new java.util.TreeMap<>(files);
			changed.put(changedFile, files.get(changedFile) + "\n// reload " + i + "\n");
			org.fangpin.ruleset.ActiveRuleSet.Activation previous = active.swap(
					new org.fangpin.ruleset.ActiveRuleSet.Activation(loader.load("reload " + i, changed), "bench",
							java.time.Instant.now(), i));
			replaced.add(new java.lang.ref.WeakReference<>(previous.ruleSet()));
			previous = null;
			use(active, whyNot, household);
			if (i % every == 0 || i == count) {
				printMemory(i, replaced, start);
			}
		}
		return 0;
	}

	private static java.util.Locale locale(String lang) {
		return "en".equals(lang) ? java.util.Locale.ENGLISH : java.util.Locale.forLanguageTag("zh-CN");
	}

	private static int threads(Map<String, String> options) {
		return options.containsKey("threads") ? Integer.parseInt(options.get("threads"))
				: Runtime.getRuntime().availableProcessors();
	}

	private static void use(org.fangpin.ruleset.ActiveRuleSet active, org.fangpin.rules.WhyNot whyNot,
			org.fangpin.household.HouseholdProfile household) {
		try (org.fangpin.ruleset.ActiveRuleSet.Lease lease = active.acquire()) {
			lease.ruleSet().evaluate(household);
			whyNot.explain(lease.ruleSet(), household);
		}
	}

	private void printMemory(int reloads, List<java.lang.ref.WeakReference<RuleSet>> replaced, long start) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean()
			.getHeapMemoryUsage();
		long metaspace = java.lang.management.ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getName().equals("Metaspace"))
			.mapToLong((pool) -> pool.getUsage().getUsed())
			.sum();
		java.lang.management.ClassLoadingMXBean classes = java.lang.management.ManagementFactory.getClassLoadingMXBean();
		long reachable = replaced.stream().filter((reference) -> reference.get() != null).count();
		this.out.printf("%7d  %15.1f MB  %11.1f MB  %14d  %16d  %18d of %-6d  %6.0f s%n", reloads,
				heap.getUsed() / 1048576.0, metaspace / 1048576.0, classes.getLoadedClassCount(),
				classes.getUnloadedClassCount(), reachable, replaced.size(), (System.nanoTime() - start) / 1e9);
	}

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

}
