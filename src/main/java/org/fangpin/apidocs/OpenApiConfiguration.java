package org.fangpin.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.fangpin.ruleset.ActiveRuleSet;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.SecurityFilterChain;

/** The OpenAPI document's description and the customizers that complete it. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI fangpinOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "development";
		return new OpenAPI().info(new Info().title("Fangpin")
			.version(version)
			.description("""
					Risk identification and assistance recommendations for the dynamic monitoring and assistance \
					mechanism (防止返贫动态监测和帮扶机制). A caseworker sends a household profile and gets its risk \
					group, risk types, assistance tier, measures, the risk-elimination check, early-warning alerts, \
					a plain-language explanation and the trace of every rule that fired.

					Codes never change with the language; labels, reasons, explanations and problem texts follow \
					Accept-Language (zh-CN by default, or en). Every error is an RFC 9457 problem \
					(application/problem+json). Fields that carry a code of the rule set's catalogue list the codes \
					of the rule set in force (GET /api/v1/catalogue has their labels).

					Every operation needs HTTP Basic sign-in (basicAuth) with a user who holds one of the roles \
					its description ends with (CASEWORKER, POLICY_EDITOR, REVIEWER, DEPARTMENT_FEED; see \
					SECURITY.md): without credentials, or with a wrong password, the answer is a 401 problem; \
					outside the operation's roles, a 403 problem."""))
			.addServersItem(new Server().url("/").description("This service, where the document was read"))
			.addTagsItem(new Tag().name("Assessments")
				.description("Evaluate household profiles against the rule set in force, one or many at a time, "
						+ "store the results and read them back"))
			.addTagsItem(new Tag().name("Rule set").description("The rule set in force and its catalogue of codes"))
			.addTagsItem(new Tag().name("Review")
				.description("A reviewer's questions about a stored assessment: replay it, try a change, find the "
						+ "income change that moves it, ask why it did not get a result, and export it"))
			.addTagsItem(new Tag().name("Audit")
				.description("Who validated or activated a rule set and who stored an assessment, and when"))
			.addTagsItem(new Tag().name("Rule set lifecycle")
				.description("Validate a candidate rule set and see what it changes for a population, reload the "
						+ "rules directory, roll back to an archived version, and read the archive of versions, their "
						+ "files and their differences"))
			.addTagsItem(new Tag().name("Casework")
				.description("Households' cases from the risk signal to elimination, and alerts from other "
						+ "departments"))
			.addTagsItem(new Tag().name("Oversight")
				.description("The watch list and the summary report of a region, every figure down to its "
						+ "households"));
	}

	@Bean
	OpenApiCustomizer catalogueCodes(ActiveRuleSet rules) {
		return new CatalogueCodes(rules);
	}

	@Bean
	OpenApiCustomizer schemaCompletion() {
		return new SchemaCompletion();
	}

	@Bean
	OpenApiCustomizer languageHeader() {
		return new LanguageHeader();
	}

	@Bean
	OpenApiCustomizer securityDocumentation(ObjectProvider<SecurityFilterChain> chains) {
		return new SecurityDocumentation(chains);
	}

}
