package org.fangpin.rules.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.fangpin.rules.Catalogue;
import org.fangpin.rules.Evaluation.EliminationResult;
import org.fangpin.rules.Evaluation.IncomeFigures;
import org.fangpin.rules.Evaluation.MeasureResult;
import org.fangpin.rules.LocalizedText;

/**
 * Writes the plain-language explanation of an evaluation from the catalogue's sentence templates, in Chinese and
 * English at once.
 */
final class Explainer {

	private final Catalogue catalogue;

	private final CatalogueIndex index;

	/** DecimalFormat is costly to build and not thread-safe: one of each per thread. */
	private static final ThreadLocal<DecimalFormat> MONEY = ThreadLocal
		.withInitial(() -> new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)));

	private static final ThreadLocal<DecimalFormat> AMOUNT = ThreadLocal
		.withInitial(() -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));

	Explainer(Catalogue catalogue, CatalogueIndex index) {
		this.catalogue = catalogue;
		this.index = index;
	}

	List<LocalizedText> explain(IncomeFigures income, Integer thresholdYear, String riskGroup,
			List<String> riskTypes, String tier, List<MeasureResult> measures, EliminationResult elimination,
			List<String> alerts) {
		List<LocalizedText> sentences = new ArrayList<>();
		if (income.perCapitaNetIncome() != null && income.threshold() != null) {
			boolean below = income.netIncome()
				.compareTo(income.threshold().multiply(BigDecimal.valueOf(income.householdSize()))) < 0;
			add(sentences, below ? "incomeBelow" : "incomeNotBelow",
					Map.of("perCapitaNetIncome", money(income.perCapitaNetIncome()), "threshold",
							amount(income.threshold()), "year", String.valueOf(thresholdYear)));
		}
		if (income.rigidExpenses() != null && income.rigidExpenses().signum() > 0
				&& income.perCapitaAfterRigidExpenses() != null) {
			add(sentences, "afterRigidExpenses", Map.of("rigidExpenses", amount(income.rigidExpenses()),
					"perCapitaAfterRigidExpenses", money(income.perCapitaAfterRigidExpenses())));
		}
		if (riskGroup != null) {
			add(sentences, "riskGroup", labels("riskGroups", List.of(riskGroup)), "riskGroup");
		}
		if (!riskTypes.isEmpty()) {
			add(sentences, "riskTypes", labels("riskTypes", riskTypes), "riskTypes");
		}
		if (tier != null) {
			add(sentences, "tier", labels("tiers", List.of(tier)), "tier");
		}
		if (!measures.isEmpty()) {
			add(sentences, "measures", labels("measures", measures.stream().map(MeasureResult::code).toList()),
					"measures");
		}
		if (elimination != null && elimination.eligible()) {
			add(sentences, "eliminationEligible", Map.of());
		}
		else if (elimination != null) {
			add(sentences, "eliminationNotYet", labels("eliminationClauses", elimination.unmet(),
					(entry) -> entry.code() + " " + entry.label().zh(),
					(entry) -> entry.code() + " " + entry.label().en()), "unmet");
		}
		if (!alerts.isEmpty()) {
			add(sentences, "alerts", labels("alerts", alerts), "alerts");
		}
		return sentences;
	}

	private LocalizedText labels(String section, List<String> codes) {
		return labels(section, codes, (entry) -> entry.label().zh(), (entry) -> entry.label().en());
	}

	private LocalizedText labels(String section, List<String> codes, Function<Catalogue.Entry, String> zh,
			Function<Catalogue.Entry, String> en) {
		List<String> chinese = new ArrayList<>();
		List<String> english = new ArrayList<>();
		for (String code : codes) {
			Catalogue.Entry entry = this.index.find(section, code);
			if (entry == null) {
				entry = new Catalogue.Entry(code, null, new LocalizedText(code, code), null, null);
			}
			chinese.add(zh.apply(entry));
			english.add(en.apply(entry));
		}
		return new LocalizedText(String.join("、", chinese), String.join(", ", english));
	}

	private void add(List<LocalizedText> sentences, String template, LocalizedText value, String placeholder) {
		LocalizedText text = this.catalogue.explanations().get(template);
		if (text != null) {
			sentences.add(new LocalizedText(fill(text.zh(), Map.of(placeholder, value.zh())),
					fill(text.en(), Map.of(placeholder, value.en()))));
		}
	}

	private void add(List<LocalizedText> sentences, String template, Map<String, String> values) {
		LocalizedText text = this.catalogue.explanations().get(template);
		if (text != null) {
			sentences.add(new LocalizedText(fill(text.zh(), values), fill(text.en(), values)));
		}
	}

	private static String fill(String template, Map<String, String> values) {
		if (template == null) {
			return null;
		}
		String result = template;
		for (Map.Entry<String, String> entry : values.entrySet()) {
			result = result.replace("{" + entry.getKey() + "}", entry.getValue());
		}
		return result;
	}

	/** 6,500.00 */
	static String money(BigDecimal value) {
		return MONEY.get().format(value);
	}

	/** 7,400 or 7,400.5 */
	static String amount(BigDecimal value) {
		return AMOUNT.get().format(value);
	}

}
