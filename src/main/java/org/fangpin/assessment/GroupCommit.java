package org.fangpin.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.MDC;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores concurrent single assessments in shared commits. A commit of the embedded database writes a new chunk of
 * every page it changed, so committing each request on its own makes the commit the costliest part of a stored
 * assessment. Requests that arrive while a commit is under way wait for it, and the first of them then stores all
 * that are waiting in one transaction, each in a savepoint of its own: a request whose write fails is rolled back
 * alone and gets its own error. Every request returns only after the commit that holds its write, so an answered
 * request is never lost. Waiting requests sleep until the commit that holds their write wakes them, or until they
 * are first in line for the next commit; none waits for another's lock only to learn that it is done.
 * <p>
 * Work submitted inside a transaction already under way runs in it, at once. Each piece of work runs with the
 * security context and log context of the request that submitted it, and what a failed piece registered to run
 * after the commit (an after-commit listener) is dropped with its writes.
 */
@Component
class GroupCommit {

	/** The most writes one commit takes; the rest wait for the next. */
	static final int MAX_GROUP = 32;

	/** How long a waiting request sleeps at most before it looks again (it is normally woken long before). */
	private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

	private final TransactionTemplate group;

	private final TransactionTemplate each;

	private final ConcurrentLinkedQueue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();

	private final ReentrantLock committing = new ReentrantLock();

	GroupCommit(PlatformTransactionManager transactions) {
		this.group = new TransactionTemplate(transactions);
		this.each = new TransactionTemplate(transactions);
		this.each.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	/** Runs {@code work} in a transaction that is committed before this returns; its exception is rethrown. */
	<T> T run(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		Pending<T> pending = new Pending<>(work, SecurityContextHolder.getContext(), MDC.getCopyOfContextMap());
		this.waiting.add(pending);
		boolean interrupted = false;
		while (!pending.done) {
			if (this.committing.tryLock()) {
				try {
					if (!pending.done) {
						commitWaiting();
					}
				}
				finally {
					this.committing.unlock();
				}
				wakeNextLeader();
			}
			else {
				// Woken when a commit holds this write, or when this request is first in line for the next commit
				LockSupport.parkNanos(this, MAX_PARK_NANOS);
				// An interrupt does not end the wait (the write is already queued), and must not turn it into a spin
				interrupted |= Thread.interrupted();
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		return pending.outcome();
	}

	/**
	 * Wakes the request first in line, so that it leads the next commit. The others in line stay asleep: that commit
	 * takes them too and wakes each as it finishes, so a request whose write is committed never waits for a lock.
	 */
	private void wakeNextLeader() {
		Pending<?> next = this.waiting.peek();
		if (next != null) {
			LockSupport.unpark(next.thread);
		}
	}

	/** How many requests wait for a commit. */
	int waiting() {
		return this.waiting.size();
	}

	private void commitWaiting() {
		List<Pending<?>> batch = new ArrayList<>();
		Pending<?> next;
		while (batch.size() < MAX_GROUP && (next = this.waiting.poll()) != null) {
			batch.add(next);
		}
		try {
			this.group.executeWithoutResult((status) -> batch.forEach((pending) -> pending.runIn(this.each)));
		}
		catch (RuntimeException | Error ex) {
			batch.forEach((pending) -> pending.failed(ex));
		}
		batch.forEach(Pending::finish);
	}

	/** One request's work, run by whichever request leads the commit. */
	private static final class Pending<T> {

		private final Supplier<T> work;

		private final SecurityContext security;

		private final Map<String, String> log;

		/** The request's thread, woken when its write is committed. */
		private final Thread thread = Thread.currentThread();

		private T result;

		private Throwable failure;

		private volatile boolean done;

		Pending(Supplier<T> work, SecurityContext security, Map<String, String> log) {
			this.work = work;
			this.security = security;
			this.log = log;
		}

		void runIn(TransactionTemplate savepoint) {
			SecurityContext leaderSecurity = SecurityContextHolder.getContext();
			Map<String, String> leaderLog = MDC.getCopyOfContextMap();
			SecurityContextHolder.setContext(this.security);
			setLog(this.log);
			List<TransactionSynchronization> before = TransactionSynchronizationManager.getSynchronizations();
			try {
				this.result = savepoint.execute((status) -> this.work.get());
			}
			catch (RuntimeException | Error ex) {
				this.failure = ex;
				forgetSynchronizationsSince(before);
			}
			finally {
				SecurityContextHolder.setContext(leaderSecurity);
				setLog(leaderLog);
			}
		}

		void failed(Throwable ex) {
			if (this.failure == null) {
				this.failure = ex;
				this.result = null;
			}
		}

		void finish() {
			this.done = true;
			LockSupport.unpark(this.thread);
		}

		T outcome() {
			if (this.failure instanceof RuntimeException ex) {
				throw ex;
			}
			if (this.failure instanceof Error error) {
				throw error;
			}
			return this.result;
		}

		/**
		 * Drops what the failed work registered to run after the shared commit (an after-commit event listener,
		 * such as the metrics'), since its writes were rolled back to its savepoint.
		 */
		private static void forgetSynchronizationsSince(List<TransactionSynchronization> before) {
			if (TransactionSynchronizationManager.getSynchronizations().size() == before.size()) {
				return;
			}
			TransactionSynchronizationManager.clearSynchronization();
			TransactionSynchronizationManager.initSynchronization();
			before.forEach(TransactionSynchronizationManager::registerSynchronization);
		}

		private static void setLog(Map<String, String> context) {
			if (context != null) {
				MDC.setContextMap(context);
			}
			else {
				MDC.clear();
			}
		}

	}

}
