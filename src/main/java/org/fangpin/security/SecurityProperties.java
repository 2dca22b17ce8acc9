package org.fangpin.security;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users who may sign in, by name: {@code fangpin.security.users.<name>.password} and {@code .roles}. With no
 * users configured, the service makes up one user per role with a random password at each start (see
 * {@link UserConfiguration}).
 * @param users each user's password and roles
 * @param verifiedPasswordTtl how long a verified bcrypt password is remembered, so that the next requests with it
 * skip the bcrypt check; zero checks every request
 */
@ConfigurationProperties("fangpin.security")
public record SecurityProperties(Map<String, User> users, @DefaultValue("5m") Duration verifiedPasswordTtl) {

	public SecurityProperties {
		users = (users != null) ? Map.copyOf(users) : Map.of();
	}

	/**
	 * One user.
	 * @param password the password with its encoding: {@code {bcrypt}$2a$10$...} or {@code {noop}secret}
	 * @param roles what the user may do
	 */
	public record User(String password, Set<Role> roles) {

		public User {
			roles = (roles != null) ? Set.copyOf(roles) : Set.of();
		}

	}

}
