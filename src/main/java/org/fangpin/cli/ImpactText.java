package org.fangpin.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.fangpin.impact.ImpactReport;

/** An impact report as text for a terminal: counts side by side, the transition matrix and the first changes. */
final class ImpactText {

	private static final int SHOWN = 20;

	private ImpactText() {
	}

	@SuppressWarnings("unchecked")
	static String of(ImpactReport report, Path active, Path candidate) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("Impact of %s (%s)%n       on %s (%s)%n", candidate, short8(report.candidateVersion()),
				active, short8(report.activeVersion())));
		text.append(String.format("households: %,d   problems: %,d   changed: %,d%n%n", report.households(),
				report.problemCount(), report.changedCount()));
		for (String section : new String[] { "riskGroups", "tiers", "measures" }) {
			Map<String, Long> before = (Map<String, Long>) report.before().get(section);
			Map<String, Long> after = (Map<String, Long>) report.after().get(section);
			text.append(String.format("%-30s %12s %12s %10s%n", section, "before", "after", "change"));
			Set<String> codes = new LinkedHashSet<>(before.keySet());
			codes.addAll(after.keySet());
			for (String code : codes) {
				long b = before.getOrDefault(code, 0L);
				long a = after.getOrDefault(code, 0L);
				text.append(String.format("  %-28s %,12d %,12d %+,10d%n", code, b, a, a - b));
			}
			text.append('\n');
		}
		text.append(String.format("%-30s %18s %18s%n", "total measure amount (yuan)", report.before().get("totalMeasureAmount"),
				report.after().get("totalMeasureAmount")));
		text.append("\nrisk group transitions (rows: before, columns: after)\n");
		Set<String> columns = new LinkedHashSet<>();
		report.transitions().values().forEach((row) -> columns.addAll(row.keySet()));
		text.append(String.format("  %-18s", ""));
		columns.forEach((column) -> text.append(String.format(" %16s", column)));
		text.append('\n');
		report.transitions().forEach((from, row) -> {
			text.append(String.format("  %-18s", from));
			columns.forEach((to) -> text.append(String.format(" %,16d", row.getOrDefault(to, 0L))));
			text.append('\n');
		});
		if (!report.changed().isEmpty()) {
			text.append(String.format("%nfirst changed households (of %,d):%n", report.changedCount()));
			report.changed().stream().limit(SHOWN).forEach((change) -> text.append(String.format(
					"  line %d %s: %s/%s -> %s/%s; fired only before %s, only after %s%n", change.line(),
					change.householdId(), change.before().riskGroup(), change.before().assistanceTier(),
					change.after().riskGroup(), change.after().assistanceTier(), change.firedOnlyBefore(),
					change.firedOnlyAfter())));
		}
		return text.toString();
	}

	private static String short8(String version) {
		return (version != null && version.length() > 15) ? version.substring(0, 15) + "…" : version;
	}

}
