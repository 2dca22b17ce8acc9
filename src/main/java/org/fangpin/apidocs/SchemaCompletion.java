package org.fangpin.apidocs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Completes what the annotations cannot say in OpenAPI 3.1: a nullable reference becomes
 * {@code anyOf: [{$ref}, {type: null}]} (swagger-core writes {@code type: null} beside the {@code $ref}, which no
 * object passes), a nullable field with listed values lists null among them, the masked copies of the profile are
 * filled in ({@link MaskedSchemas}), and a property whose value is another schema, or a list of them, gets an
 * example composed of that schema's field examples, so that every field of the document has one without repeating
 * them by hand.
 */
class SchemaCompletion implements OpenApiCustomizer {

	private static final String SCHEMAS = "#/components/schemas/";

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		MaskedSchemas.fill(schemas);
		schemas.values().forEach(SchemaCompletion::nullableReferences);
		schemas.values().forEach(SchemaCompletion::nullableEnums);
		schemas.values().forEach((schema) -> examples(schema, schemas));
	}

	@SuppressWarnings("unchecked")
	private static void nullableReferences(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		schema.getProperties().replaceAll((name, property) -> {
			if (property.get$ref() == null || property.getTypes() == null || !property.getTypes().contains("null")) {
				return property;
			}
			Schema<Object> nullable = new JsonSchema();
			nullable.setDescription(property.getDescription());
			nullable.setAnyOf(List.of(new JsonSchema().$ref(property.get$ref()), new JsonSchema().types(Set.of("null"))));
			return nullable;
		});
	}

	/** A nullable field whose values are listed lists null too (swagger-core lists only an enum's constants). */
	@SuppressWarnings("unchecked")
	private static void nullableEnums(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		for (Schema<?> property : schema.getProperties().values()) {
			if (property.getEnum() != null && !property.getEnum().contains(null) && property.getTypes() != null
					&& property.getTypes().contains("null")) {
				List<Object> values = new ArrayList<>(property.getEnum());
				values.add(null);
				((Schema<Object>) property).setEnum(values);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static void examples(Schema<?> schema, Map<String, Schema> schemas) {
		if (schema.getProperties() == null) {
			return;
		}
		for (Schema property : schema.getProperties().values()) {
			if (!hasExample(property)) {
				Object example = example(property, schemas, new HashSet<>());
				if (example != null) {
					property.setExample(example);
				}
			}
		}
	}

	/** The schema's own example, or one composed of its parts; null when it has none. */
	private static Object example(Schema<?> schema, Map<String, Schema> schemas, Set<String> seen) {
		if (schema == null) {
			return null;
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
			return schema.getExamples().get(0);
		}
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(SCHEMAS.length());
			if (!seen.add(name)) {
				return null;
			}
			Object example = example(schemas.get(name), schemas, seen);
			seen.remove(name);
			return example;
		}
		if (schema.getAnyOf() != null) {
			for (Schema<?> option : schema.getAnyOf()) {
				Object example = example(option, schemas, seen);
				if (example != null) {
					return example;
				}
			}
			return null;
		}
		if (schema.getItems() != null) {
			Object item = example(schema.getItems(), schemas, seen);
			return (item != null) ? List.of(item) : null;
		}
		if (schema.getProperties() != null) {
			Map<String, Object> object = new LinkedHashMap<>();
			schema.getProperties().forEach((name, property) -> {
				Object value = example(property, schemas, seen);
				if (value != null) {
					object.put(name, value);
				}
			});
			return object.isEmpty() ? null : object;
		}
		return null;
	}

	static boolean hasExample(Schema<?> schema) {
		return schema.getExample() != null || (schema.getExamples() != null && !schema.getExamples().isEmpty());
	}

}
