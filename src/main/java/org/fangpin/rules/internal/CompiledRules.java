package org.fangpin.rules.internal;

import java.util.List;
import java.util.Map;

import org.fangpin.rules.RuleInfo;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

/** The compiled DRL of a rule set: its container, its knowledge base, a session pool and the rules' metadata. */
public final class CompiledRules implements AutoCloseable {

	private final KieContainer container;

	private final KieBase base;

	private final KieSessionsPool pool;

	private final List<RuleInfo> rules;

	private final Map<String, RuleInfo> byKey;

	CompiledRules(KieContainer container, KieBase base, List<RuleInfo> rules, Map<String, RuleInfo> byKey) {
		this.container = container;
		this.base = base;
		this.pool = container.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
		this.rules = List.copyOf(rules);
		this.byKey = Map.copyOf(byKey);
	}

	public List<RuleInfo> rules() {
		return this.rules;
	}

	KieBase base() {
		return this.base;
	}

	KieSessionsPool pool() {
		return this.pool;
	}

	RuleInfo rule(String packageName, String name) {
		return this.byKey.get(key(packageName, name));
	}

	static String key(String packageName, String name) {
		return packageName + "\u0000" + name;
	}

	@Override
	public void close() {
		this.pool.shutdown();
		this.container.dispose();
	}

}
