package org.fangpin.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.fangpin.rules.Catalogue;
import org.fangpin.rules.Evaluation;
import org.fangpin.rules.RuleSet;
import org.fangpin.screening.OrderedParallel;
import org.fangpin.screening.ProfileLines;
import org.fangpin.screening.Screened;
import org.fangpin.screening.Screener;
import org.fangpin.screening.Tally;
import tools.jackson.databind.JsonNode;

/**
 * Runs the active and a candidate rule set over the same profiles on every core and reports the difference. Only
 * the counts and the first {@code limit} changed households are kept, so a population of any size fits in memory.
 */
public final class ImpactAnalysis {

	/** How many lines are evaluated per block. */
	private static final int BLOCK = 512;

	private final OrderedParallel workers;

	private final int limit;

	private final int maxLineBytes;

	public ImpactAnalysis(OrderedParallel workers, int limit, int maxLineBytes) {
		this.workers = workers;
		this.limit = limit;
		this.maxLineBytes = maxLineBytes;
	}

	/**
	 * @param lines the population, one profile a line
	 * @param parser parses one line strictly
	 * @param today the date a profile's {@code asOf} defaults to
	 */
	public ImpactReport run(RuleSet active, RuleSet candidate, Iterator<ProfileLines.Line> lines,
			Function<byte[], JsonNode> parser, LocalDate today) throws Exception {
		Screener before = new Screener(active, parser, today, this.maxLineBytes);
		Screener after = new Screener(candidate, parser, today, this.maxLineBytes);
		Accumulator accumulator = new Accumulator(active.catalogue(), candidate.catalogue());
		this.workers.run(lines, (line) -> {
			Screened first = before.screen(line);
			// The candidate reads the tree the active side parsed: parsing once is enough.
			Screened second = (first.profile() != null) ? after.screen(line.number(), first.profile())
					: after.screen(line);
			return new Screened[] { first, second };
		}, BLOCK, (inputs, outputs) -> outputs.forEach(accumulator::add));
		return accumulator.report(active.version(), candidate.version());
	}

	/** Adds up both runs, in line order, on one thread. */
	private final class Accumulator {

		private final Tally before;

		private final Tally after;

		private final Map<String, Map<String, Long>> transitions = new LinkedHashMap<>();

		private final List<ImpactReport.Change> changed = new ArrayList<>();

		private final List<ImpactReport.Problem> problems = new ArrayList<>();

		private long households;

		private long changedCount;

		private long problemCount;

		Accumulator(Catalogue active, Catalogue candidate) {
			this.before = Tally.of(active);
			this.after = Tally.of(candidate);
			Set<String> groups = new LinkedHashSet<>();
			active.section("riskGroups").forEach((entry) -> groups.add(entry.code()));
			candidate.section("riskGroups").forEach((entry) -> groups.add(entry.code()));
			for (String from : groups) {
				Map<String, Long> row = new LinkedHashMap<>();
				groups.forEach((to) -> row.put(to, 0L));
				this.transitions.put(from, row);
			}
		}

		void add(Screened[] pair) {
			Screened first = pair[0];
			Screened second = pair[1];
			if (!first.ok() || !second.ok()) {
				this.problemCount++;
				if (this.problems.size() < ImpactAnalysis.this.limit) {
					Screened failed = first.ok() ? second : first;
					String side = (!first.ok() && !second.ok()) ? "both" : first.ok() ? "candidate" : "active";
					this.problems.add(new ImpactReport.Problem(failed.line(), failed.householdId(), side,
							failed.problem().getMessage()));
				}
				return;
			}
			this.households++;
			Evaluation a = first.evaluation();
			Evaluation b = second.evaluation();
			this.before.add(a);
			this.after.add(b);
			this.transitions.computeIfAbsent(String.valueOf(a.riskGroup()), (key) -> new LinkedHashMap<>())
				.merge(String.valueOf(b.riskGroup()), 1L, Long::sum);
			ImpactReport.Outcome was = outcome(a);
			ImpactReport.Outcome is = outcome(b);
			if (!was.equals(is)) {
				this.changedCount++;
				if (this.changed.size() < ImpactAnalysis.this.limit) {
					Set<String> firedBefore = fired(a);
					Set<String> firedAfter = fired(b);
					this.changed.add(new ImpactReport.Change(first.line(), a.householdId(), was, is,
							minus(firedBefore, firedAfter), minus(firedAfter, firedBefore)));
				}
			}
		}

		ImpactReport report(String activeVersion, String candidateVersion) {
			return new ImpactReport(activeVersion, candidateVersion, this.households, this.before.toMap(),
					this.after.toMap(), this.transitions, this.changedCount, this.changed, this.problemCount,
					this.problems);
		}

	}

	private static ImpactReport.Outcome outcome(Evaluation evaluation) {
		return new ImpactReport.Outcome(evaluation.riskGroup(), evaluation.assistanceTier(), evaluation.riskTypes(),
				evaluation.signals(),
				evaluation.measures()
					.stream()
					.map((measure) -> new ImpactReport.MeasureAmount(measure.code(),
							(measure.amount() != null) ? measure.amount().stripTrailingZeros() : null))
					.toList(),
				evaluation.elimination(), evaluation.alerts());
	}

	private static Set<String> fired(Evaluation evaluation) {
		Set<String> ids = new LinkedHashSet<>();
		evaluation.trace().firings().forEach((firing) -> ids.add(firing.ruleId()));
		return ids;
	}

	private static List<String> minus(Set<String> left, Set<String> right) {
		return left.stream().filter((id) -> !right.contains(id)).toList();
	}

}
