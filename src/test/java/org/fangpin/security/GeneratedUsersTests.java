package org.fangpin.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangpin.FangpinApplication;
import org.fangpin.HttpClientSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** Start-ups without the test users: a fresh machine, and a mistyped password. */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedUsersTests {

	/** Only the application's own properties, not the test users of src/test/resources/config. */
	private static final String MAIN_PROPERTIES_ONLY = "--spring.config.location=classpath:/application.properties";

	/** Where the other tests keep compiled rules, instead of the default ./data/compiled-rules of a real start. */
	private static final String TEST_COMPILED_RULES = "--fangpin.rules.compiled-dir=target/compiled-rules";

	@Test
	void withNoUsersConfiguredEachRoleGetsARandomPasswordPrintedOnceAtWarn(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SpringApplication.run(FangpinApplication.class,
				MAIN_PROPERTIES_ONLY, TEST_COMPILED_RULES, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:generated-users;DB_CLOSE_DELAY=-1")) {
			assertThat(output).containsOnlyOnce("No users are configured (fangpin.security.users)");
			assertThat(output.toString()).containsPattern("WARN .*No users are configured");
			Matcher caseworker = Pattern.compile("caseworker : (\\S+)  \\(CASEWORKER\\)").matcher(output);
			assertThat(caseworker.find()).isTrue();
			assertThat(output).contains("(POLICY_EDITOR)").contains("(REVIEWER)").contains("(DEPARTMENT_FEED)");
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpClientSupport http = new HttpClientSupport(port);
			assertThat(http.as("caseworker", caseworker.group(1)).get("/api/v1/catalogue").status()).isEqualTo(200);
			assertThat(http.as("caseworker", "guess").get("/api/v1/catalogue").status()).isEqualTo(401);
			assertThat(http.get("/api/v1/catalogue").status()).as("the test users are not configured here")
				.isEqualTo(401);
		}
	}

	@Test
	void aBcryptUserSignsInOnEveryRequestAndAWrongPasswordNeverDoes() {
		String hash = new BCryptPasswordEncoder(10).encode("rita's secret");
		try (ConfigurableApplicationContext context = SpringApplication.run(FangpinApplication.class,
				MAIN_PROPERTIES_ONLY, TEST_COMPILED_RULES, "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:bcrypt-user;DB_CLOSE_DELAY=-1",
				"--fangpin.security.users.rita.password={bcrypt}" + hash,
				"--fangpin.security.users.rita.roles=CASEWORKER")) {
			HttpClientSupport http = new HttpClientSupport(
					((WebServerApplicationContext) context).getWebServer().getPort());
			for (int i = 0; i < 3; i++) {
				assertThat(http.as("rita", "rita's secret").get("/api/v1/catalogue").status()).isEqualTo(200);
				assertThat(http.as("rita", "rita's secret ").get("/api/v1/catalogue").status()).isEqualTo(401);
				assertThat(http.as("rita", "Rita's secret").get("/api/v1/catalogue").status()).isEqualTo(401);
				assertThat(http.as("alice", "rita's secret").get("/api/v1/catalogue").status()).isEqualTo(401);
			}
			assertThat(context.getBean(PasswordEncoder.class)).isInstanceOfSatisfying(VerifiedPasswords.class,
					(passwords) -> assertThat(passwords.remembered())
						.as("rita's password, verified once and remembered; the wrong ones not")
						.isOne());
		}
	}

	@Test
	void aPasswordWithoutItsEncodingStopsTheStartUpNamingTheUser() {
		assertThatException().isThrownBy(() -> SpringApplication.run(FangpinApplication.class, MAIN_PROPERTIES_ONLY,
				TEST_COMPILED_RULES, "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:bad-user;DB_CLOSE_DELAY=-1",
				"--fangpin.security.users.alice.password=secret", "--fangpin.security.users.alice.roles=CASEWORKER"))
			.havingRootCause()
			.withMessageContaining("fangpin.security.users.alice.password must be {bcrypt}");
	}

}
