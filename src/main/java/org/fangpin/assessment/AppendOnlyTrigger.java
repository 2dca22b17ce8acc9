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
		this.table = table;
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException("table " + this.table + " is append-only: rows are never updated or deleted",
				"42000");
	}

}
