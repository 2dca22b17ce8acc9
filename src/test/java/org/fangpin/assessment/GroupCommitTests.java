package org.fangpin.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class GroupCommitTests {

	private JdbcDataSource dataSource;

	private JdbcTemplate jdbc;

	private JdbcTransactionManager transactions;

	private GroupCommit commits;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	/** Each write's transaction, told apart by the connection holder Spring binds to it. */
	private final Map<String, Object> transactionOf = new ConcurrentHashMap<>();

	/** The users whose after-commit work ran. */
	private final List<String> committed = new java.util.concurrent.CopyOnWriteArrayList<>();

	@BeforeEach
	void setUp() {
		this.dataSource = new JdbcDataSource();
		this.dataSource.setURL("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
		this.jdbc = new JdbcTemplate(this.dataSource);
		this.jdbc.execute("CREATE TABLE written (id INT PRIMARY KEY, written_by VARCHAR(40))");
		this.transactions = new JdbcTransactionManager(this.dataSource);
		this.commits = new GroupCommit(this.transactions);
	}

	@AfterEach
	void tearDown() {
		this.threads.shutdownNow();
		this.jdbc.execute("SHUTDOWN");
	}

	@Test
	void requestsThatWaitForACommitShareTheNextOneEachAsItsOwnUser() throws Exception {
		HeldCommit held = holdACommitOpen();
		Future<Integer> first = held.request();
		Future<Integer> second = submit("bob", () -> write(2));
		Future<Integer> third = submit("carol", () -> write(3));
		Future<Integer> fourth = submit("dave", () -> write(4));
		waitUntilWaiting(3);
		held.release().countDown();
		assertThat(List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS),
				third.get(10, TimeUnit.SECONDS), fourth.get(10, TimeUnit.SECONDS)))
			.containsExactly(1, 2, 3, 4);
		assertThat(this.jdbc.queryForList("SELECT id, written_by FROM written ORDER BY id")).containsExactly(
				Map.of("ID", 1, "WRITTEN_BY", "alice"), Map.of("ID", 2, "WRITTEN_BY", "bob"),
				Map.of("ID", 3, "WRITTEN_BY", "carol"), Map.of("ID", 4, "WRITTEN_BY", "dave"));
		assertThat(this.transactionOf.get("bob")).isSameAs(this.transactionOf.get("carol"))
			.isSameAs(this.transactionOf.get("dave"))
			.isNotSameAs(this.transactionOf.get("alice"));
	}

	@Test
	void aWriteThatFailsIsRolledBackAloneAndItsErrorGoesToItsOwnRequest() throws Exception {
		HeldCommit held = holdACommitOpen();
		Future<Integer> first = held.request();
		Future<Integer> fine = submit("bob", () -> afterCommit("bob", write(2)));
		Future<Integer> throwing = submit("carol", () -> {
			afterCommit("carol", write(3));
			throw new IllegalStateException("carol's listener failed");
		});
		Future<Integer> duplicate = submit("dave", () -> write(1));
		Future<Integer> alsoFine = submit("erin", () -> write(5));
		waitUntilWaiting(4);
		held.release().countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(fine.get(10, TimeUnit.SECONDS)).isEqualTo(2);
		assertThat(alsoFine.get(10, TimeUnit.SECONDS)).isEqualTo(5);
		assertThat(failure(throwing)).isInstanceOf(IllegalStateException.class).hasMessage("carol's listener failed");
		assertThat(failure(duplicate)).isInstanceOf(DuplicateKeyException.class);
		assertThat(this.jdbc.queryForList("SELECT id FROM written ORDER BY id", Integer.class)).containsExactly(1, 2,
				5);
		assertThat(this.transactionOf.get("bob")).isSameAs(this.transactionOf.get("erin"));
		assertThat(this.committed).containsExactly("bob");
	}

	@Test
	void manyConcurrentRequestsEachGetTheirOwnAnswerAndTheirRowIsWrittenOnce() throws Exception {
		int requests = 2400;
		ExecutorService clients = Executors.newFixedThreadPool(16);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int id = 1; id <= requests; id++) {
				int row = id;
				answers.add(clients.submit(() -> this.commits.run(() -> write(row))));
			}
			for (int id = 1; id <= requests; id++) {
				assertThat(answers.get(id - 1).get(60, TimeUnit.SECONDS)).isEqualTo(id);
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM written", Integer.class)).isEqualTo(requests);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(DISTINCT id) FROM written", Integer.class))
			.isEqualTo(requests);
		assertThat(this.commits.waiting()).isZero();
	}

	@Test
	void anInterruptedRequestSleepsUntilItsCommitAndKeepsItsInterrupt() throws Exception {
		HeldCommit held = holdACommitOpen();
		CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
		Thread bob = new Thread(() -> {
			Thread.currentThread().interrupt();
			this.commits.run(() -> write(2));
			stillInterrupted.complete(Thread.currentThread().isInterrupted());
		});
		bob.start();
		waitUntilWaiting(1);
		int asleep = 0;
		for (int i = 0; i < 20; i++) {
			Thread.sleep(5);
			asleep += (bob.getState() == Thread.State.TIMED_WAITING) ? 1 : 0;
		}
		assertThat(asleep).as("samples of 20 in which the waiting request was asleep, not spinning")
			.isGreaterThanOrEqualTo(10);
		held.release().countDown();
		assertThat(stillInterrupted.get(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.jdbc.queryForList("SELECT id FROM written ORDER BY id", Integer.class)).containsExactly(1, 2);
	}

	@Test
	void workSubmittedInsideATransactionRunsInItAndGoesWithIt() {
		TransactionTemplate outer = new TransactionTemplate(this.transactions);
		outer.executeWithoutResult((status) -> {
			this.commits.run(() -> write(7));
			assertThat(this.commits.waiting()).isZero();
			status.setRollbackOnly();
		});
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM written", Integer.class)).isZero();
	}

	/**
	 * Alice's request, writing row 1 and keeping its commit open until released, so that the requests submitted
	 * meanwhile wait for the next commit.
	 */
	private HeldCommit holdACommitOpen() throws InterruptedException {
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Future<Integer> request = submit("alice", () -> {
			write(1);
			inside.countDown();
			await(release);
			return 1;
		});
		assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
		return new HeldCommit(request, release);
	}

	private record HeldCommit(Future<Integer> request, CountDownLatch release) {

	}

	private Future<Integer> submit(String user, java.util.function.Supplier<Integer> work) {
		return this.threads.submit(() -> {
			SecurityContextHolder.setContext(new SecurityContextImpl(new TestingAuthenticationToken(user, "")));
			try {
				return this.commits.run(work);
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		});
	}

	private int write(int id) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		String user = (authentication != null) ? authentication.getName() : "system";
		this.transactionOf.put(user, TransactionSynchronizationManager.getResource(this.dataSource));
		this.jdbc.update("INSERT INTO written (id, written_by) VALUES (?, ?)", id, user);
		return id;
	}

	/** Registers what an after-commit listener registers: something to run once the write is committed. */
	private int afterCommit(String user, int id) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				GroupCommitTests.this.committed.add(user);
			}

		});
		return id;
	}

	private void waitUntilWaiting(int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.commits.waiting() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.commits.waiting()).isEqualTo(count);
	}

	private static Throwable failure(Future<?> future) {
		return assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
			.actual()
			.getCause();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
