package org.fangpin.rules.internal;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.fangpin.rules.RuleInfo;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

/**
 * The compiled DRL of a rule set: its container (none when the knowledge base was read back from a cache), its
 * knowledge base, the rules' metadata and a pool of reusable sessions. A session is created once, with its listener,
 * and {@link #release released} with a reset, so an evaluation never pays for building a session.
 */
public final class CompiledRules implements AutoCloseable {

	private final KieContainer container;

	private final KieBase base;

	private final List<RuleInfo> rules;

	private final Map<String, RuleInfo> byKey;

	/** The same metadata keyed by the engine's own rule objects: a firing finds its rule without building a key. */
	private final Map<Rule, RuleInfo> byRule;

	private final ConcurrentLinkedDeque<PooledSession<?>> idle = new ConcurrentLinkedDeque<>();

	private final AtomicInteger idleCount = new AtomicInteger();

	private final int maxIdle;

	private final boolean reused;

	private volatile boolean closed;

	CompiledRules(KieContainer container, KieBase base, List<RuleInfo> rules, Map<String, RuleInfo> byKey,
			Map<Rule, RuleInfo> byRule, boolean reused) {
		this.container = container;
		this.reused = reused;
		this.base = base;
		this.rules = List.copyOf(rules);
		this.byKey = Map.copyOf(byKey);
		this.byRule = new IdentityHashMap<>(byRule);
		this.maxIdle = Math.max(4, Runtime.getRuntime().availableProcessors() * 4);
	}

	public List<RuleInfo> rules() {
		return this.rules;
	}

	/** Whether the knowledge base was read back from a {@link CompiledRulesCache} instead of compiled. */
	public boolean reused() {
		return this.reused;
	}

	KieBase base() {
		return this.base;
	}

	RuleInfo rule(String packageName, String name) {
		return this.byKey.get(key(packageName, name));
	}

	RuleInfo rule(Rule rule) {
		RuleInfo info = this.byRule.get(rule);
		return (info != null) ? info : rule(rule.getPackageName(), rule.getName());
	}

	static String key(String packageName, String name) {
		return packageName + "\u0000" + name;
	}

	/**
	 * An idle session with its listener, or a new one with the listener that {@code listener} makes. The listener
	 * is attached on every acquisition, since a reset detaches the listeners of a session.
	 */
	@SuppressWarnings("unchecked")
	<L extends AgendaEventListener & RuleRuntimeEventListener> PooledSession<L> acquire(
			Supplier<L> listener) {
		PooledSession<L> pooled = (PooledSession<L>) this.idle.pollFirst();
		if (pooled != null) {
			this.idleCount.decrementAndGet();
		}
		else {
			pooled = new PooledSession<>(this.base.newKieSession(), listener.get());
		}
		pooled.session().addEventListener((AgendaEventListener) pooled.listener());
		pooled.session().addEventListener((RuleRuntimeEventListener) pooled.listener());
		return pooled;
	}

	/**
	 * Returns a session for reuse after resetting it (every fact and activation gone, the listener kept); a session
	 * that failed is disposed instead, so no half-run state is ever reused.
	 */
	<L extends AgendaEventListener & RuleRuntimeEventListener> void release(PooledSession<L> pooled,
			boolean healthy) {
		if (healthy && !this.closed && this.idleCount.get() < this.maxIdle) {
			pooled.session().removeEventListener((AgendaEventListener) pooled.listener());
			pooled.session().removeEventListener((RuleRuntimeEventListener) pooled.listener());
			((StatefulKnowledgeSessionImpl) pooled.session()).reset();
			this.idleCount.incrementAndGet();
			this.idle.offerFirst(pooled);
			if (this.closed) {
				drain();
			}
		}
		else {
			pooled.session().dispose();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		drain();
		if (this.container != null) {
			this.container.dispose();
		}
	}

	/** Disposes of every idle session, so the next evaluation runs on a new one. */
	void drain() {
		PooledSession<?> pooled;
		while ((pooled = this.idle.pollFirst()) != null) {
			this.idleCount.decrementAndGet();
			pooled.session().dispose();
		}
	}

	/** A session and the listener attached to it for its whole life. */
	record PooledSession<L>(KieSession session, L listener) {

	}

}
