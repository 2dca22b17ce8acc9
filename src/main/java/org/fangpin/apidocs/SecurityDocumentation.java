package org.fangpin.apidocs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.fangpin.security.Role;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Documents the sign-in: the {@code basicAuth} scheme (HTTP Basic) that every operation requires, the 401 and 403
 * problems every operation can answer, and on each operation the roles that may call it ({@code Roles: …} at the end
 * of its description, and {@code x-fangpin: {roles: […]}}).
 * <p>
 * The roles are not written down a second time: they are asked of the authorization rules the service enforces
 * ({@code org.fangpin.security.SecurityConfiguration}), role by role, for each documented method and path, so the
 * document cannot drift from the matrix. An operation open to callers who are not signed in needs no scheme and
 * gets neither problem. It runs before the customizers that add headers to every response, so that the 401 and 403
 * answers get them too.
 */
class SecurityDocumentation implements OpenApiCustomizer, Ordered {

	static final String SCHEME = "basicAuth";

	static final String EXTENSION = "x-fangpin";

	private static final String PROBLEM = "application/problem+json";

	private static final String SCHEMAS = "#/components/schemas/";

	private final ObjectProvider<SecurityFilterChain> chains;

	SecurityDocumentation(ObjectProvider<SecurityFilterChain> chains) {
		this.chains = chains;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents()
			.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("basic")
				.description("HTTP Basic sign-in with a user of fangpin.security.users (SECURITY.md). Each user "
						+ "holds one or more roles: CASEWORKER, POLICY_EDITOR, REVIEWER, DEPARTMENT_FEED; each "
						+ "operation's description ends with the roles that may call it. Send it over HTTPS only"));
		openApi.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(SCHEME))));
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> document(method, path, operation)));
	}

	private void document(PathItem.HttpMethod method, String path, Operation operation) {
		HttpServletRequest request = new DocumentedRequest(method.name(), path.replaceAll("\\{[^}]+}", "x"));
		AuthorizationManager<HttpServletRequest> rules = rules(request);
		if (rules == null) {
			return;
		}
		if (granted(rules, request, new AnonymousAuthenticationToken("openapi", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))) {
			// open to everyone: no sign-in needed, nothing to refuse
			operation.setSecurity(new ArrayList<>());
			return;
		}
		List<String> roles = new ArrayList<>();
		for (Role role : Role.values()) {
			if (granted(rules, request, UsernamePasswordAuthenticationToken.authenticated(role.name(), null,
					AuthorityUtils.createAuthorityList("ROLE_" + role.name())))) {
				roles.add(role.name());
			}
		}
		operation.setDescription(withRoles(operation.getDescription(), roles));
		extension(operation).put("roles", roles);
		ApiResponses responses = operation.getResponses();
		responses.addApiResponse("401", problem("No credentials, or a wrong user name or password (unauthorized). "
				+ "WWW-Authenticate asks for HTTP Basic")
			.addHeaderObject("WWW-Authenticate", new Header()
				.description("The challenge: HTTP Basic in the realm fangpin")
				.schema(new StringSchema().example("Basic realm=\"fangpin\", charset=\"UTF-8\""))
				.example("Basic realm=\"fangpin\", charset=\"UTF-8\"")));
		responses.addApiResponse("403", problem(roles.isEmpty() ? "No role may call this operation (forbidden)"
				: "The signed-in user holds none of the roles this operation needs: " + String.join(", ", roles)
						+ " (forbidden)"));
	}

	/** The description, ending with the roles that may call the operation. */
	static String withRoles(String description, List<String> roles) {
		String text = (description != null && !description.isBlank()) ? description.strip() + "\n\n" : "";
		if (roles.isEmpty()) {
			return text + "Roles: none; every caller is refused.";
		}
		if (roles.size() == Role.values().length) {
			return text + "Roles: any signed-in user (" + String.join(", ", roles) + ").";
		}
		return text + "Roles: " + String.join(", ", roles) + ".";
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extension(Operation operation) {
		Object marker = (operation.getExtensions() != null) ? operation.getExtensions().get(EXTENSION) : null;
		if (marker instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		Map<String, Object> created = new LinkedHashMap<>();
		operation.addExtension(EXTENSION, created);
		return created;
	}

	private static ApiResponse problem(String description) {
		Schema<?> schema = new JsonSchema().$ref(SCHEMAS + "Problem");
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM, new MediaType().schema(schema)));
	}

	private static boolean granted(AuthorizationManager<HttpServletRequest> rules, HttpServletRequest request,
			Authentication user) {
		AuthorizationResult result = rules.authorize(() -> user, request);
		return result != null && result.isGranted();
	}

	/** The authorization rules of the filter chain that serves the request. */
	private AuthorizationManager<HttpServletRequest> rules(HttpServletRequest request) {
		for (SecurityFilterChain chain : this.chains.orderedStream().toList()) {
			if (chain.matches(request)) {
				for (Filter filter : chain.getFilters()) {
					if (filter instanceof AuthorizationFilter authorization) {
						return authorization.getAuthorizationManager();
					}
				}
				return null;
			}
		}
		return null;
	}

	/**
	 * A request that never reaches the service, only its authorization rules: Spring Security's own stand-in
	 * ({@link FilterInvocation}), with the attributes the request matchers cache and the dispatcher type of a plain
	 * request, which the stand-in lacks.
	 */
	private static final class DocumentedRequest extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		DocumentedRequest(String method, String path) {
			super(new FilterInvocation("", path, null, null, method.toUpperCase(Locale.ROOT)).getHttpRequest());
		}

		@Override
		public DispatcherType getDispatcherType() {
			return DispatcherType.REQUEST;
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.get(name);
		}

		@Override
		public Enumeration<String> getAttributeNames() {
			return Collections.enumeration(this.attributes.keySet());
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.remove(name);
		}

	}

}
