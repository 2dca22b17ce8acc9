package org.fangpin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for tests that meet the service as a caseworker's system does. It signs in with HTTP Basic as
 * {@link #USER}, a test user who holds every role (configured in {@code src/test/resources/config}), unless a test
 * asks for another user with {@link #as} or for no credentials with {@link #anonymous()}.
 */
public final class HttpClientSupport {

	public static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/** The test user who holds every role. */
	public static final String USER = "test-all-roles";

	/** The test users who hold one role each, by role, with their passwords. */
	public static final Map<String, String> ONE_ROLE_USERS = Map.of("CASEWORKER", "test-caseworker", "POLICY_EDITOR",
			"test-policy-editor", "REVIEWER", "test-reviewer", "DEPARTMENT_FEED", "test-department-feed");

	private static final Map<String, String> PASSWORDS = Map.of(USER, "all-roles-secret", "test-caseworker",
			"caseworker-secret", "test-policy-editor", "policy-editor-secret", "test-reviewer", "reviewer-secret",
			"test-department-feed", "department-feed-secret");

	private final HttpClient client;

	private final String base;

	private final String authorization;

	public HttpClientSupport(int port) {
		this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), "http://localhost:" + port,
				basic(USER, PASSWORDS.get(USER)));
	}

	private HttpClientSupport(HttpClient client, String base, String authorization) {
		this.client = client;
		this.base = base;
		this.authorization = authorization;
	}

	/** The same client signed in as one of the test users (see {@link #ONE_ROLE_USERS}). */
	public HttpClientSupport as(String user) {
		String password = PASSWORDS.get(user);
		if (password == null) {
			throw new IllegalArgumentException("not a test user: " + user);
		}
		return as(user, password);
	}

	/** The same client signed in with any user name and password. */
	public HttpClientSupport as(String user, String password) {
		return new HttpClientSupport(this.client, this.base, basic(user, password));
	}

	/** The same client sending no credentials. */
	public HttpClientSupport anonymous() {
		return new HttpClientSupport(this.client, this.base, null);
	}

	/** The base address, {@code http://localhost:<port>}. */
	public String base() {
		return this.base;
	}

	/** Any method, with an optional body. */
	public Response send(String method, String path, String contentType, String body, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
					: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder, headers);
	}

	/** A raw request, signed in as this client is unless it carries its own {@code Authorization}. */
	public Response send(HttpRequest.Builder builder, String... headers) {
		return send(builder, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), headers);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public Response get(String path, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), headers);
	}

	public Response postJson(String path, String body, String... headers) {
		return post(path, "application/json", body, headers);
	}

	public Response post(String path, String contentType, String body, String... headers) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
	}

	private Response send(HttpRequest.Builder builder, HttpResponse.BodyHandler<String> handler, String... headers) {
		boolean ownAuthorization = false;
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
			ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
		}
		if (this.authorization != null && !ownAuthorization) {
			builder.header("Authorization", this.authorization);
		}
		try {
			HttpResponse<String> response = this.client.send(builder.build(), handler);
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String example() {
		try {
			return Files.readString(Path.of("docs/examples/household.json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A response with its body parsed as JSON when it is JSON. */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public String body() {
			return this.raw.body();
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

	}

}
