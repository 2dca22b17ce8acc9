package org.fangpin.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers for a while which passwords were verified, so that a client sending many requests with HTTP Basic pays
 * for one bcrypt check, not one per request. Bcrypt at cost 10 takes about 90 ms of a core on this machine: checked
 * on every request, it held the service to about 15 stored assessments a second.
 * <p>
 * What is remembered is an HMAC-SHA256 of the stored hash and the presented password, under a random key that exists
 * only in this process's memory, with the time it expires. Only a successful check is remembered: a wrong password
 * costs a full check every time. A user's changed hash (a restart with new configuration) matches nothing
 * remembered. {@code {noop}} passwords are compared directly, as before.
 */
final class VerifiedPasswords implements PasswordEncoder {

	/** How many verified passwords are remembered at most; past it, expired ones go, then all. */
	static final int MAX_REMEMBERED = 10_000;

	private static final String NOOP = "{noop}";

	private final PasswordEncoder delegate;

	private final long ttlNanos;

	private final LongSupplier nanoTime;

	private final SecretKeySpec key;

	private final ThreadLocal<Mac> macs;

	private final Map<String, Long> verified = new ConcurrentHashMap<>();

	VerifiedPasswords(PasswordEncoder delegate, Duration ttl) {
		this(delegate, ttl, System::nanoTime);
	}

	VerifiedPasswords(PasswordEncoder delegate, Duration ttl, LongSupplier nanoTime) {
		if (ttl.isNegative()) {
			throw new IllegalArgumentException("The time a verified password is remembered cannot be negative: " + ttl);
		}
		this.delegate = delegate;
		this.ttlNanos = ttl.toNanos();
		this.nanoTime = nanoTime;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (this.ttlNanos == 0 || rawPassword == null || encodedPassword == null
				|| encodedPassword.startsWith(NOOP)) {
			return this.delegate.matches(rawPassword, encodedPassword);
		}
		String remembered = digest(encodedPassword, rawPassword);
		long now = this.nanoTime.getAsLong();
		Long until = this.verified.get(remembered);
		if (until != null && now - until < 0) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			remember(remembered, now);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	int remembered() {
		return this.verified.size();
	}

	private void remember(String remembered, long now) {
		if (this.verified.size() >= MAX_REMEMBERED) {
			this.verified.values().removeIf((until) -> now - until >= 0);
			if (this.verified.size() >= MAX_REMEMBERED) {
				this.verified.clear();
			}
		}
		this.verified.put(remembered, now + this.ttlNanos);
	}

	private String digest(String encodedPassword, CharSequence rawPassword) {
		Mac mac = this.macs.get();
		mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac.doFinal());
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
