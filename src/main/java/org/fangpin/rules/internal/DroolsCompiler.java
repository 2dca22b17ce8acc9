package org.fangpin.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.impl.RuleBaseFactory;
import org.fangpin.rules.LocalizedText;
import org.fangpin.rules.RuleInfo;
import org.fangpin.rules.RuleSetProblem;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles DRL files the way the rule files live outside the classpath: a KieFileSystem, a KieBuilder, a check of
 * every ERROR message (reported with file, line and column), then a KieContainer. The built module is removed from
 * the KIE repository at once, so a replaced rule set leaves nothing behind. With a {@link CompiledRulesCache}, the
 * knowledge base compiled once from the same DRL is read back instead of compiled again.
 */
public final class DroolsCompiler {

	private static final String RESOURCES = "src/main/resources/";

	/** The DRL parser puts the column in its text only: "Line 19:22 no viable alternative". */
	private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

	/** One for every compilation: what the application lacks, it lacks for every rule set. */
	static final RuleClassLoader CLASSES = new RuleClassLoader(DroolsCompiler.class.getClassLoader());

	private DroolsCompiler() {
	}

	/**
	 * Compiles {@code drl} (path to content); returns null and adds to {@code problems} when it does not compile.
	 */
	public static CompiledRules compile(Map<String, String> drl, List<RuleSetProblem> problems) {
		return compile(drl, problems, null);
	}

	/**
	 * Compiles {@code drl} as {@link #compile(Map, List)} does, but first looks for the knowledge base of the same
	 * DRL in {@code cache} (when there is one), and keeps a newly compiled one there.
	 */
	public static CompiledRules compile(Map<String, String> drl, List<RuleSetProblem> problems,
			CompiledRulesCache cache) {
		if (drl.isEmpty()) {
			return null;
		}
		String key = (cache != null) ? cache.key(drl) : null;
		if (key != null) {
			KieBase kept = cache.read(key, CLASSES);
			if (kept != null) {
				return wrap(null, kept, true);
			}
		}
		KieServices services = KieServices.Factory.get();
		ReleaseId releaseId = services.newReleaseId("org.fangpin.rulesets", "ruleset",
				"1." + Integer.toUnsignedString(drl.hashCode()) + "." + System.nanoTime());
		KieFileSystem fileSystem = services.newKieFileSystem();
		fileSystem.generateAndWritePomXML(releaseId);
		drl.forEach((path, content) -> fileSystem.write(RESOURCES + path, content));
		KieBuilder builder = services.newKieBuilder(fileSystem, CLASSES).buildAll();
		List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
		if (!errors.isEmpty()) {
			for (Message error : errors) {
				int column = error.getColumn();
				Matcher position = PARSER_POSITION.matcher(error.getText());
				if (column <= 0 && position.find() && Integer.parseInt(position.group(1)) == error.getLine()) {
					column = Integer.parseInt(position.group(2));
				}
				problems.add(new RuleSetProblem(relative(error.getPath()), error.getLine(), column,
						error.getText().strip()));
			}
			services.getRepository().removeKieModule(releaseId);
			return null;
		}
		KieContainer container = services.newKieContainer(releaseId, CLASSES);
		services.getRepository().removeKieModule(releaseId);
		KieBase base = container.newKieBase(configuration(CLASSES));
		if (key != null) {
			cache.write(key, base);
		}
		return wrap(container, base, false);
	}

	/**
	 * How every knowledge base is built. It is never changed once built (a new rule set is a new knowledge base), so
	 * it is immutable: Drools then keeps a session's facts in one identity map, instead of an index by class that
	 * {@code reset()} empties and every household rebuilt class by class (a quarter of the evaluation's time).
	 */
	static KieBaseConfiguration configuration(ClassLoader classes) {
		KieBaseConfiguration configuration = RuleBaseFactory.newKnowledgeBaseConfiguration(null, classes);
		configuration.setOption(KieBaseMutabilityOption.DISABLED);
		return configuration;
	}

	private static CompiledRules wrap(KieContainer container, KieBase base, boolean reused) {
		List<RuleInfo> rules = new ArrayList<>();
		Map<String, RuleInfo> byKey = new HashMap<>();
		Map<Rule, RuleInfo> byRule = new IdentityHashMap<>();
		for (KiePackage kiePackage : base.getKiePackages()) {
			for (Rule rule : kiePackage.getRules()) {
				RuleInfo info = info(rule);
				rules.add(info);
				byKey.put(CompiledRules.key(rule.getPackageName(), rule.getName()), info);
				byRule.put(rule, info);
			}
		}
		rules.sort((a, b) -> {
			int byFile = String.valueOf(a.file()).compareTo(String.valueOf(b.file()));
			return (byFile != 0) ? byFile : Integer.compare(b.salience(), a.salience());
		});
		return new CompiledRules(container, base, rules, byKey, byRule, reused);
	}

	private static RuleInfo info(Rule rule) {
		Map<String, Object> meta = rule.getMetaData();
		String file = null;
		int salience = 0;
		if (rule instanceof RuleImpl impl) {
			if (impl.getResource() != null) {
				file = relative(impl.getResource().getSourcePath());
			}
			salience = impl.getSalienceValue();
		}
		return new RuleInfo(text(meta, "id"), rule.getName(), rule.getPackageName(), file, text(meta, "clause"),
				new LocalizedText(text(meta, "zh"), text(meta, "en")), text(meta, "reference"), salience);
	}

	private static String text(Map<String, Object> meta, String key) {
		Object value = meta.get(key);
		return (value != null) ? value.toString() : null;
	}

	static String relative(String path) {
		if (path == null) {
			return null;
		}
		String normalised = path.replace('\\', '/');
		int at = normalised.indexOf(RESOURCES);
		return (at >= 0) ? normalised.substring(at + RESOURCES.length()) : normalised;
	}

}
