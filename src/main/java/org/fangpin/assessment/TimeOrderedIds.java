package org.fangpin.assessment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** UUID version 7 (RFC 9562): time-ordered ids, so newer assessments sort after older ones. */
final class TimeOrderedIds {

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	TimeOrderedIds(Clock clock) {
		this.clock = clock;
	}

	UUID next() {
		long millis = this.clock.millis();
		long randA = this.random.nextInt(1 << 12);
		long msb = (millis << 16) | 0x7000L | randA;
		long lsb = (this.random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}

}
