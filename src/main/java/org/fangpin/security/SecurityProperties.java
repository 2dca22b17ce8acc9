package org.fangpin.security;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The users who may sign in, by name: {@code fangpin.security.users.<name>.password} and {@code .roles}. With no
 * users configured, the service makes up one user per role with a random password at each start (see
 * {@link UserConfiguration}).
 * @param users each user's password and roles
 */
@ConfigurationProperties("fangpin.security")
public record SecurityProperties(Map<String, User> users) {

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
