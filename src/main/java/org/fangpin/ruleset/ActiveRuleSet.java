package org.fangpin.ruleset;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.fangpin.rules.RuleSet;

/**
 * The rule set in force. An evaluation {@link #acquire() acquires} a lease on the current activation and keeps it
 * until it is done, so a swap never changes the rules under a running evaluation; a replaced rule set is closed
 * (its compiled rules released) when its last lease ends.
 */
public class ActiveRuleSet {

	private final AtomicReference<Activation> current;

	public ActiveRuleSet(RuleSet ruleSet, String activatedBy, Instant activatedAt, long sequence) {
		this.current = new AtomicReference<>(new Activation(ruleSet, activatedBy, activatedAt, sequence));
	}

	/** The current activation, for reading its description; evaluations use {@link #acquire()}. */
	public Activation current() {
		return this.current.get();
	}

	public RuleSet ruleSet() {
		return current().ruleSet();
	}

	/** A lease on the current rule set; close it when the evaluation is done. */
	public Lease acquire() {
		while (true) {
			Activation activation = this.current.get();
			if (activation.retain()) {
				return new Lease(activation);
			}
		}
	}

	/** Makes {@code next} current; the previous rule set is closed once no evaluation uses it any more. */
	public Activation swap(Activation next) {
		Activation previous = this.current.getAndSet(next);
		previous.release();
		return previous;
	}

	/** A rule set with who activated it, when, and the activation's sequence number in the archive. */
	public static final class Activation {

		private final RuleSet ruleSet;

		private final String activatedBy;

		private final Instant activatedAt;

		private final long sequence;

		/** One reference for being current, one per running evaluation. */
		private final AtomicInteger references = new AtomicInteger(1);

		public Activation(RuleSet ruleSet, String activatedBy, Instant activatedAt, long sequence) {
			this.ruleSet = ruleSet;
			this.activatedBy = activatedBy;
			this.activatedAt = activatedAt;
			this.sequence = sequence;
		}

		public RuleSet ruleSet() {
			return this.ruleSet;
		}

		public String activatedBy() {
			return this.activatedBy;
		}

		public Instant activatedAt() {
			return this.activatedAt;
		}

		public long sequence() {
			return this.sequence;
		}

		boolean retain() {
			int count;
			do {
				count = this.references.get();
				if (count == 0) {
					return false;
				}
			}
			while (!this.references.compareAndSet(count, count + 1));
			return true;
		}

		void release() {
			if (this.references.decrementAndGet() == 0) {
				this.ruleSet.close();
			}
		}

	}

	/** The rule set an evaluation runs on, from start to end. */
	public static final class Lease implements AutoCloseable {

		private final Activation activation;

		private boolean closed;

		Lease(Activation activation) {
			this.activation = activation;
		}

		public RuleSet ruleSet() {
			return this.activation.ruleSet();
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				this.activation.release();
			}
		}

	}

}
