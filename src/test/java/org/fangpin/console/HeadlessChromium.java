package org.fangpin.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium in plain command-line headless mode: load a page, let its scripts run (virtual time waits
 * for pending fetches), then dump the DOM or take a screenshot. A fresh profile for every run, so nothing is
 * remembered between tests.
 */
final class HeadlessChromium {

	/** Where Debian installs it; {@code FANGPIN_CHROMIUM} points elsewhere. */
	private static final Path DEFAULT_EXECUTABLE = Path.of("/usr/bin/chromium");

	private static final long TIMEOUT_SECONDS = 120;

	private final Path executable;

	private HeadlessChromium(Path executable) {
		this.executable = executable;
	}

	/**
	 * The browser, or a skipped test on a developer's machine without one. In CI (the {@code CI} variable is set)
	 * a missing browser fails the test, so that the console is never silently untested.
	 */
	static HeadlessChromium require() {
		String configured = System.getenv("FANGPIN_CHROMIUM");
		Path executable = (configured != null && !configured.isBlank()) ? Path.of(configured) : DEFAULT_EXECUTABLE;
		if (!Files.isExecutable(executable)) {
			String message = "No Chromium at " + executable + " (apt-get install -y chromium, or set FANGPIN_CHROMIUM)";
			if (System.getenv("CI") != null) {
				fail(message + "; CI must run the browser tests, and .ci/run installs it");
			}
			Assumptions.abort(message);
		}
		return new HeadlessChromium(executable);
	}

	/** The page's DOM once its scripts have run, and the browser's log (console messages included). */
	Page load(String url) {
		Page page = dumpDom(url, 10_000);
		// a slow machine may not have finished; give it one longer run before the test judges the page
		return page.ready() ? page : dumpDom(url, 30_000);
	}

	/** A PNG of the top of the page, {@code width} by {@code height} pixels. */
	Page screenshot(String url, Path file, int width, int height) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return run(url, 15_000, List.of("--screenshot=" + file.toAbsolutePath(), "--window-size=" + width + "," + height,
				"--hide-scrollbars"));
	}

	private Page dumpDom(String url, int virtualTimeBudget) {
		return run(url, virtualTimeBudget, List.of("--dump-dom"));
	}

	private Page run(String url, int virtualTimeBudget, List<String> mode) {
		Path profile = null;
		Path out = null;
		Path err = null;
		try {
			profile = Files.createTempDirectory("fangpin-chromium-");
			out = Files.createTempFile("fangpin-chromium-", ".out");
			err = Files.createTempFile("fangpin-chromium-", ".err");
			List<String> command = new ArrayList<>(List.of(this.executable.toString(), "--headless", "--no-sandbox",
					"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
					"--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
					"--virtual-time-budget=" + virtualTimeBudget));
			command.addAll(mode);
			command.add(url);
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("Chromium did not finish " + url + " within " + TIMEOUT_SECONDS + " s");
			}
			return new Page(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			delete(profile);
			delete(out);
			delete(err);
		}
	}

	private static void delete(Path path) {
		if (path == null) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			paths.sorted(Comparator.reverseOrder()).forEach((each) -> each.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary file left behind is no reason to fail a test
		}
	}

	/** A loaded page: its serialized DOM and what the browser logged while loading it. */
	record Page(String dom, String log) {

		/** The console marks the document when everything it fetched is shown. */
		boolean ready() {
			return this.dom.contains("data-state=\"ready\"");
		}

		/** The markup of the element with this id, up to the end of the first element of the same tag. */
		String element(String tag, String id) {
			int start = this.dom.indexOf("<" + tag + " id=\"" + id + "\"");
			if (start < 0) {
				fail("No <" + tag + " id=\"" + id + "\"> in the page:\n" + this.dom);
			}
			int end = this.dom.indexOf("</" + tag + ">", start);
			return this.dom.substring(start, (end < 0) ? this.dom.length() : end);
		}

		/** The visible text of an element: its markup without tags, whitespace collapsed. */
		String text(String tag, String id) {
			return element(tag, id).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
		}

		/** Lines of the browser log where a script failed. */
		List<String> scriptErrors() {
			return this.log.lines().filter((line) -> line.contains("Uncaught")).toList();
		}

	}

}
