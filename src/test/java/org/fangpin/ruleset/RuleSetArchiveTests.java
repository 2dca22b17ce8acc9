package org.fangpin.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.fangpin.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The rule set archive and its activations, on H2 and on PostgreSQL alike. */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class RuleSetArchiveTests {

	static final Instant MONDAY = Instant.parse("2025-03-03T01:02:03.456789Z");

	static final Instant TUESDAY = Instant.parse("2025-03-04T01:02:03Z");

	static final Map<String, String> FILES = Map.of("rules/50-measures/measures.drl",
			"rule \"M-06 临时救助\"\n@zh(\"监测对象近期遭受自然灾害：临时救助\")\nwhen\nthen\nend\n", "parameters.yaml",
			"monitoring.incomeThreshold:\n  values:\n    - {from: 2024-01-01, value: 7400}\n", "catalogue.yaml",
			"measures: {}\n");

	@Parameter
	TestDatabase database;

	DataSource dataSource;

	JdbcClient jdbc;

	RuleSetArchive archive;

	@BeforeEach
	void emptyDatabase() {
		this.dataSource = this.database.migrated("archive");
		this.jdbc = JdbcClient.create(this.dataSource);
		this.archive = new RuleSetArchive(this.jdbc);
	}

	@Test
	void anArchivedVersionKeepsEveryFileInPathOrderAndArchivingItAgainChangesNothing() {
		this.archive.archive("sha256:one", FILES, "policy office", "shipped rules", MONDAY);
		this.archive.archive("sha256:one", Map.of("other.drl", "x"), "someone else", "again", TUESDAY);

		assertThat(this.archive.versions())
			.containsExactly(new RuleSetArchive.Version("sha256:one", MONDAY, "policy office", "shipped rules", 3));
		assertThat(this.archive.files("sha256:one")).isEqualTo(FILES);
		assertThat(this.archive.files("sha256:one").keySet()).containsExactly("catalogue.yaml", "parameters.yaml",
				"rules/50-measures/measures.drl");
		assertThat(this.archive.version("sha256:one")).isPresent();
		assertThat(this.archive.version("sha256:none")).isEmpty();
		assertThat(this.archive.files("sha256:none")).isEmpty();
	}

	@Test
	void versionsAreListedNewestFirst() {
		this.archive.archive("sha256:one", FILES, "a", null, MONDAY);
		this.archive.archive("sha256:two", FILES, "b", null, TUESDAY);

		assertThat(this.archive.versions()).extracting(RuleSetArchive.Version::version)
			.containsExactly("sha256:two", "sha256:one");
	}

	@Test
	void theLatestActivationNamesTheActiveVersion() {
		assertThat(this.archive.latestActivation()).isEmpty();
		this.archive.archive("sha256:one", FILES, "a", null, MONDAY);
		this.archive.archive("sha256:two", FILES, "b", null, TUESDAY);

		long first = this.archive.activate("sha256:one", "system (start-up)", "STARTUP", null, MONDAY);
		long second = this.archive.activate("sha256:two", "policy office", "RELOAD", "reword M-06", TUESDAY);
		long third = this.archive.activate("sha256:one", "policy office", "ROLLBACK", "back", TUESDAY);

		assertThat(first).isLessThan(second);
		assertThat(second).isLessThan(third);
		assertThat(this.archive.latestActivation()).contains(new RuleSetArchive.ActivationRecord(third, "sha256:one",
				TUESDAY, "policy office", "ROLLBACK", "back"));
		assertThat(this.archive.activations(2)).extracting(RuleSetArchive.ActivationRecord::sequence)
			.containsExactly(third, second);
		assertThat(this.archive.activations(10).get(2)).isEqualTo(new RuleSetArchive.ActivationRecord(first,
				"sha256:one", MONDAY, "system (start-up)", "STARTUP", null));
	}

	@Test
	void aVersionThatWasNeverArchivedCannotBeActivated() {
		assertThatExceptionOfType(DataIntegrityViolationException.class)
			.isThrownBy(() -> this.archive.activate("sha256:none", "a", "RELOAD", null, MONDAY));
	}

	@Test
	void theArchiveCanBeNeitherUpdatedNorDeleted() {
		this.archive.archive("sha256:one", FILES, "a", null, MONDAY);
		this.archive.activate("sha256:one", "a", "STARTUP", null, MONDAY);

		for (String statement : List.of("UPDATE rule_set_version SET comment = 'changed'",
				"DELETE FROM rule_set_version", "UPDATE rule_set_file SET content = 'changed'",
				"DELETE FROM rule_set_file", "UPDATE rule_set_activation SET action = 'RELOAD'",
				"DELETE FROM rule_set_activation")) {
			assertThatExceptionOfType(DataIntegrityViolationException.class).as(statement)
				.isThrownBy(() -> this.jdbc.sql(statement).update())
				.withMessageContaining("is append-only");
		}
		assertThat(this.archive.files("sha256:one")).isEqualTo(FILES);
		assertThat(this.archive.latestActivation().orElseThrow().action()).isEqualTo("STARTUP");
	}

	@Test
	void twoInstancesArchivingTheSameVersionAtOnceBothSucceed() throws Exception {
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		CountDownLatch archived = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> transactions.execute((status) -> {
			this.archive.archive("sha256:one", FILES, "instance A", null, MONDAY);
			archived.countDown();
			await(commit);
			return this.archive.activate("sha256:one", "instance A", "STARTUP", null, MONDAY);
		}));
		await(archived);
		CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> RuleSetArchive.inTransaction(
				transactions, () -> {
					this.archive.archive("sha256:one", FILES, "instance B", null, MONDAY);
					return this.archive.activate("sha256:one", "instance B", "STARTUP", null, MONDAY);
				}));
		// B is now waiting on A's uncommitted row, or about to
		Thread.sleep(500);
		commit.countDown();

		assertThat(first.get(30, TimeUnit.SECONDS)).isPositive();
		assertThat(second.get(30, TimeUnit.SECONDS)).isPositive();
		assertThat(this.archive.versions()).singleElement()
			.extracting(RuleSetArchive.Version::createdBy)
			.isEqualTo("instance A");
		assertThat(this.archive.files("sha256:one")).isEqualTo(FILES);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
