package org.fangpin.operations;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/** Documents the correlation id header on every operation and every response of the OpenAPI document. */
class CorrelationIdHeaders implements OpenApiCustomizer {

	static final String NAME = "CorrelationId";

	private static final String EXAMPLE = "c0a8012e-7f3b-4d2a-9f6e-2b1d0c9e8a7f";

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents()
			.addParameters(NAME, new Parameter().in("header")
				.name(CorrelationIdFilter.HEADER)
				.required(false)
				.description("An id to find this request in the service's logs: 1–64 characters of A-Z a-z 0-9 - _. "
						+ "Anything else, or none, and the service makes one")
				.example(EXAMPLE)
				.schema(schema()))
			.addHeaders(NAME, new Header()
				.description("The request's correlation id: the one sent, or the one the service made. Every log "
						+ "line of the request carries it")
				.example(EXAMPLE)
				.schema(schema()));
		openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
			operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + NAME));
			operation.getResponses()
				.values()
				.forEach((response) -> response.addHeaderObject(CorrelationIdFilter.HEADER,
						new Header().$ref("#/components/headers/" + NAME)));
		}));
	}

	private static StringSchema schema() {
		StringSchema schema = new StringSchema();
		schema.setPattern("^[A-Za-z0-9_-]{1,64}$");
		schema.setExample(EXAMPLE);
		return schema;
	}

}
