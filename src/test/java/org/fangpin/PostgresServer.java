package org.fangpin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server for the whole test run, started from the machine's PostgreSQL binaries (Debian's
 * {@code postgresql} package: {@code /usr/lib/postgresql/N/bin}) in a temporary directory on a free loopback port,
 * and stopped when the JVM exits. Each caller gets a database of its own.
 *
 * <p>
 * PostgreSQL refuses to run as root, so under root (as in CI) initdb and the server run as the {@code postgres}
 * user through {@code runuser}. {@code FANGPIN_PG_BIN} names another binaries directory. With
 * {@code FANGPIN_TEST_POSTGRES_URL} (and {@code _USER}, {@code _PASSWORD}) the tests use an existing server instead,
 * creating their databases in it. There is no silent skip: without binaries the tests fail and say what to install.
 */
public final class PostgresServer {

	private static final String USER = "fangpin";

	private static PostgresServer server;

	private final String adminUrl;

	private final String user;

	private final String password;

	private final AtomicInteger databases = new AtomicInteger();

	private PostgresServer(String adminUrl, String user, String password) {
		this.adminUrl = adminUrl;
		this.user = user;
		this.password = password;
	}

	/** The server of this test run, started on first use. */
	public static synchronized PostgresServer get() {
		if (server == null) {
			String external = System.getenv("FANGPIN_TEST_POSTGRES_URL");
			server = (external != null && !external.isBlank())
					? new PostgresServer(external, env("FANGPIN_TEST_POSTGRES_USER", "postgres"),
							env("FANGPIN_TEST_POSTGRES_PASSWORD", ""))
					: Local.start();
		}
		return server;
	}

	public String user() {
		return this.user;
	}

	public String password() {
		return this.password;
	}

	/** Creates an empty database named after {@code purpose} (made unique) and returns its JDBC URL. */
	public String createDatabase(String purpose) {
		String name = "fangpin_" + purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_"
				+ this.databases.incrementAndGet() + "_" + ProcessHandle.current().pid();
		try (Connection connection = DriverManager.getConnection(this.adminUrl, this.user, this.password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + name + " at " + this.adminUrl, ex);
		}
		return this.adminUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/** A server started from local binaries in a temporary directory. */
	private static final class Local {

		private static PostgresServer start() {
			Path bin = binaries();
			boolean root = "root".equals(System.getProperty("user.name"));
			List<String> asOwner = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
			try {
				Path directory = Files.createTempDirectory("fangpin-pg");
				Path data = directory.resolve("data");
				Files.createDirectory(data);
				if (root) {
					UserPrincipal postgres = directory.getFileSystem()
						.getUserPrincipalLookupService()
						.lookupPrincipalByName("postgres");
					Files.setOwner(directory, postgres);
					Files.setOwner(data, postgres);
				}
				int port = freePort();
				run(asOwner, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
						"--encoding=UTF8", "--locale=C", "--no-sync");
				run(asOwner, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
						directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
						"-p " + port + " -c listen_addresses=127.0.0.1 -k " + directory
								+ " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
								+ " -c max_connections=200",
						"start");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(asOwner, bin, directory, data)));
				return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static void stop(List<String> asOwner, Path bin, Path directory, Path data) {
			try {
				run(asOwner, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
						"stop");
			}
			finally {
				try (Stream<Path> paths = Files.walk(directory)) {
					paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
				}
				catch (IOException ex) {
					// a temporary directory left behind is harmless
				}
			}
		}

		/** {@code FANGPIN_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}, else {@code initdb} on the PATH. */
		private static Path binaries() {
			String configured = System.getenv("FANGPIN_PG_BIN");
			if (configured != null && !configured.isBlank()) {
				return Path.of(configured);
			}
			Path debian = Path.of("/usr/lib/postgresql");
			if (Files.isDirectory(debian)) {
				try (Stream<Path> versions = Files.list(debian)) {
					var newest = versions.filter((version) -> Files.isExecutable(version.resolve("bin/initdb")))
						.max(Comparator.comparingInt(Local::major));
					if (newest.isPresent()) {
						return newest.get().resolve("bin");
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
			for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
				Path initdb = Path.of(entry).resolve("initdb");
				if (!entry.isEmpty() && Files.isExecutable(initdb)) {
					try {
						return initdb.toRealPath().getParent();
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
			throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) found: install them "
					+ "(Debian: apt-get install -y postgresql), set FANGPIN_PG_BIN to their directory, or point "
					+ "FANGPIN_TEST_POSTGRES_URL at an existing server");
		}

		private static int major(Path version) {
			try {
				return Integer.parseInt(version.getFileName().toString());
			}
			catch (NumberFormatException ex) {
				return -1;
			}
		}

		private static int freePort() throws IOException {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
		}

		private static void run(List<String> prefix, String... command) {
			List<String> line = new ArrayList<>(prefix);
			line.addAll(List.of(command));
			try {
				Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
				process.getOutputStream().close();
				byte[] output = process.getInputStream().readAllBytes();
				if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", line) + " failed:\n"
							+ new String(output, StandardCharsets.UTF_8));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
