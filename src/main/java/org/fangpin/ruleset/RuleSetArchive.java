package org.fangpin.ruleset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database archive of rule set versions (every file's content) and of activations. Rows are only ever
 * inserted; the active version is the one of the latest activation. It knows nothing of Drools.
 */
@Repository
public class RuleSetArchive {

	private final JdbcClient jdbc;

	RuleSetArchive(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A version as archived. */
	@Schema(name = "RuleSetVersion", description = "A version of the rule set as archived, when it was first "
			+ "activated or validated for activation")
	public record Version(
			@Schema(description = "The version: sha256: and the hash of its files",
					example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
					pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String version,
			@Schema(description = "When it was archived (UTC)", example = "2026-11-30T10:00:00Z",
					requiredMode = RequiredMode.REQUIRED) Instant createdAt,
			@Schema(description = "Who archived it", example = "system (start-up)",
					requiredMode = RequiredMode.REQUIRED) String createdBy,
			@Schema(description = "The comment given with it; null when none", example = "loaded from ./rules",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String comment,
			@Schema(description = "How many files it has", example = "11", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int fileCount) {

	}

	/** One activation of a version. */
	@Schema(name = "RuleSetActivation", description = "One activation of a rule set version")
	public record ActivationRecord(
			@Schema(description = "The activation's sequence number: later activations have higher ones",
					example = "3", minimum = "1", requiredMode = RequiredMode.REQUIRED) long sequence,
			@Schema(description = "The version activated",
					example = "sha256:4f1c0d5e3b2a19887766554433221100ffeeddccbbaa99887766554433221100",
					pattern = "^sha256:[0-9a-f]{64}$", requiredMode = RequiredMode.REQUIRED) String version,
			@Schema(description = "When it was activated (UTC)", example = "2026-11-30T10:00:00Z",
					requiredMode = RequiredMode.REQUIRED) Instant activatedAt,
			@Schema(description = "Who activated it", example = "anonymous", requiredMode = RequiredMode.REQUIRED)
			String activatedBy,
			@Schema(description = "How: STARTUP (loaded at start-up), RELOAD (re-read from the rules directory) or "
					+ "ROLLBACK (an archived version)", example = "RELOAD",
					allowableValues = { "STARTUP", "RELOAD", "ROLLBACK" }, requiredMode = RequiredMode.REQUIRED)
			String action,
			@Schema(description = "The comment given with it; null when none", example = "reword M-06",
					types = { "string", "null" }, requiredMode = RequiredMode.REQUIRED) String comment) {

	}

	/**
	 * Runs archiving and activating work in one transaction, and once more when it lost a race: two instances that
	 * start (or reload) with the same new version at once both find it unarchived, the first commit wins and the
	 * other's insert fails on the key; its second try finds the version archived.
	 */
	static <T> T inTransaction(TransactionTemplate transactions, Supplier<T> work) {
		try {
			return transactions.execute((status) -> work.get());
		}
		catch (DuplicateKeyException ex) {
			return transactions.execute((status) -> work.get());
		}
	}

	/** Archives a version with its files, unless it is archived already. */
	void archive(String version, Map<String, String> files, String by, String comment, Instant at) {
		boolean known = this.jdbc.sql("SELECT COUNT(*) FROM rule_set_version WHERE version = ?")
			.param(version)
			.query(Integer.class)
			.single() > 0;
		if (known) {
			return;
		}
		this.jdbc.sql("INSERT INTO rule_set_version (version, created_at, created_by, comment, file_count) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(version, Timestamp.from(at), by, comment, files.size())
			.update();
		files.forEach((path, content) -> this.jdbc
			.sql("INSERT INTO rule_set_file (version, path, content) VALUES (?, ?, ?)")
			.params(version, path, content)
			.update());
	}

	/**
	 * Records an activation and returns its sequence number: the key of the row inserted, not the highest one, which
	 * may be another instance's activation committed in between.
	 */
	long activate(String version, String by, String action, String comment, Instant at) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO rule_set_activation (version, activated_at, activated_by, action, comment) "
				+ "VALUES (?, ?, ?, ?, ?)")
			.params(version, Timestamp.from(at), by, action, comment)
			.update(key, "seq");
		return key.getKeyAs(Long.class);
	}

	public Optional<ActivationRecord> latestActivation() {
		return this.jdbc
			.sql("SELECT seq, version, activated_at, activated_by, action, comment FROM rule_set_activation "
					+ "ORDER BY seq DESC LIMIT 1")
			.query((row, n) -> new ActivationRecord(row.getLong("seq"), row.getString("version"),
					row.getTimestamp("activated_at").toInstant(), row.getString("activated_by"),
					row.getString("action"), row.getString("comment")))
			.optional();
	}

	public List<ActivationRecord> activations(int limit) {
		return this.jdbc
			.sql("SELECT seq, version, activated_at, activated_by, action, comment FROM rule_set_activation "
					+ "ORDER BY seq DESC LIMIT ?")
			.param(limit)
			.query((row, n) -> new ActivationRecord(row.getLong("seq"), row.getString("version"),
					row.getTimestamp("activated_at").toInstant(), row.getString("activated_by"),
					row.getString("action"), row.getString("comment")))
			.list();
	}

	public List<Version> versions() {
		return this.jdbc
			.sql("SELECT version, created_at, created_by, comment, file_count FROM rule_set_version "
					+ "ORDER BY created_at DESC, version")
			.query((row, n) -> new Version(row.getString("version"), row.getTimestamp("created_at").toInstant(),
					row.getString("created_by"), row.getString("comment"), row.getInt("file_count")))
			.list();
	}

	public Optional<Version> version(String version) {
		return versions().stream().filter((candidate) -> candidate.version().equals(version)).findFirst();
	}

	/** The files of an archived version, path to content; empty when the version is unknown. */
	public Map<String, String> files(String version) {
		Map<String, String> files = new LinkedHashMap<>();
		this.jdbc.sql("SELECT path, content FROM rule_set_file WHERE version = ? ORDER BY path")
			.param(version)
			.query((row) -> {
				files.put(row.getString("path"), row.getString("content"));
			});
		return files;
	}

}
