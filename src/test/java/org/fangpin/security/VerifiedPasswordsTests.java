package org.fangpin.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A verified bcrypt password is remembered for a while, so a client's next requests skip the bcrypt check; nothing
 * else is ever let through without one.
 */
class VerifiedPasswordsTests {

	private static final String SECRET_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");

	private final Counting checks = new Counting(PasswordEncoderFactories.createDelegatingPasswordEncoder());

	private final AtomicLong now = new AtomicLong(1_000);

	private final VerifiedPasswords passwords = new VerifiedPasswords(this.checks, Duration.ofMinutes(5),
			this.now::get);

	@Test
	void aVerifiedPasswordIsCheckedOnceUntilItsTimeIsUp() {
		assertThat(this.passwords.matches("secret", SECRET_HASH)).isTrue();
		assertThat(this.passwords.matches("secret", SECRET_HASH)).isTrue();
		assertThat(this.passwords.matches("secret", SECRET_HASH)).isTrue();
		assertThat(this.checks.count).hasValue(1);
		this.now.addAndGet(Duration.ofMinutes(5).toNanos());
		assertThat(this.passwords.matches("secret", SECRET_HASH)).isTrue();
		assertThat(this.checks.count).as("checked again once the five minutes are up").hasValue(2);
	}

	@Test
	void aWrongPasswordIsCheckedEveryTimeAndNeverLetThrough() {
		assertThat(this.passwords.matches("secret", SECRET_HASH)).isTrue();
		for (int i = 0; i < 3; i++) {
			assertThat(this.passwords.matches("Secret", SECRET_HASH)).isFalse();
			assertThat(this.passwords.matches("secret ", SECRET_HASH)).isFalse();
			assertThat(this.passwords.matches("", SECRET_HASH)).isFalse();
		}
		assertThat(this.checks.count).hasValue(10);
		assertThat(this.passwords.remembered()).isOne();
	}

	@Test
	void aPasswordVerifiedAgainstOneHashIsCheckedAgainstAnother() {
		String otherHash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("other");
		assertThat(this.passwords.matches("secret", SECRET_HASH)).isTrue();
		assertThat(this.passwords.matches("secret", otherHash)).isFalse();
		assertThat(this.passwords.matches("other", otherHash)).isTrue();
		assertThat(this.checks.count).hasValue(3);
	}

	@Test
	void plainPasswordsAreComparedEachTimeAndNotRemembered() {
		assertThat(this.passwords.matches("secret", "{noop}secret")).isTrue();
		assertThat(this.passwords.matches("secret", "{noop}secret")).isTrue();
		assertThat(this.passwords.matches("guess", "{noop}secret")).isFalse();
		assertThat(this.checks.count).hasValue(3);
		assertThat(this.passwords.remembered()).isZero();
	}

	@Test
	void aTimeOfZeroChecksEveryRequest() {
		VerifiedPasswords unremembered = new VerifiedPasswords(this.checks, Duration.ZERO, this.now::get);
		assertThat(unremembered.matches("secret", SECRET_HASH)).isTrue();
		assertThat(unremembered.matches("secret", SECRET_HASH)).isTrue();
		assertThat(this.checks.count).hasValue(2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VerifiedPasswords(this.checks, Duration.ofSeconds(-1)))
			.withMessageContaining("cannot be negative");
	}

	@Test
	void atMostTheLimitIsRememberedExpiredOnesGoingFirst() {
		PasswordEncoder plain = new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return "{x}" + raw;
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				return encoded.equals("{x}" + raw);
			}

		};
		VerifiedPasswords many = new VerifiedPasswords(plain, Duration.ofMinutes(5), this.now::get);
		for (int i = 0; i < VerifiedPasswords.MAX_REMEMBERED; i++) {
			many.matches("p" + i, "{x}p" + i);
		}
		assertThat(many.remembered()).isEqualTo(VerifiedPasswords.MAX_REMEMBERED);
		this.now.addAndGet(Duration.ofMinutes(6).toNanos());
		many.matches("late", "{x}late");
		assertThat(many.remembered()).as("the expired ones went").isOne();
		for (int i = 0; i < 2 * VerifiedPasswords.MAX_REMEMBERED; i++) {
			many.matches("q" + i, "{x}q" + i);
		}
		assertThat(many.remembered()).isLessThanOrEqualTo(VerifiedPasswords.MAX_REMEMBERED);
	}

	private static final class Counting implements PasswordEncoder {

		final AtomicInteger count = new AtomicInteger();

		private final PasswordEncoder delegate;

		Counting(PasswordEncoder delegate) {
			this.delegate = delegate;
		}

		@Override
		public String encode(CharSequence raw) {
			return this.delegate.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			this.count.incrementAndGet();
			return this.delegate.matches(raw, encoded);
		}

	}

}
