package org.fangpin.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangpin.rules.RuleSetProblem;
import org.fangpin.rules.facts.Household;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RuleClassLoaderTests {

	@Test
	void aClassTheApplicationLacksIsLookedUpOnceAndAClassItHasIsTheApplicationsOwn() throws Exception {
		CountingLoader application = new CountingLoader(getClass().getClassLoader());
		RuleClassLoader loader = new RuleClassLoader(application);
		for (int i = 0; i < 3; i++) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("org.fangpin.rules.facts.NoSuchFact"));
		}
		assertThat(application.asked).containsOnlyOnce("org.fangpin.rules.facts.NoSuchFact");
		assertThat(loader.loadClass(Household.class.getName())).isSameAs(Household.class);
	}

	@Test
	void compilingARuleSetRemembersTheNamesItProbedInVain() {
		String drl = """
				package probe;
				import org.fangpin.household.*;
				import org.fangpin.rules.facts.*;
				rule "size"
				when
				    Household()
				    accumulate( Member(); $members : count() )
				then
				    insert(new HouseholdSize(((Number) $members).intValue()));
				end
				""";
		List<RuleSetProblem> problems = new ArrayList<>();
		try (CompiledRules compiled = DroolsCompiler.compile(Map.of("probe/probe.drl", drl), problems)) {
			assertThat(problems).isEmpty();
			assertThat(compiled.rules()).hasSize(1);
		}
		// Household is resolved against both imported packages; the one that lacks it is remembered.
		assertThat(DroolsCompiler.CLASSES.remembersMissing("org.fangpin.household.Household")).isTrue();
	}

	private static final class CountingLoader extends ClassLoader {

		final List<String> asked = new ArrayList<>();

		CountingLoader(ClassLoader parent) {
			super(parent);
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			synchronized (this.asked) {
				this.asked.add(name);
			}
			return super.loadClass(name, resolve);
		}

	}

}
