package org.fangpin.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.fangpin.FangpinApplication;
import org.fangpin.HttpClientSupport;

/**
 * The service in a JVM of its own, started from the test classpath on a data directory, that a test can kill with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) and start again.
 */
final class ServiceProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final HttpClientSupport http;

	private final int port;

	private ServiceProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.http = new HttpClientSupport(port);
	}

	int port() {
		return this.port;
	}

	static ServiceProcess start(Path dataDir, Path rulesDir, Path log) {
		int port = freePort();
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xmx512m", "-Dfangpin.test.log=" + log + ".logback", "-cp", classpath,
				FangpinApplication.class.getName(), "--server.port=" + port, "--fangpin.data-dir=" + dataDir,
				"--fangpin.rules.dir=" + rulesDir, "--fangpin.rules.compiled-dir=" + dataDir.resolve("compiled-rules"),
				"--spring.main.banner-mode=off",
				"--fangpin.rules.sync-interval=1h", "--fangpin.batch.chunk-size=" + CrashSafetyTests.CHUNK));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			ServiceProcess service = new ServiceProcess(process, log, port);
			service.awaitHealthy(Duration.ofMinutes(4));
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	HttpClientSupport http() {
		return this.http;
	}

	/** SIGKILL: no shutdown hook, no closing of the database. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			this.process.destroy();
			try {
				if (!this.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
					kill();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				kill();
			}
		}
	}

	private void awaitHealthy(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("The service stopped while starting:\n" + tail());
			}
			try {
				if (this.http.anonymous().get("/actuator/health").status() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		kill();
		throw new IllegalStateException("The service did not become healthy in " + timeout + ":\n" + tail());
	}

	String tail() {
		try {
			String text = Files.readString(this.log);
			return text.substring(Math.max(0, text.length() - 4000));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
