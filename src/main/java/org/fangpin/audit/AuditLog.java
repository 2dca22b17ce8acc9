package org.fangpin.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit log in the database. Entries are only ever appended: there is no update or delete here. An entry written
 * inside a transaction (an assessment, an activation) commits or rolls back with what it records.
 */
@Repository
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of entries, newest first, and how many there are in all. */
	@Schema(name = "AuditPage", description = "A page of the audit log, newest first, and how many entries there "
			+ "are in all (of the action asked for)")
	public record Page(
			@Schema(description = "The page, from 0", example = "0", minimum = "0",
					requiredMode = RequiredMode.REQUIRED) int page,
			@Schema(description = "The most entries a page holds, as asked for", example = "50", minimum = "1",
					maximum = "200", requiredMode = RequiredMode.REQUIRED) int size,
			@Schema(description = "How many entries there are in all, of the action asked for", example = "1234",
					minimum = "0", requiredMode = RequiredMode.REQUIRED) long total,
			@ArraySchema(arraySchema = @Schema(description = "The page's entries, newest first; empty past the last "
					+ "page", requiredMode = RequiredMode.REQUIRED)) List<AuditEntry> entries) {

	}

	void append(Instant at, String actor, String action, String target, String detail) {
		this.jdbc
			.sql("INSERT INTO audit_entry (recorded_at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
			.params(Timestamp.from(at), cut(actor, 64), action, cut(target, 120), cut(detail, 1000))
			.update();
	}

	/** Entries newest first; {@code action} narrows them to one action when it is not null. */
	public Page read(int page, int size, String action) {
		long total = this.jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE (? IS NULL OR action = ?)")
			.params(action, action)
			.query(Long.class)
			.single();
		List<AuditEntry> entries = this.jdbc
			.sql("SELECT seq, recorded_at, actor, action, target, detail FROM audit_entry "
					+ "WHERE (? IS NULL OR action = ?) ORDER BY seq DESC LIMIT ? OFFSET ?")
			.params(action, action, size, (long) page * size)
			.query((row, n) -> new AuditEntry(row.getLong("seq"), row.getTimestamp("recorded_at").toInstant(),
					row.getString("actor"), row.getString("action"), row.getString("target"),
					row.getString("detail")))
			.list();
		return new Page(page, size, total, entries);
	}

	private static String cut(String text, int length) {
		return (text != null && text.length() > length) ? text.substring(0, length - 1) + "…" : text;
	}

}
