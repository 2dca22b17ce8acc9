package org.fangpin.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The users from {@code fangpin.security.users}, checked at start-up: a password without a known encoding or a user
 * without a role stops the service rather than locking someone out later. With no users configured there is no
 * default password to forget about: one user per role gets a random password, printed once to the log.
 */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(UserConfiguration.class);

	private static final Pattern ENCODED = Pattern
		.compile("\\{noop\\}.+|\\{bcrypt\\}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	/** The encodings of SECURITY.md, with each verified bcrypt password remembered for a while (VerifiedPasswords). */
	@Bean
	PasswordEncoder passwordEncoder(SecurityProperties properties) {
		return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				properties.verifiedPasswordTtl());
	}

	/**
	 * The users, as a plain {@link UserDetailsService}: were it the {@link InMemoryUserDetailsManager} itself, Spring
	 * Security would "upgrade" every {@code {noop}} password to bcrypt at the first sign-in, and each later request
	 * would pay for a bcrypt check that the configuration did not ask for.
	 */
	@Bean
	UserDetailsService userDetailsService(SecurityProperties properties) {
		List<UserDetails> users = new ArrayList<>();
		if (properties.users().isEmpty()) {
			users.addAll(generated());
		}
		else {
			new TreeMap<>(properties.users()).forEach((name, user) -> users.add(configured(name, user)));
		}
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
		return manager::loadUserByUsername;
	}

	private static UserDetails configured(String name, SecurityProperties.User user) {
		String prefix = "fangpin.security.users." + name;
		if (user.password() == null || !ENCODED.matcher(user.password()).matches()) {
			throw new IllegalStateException(prefix + ".password must be {bcrypt} followed by a bcrypt hash, "
					+ "or {noop} followed by the password (see SECURITY.md)");
		}
		if (user.roles().isEmpty()) {
			throw new IllegalStateException(prefix + ".roles must name at least one of " + List.of(Role.values()));
		}
		return User.withUsername(name)
			.password(user.password())
			.roles(user.roles().stream().map(Role::name).sorted().toArray(String[]::new))
			.build();
	}

	private static List<UserDetails> generated() {
		SecureRandom random = new SecureRandom();
		List<UserDetails> users = new ArrayList<>();
		StringBuilder message = new StringBuilder("No users are configured (fangpin.security.users), so one user per "
				+ "role was generated with a random password. These passwords are for this run only and change at "
				+ "every start:");
		for (Role role : Role.values()) {
			String name = role.name().toLowerCase(Locale.ROOT).replace('_', '-');
			byte[] bytes = new byte[18];
			random.nextBytes(bytes);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			users.add(User.withUsername(name).password("{noop}" + password).roles(role.name()).build());
			message.append(System.lineSeparator())
				.append("    ")
				.append(name)
				.append(" : ")
				.append(password)
				.append("  (")
				.append(role)
				.append(')');
		}
		message.append(System.lineSeparator())
			.append("Configure real users with --fangpin.security.users.<name>.password={bcrypt}<hash> and "
					+ "--fangpin.security.users.<name>.roles=<ROLE,...>, or try the demo users with the 'demo' "
					+ "profile. See SECURITY.md.");
		logger.warn(message.toString());
		return users;
	}

}
