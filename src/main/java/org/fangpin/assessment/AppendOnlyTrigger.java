package org.fangpin.assessment;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * The H2 trigger that makes decision records and the rule set archive append-only: any update or delete fails, so
 * a stored assessment can never be changed through any path, the service's or a SQL console's.
 */
public class AppendOnlyTrigger implements Trigger {

	private String table;

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
		// from the trigger (TABLE_APPEND_ONLY): H2 hands a rebuilt table's temporary name (ASSESSMENT_COPY_4_8);
		// lower case, as PostgreSQL names it
		this.table = trigger.replaceFirst("(?i)_APPEND_ONLY$", "").toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		// 23000, integrity constraint violation, as on PostgreSQL: a refused write, not a bad statement
		throw new SQLException("table " + this.table + " is append-only: rows are never updated or deleted",
				"23000");
	}

}
