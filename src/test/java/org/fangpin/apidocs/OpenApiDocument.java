package org.fangpin.apidocs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.fangpin.HttpClientSupport;
import org.fangpin.HttpClientSupport.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client driven by the service's own OpenAPI document: it finds operations and their examples in the document,
 * sends requests the way the document says, and checks each response against what the document promises for its
 * status (media type, headers and JSON schema, with a JSON Schema 2020-12 validator; NDJSON line by line, CSV as a
 * string).
 */
final class OpenApiDocument {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private final JsonNode root;

	private final HttpClientSupport http;

	private OpenApiDocument(JsonNode root, HttpClientSupport http) {
		this.root = root;
		this.http = http;
	}

	/** Reads the document from the running service. */
	static OpenApiDocument read(HttpClientSupport http) {
		Response response = http.get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		return new OpenApiDocument(response.json(), http);
	}

	JsonNode root() {
		return this.root;
	}

	JsonNode schema(String name) {
		JsonNode schema = this.root.get("components").get("schemas").get(name);
		assertThat(schema).as("schema " + name).isNotNull();
		return schema;
	}

	Operation operation(String method, String path) {
		JsonNode item = this.root.get("paths").get(path);
		assertThat(item).as("documented path " + path).isNotNull();
		JsonNode operation = item.get(method.toLowerCase());
		assertThat(operation).as("documented operation " + method + " " + path).isNotNull();
		return new Operation(method.toUpperCase(), path, operation);
	}

	/** Every error of {@code instance} against {@code schema} (a schema of this document, refs resolved here). */
	List<String> validate(JsonNode schema, JsonNode instance) {
		ObjectNode document = (ObjectNode) schema.deepCopy();
		document.put("$schema", SpecificationVersion.DRAFT_2020_12.getDialectId());
		document.set("components", this.root.get("components"));
		List<String> errors = new ArrayList<>();
		for (Error error : SCHEMAS.getSchema(document).validate(instance)) {
			errors.add(error.toString());
		}
		return errors;
	}

	private JsonNode resolve(JsonNode node) {
		JsonNode resolved = node;
		while (resolved.has("$ref")) {
			JsonNode target = this.root;
			for (String part : resolved.get("$ref").asString().substring(2).split("/")) {
				target = target.get(part);
			}
			resolved = target;
		}
		return resolved;
	}

	/** One operation of the document. */
	final class Operation {

		private final String method;

		private final String path;

		private final JsonNode node;

		Operation(String method, String path, JsonNode node) {
			this.method = method;
			this.path = path;
			this.node = node;
		}

		JsonNode node() {
			return this.node;
		}

		/** The request body's media type, as documented: the one the request is sent with. */
		String requestMediaType() {
			Iterator<String> types = this.node.get("requestBody").get("content").propertyNames().iterator();
			assertThat(types.hasNext()).as("a documented request media type").isTrue();
			return types.next();
		}

		JsonNode requestSchema() {
			return this.node.get("requestBody").get("content").get(requestMediaType()).get("schema");
		}

		/** The first documented example of the request body. */
		JsonNode requestExample() {
			JsonNode examples = this.node.get("requestBody").get("content").get(requestMediaType()).get("examples");
			assertThat(examples).as("documented request examples of " + this).isNotNull().isNotEmpty();
			return examples.values().iterator().next().get("value");
		}

		/** Sends a body with the documented media type. */
		Response send(JsonNode body) {
			return send(body.toString(), requestMediaType());
		}

		Response send(String body, String mediaType) {
			assertThat(this.method).isEqualTo("POST");
			return OpenApiDocument.this.http.post(this.path, mediaType, body);
		}

		/** Calls a GET operation, its path variables filled in order. */
		Response get(String... pathVariables) {
			assertThat(this.method).isEqualTo("GET");
			String target = this.path;
			for (String value : pathVariables) {
				target = target.replaceFirst("\\{[^}]+}", value);
			}
			return OpenApiDocument.this.http.get(target);
		}

		/**
		 * Checks a response against the document: its status is documented, its media type is one documented for
		 * that status, every documented header is there and matches its schema, and the body matches the schema.
		 */
		Response assertDocumented(Response response) {
			String status = String.valueOf(response.status());
			JsonNode documented = this.node.get("responses").get(status);
			assertThat(documented).as(this + " documents status " + status + " (body " + shortened(response) + ")")
				.isNotNull();
			documented = resolve(documented);
			if (documented.has("headers")) {
				for (Map.Entry<String, JsonNode> header : documented.get("headers").properties()) {
					String value = response.header(header.getKey());
					assertThat(value).as(this + " " + status + " header " + header.getKey()).isNotNull();
					JsonNode schema = resolve(header.getValue()).get("schema");
					assertThat(validate(schema, HttpClientSupport.JSON.getNodeFactory().stringNode(value)))
						.as(this + " " + status + " header " + header.getKey() + ": " + value)
						.isEmpty();
				}
			}
			JsonNode content = documented.get("content");
			if (content != null) {
				String contentType = response.header("Content-Type");
				String mediaType = null;
				for (String candidate : content.propertyNames()) {
					if (contentType != null && contentType.startsWith(candidate)) {
						mediaType = candidate;
					}
				}
				assertThat(mediaType).as(this + " " + status + " media type " + contentType + " is one of "
						+ content.propertyNames()).isNotNull();
				List<String> errors = validateBody(content.get(mediaType).get("schema"), mediaType, response);
				assertThat(errors).as(this + " " + status + " body matches its documented schema: " + shortened(response))
					.isEmpty();
			}
			return response;
		}

		/**
		 * JSON bodies are validated whole, NDJSON bodies line by line (the schema is that of one line), and any other
		 * body (CSV) as one string.
		 */
		private List<String> validateBody(JsonNode schema, String mediaType, Response response) {
			if (mediaType.equals("application/x-ndjson")) {
				List<String> errors = new ArrayList<>();
				for (String line : response.body().split("\n")) {
					if (!line.isBlank()) {
						errors.addAll(OpenApiDocument.this.validate(schema, HttpClientSupport.JSON.readTree(line)));
					}
				}
				return errors;
			}
			if (mediaType.endsWith("json")) {
				return OpenApiDocument.this.validate(schema, response.json());
			}
			return OpenApiDocument.this.validate(schema,
					HttpClientSupport.JSON.getNodeFactory().stringNode(response.body()));
		}

		private static String shortened(Response response) {
			String body = response.body();
			return (body.length() > 400) ? body.substring(0, 400) + "…" : body;
		}

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
