package org.fangpin.screening;

import java.math.BigDecimal;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.TreeMap;

import org.fangpin.rules.Catalogue;
import org.fangpin.rules.Evaluation;

/**
 * Counts of a screened population: households per risk group and tier, recommendations and amounts per measure,
 * and problems. Not thread-safe: one thread adds, in order.
 */
public final class Tally {

	private final Map<String, Long> riskGroups = new LinkedHashMap<>();

	private final Map<String, Long> tiers = new LinkedHashMap<>();

	private final Map<String, Long> measures = new LinkedHashMap<>();

	private final Map<String, BigDecimal> measureAmounts = new TreeMap<>();

	private long households;

	private long problems;

	public static final String NO_TIER = "NONE";

	/** Households per risk group, every group of the catalogue listed. */
	public Map<String, Long> riskGroups() {
		return this.riskGroups;
	}

	/** Households per tier; {@link #NO_TIER} for households with none. */
	public Map<String, Long> tiers() {
		return this.tiers;
	}

	/** Households recommended each measure. */
	public Map<String, Long> measures() {
		return this.measures;
	}

	/** The sum of each measure's amounts; measures without an amount are left out. */
	public Map<String, BigDecimal> measureAmounts() {
		return this.measureAmounts;
	}

	/** An empty tally listing every code of the catalogue, in its order, at zero. */
	public static Tally of(Catalogue catalogue) {
		Tally tally = new Tally();
		catalogue.section("riskGroups").forEach((entry) -> tally.riskGroups.put(entry.code(), 0L));
		catalogue.section("tiers").forEach((entry) -> tally.tiers.put(entry.code(), 0L));
		tally.tiers.put(NO_TIER, 0L);
		catalogue.section("measures").forEach((entry) -> tally.measures.put(entry.code(), 0L));
		return tally;
	}

	public void add(Evaluation evaluation) {
		this.households++;
		this.riskGroups.merge(String.valueOf(evaluation.riskGroup()), 1L, Long::sum);
		this.tiers.merge((evaluation.assistanceTier() != null) ? evaluation.assistanceTier() : NO_TIER, 1L, Long::sum);
		for (Evaluation.MeasureResult measure : evaluation.measures()) {
			this.measures.merge(measure.code(), 1L, Long::sum);
			if (measure.amount() != null) {
				this.measureAmounts.merge(measure.code(), measure.amount(), BigDecimal::add);
			}
		}
	}

	public void addProblem() {
		this.problems++;
	}

	public long households() {
		return this.households;
	}

	public long problems() {
		return this.problems;
	}

	public BigDecimal totalAmount() {
		return this.measureAmounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** The tally as JSON-friendly maps. */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("households", households());
		map.put("problems", problems());
		map.put("riskGroups", this.riskGroups);
		map.put("tiers", this.tiers);
		map.put("measures", this.measures);
		map.put("measureAmounts", this.measureAmounts);
		map.put("totalMeasureAmount", totalAmount());
		return map;
	}

	/** A few aligned lines for a terminal. */
	public String toText() {
		StringBuilder text = new StringBuilder();
		text.append(String.format("households screened: %,d   problems: %,d%n", households(), problems()));
		section(text, "risk group", this.riskGroups);
		section(text, "tier", this.tiers);
		section(text, "measure", this.measures);
		if (!this.measureAmounts.isEmpty()) {
			text.append("amounts (yuan):\n");
			this.measureAmounts.forEach((code, amount) -> text.append(String.format("  %-30s %,18.2f%n", code, amount)));
			text.append(String.format("  %-30s %,18.2f%n", "TOTAL", totalAmount()));
		}
		return text.toString();
	}

	private void section(StringBuilder text, String title, Map<String, Long> counts) {
		text.append(title).append(":\n");
		long total = Math.max(1, households());
		for (Map.Entry<String, Long> entry : counts.entrySet()) {
			text.append(String.format("  %-30s %,10d  %5.1f%%%n", entry.getKey(), entry.getValue(),
					100.0 * entry.getValue() / total));
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Tally tally && tally.toMap().equals(toMap());
	}

	@Override
	public int hashCode() {
		return toMap().hashCode();
	}

	@Override
	public String toString() {
		return toMap().toString();
	}

}
