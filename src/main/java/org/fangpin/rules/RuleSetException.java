package org.fangpin.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a rule set cannot be loaded: a DRL file does not compile, or a parameter or catalogue file is bad. */
public class RuleSetException extends RuntimeException {

	private final List<RuleSetProblem> problems;

	public RuleSetException(String source, List<RuleSetProblem> problems) {
		super("The rule set in " + source + " has " + problems.size() + " problem(s):\n"
				+ problems.stream().map((problem) -> "  " + problem).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<RuleSetProblem> problems() {
		return this.problems;
	}

}
