package org.fangpin.apidocs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.fangpin.rules.Catalogue;
import org.fangpin.ruleset.ActiveRuleSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Lists the codes of the rule set in force in every schema marked {@code x-fangpin: {catalogue: <section>}}. Those
 * codes live in {@code rules/catalogue.yaml}, which policy staff edit, so they cannot be Java enums; the document
 * states the ones the service would answer with now. springdoc builds the document once and caches it: whatever
 * swaps the rule set at run time must also have the document rebuilt.
 */
class CatalogueCodes implements OpenApiCustomizer {

	static final String EXTENSION = "x-fangpin";

	/** The distinct categories of the measures: not a section of its own. */
	static final String MEASURE_CATEGORIES = "measureCategories";

	private final ActiveRuleSet rules;

	CatalogueCodes(ActiveRuleSet rules) {
		this.rules = rules;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Catalogue catalogue = this.rules.ruleSet().catalogue();
		openApi.getComponents().getSchemas().values().forEach((schema) -> visit(schema, catalogue));
	}

	private void visit(Schema<?> schema, Catalogue catalogue) {
		if (schema == null) {
			return;
		}
		fill(schema, catalogue);
		visit(schema.getItems(), catalogue);
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach((property) -> visit(property, catalogue));
		}
	}

	@SuppressWarnings("unchecked")
	private void fill(Schema<?> schema, Catalogue catalogue) {
		if (schema.getExtensions() == null || !(schema.getExtensions().get(EXTENSION) instanceof Map<?, ?> marker)) {
			return;
		}
		String section = String.valueOf(marker.get("catalogue"));
		List<Object> codes = new ArrayList<>(codes(catalogue, section));
		if (codes.isEmpty()) {
			// An empty enum is no valid schema: a section without codes leaves the field a plain string
			return;
		}
		if (schema.getTypes() != null && schema.getTypes().contains("null")) {
			codes.add(null);
		}
		((Schema<Object>) schema).setEnum(codes);
	}

	static Set<String> codes(Catalogue catalogue, String section) {
		Set<String> codes = new LinkedHashSet<>();
		if (MEASURE_CATEGORIES.equals(section)) {
			catalogue.section("measures")
				.stream()
				.map(Catalogue.Entry::category)
				.filter(Objects::nonNull)
				.forEach(codes::add);
		}
		else {
			catalogue.section(section).forEach((entry) -> codes.add(entry.code()));
		}
		return codes;
	}

}
