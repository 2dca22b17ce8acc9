package org.fangpin.ruleset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.fangpin.rules.RuleSet;
import org.fangpin.rules.RuleSetLoader;

import org.springframework.stereotype.Component;

/**
 * Any archived rule set version, compiled on demand: the active one directly, others from the archive, a few kept
 * compiled. Replays run a stored input on exactly the version it was assessed with.
 */
@Component
public class RuleSetVersions {

	private final ActiveRuleSet active;

	private final RuleSetArchive archive;

	private final RuleSetLoader loader;

	private final Map<String, RuleSet> compiled = Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RuleSet> eldest) {
			return size() > 3;
		}

	});

	RuleSetVersions(ActiveRuleSet active, RuleSetArchive archive, RuleSetLoader loader) {
		this.active = active;
		this.archive = archive;
		this.loader = loader;
	}

	/** Runs {@code work} on the given version. */
	public <T> T with(String version, Function<RuleSet, T> work) {
		try (ActiveRuleSet.Lease lease = this.active.acquire()) {
			if (lease.ruleSet().version().equals(version)) {
				return work.apply(lease.ruleSet());
			}
		}
		RuleSet ruleSet = this.compiled.computeIfAbsent(version, (wanted) -> {
			Map<String, String> files = this.archive.files(wanted);
			if (files.isEmpty()) {
				throw new RuleSetPublisher.UnknownRuleSetVersionException(wanted);
			}
			return this.loader.load("archive " + wanted, files);
		});
		return work.apply(ruleSet);
	}

	/** Runs {@code work} on the active version. */
	public <T> T withActive(Function<RuleSet, T> work) {
		try (ActiveRuleSet.Lease lease = this.active.acquire()) {
			return work.apply(lease.ruleSet());
		}
	}

}
