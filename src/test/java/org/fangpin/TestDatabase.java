package org.fangpin;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases Fangpin runs on, for tests that must pass on each: embedded H2 (the default) and PostgreSQL (the
 * {@code postgres} profile, a real server from {@link PostgresServer}).
 */
public enum TestDatabase {

	H2("h2") {
		@Override
		public Connection create(String purpose) {
			return new Connection(this, "jdbc:h2:mem:" + purpose + "-" + COUNTER.incrementAndGet()
					+ ";DB_CLOSE_DELAY=-1", "sa", "");
		}
	},

	POSTGRESQL("postgresql") {
		@Override
		public Connection create(String purpose) {
			PostgresServer server = PostgresServer.get();
			return new Connection(this, server.createDatabase(purpose), server.user(), server.password());
		}
	};

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private final String vendor;

	TestDatabase(String vendor) {
		this.vendor = vendor;
	}

	/** A new, empty database of this kind. */
	public abstract Connection create(String purpose);

	/** A new database of this kind with every migration applied, as the service would apply them. */
	public DataSource migrated(String purpose) {
		return migrate(create(purpose).dataSource());
	}

	/** Applies every migration to a database of this kind, as the service would apply them. */
	public DataSource migrate(DataSource dataSource) {
		// the same locations as spring.flyway.locations, with Boot's {vendor} resolved
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/vendor/" + this.vendor)
			.load()
			.migrate();
		return dataSource;
	}

	/** Where a database is and how to log in. */
	public record Connection(TestDatabase database, String url, String username, String password) {

		public DataSource dataSource() {
			return new DriverManagerDataSource(this.url, this.username, this.password);
		}

	}

}
