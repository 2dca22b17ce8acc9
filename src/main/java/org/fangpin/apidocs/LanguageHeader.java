package org.fangpin.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/** Documents {@code Accept-Language} on every operation: the language of every human-readable text. */
class LanguageHeader implements OpenApiCustomizer {

	static final String NAME = "AcceptLanguage";

	@Override
	public void customise(OpenAPI openApi) {
		StringSchema schema = new StringSchema();
		schema.setExample("en");
		openApi.getComponents()
			.addParameters(NAME, new Parameter().in("header")
				.name("Accept-Language")
				.required(false)
				.description("The language of labels, reasons, explanations and problem texts: en for English; "
						+ "anything else, or none, gives Chinese (zh-CN). Codes never change with it")
				.example("en")
				.schema(schema));
		openApi.getPaths()
			.values()
			.forEach((path) -> path.readOperations().forEach((operation) -> add(operation)));
	}

	private static void add(Operation operation) {
		operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + NAME));
	}

}
