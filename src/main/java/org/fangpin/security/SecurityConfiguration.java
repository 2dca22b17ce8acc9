package org.fangpin.security;

import jakarta.servlet.DispatcherType;
import org.fangpin.web.Endpoints;
import org.fangpin.web.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may call what: HTTP Basic against the configured users, and one rule per endpoint (SECURITY.md has the
 * matrix). Anything under {@code /api/} that no rule names is refused to everyone, so a new endpoint is closed until
 * someone decides who may use it; a signed-in caller asking for an address or a method that does not exist gets a
 * 404 or a 405 instead of that refusal. The API is stateless: no session, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String CASEWORKER = Role.CASEWORKER.name();

	private static final String POLICY_EDITOR = Role.POLICY_EDITOR.name();

	private static final String REVIEWER = Role.REVIEWER.name();

	private static final String DEPARTMENT_FEED = Role.DEPARTMENT_FEED.name();

	@Bean
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, Endpoints endpoints) throws Exception {
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"fangpin\", charset=\"UTF-8\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
		};
		// A signed-in caller asking for an address or a method the service does not have is told so, not that
		// their roles forbid it; the API description already lists every endpoint, so this reveals nothing.
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			// Only the API's addresses are closed by default; elsewhere (the console) a refusal is about roles
			Endpoints.Found found = request.getRequestURI().startsWith(request.getContextPath() + "/api/")
					? endpoints.lookUp(request) : Endpoints.Found.MAPPED;
			switch (found.kind()) {
				case NONE -> problems.write(request, response, HttpStatus.NOT_FOUND, "http-404",
						request.getRequestURI());
				case OTHER_METHODS -> {
					response.setHeader(HttpHeaders.ALLOW, String.join(", ", found.allowed()));
					problems.write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "http-405", request.getMethod(),
							String.join(", ", found.allowed()));
				}
				case THIS_METHOD -> problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
						(request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : "",
						request.getMethod(), request.getRequestURI());
			}
		};
		http.authorizeHttpRequests((requests) -> requests
			// Errors forwarded by the container carry the status decided before; they need no second check.
			.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			// Assessing households
			.requestMatchers(HttpMethod.POST, "/api/v1/evaluations", "/api/v1/assessments", "/api/v1/assessments/batch")
			.hasRole(CASEWORKER)
			// Exports of a stored assessment go to reviewers
			.requestMatchers(HttpMethod.GET, "/api/v1/assessments/*/export")
			.hasRole(REVIEWER)
			// Why, why not and what if: read-only questions about a stored assessment; nothing is stored
			.requestMatchers(HttpMethod.POST, "/api/v1/assessments/*/replay", "/api/v1/assessments/*/what-if")
			.hasAnyRole(CASEWORKER, REVIEWER)
			// Reading assessments, a household's history and its cases
			.requestMatchers(HttpMethod.GET, "/api/v1/assessments/**", "/api/v1/households/**", "/api/v1/cases/**")
			.hasAnyRole(CASEWORKER, REVIEWER)
			// Casework: caseworkers record transitions and the measures applied
			.requestMatchers(HttpMethod.POST, "/api/v1/cases/*/transitions", "/api/v1/cases/*/measures")
			.hasRole(CASEWORKER)
			// Department alerts come from the other departments' feeds
			.requestMatchers(HttpMethod.POST, "/api/v1/alerts")
			.hasRole(DEPARTMENT_FEED)
			// The watch list and reports, for reviewers and the county office's caseworkers
			.requestMatchers(HttpMethod.GET, "/api/v1/watchlist", "/api/v1/watchlist.csv", "/api/v1/reports/**")
			.hasAnyRole(CASEWORKER, REVIEWER)
			// The rule set lifecycle
			.requestMatchers(HttpMethod.POST, "/api/v1/ruleset/validate", "/api/v1/ruleset/reload",
					"/api/v1/ruleset/rollback", "/api/v1/ruleset/impact")
			.hasRole(POLICY_EDITOR)
			// Reading the rule set, its versions, differences and the catalogue
			.requestMatchers(HttpMethod.GET, "/api/v1/ruleset", "/api/v1/ruleset/versions",
					"/api/v1/ruleset/versions/**", "/api/v1/ruleset/diff", "/api/v1/catalogue")
			.authenticated()
			// Review: the audit log and the console
			.requestMatchers(HttpMethod.GET, "/api/v1/audit")
			.hasRole(REVIEWER)
			.requestMatchers("/console", "/console/**")
			.hasRole(REVIEWER)
			// Operations and the API description
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// Everything else under /api is closed until a rule above names it
			.requestMatchers("/api/**")
			.denyAll()
			.anyRequest()
			.authenticated())
			.httpBasic((basic) -> basic.realmName("fangpin").authenticationEntryPoint(unauthorized))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable);
		return http.build();
	}

}
